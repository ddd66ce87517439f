// Storage full: a write that fails must never stop the nudges (DESIGN.md §2). The alarm follows the
// decided schedule whether or not the schedule could be stored, the failure is logged, and a page
// that asked for the change hears that it failed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { NUDGE_ALARM, TIMER_ALARM } from '../../platform/alarms';
import { NUDGE_NOTIFICATION } from '../../platform/notifications';
import { serially } from '../../platform/nudges';
import { prepareBackground, stopBackground } from './background-harness';
import { sendFromPage } from './page-channel';

const MINUTE = 60_000;
// A Tuesday morning, inside the default active hours (Monday to Friday, 9:00 to 18:00) in any zone.
const START = new Date(2026, 2, 10, 10, 0).getTime();
const QUOTA = 'Resource::kQuotaBytes quota exceeded';

async function settle() {
  await serially(async () => undefined);
  await new Promise((resolve) => setTimeout(resolve, 0));
  await serially(async () => undefined);
}

async function startWorker() {
  background.main();
  await settle();
}

/** From now on every write to storage.local fails the way Chrome's does when the quota is used up. */
function fillStorage() {
  return vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error(QUOTA));
}

/** Fires an alarm the way the browser does; what the listener does with a failure is not our concern here. */
async function fire(name: string) {
  const alarm = await fakeBrowser.alarms.get(name);
  if (!alarm) throw new Error(`no ${name} alarm`);
  await fakeBrowser.alarms.onAlarm.trigger(alarm).catch(() => undefined);
  await settle();
}

/** A message from one of Outlet's own pages, through the page's own sendMessage. */
async function send(...args: Parameters<typeof sendFromPage>): Promise<unknown> {
  try {
    return await sendFromPage(...args);
  } finally {
    await settle();
  }
}

const nudgeAt = async () => (await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime;
const titles = () =>
  Object.values(fakeBrowser.notifications.getAllCreateOptions() as Record<string, { title: string }>).map(
    (n) => n.title,
  );

describe('when storage is full', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(async () => {
    prepareBackground(START);
    // A nudge shown when due, as these tests expect (waiting first: offer.test.ts).
    await fakeBrowser.storage.sync.set({ 'pref:nudgeMode': 'at-once' });
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(stopBackground);

  it('keeps the nudge alarm on the decided schedule, and the next alarm still nudges', async () => {
    await startWorker();
    fillStorage();

    vi.setSystemTime(START + 60 * MINUTE);
    await fire(NUDGE_ALARM);
    expect(titles()).toEqual(['A moment for you']);
    expect(await nudgeAt()).toBe(START + 120 * MINUTE);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be saved'), expect.any(Error));

    await fakeBrowser.notifications.clear(NUDGE_NOTIFICATION);
    vi.setSystemTime(START + 120 * MINUTE);
    await fire(NUDGE_ALARM);
    expect(titles()).toEqual(['A moment for you']);
    expect(await nudgeAt()).toBe(START + 180 * MINUTE);
  });

  it('stores the schedule it could not store before, once storage has room again', async () => {
    await startWorker();
    const full = fillStorage();
    vi.setSystemTime(START + 60 * MINUTE);
    await fire(NUDGE_ALARM);
    full.mockRestore();

    vi.setSystemTime(START + 61 * MINUTE);
    await send('checkedIn', null);
    const stored = (await fakeBrowser.storage.local.get('schedule')).schedule as { lastNudgeAt: number };
    expect(stored.lastNudgeAt).toBe(START + 60 * MINUTE);
    expect(await nudgeAt()).toBe(START + 121 * MINUTE);
  });

  it('tells the page that a pause could not be saved, and the alarm follows the pause all the same', async () => {
    await startWorker();
    fillStorage();
    await expect(send('pause', { until: START + 60 * MINUTE, kind: 'pause' })).rejects.toThrow(QUOTA);
    expect(await nudgeAt()).toBe(START + 120 * MINUTE);
  });

  it('still rings at the end of a walk whose timer could not be saved, and tells the page', async () => {
    await startWorker();
    fillStorage();
    await expect(send('startTimer', { minutes: 10, checkInId: 'c1' })).rejects.toThrow(QUOTA);
    expect((await fakeBrowser.alarms.get(TIMER_ALARM))?.scheduledTime).toBe(START + 10 * MINUTE);

    vi.setSystemTime(START + 10 * MINUTE);
    await fire(TIMER_ALARM);
    expect(titles()).toEqual(["Time's up"]);
  });

  it("says time's up even when the finished timer can't be cleared from storage", async () => {
    await startWorker();
    await send('startTimer', { minutes: 10, checkInId: 'c1' });
    vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValue(new Error('IO error'));
    vi.setSystemTime(START + 10 * MINUTE);
    await fire(TIMER_ALARM);
    expect(titles()).toEqual(["Time's up"]);
  });

  it('stops the alarm of a stopped timer even when storage fails, and tells the page', async () => {
    await startWorker();
    await send('startTimer', { minutes: 10, checkInId: 'c1' });
    vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValue(new Error('IO error'));
    await expect(send('stopTimer', null)).rejects.toThrow('IO error');
    expect(await fakeBrowser.alarms.get(TIMER_ALARM)).toBeUndefined();
  });
});
