// "Quiet the tabs playing sound" during a walk or a breath (platform/tab-sound.ts), through the timer
// the background runs (platform/nudges.ts). The fake browser keeps no tabs' sound, so the tabs here are
// a small model of what Chrome and Firefox report: `audible`, and `mutedInfo` with who muted last.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onTimerAlarm, repairTimer, resetNudgesForTests, startTimer, stopTimer } from '../../platform/nudges';
import { updateSettings } from '../../platform/settings';
import { MUTED_TABS_KEY } from '../../platform/storage-keys';

const MINUTE = 60_000;
const NOW = new Date(2026, 11, 7, 11, 0).getTime();

interface ModelTab {
  id: number;
  audible: boolean;
  mutedInfo: { muted: boolean; reason?: 'user' | 'extension'; extensionId?: string };
}
let tabs: ModelTab[] = [];

/** What a person does with the tab's speaker icon. */
const personSetsMute = (id: number, muted: boolean) => {
  const tab = tabs.find((t) => t.id === id);
  if (tab) tab.mutedInfo = { muted, reason: 'user' };
};
const mutedTabs = () =>
  tabs
    .filter((t) => t.mutedInfo.muted)
    .map((t) => t.id)
    .sort();

beforeEach(() => {
  fakeBrowser.reset();
  resetNudgesForTests();
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  tabs = [
    { id: 1, audible: true, mutedInfo: { muted: false } }, // music playing
    { id: 2, audible: true, mutedInfo: { muted: false } }, // a video playing
    { id: 3, audible: false, mutedInfo: { muted: false } }, // silent
    { id: 4, audible: true, mutedInfo: { muted: true, reason: 'user' } }, // muted by the person before
  ];
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async (query: {
    audible?: boolean;
    muted?: boolean;
  }) =>
    tabs.filter(
      (t) =>
        (query.audible === undefined || t.audible === query.audible) &&
        (query.muted === undefined || t.mutedInfo.muted === query.muted),
    )) as never);
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async (id: number) => {
    const tab = tabs.find((t) => t.id === id);
    if (!tab) throw new Error(`No tab with id: ${id}.`);
    return { ...tab, mutedInfo: { ...tab.mutedInfo } };
  }) as never);
  vi.spyOn(fakeBrowser.tabs, 'update').mockImplementation((async (
    id: number,
    change: { muted?: boolean },
  ) => {
    const tab = tabs.find((t) => t.id === id);
    if (!tab) throw new Error(`No tab with id: ${id}.`);
    if (change.muted !== undefined)
      tab.mutedInfo = { muted: change.muted, reason: 'extension', extensionId: fakeBrowser.runtime.id };
    return tab;
  }) as never);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('quiet tabs during a timed outlet', () => {
  it('leaves every tab alone when the person has not asked for it', async () => {
    await startTimer(5, 'c1', NOW);
    expect(mutedTabs()).toEqual([4]);
    expect(fakeBrowser.tabs.update).not.toHaveBeenCalled();
  });

  it('mutes only the tabs playing sound when the walk starts, and gives them their sound back when it is over', async () => {
    await updateSettings({ quietAudibleTabs: true });
    await startTimer(5, 'c1', NOW);
    expect(mutedTabs()).toEqual([1, 2, 4]);
    await onTimerAlarm(NOW + 5 * MINUTE);
    expect(mutedTabs()).toEqual([4]); // the one the person muted stays muted
  });

  it('gives the sound back on "Stop early" too', async () => {
    await updateSettings({ quietAudibleTabs: true });
    await startTimer(5, 'c1', NOW);
    await stopTimer(NOW + MINUTE);
    expect(mutedTabs()).toEqual([4]);
  });

  it('leaves a tab as the person set it meanwhile: unmuted stays unmuted, muted again stays muted', async () => {
    await updateSettings({ quietAudibleTabs: true });
    await startTimer(5, 'c1', NOW);
    personSetsMute(1, false); // wanted to hear it after all
    personSetsMute(2, false);
    personSetsMute(2, true); // and muted it again themselves
    personSetsMute(1, false);
    await stopTimer(NOW + MINUTE);
    expect(mutedTabs()).toEqual([2, 4]);
  });

  it('remembers which tabs it muted across a restart of the worker', async () => {
    await updateSettings({ quietAudibleTabs: true });
    await startTimer(5, 'c1', NOW);
    expect((await fakeBrowser.storage.local.get(MUTED_TABS_KEY))[MUTED_TABS_KEY]).toEqual([1, 2]);
    resetNudgesForTests(); // a new worker: nothing in memory
    await repairTimer(NOW + 2 * MINUTE);
    expect(mutedTabs()).toEqual([1, 2, 4]); // still mid-walk: still quiet
    resetNudgesForTests();
    await onTimerAlarm(NOW + 5 * MINUTE);
    expect(mutedTabs()).toEqual([4]);
    expect((await fakeBrowser.storage.local.get(MUTED_TABS_KEY))[MUTED_TABS_KEY]).toBeUndefined();
  });

  it('a tab closed during the walk is simply skipped', async () => {
    await updateSettings({ quietAudibleTabs: true });
    await startTimer(5, 'c1', NOW);
    tabs = tabs.filter((t) => t.id !== 1);
    await stopTimer(NOW + MINUTE);
    expect(mutedTabs()).toEqual([4]);
  });
});
