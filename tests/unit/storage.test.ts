import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../core/schema';
import { loadSettings } from '../../platform/storage';
import { defineItem } from '../../platform/storage-item';

describe('defineItem', () => {
  it('gives the fallback when nothing is stored', async () => {
    const item = defineItem('thing', { fallback: { n: 0 }, version: 1 });
    expect(await item.getValue()).toEqual({ n: 0 });
  });

  it('stores the value with its version, the way WXT does', async () => {
    const item = defineItem('thing', { fallback: { n: 0 }, version: 1 });
    await item.setValue({ n: 3 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ thing: { n: 3 }, thing$: { v: 1 } });
  });

  it('runs each missing migration once, in order', async () => {
    await fakeBrowser.storage.local.set({ thing: { minutes: 60 }, thing$: { v: 1 } });
    const toV2 = vi.fn((old: unknown) => ({ ...(old as object), hours: [] }));
    const toV3 = vi.fn((old: unknown) => ({ ...(old as object), v3: true }));
    const item = defineItem('thing', { fallback: {}, version: 3, migrations: { 2: toV2, 3: toV3 } });
    expect(await item.getValue()).toEqual({ minutes: 60, hours: [], v3: true });
    expect(await item.getValue()).toEqual({ minutes: 60, hours: [], v3: true });
    expect(toV2).toHaveBeenCalledTimes(1);
    expect((await fakeBrowser.storage.local.get('thing$')).thing$).toEqual({ v: 3 });
  });

  it('tells a watcher about changes', async () => {
    const item = defineItem('thing', { fallback: 0, version: 1 });
    const seen: unknown[] = [];
    const unwatch = item.watch((next, previous) => seen.push([next, previous]));
    await item.setValue(1);
    await item.setValue(2);
    unwatch();
    await item.setValue(3);
    expect(seen).toEqual([
      [1, null],
      [2, 1],
    ]);
  });
});

describe('loadSettings', () => {
  it('says in the console which stored setting was broken', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.sync.set({ 'pref:families': 'all' });
    expect((await loadSettings()).families).toEqual(DEFAULT_SETTINGS.families);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/stored families could not be read/));
    // Reading never rewrites: the person's value is still there to recover.
    expect((await fakeBrowser.storage.sync.get('pref:families'))['pref:families']).toBe('all');
  });
});
