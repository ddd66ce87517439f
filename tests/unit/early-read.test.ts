// The popup's head script reads the settings and the context before the app's modules have loaded
// (platform/early-read.ts); the app must make of that read exactly what its own reads would give.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_CONTEXT_STATE, DEFAULT_SCHEDULE } from '../../core/schema';
import { type EarlyRead, startEarlyRead, takeEarlyRead } from '../../platform/early-read';
import { loadSettings, loadSettingsReport, settingsFromEarlyRead } from '../../platform/settings';
import {
  contextFromEarlyRead,
  loadContext,
  loadSchedule,
  scheduleFromEarlyRead,
} from '../../platform/storage';

const readNow = (): EarlyRead => ({
  sync: fakeBrowser.storage.sync.get(null),
  local: fakeBrowser.storage.local.get(null),
});
const context = { canStepAway: true, alone: true, minutes: 15 };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the early read', () => {
  it('starts both reads with whichever extension API the page has, and hands them over once', async () => {
    vi.stubGlobal('chrome', fakeBrowser);
    await fakeBrowser.storage.sync.set({ 'pref:intervalMinutes': 45 });
    startEarlyRead();
    const read = takeEarlyRead();
    expect(await read?.sync).toEqual({ 'pref:intervalMinutes': 45 });
    await fakeBrowser.storage.sync.set({ 'pref:intervalMinutes': 60 });
    const again = takeEarlyRead();
    expect(again).not.toBe(read);
    expect(await again?.sync).toEqual({ 'pref:intervalMinutes': 60 });
  });

  it('starts the reads when the app takes them before the head script got to it', async () => {
    vi.stubGlobal('browser', fakeBrowser);
    await fakeBrowser.storage.local.set({ settings$moved: true });
    expect(await takeEarlyRead()?.local).toEqual({ settings$moved: true });
  });

  it('does nothing without extension storage', () => {
    startEarlyRead();
    expect(takeEarlyRead()).toBeUndefined();
  });

  it('gives the settings loadSettingsReport gives, once Outlet 0.1 settings are known moved', async () => {
    await fakeBrowser.storage.sync.set({ 'pref:intervalMinutes': 45, 'pref:holdDuringCalls': true });
    await fakeBrowser.storage.local.set({
      settings$moved: true,
      'person:a': { id: 'a', name: 'Ana', addedAt: 1 },
    });
    const early = await settingsFromEarlyRead(readNow());
    expect(early).toEqual(await loadSettingsReport());
    expect(early?.value.trustedPeople.map((p) => p.name)).toEqual(['Ana']);
  });

  it('reports repaired preferences as loadSettingsReport does', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.sync.set({ 'pref:intervalMinutes': 'often' });
    await fakeBrowser.storage.local.set({ settings$moved: true });
    expect((await settingsFromEarlyRead(readNow()))?.repaired).toEqual(['intervalMinutes']);
  });

  it('leaves the settings to the app while Outlet 0.1 settings are not moved, or when the read failed', async () => {
    await fakeBrowser.storage.local.set({ settings: { intervalMinutes: 45, trustedPeople: [] } });
    expect(await settingsFromEarlyRead(readNow())).toBeNull();
    const failed = Promise.reject(new Error('no storage'));
    failed.catch(() => undefined);
    expect(await settingsFromEarlyRead({ sync: failed, local: failed })).toBeNull();
    expect(await settingsFromEarlyRead(undefined)).toBeNull();
    // The app's own read then moves them, as before.
    expect((await loadSettings()).intervalMinutes).toBe(45);
  });

  it('spares the later reads of the page the migration flag once it was seen set', async () => {
    await fakeBrowser.storage.local.set({ settings$moved: true });
    await settingsFromEarlyRead(readNow());
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await loadSettings();
    expect(get.mock.calls.map(([keys]) => keys)).toEqual([null]);
  });

  it('gives the context loadContext gives: stored, missing, or not valid', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await contextFromEarlyRead(readNow())).toEqual(DEFAULT_CONTEXT_STATE);
    await fakeBrowser.storage.local.set({ context: context, context$: { v: 1 } });
    expect(await contextFromEarlyRead(readNow())).toEqual(context);
    expect(await loadContext()).toEqual(context);
    await fakeBrowser.storage.local.set({ context: { minutes: 'lots' } });
    expect(await contextFromEarlyRead(readNow())).toEqual(await loadContext());
  });

  it('leaves the context to the app when the read failed', async () => {
    const failed = Promise.reject(new Error('no storage'));
    failed.catch(() => undefined);
    expect(await contextFromEarlyRead({ sync: failed, local: failed })).toBeNull();
    expect(await contextFromEarlyRead(undefined)).toBeNull();
  });

  // A fixed time's family (core/schedule.ts fixedOfferFamily) is known at the app's first render,
  // from the same read: a feeling clicked at first paint is offered it without another round trip.
  it("gives the schedule loadSchedule gives, from the head script's own read", async () => {
    vi.stubGlobal('chrome', fakeBrowser);
    const now = 1_780_000_000_000;
    const schedule = { ...DEFAULT_SCHEDULE, fixedOffer: { family: 'movement', at: now - 60_000 } };
    await fakeBrowser.storage.local.set({ schedule, schedule$: { v: 2 } });
    startEarlyRead();
    const early = await scheduleFromEarlyRead(takeEarlyRead(), now);
    expect(early).toEqual(await loadSchedule(now));
    expect(early?.fixedOffer).toEqual({ family: 'movement', at: now - 60_000 });
  });

  it('leaves the schedule to the app when the read failed', async () => {
    const failed = Promise.reject(new Error('no storage'));
    failed.catch(() => undefined);
    expect(await scheduleFromEarlyRead({ sync: failed, local: failed }, 0)).toBeNull();
    expect(await scheduleFromEarlyRead(undefined, 0)).toBeNull();
  });
});
