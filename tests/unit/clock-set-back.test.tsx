// A walk under a clock set back (issue 15): its countdown follows its stored end (`timer.endsAt`),
// whichever way the clock moves. Set back 10 to 60 minutes mid-walk, the stored end looked further
// ahead than the walk's minutes allow, the timer was read as invalid, and the popup dropped the
// countdown and asked "did it help?" mid-walk; the badge went blank.
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TimerStep } from '../../components/checkin/TimerStep';
import { type CheckIn, parseTimer, TIMER_CLOCK_BACK_MAX, type Timer } from '../../core/schema';
import { DAY, MINUTE } from '../../core/time';
import { App } from '../../entrypoints/popup/App';
import { TIMER_ALARM, TIMER_TICK_ALARM } from '../../platform/alarms';
// Saved as the popup saves it: the popup's history takes it in (platform/history/popup.ts).
import { saveCheckIn } from '../../platform/history/popup';
import { settle, startBackground, stopBackground, TUESDAY_MORNING } from './background-harness';
import { deliver } from './page-channel';

const START = TUESDAY_MORNING;
const WALK = 10;
const END = START + WALK * MINUTE;
const timer: Timer = { endsAt: END, minutes: WALK, checkInId: 'walk-1' };
const walk: CheckIn = {
  id: 'walk-1',
  at: START,
  feeling: 'stressed',
  outletId: 'walk-street',
  outcome: 'done',
};

describe('a stored timer read under a clock set back', () => {
  it.each([10, 30, 60])(
    'two minutes into a 10-minute walk, the clock %d minutes back: still the same walk',
    (back) => {
      const now = START + 2 * MINUTE - back * MINUTE;
      expect(parseTimer(timer, now)).toEqual({ value: timer, repaired: false });
    },
  );

  it('the clock moved forward past the end: the timer is still read (the walk is over by its end)', () => {
    expect(parseTimer(timer, END + 30 * MINUTE)).toEqual({ value: timer, repaired: false });
  });

  it('still refuses an end further ahead than any walk and any clock set back allow', () => {
    const limit = START + WALK * MINUTE + TIMER_CLOCK_BACK_MAX;
    expect(parseTimer({ ...timer, endsAt: limit }, START).value).toEqual({ ...timer, endsAt: limit });
    expect(parseTimer({ ...timer, endsAt: limit + 1 }, START)).toEqual({ value: null, repaired: true });
    expect(parseTimer({ ...timer, endsAt: START + 365 * DAY }, START)).toEqual({
      value: null,
      repaired: true,
    });
  });
});

async function fire(name: string) {
  const alarm = await fakeBrowser.alarms.get(name);
  if (!alarm) throw new Error(`no ${name} alarm`);
  await fakeBrowser.alarms.onAlarm.trigger(alarm);
  await settle();
}

const badge = () => fakeBrowser.action.getBadgeText({});
const notificationTitles = () =>
  Object.values(fakeBrowser.notifications.getAllCreateOptions() as Record<string, { title: string }>).map(
    (n) => n.title,
  );

describe('the background during a walk, the clock set back 30 minutes', () => {
  beforeEach(async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await startBackground(START);
    await deliver({ type: 'startTimer', data: { minutes: WALK, checkInId: 'walk-1' } });
    await settle();
  });
  afterEach(stopBackground);

  it('the badge counts to the stored end', async () => {
    vi.setSystemTime(START + 2 * MINUTE - 30 * MINUTE);
    await fire(TIMER_TICK_ALARM);
    expect(await badge()).toBe('38');
  });

  it('an end alarm that rings before the stored end (Firefox counts elapsed time) keeps the walk going', async () => {
    // Firefox's alarms wait out their delay, not the clock: ten minutes on, the clock reads 20 minutes
    // before the stored end.
    vi.setSystemTime(END - 30 * MINUTE);
    await fire(TIMER_ALARM);
    expect(notificationTitles()).not.toContain("Time's up");
    expect((await fakeBrowser.storage.local.get('timer')).timer).toEqual(timer);
    expect((await fakeBrowser.alarms.get(TIMER_ALARM))?.scheduledTime).toBe(END);
    expect(await badge()).toBe('30');

    vi.setSystemTime(END);
    await fire(TIMER_ALARM);
    expect(notificationTitles()).toContain("Time's up");
    expect((await fakeBrowser.storage.local.get('timer')).timer).toBeUndefined();
  });

  it('after a restart mid-walk, the end alarm is set again at the stored end', async () => {
    await fakeBrowser.alarms.clearAll();
    stopBackground();
    await startBackground(START + 2 * MINUTE - 30 * MINUTE);
    expect((await fakeBrowser.alarms.get(TIMER_ALARM))?.scheduledTime).toBe(END);
  });
});

describe('the popup opened mid-walk, the clock set back', () => {
  beforeEach(async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await startBackground(START);
    await saveCheckIn(walk);
    await deliver({ type: 'startTimer', data: { minutes: WALK, checkInId: 'walk-1' } });
    await settle();
  });
  afterEach(() => {
    cleanup();
    stopBackground();
  });

  it.each([10, 30, 60])(
    '%d minutes back: the countdown to the stored end, and no question about it',
    async (back) => {
      const now = START + 2 * MINUTE - back * MINUTE;
      vi.setSystemTime(now);
      render(<App />);
      await screen.findByText('Still going: Walk to the end of the street and back');
      const left = (END - now) / MINUTE;
      expect(screen.getByRole('timer').textContent).toBe(`${left}:00`);
      expect(screen.queryByText(/Did it help\?/)).toBeNull();
      expect(screen.queryByText(/and now\?/)).toBeNull();
    },
  );

  it('the clock moved forward past the end: the walk is over, and "And now?" is asked', async () => {
    vi.setSystemTime(END + MINUTE);
    render(<App />);
    await screen.findByText('After “Walk to the end of the street and back”: and now?');
    expect(screen.queryByText(/Still going/)).toBeNull();
  });
});

describe('the countdown on screen while the clock moves', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('set back mid-walk: counts to the stored end; over only when the clock reaches it', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
    const onOver = vi.fn();
    render(
      <TimerStep
        outletId="walk-street"
        endsAt={END}
        clock={() => Date.now()}
        onStop={vi.fn()}
        onOver={onOver}
      />,
    );
    const shown = () => screen.getByRole('timer').textContent;
    /** Seconds pass, one tick of the countdown at a time. */
    const pass = async (seconds: number) => {
      for (let i = 0; i < seconds; i++) {
        await act(async () => {
          vi.advanceTimersByTime(1000);
        });
      }
    };
    expect(shown()).toBe('10:00');
    await pass(120);
    expect(shown()).toBe('08:00');

    vi.setSystemTime(Date.now() - 30 * MINUTE);
    await pass(1);
    expect(shown()).toBe('37:59');
    expect(onOver).not.toHaveBeenCalled();

    // Forward past the end: over at once.
    vi.setSystemTime(END + MINUTE);
    await pass(1);
    expect(shown()).toBe('00:00');
    expect(onOver).toHaveBeenCalledTimes(1);
  });
});
