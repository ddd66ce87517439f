// While a walk runs, the toolbar says how many minutes are left; a "time's up" that comes long
// after the walk ended (the alarm fired at browser start) is not shown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { minutesLeft, TIME_UP_GRACE, timeUpIsTimely } from '../../core/timer';
import background from '../../entrypoints/background';
import { NUDGE_ALARM, TIMER_ALARM, TIMER_TICK_ALARM } from '../../platform/alarms';
import { NUDGE_NOTIFICATION } from '../../platform/notifications';
import { resetNudgesForTests } from '../../platform/nudges';
import { settle, startBackground, stopBackground, TUESDAY_MORNING } from './background-harness';

const MINUTE = 60_000;
const START = TUESDAY_MORNING;

async function fire(name: string) {
  const alarm = await fakeBrowser.alarms.get(name);
  if (!alarm) throw new Error(`no ${name} alarm`);
  await fakeBrowser.alarms.onAlarm.trigger(alarm);
  await settle();
}

async function send(message: unknown) {
  try {
    return await fakeBrowser.runtime.onMessage.trigger(
      message,
      { id: fakeBrowser.runtime.id },
      () => undefined,
    );
  } finally {
    await settle();
  }
}

const badge = () => fakeBrowser.action.getBadgeText({});
const tooltip = () => fakeBrowser.action.getTitle({});
const titles = () =>
  Object.values(fakeBrowser.notifications.getAllCreateOptions() as Record<string, { title: string }>).map(
    (n) => n.title,
  );

beforeEach(async () => {
  // A nudge shown when due, as the missed count here expects (waiting first: offer.test.ts).
  await fakeBrowser.storage.sync.set({ 'pref:nudgeMode': 'at-once' });
  await startBackground(START);
});
afterEach(stopBackground);

describe('minutesLeft and timeUpIsTimely', () => {
  it.each([
    [10 * MINUTE, 10],
    [9 * MINUTE + 1, 10],
    [9 * MINUTE, 9],
    [1000, 1],
    [0, 0],
    [-5 * MINUTE, 0],
  ])('%d ms before the end shows %d', (before, minutes) => {
    expect(minutesLeft(START + before, START)).toBe(minutes);
  });

  it.each([
    [0, true],
    [2 * MINUTE, true],
    [TIME_UP_GRACE, true],
    [TIME_UP_GRACE + 1, false],
    [3 * 60 * MINUTE, false],
  ])("a time's up %d ms late is shown: %s", (late, shown) => {
    expect(timeUpIsTimely(START, START + late)).toBe(shown);
  });
});

describe('the toolbar badge during a walk', () => {
  it('shows the minutes left, counting down each minute, and clears when the walk ends', async () => {
    await send({ type: 'startTimer', data: { minutes: 10, checkInId: 'c1' } });
    expect(await badge()).toBe('10');
    expect(await tooltip()).toBe('Outlet: 10 minutes left');
    const tick = await fakeBrowser.alarms.get(TIMER_TICK_ALARM);
    expect(tick).toMatchObject({ scheduledTime: START + MINUTE, periodInMinutes: 1 });

    vi.setSystemTime(START + MINUTE);
    await fire(TIMER_TICK_ALARM);
    expect(await badge()).toBe('9');

    vi.setSystemTime(START + 9 * MINUTE + 30_000);
    await fire(TIMER_TICK_ALARM);
    expect(await badge()).toBe('1');
    expect(await tooltip()).toBe('Outlet: 1 minute left');

    vi.setSystemTime(START + 10 * MINUTE);
    await fire(TIMER_ALARM);
    expect(await badge()).toBe('');
    expect(await tooltip()).toBe('Outlet: check in');
    expect(await fakeBrowser.alarms.get(TIMER_TICK_ALARM)).toBeUndefined();
  });

  it('wins over the missed-nudge count while it runs, and gives it back when stopped', async () => {
    vi.setSystemTime(START + 60 * MINUTE);
    await fire(NUDGE_ALARM);
    await fakeBrowser.notifications.onClosed.trigger(NUDGE_NOTIFICATION, true);
    await settle();
    expect(await badge()).toBe('1');

    await send({ type: 'startTimer', data: { minutes: 5, checkInId: 'c1' } });
    expect(await badge()).toBe('5');
    await send({ type: 'stopTimer', data: null });
    expect(await badge()).toBe('1');
  });

  it('keeps its minutes through a worker that wakes mid-walk', async () => {
    await send({ type: 'startTimer', data: { minutes: 15, checkInId: 'c1' } });
    resetNudgesForTests();
    vi.setSystemTime(START + 4 * MINUTE + 10_000);
    background.main();
    await settle();
    expect(await badge()).toBe('11');
    // The tick isn't moved by the wake.
    expect((await fakeBrowser.alarms.get(TIMER_TICK_ALARM))?.scheduledTime).toBe(START + MINUTE);
  });
});

describe("the time's-up notification", () => {
  it('is shown when the alarm rings on time, or a minute or two late', async () => {
    await send({ type: 'startTimer', data: { minutes: 10, checkInId: 'c1' } });
    vi.setSystemTime(START + 12 * MINUTE);
    await fire(TIMER_ALARM);
    expect(titles()).toEqual(["Time's up"]);
  });

  it('is not shown when the alarm rings long after the walk ended, and the walk is over all the same', async () => {
    await send({ type: 'startTimer', data: { minutes: 10, checkInId: 'c1' } });
    expect((await fakeBrowser.storage.local.get('timer')).timer).toMatchObject({ checkInId: 'c1' });
    // The browser was closed mid-walk and opened three hours later: the missed alarm fires at start.
    vi.setSystemTime(START + 3 * 60 * MINUTE);
    await fire(TIMER_ALARM);
    expect(titles()).toEqual([]);
    expect((await fakeBrowser.storage.local.get('timer')).timer ?? null).toBeNull();
    expect(await badge()).toBe('');
  });
});
