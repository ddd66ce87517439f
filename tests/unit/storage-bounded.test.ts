// The popup's head script (platform/early-read.ts) and the settings (platform/settings.ts) read from
// storage.local only the keys they need: where the browser refuses IndexedDB the whole history lives
// there too, one key per entry (platform/history/local.ts), and `get(null)` at every page's open read
// all of it. These fill storage.local with a large history and watch what is asked of it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startEarlyRead, takeEarlyRead } from '../../platform/early-read';
import {
  keepUnreadable,
  loadKeptUnreadable,
  loadSetAside,
  loadSettingsReport,
  loadTrustedPeople,
  mergeSetAside,
  removeAllTrustedPeople,
  removeSetAside,
} from '../../platform/settings';
import { LOCAL_HISTORY_PREFIX } from '../../platform/storage-keys';

const HISTORY_SIZE = 2_000;
type Area = typeof fakeBrowser.storage.local & { getKeys?: () => Promise<string[]> };
const local = fakeBrowser.storage.local as Area;

/** Every key asked of storage.local since the spy began; `null` for a read of everything. */
function watchReads() {
  const get = vi.spyOn(local, 'get');
  return {
    everything: () => get.mock.calls.filter(([keys]) => keys === null || keys === undefined).length,
    historyKeys: () =>
      get.mock.calls
        .flatMap(([keys]) => (Array.isArray(keys) ? keys : typeof keys === 'string' ? [keys] : []))
        .filter((key) => key.startsWith(LOCAL_HISTORY_PREFIX)).length,
  };
}

beforeEach(async () => {
  // The browsers Outlet runs on list keys alone (Chrome 130, Firefox 143); the fake doesn't.
  const get = local.get.bind(local);
  local.getKeys = async () => Object.keys(await get(null));
  const history: Record<string, unknown> = {};
  for (let i = 0; i < HISTORY_SIZE; i++)
    history[`${LOCAL_HISTORY_PREFIX}entry:c${i}`] = {
      id: `c${i}`,
      at: i,
      feeling: 'calm',
      journal: 'x'.repeat(500),
    };
  await local.set({
    ...history,
    settings$moved: true,
    context: { canStepAway: true, alone: false, minutes: 5 },
    'person:sam': { id: 'sam', name: 'Sam', addedAt: 1 },
    'aside:5:pref:hours': { key: 'pref:hours', at: 5, value: 'odd' },
    'unreadable:0': { id: 42 },
  });
  await fakeBrowser.storage.sync.set({ 'pref:intervalMinutes': 45 });
});

afterEach(() => {
  Reflect.deleteProperty(local, 'getKeys');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('a large history in storage.local', () => {
  it('is not read by the popup head script, which still gets the settings, the people and the context', async () => {
    vi.stubGlobal('chrome', fakeBrowser);
    const reads = watchReads();
    startEarlyRead();
    const read = takeEarlyRead();
    const stored = await read?.local;
    expect(stored).toMatchObject({
      settings$moved: true,
      context: { canStepAway: true, alone: false, minutes: 5 },
      'person:sam': { name: 'Sam' },
    });
    expect(Object.keys(stored ?? {}).filter((key) => key.startsWith(LOCAL_HISTORY_PREFIX))).toEqual([]);
    expect(await read?.sync).toEqual({ 'pref:intervalMinutes': 45 });
    expect(reads.everything()).toBe(0);
    expect(reads.historyKeys()).toBe(0);
  });

  it('is not read by the settings: people, values kept aside, unreadable ones', async () => {
    const reads = watchReads();
    expect((await loadTrustedPeople()).map((p) => p.name)).toEqual(['Sam']);
    expect((await loadSetAside()).map((item) => item.key)).toEqual(['pref:hours']);
    expect(await mergeSetAside([{ key: 'pref:hours', at: 5, value: 'odd' }])).toEqual({ added: 0, same: 1 });
    expect(await loadKeptUnreadable()).toEqual([{ id: 42 }]);
    await keepUnreadable([{ id: 43 }]);
    expect(await loadKeptUnreadable()).toEqual([{ id: 42 }, { id: 43 }]);
    await removeSetAside();
    await removeAllTrustedPeople();
    expect(await loadSetAside()).toEqual([]);
    expect(await loadTrustedPeople()).toEqual([]);
    expect(reads.everything()).toBe(0);
    expect(reads.historyKeys()).toBe(0);
    // The history itself is untouched.
    expect(Object.keys(await local.get(null)).filter((k) => k.startsWith(LOCAL_HISTORY_PREFIX))).toHaveLength(
      HISTORY_SIZE,
    );
  });

  it('is not read for the settings every page shows, which still hold the preferences and the people', async () => {
    const reads = watchReads();
    const report = await loadSettingsReport();
    expect(report.value.intervalMinutes).toBe(45);
    expect(report.value.trustedPeople.map((p) => p.name)).toEqual(['Sam']);
    expect(report.repaired).toEqual([]);
    expect(reads.everything()).toBe(0);
    expect(reads.historyKeys()).toBe(0);
  });

  it('where the browser cannot list keys (Firefox 140 to 142), is read whole but the answers are the same', async () => {
    Reflect.deleteProperty(local, 'getKeys');
    expect((await loadTrustedPeople()).map((p) => p.name)).toEqual(['Sam']);
    expect((await loadSetAside()).map((item) => item.key)).toEqual(['pref:hours']);
    expect(await loadKeptUnreadable()).toEqual([{ id: 42 }]);
  });
});
