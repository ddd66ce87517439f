// Its own file: storage items remember per page that they are up to date, as they do in the browser,
// so an upgrade is tested in a fresh module graph.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSchedule, loadSettings } from '../../platform/storage';

describe('upgrading from version 1', () => {
  it('fills in the new settings without a warning, keeping every choice', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const v1 = {
      nudgesEnabled: true,
      intervalMinutes: 45,
      families: ['body'],
      trustedPeople: [{ id: 'p', name: 'Sam' }],
    };
    await fakeBrowser.storage.local.set({ settings: v1, settings$: { v: 1 } });
    expect(await loadSettings()).toMatchObject({ ...v1, breakMinutes: 5, holdDuringCalls: false });
    // Moved into one key per preference and per person, the original kept aside.
    expect(await fakeBrowser.storage.sync.get(null)).toMatchObject({ 'pref:intervalMinutes': 45 });
    expect(await fakeBrowser.storage.local.get(null)).toMatchObject({ 'person:p': { id: 'p', name: 'Sam' } });
    expect(warn.mock.calls).toEqual([]);
  });

  it('keeps the planned nudge of a version 1 schedule', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const v1 = { nextNudgeAt: 1_800_000_000_000, pausedUntil: null, lastNudgeAt: null, recentLines: [3] };
    await fakeBrowser.storage.local.set({ schedule: v1, schedule$: { v: 1 } });
    // Read an hour before that nudge: a plan further ahead than the clock can vouch for is dropped.
    const now = v1.nextNudgeAt - 60 * 60_000;
    expect(await loadSchedule(now)).toMatchObject({ ...v1, held: null, ignoredInRow: 0, missed: null });
    expect(warn.mock.calls).toEqual([]);
  });
});
