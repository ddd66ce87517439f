import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../core/schema';
import { localDayKey, localOffsetMinutes } from '../../core/time';
import background from '../../entrypoints/background';
import { NUDGE_ALARM } from '../../platform/alarms';
import { allCheckIns } from '../../platform/history/store';
import { NUDGE_NOTIFICATION } from '../../platform/notifications';
import { serially } from '../../platform/nudges';
import { loadTrustedPeople } from '../../platform/settings';

const MINUTE = 60_000;
// A Tuesday morning, inside the default active hours (Monday to Friday, 9:00 to 18:00) in any zone.
const START = new Date(2026, 2, 10, 10, 0).getTime();

/** Starts the worker the way the browser does, and waits until its start-up work is stored. */
async function startWorker() {
  background.main();
  await settle();
}

/** Waits for every queued change of the schedule, plus the storage events they caused. */
async function settle() {
  await serially(async () => undefined);
  await new Promise((resolve) => setTimeout(resolve, 0));
  await serially(async () => undefined);
}

// biome-ignore lint/suspicious/noExplicitAny: a test reads back whatever shape was stored
async function stored(key: string): Promise<any> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

/** Preferences as a page stores them: one storage.sync key each. */
async function setPreferences(patch: Record<string, unknown>) {
  await fakeBrowser.storage.sync.set(
    Object.fromEntries(Object.entries(patch).map(([name, value]) => [`pref:${name}`, value])),
  );
}

/** A message from one of Outlet's own pages. */
async function sendFromPage(message: unknown) {
  await fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id }, () => undefined);
  await settle();
}

/** The options of every notification on screen, by id. */
function notificationsOnScreen() {
  return fakeBrowser.notifications.getAllCreateOptions() as Record<
    string,
    { title: string; message: string; buttons?: { title: string }[] }
  >;
}

async function fireNudgeAlarm() {
  const alarm = await fakeBrowser.alarms.get(NUDGE_ALARM);
  if (!alarm) throw new Error('no nudge alarm');
  await fakeBrowser.alarms.onAlarm.trigger(alarm);
  await settle();
}

/** The fake browser has no `idle` API: this one reports a state and lets the test announce changes. */
function fakeIdle(initial: 'active' | 'idle' | 'locked') {
  const listeners: ((state: string) => Promise<void> | void)[] = [];
  const idle = {
    state: initial,
    async change(state: 'active' | 'idle' | 'locked') {
      idle.state = state;
      await Promise.all(listeners.map((listener) => listener(state)));
      await settle();
    },
  };
  Object.assign(fakeBrowser, {
    idle: {
      setDetectionInterval: () => undefined,
      queryState: async () => idle.state,
      onStateChanged: { addListener: (listener: (state: string) => void) => listeners.push(listener) },
    },
  });
  return idle;
}

/** A restart of the worker: listeners and module state are gone, storage and alarms stay. */
function killWorker() {
  fakeBrowser.alarms.onAlarm.removeAllListeners();
  fakeBrowser.notifications.onClicked.removeAllListeners();
  fakeBrowser.notifications.onButtonClicked.removeAllListeners();
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.storage.onChanged.removeAllListeners();
}

describe('background', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(START);
    fakeIdle('active');
    // The notification as soon as a nudge is due: the waiting first is tested in offer.test.ts.
    await setPreferences({ nudgeMode: 'at-once' });
  });
  afterEach(() => {
    vi.useRealTimers();
    Reflect.deleteProperty(fakeBrowser, 'idle');
  });

  it('creates one nudge alarm an hour away on install', async () => {
    await startWorker();
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.map((a) => a.name)).toEqual([NUDGE_ALARM]);
    expect(alarms[0]?.scheduledTime).toBe(START + 60 * MINUTE);
    expect((await stored('schedule')).nextNudgeAt).toBe(START + 60 * MINUTE);
  });

  it('uses the stored frequency', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, intervalMinutes: 45 } });
    await startWorker();
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(START + 45 * MINUTE);
  });

  it('shows a notification when the alarm fires, and schedules the next one', async () => {
    await startWorker();
    vi.setSystemTime(START + 60 * MINUTE);
    await fireNudgeAlarm();

    const shown = notificationsOnScreen();
    expect(Object.keys(shown)).toEqual([NUDGE_NOTIFICATION]);
    const notification = shown[NUDGE_NOTIFICATION];
    expect(notification?.title).toBe('A moment for you');
    expect(notification?.message.length).toBeGreaterThan(10);
    expect(notification?.buttons?.map((b) => b.title)).toEqual(['Check in', 'Snooze 15 min']);
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(START + 120 * MINUTE);
  });

  it('does not move a healthy alarm when the worker restarts', async () => {
    await startWorker();
    vi.setSystemTime(START + 25 * MINUTE);
    killWorker();
    await startWorker();
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(START + 60 * MINUTE);
  });

  it('repairs a missing alarm from the stored plan', async () => {
    await startWorker();
    await fakeBrowser.alarms.clearAll();
    vi.setSystemTime(START + 10 * MINUTE);
    killWorker();
    await startWorker();
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms).toHaveLength(1);
    expect(alarms[0]?.scheduledTime).toBe(START + 60 * MINUTE);
  });

  it('shows one notification when two alarms for the same nudge fire together', async () => {
    await startWorker();
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    vi.setSystemTime(START + 60 * MINUTE);
    const alarm = await fakeBrowser.alarms.get(NUDGE_ALARM);
    if (!alarm) throw new Error('no nudge alarm');
    await Promise.all([fakeBrowser.alarms.onAlarm.trigger(alarm), fakeBrowser.alarms.onAlarm.trigger(alarm)]);
    await settle();
    expect(created).toHaveBeenCalledTimes(1);
  });

  it('does not replay a nudge missed while the computer slept', async () => {
    await startWorker();
    vi.setSystemTime(START + 5 * 60 * MINUTE);
    await fireNudgeAlarm();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(START + 6 * 60 * MINUTE);
  });

  it('ignores messages that do not come from Outlet itself', async () => {
    await startWorker();
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'pause', data: START + 60 * MINUTE },
      { id: 'someone-else' },
      () => undefined,
    );
    await settle();
    expect((await stored('schedule')).pausedUntil).toBeNull();
  });

  it('snoozes for 15 minutes from the notification button', async () => {
    await startWorker();
    vi.setSystemTime(START + 60 * MINUTE);
    await fireNudgeAlarm();
    await fakeBrowser.notifications.onButtonClicked.trigger(NUDGE_NOTIFICATION, 1);
    await settle();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(START + 75 * MINUTE);
  });

  it('reschedules at once when the frequency changes', async () => {
    await startWorker();
    vi.setSystemTime(START + 20 * MINUTE);
    await setPreferences({ intervalMinutes: 30 });
    await settle();
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(START + 50 * MINUTE);
  });

  it('clears the alarm when nudges are turned off, and brings it back when turned on', async () => {
    await startWorker();
    await setPreferences({ nudgesEnabled: false });
    await settle();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await setPreferences({ nudgesEnabled: true });
    await settle();
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });

  it('holds nudges during a pause and resumes one interval after it ends', async () => {
    await startWorker();
    await sendFromPage({ type: 'pause', data: { until: START + 60 * MINUTE, kind: 'pause' } });
    expect((await stored('schedule')).pausedUntil).toBe(START + 60 * MINUTE);
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(START + 120 * MINUTE);

    await sendFromPage({ type: 'resume', data: null });
    expect((await stored('schedule')).pausedUntil).toBeNull();
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(START + 60 * MINUTE);
  });

  it('falls back to defaults for a corrupt setting, says so, and keeps the check-ins', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const checkIn = { id: 'a', at: START - MINUTE, feeling: 'calm', outletId: 'doodle', outcome: 'done' };
    const people = [{ id: 'p', name: 'Sam', phone: '+44 20 1234 5678' }];
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, intervalMinutes: 'abc', trustedPeople: people },
      'checkin:a': checkIn,
    });
    await startWorker();
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(START + 60 * MINUTE);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('intervalMinutes'));
    await settle();
    // Moved into the database with the local day it is counted on.
    expect((await allCheckIns()).entries).toEqual([
      { ...checkIn, day: localDayKey(checkIn.at), offset: localOffsetMinutes(checkIn.at) },
    ]);
    expect(await loadTrustedPeople()).toEqual(people);
  });

  it('shows a notification when a walk is over, even after a restart lost the alarm', async () => {
    await startWorker();
    await sendFromPage({ type: 'startTimer', data: { minutes: 10, checkInId: 'c1' } });
    expect((await fakeBrowser.alarms.get('timer-end'))?.scheduledTime).toBe(START + 10 * MINUTE);
    await fakeBrowser.alarms.clear('timer-end');
    killWorker();
    await startWorker();
    const timerAlarm = await fakeBrowser.alarms.get('timer-end');
    expect(timerAlarm?.scheduledTime).toBe(START + 10 * MINUTE);
    vi.setSystemTime(START + 10 * MINUTE);
    if (timerAlarm) await fakeBrowser.alarms.onAlarm.trigger(timerAlarm);
    await settle();
    expect(Object.values(notificationsOnScreen()).map((n) => n.title)).toEqual(["Time's up"]);
  });

  it('opens the welcome page on install, and not on update', async () => {
    await startWorker();
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1' });
    expect(opened).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(opened).toHaveBeenCalledWith({ url: expect.stringMatching(/\/welcome\.html$/) });
  });

  it('plans nothing on install until "Start Outlet", then the first nudge one interval later', async () => {
    await startWorker();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await settle();
    expect((await stored('schedule')).nextNudgeAt).toBeNull();
    expect(await fakeBrowser.alarms.get(NUDGE_ALARM)).toBeFalsy();

    // Choices made on the welcome page before the start, and a restart of the worker, plan nothing.
    await setPreferences({ intervalMinutes: 45 });
    await settle();
    background.main();
    await settle();
    expect((await stored('schedule')).nextNudgeAt).toBeNull();
    expect(await fakeBrowser.alarms.get(NUDGE_ALARM)).toBeFalsy();

    vi.setSystemTime(START + 5 * MINUTE);
    await sendFromPage({ type: 'welcomeDone', data: null });
    expect((await stored('schedule')).nextNudgeAt).toBe(START + 50 * MINUTE);
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(START + 50 * MINUTE);

    // Once started, another "start" (the popup, the welcome page opened again) changes nothing.
    vi.setSystemTime(START + 20 * MINUTE);
    await sendFromPage({ type: 'welcomeDone', data: null });
    expect((await stored('schedule')).nextNudgeAt).toBe(START + 50 * MINUTE);
  });

  it('starts nudges at the next browser start for someone who never pressed "Start Outlet"', async () => {
    await startWorker();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await settle();
    expect((await stored('schedule')).nextNudgeAt).toBeNull();
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect((await stored('schedule')).nextNudgeAt).toBe(START + 60 * MINUTE);
  });

  it('plans on an update exactly as before', async () => {
    await startWorker();
    const planned = (await stored('schedule')).nextNudgeAt;
    expect(planned).toBe(START + 60 * MINUTE);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1' });
    await settle();
    expect((await stored('schedule')).nextNudgeAt).toBe(planned);
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(planned);
  });

  it('asks Chrome for a silent nudge when the person chose one', async () => {
    await setPreferences({ silentNudges: true });
    await startWorker();
    vi.setSystemTime(START + 60 * MINUTE);
    await fireNudgeAlarm();
    expect((notificationsOnScreen()[NUDGE_NOTIFICATION] as { silent?: boolean }).silent).toBe(true);
  });

  it('leaves a badge for a dismissed nudge, until the next check-in', async () => {
    await startWorker();
    vi.setSystemTime(START + 60 * MINUTE);
    await fireNudgeAlarm();
    await fakeBrowser.notifications.onClosed.trigger(NUDGE_NOTIFICATION, true);
    await settle();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect((await fakeBrowser.alarms.get('day-end'))?.scheduledTime).toBe(new Date(2026, 2, 11).getTime());

    // The page that saved a new check-in tells the background.
    await sendFromPage({ type: 'checkedIn', data: null });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('holds a due nudge while the person is idle, and restarts the interval after a real break', async () => {
    const idle = fakeIdle('idle');
    await startWorker();
    vi.setSystemTime(START + 60 * MINUTE);
    await idle.change('idle');
    await fireNudgeAlarm();
    expect(notificationsOnScreen()).toEqual({});

    vi.setSystemTime(START + 70 * MINUTE);
    await idle.change('active');
    // Away since 59 minutes in (idle is reported a minute after the last input): 11 minutes, a break.
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(START + 130 * MINUTE);
  });

  it('holds a due nudge while the screen is locked, and brings it a minute after a short absence', async () => {
    const idle = fakeIdle('active');
    await startWorker();
    vi.setSystemTime(START + 58 * MINUTE);
    await idle.change('locked');
    vi.setSystemTime(START + 60 * MINUTE);
    await fireNudgeAlarm();
    expect(notificationsOnScreen()).toEqual({});

    vi.setSystemTime(START + 61 * MINUTE);
    await idle.change('active');
    // Three minutes away is not a break: the waiting nudge comes a minute after the return.
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(START + 62 * MINUTE);
    vi.setSystemTime(START + 62 * MINUTE);
    await fireNudgeAlarm();
    expect(Object.keys(notificationsOnScreen())).toEqual([NUDGE_NOTIFICATION]);
  });

  it('holds a due nudge while a window is in full screen', async () => {
    await startWorker();
    vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue({
      focused: true,
      state: 'fullscreen',
    } as never);
    vi.setSystemTime(START + 60 * MINUTE);
    await fireNudgeAlarm();
    expect(notificationsOnScreen()).toEqual({});
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(START + 62 * MINUTE);
  });

  it('does not nudge outside active hours', async () => {
    vi.setSystemTime(new Date(2026, 2, 10, 17, 30).getTime());
    await startWorker();
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(
      new Date(2026, 2, 11, 10, 0).getTime(),
    );
  });
});
