import { browser } from 'wxt/browser';

export const NUDGE_ALARM = 'nudge';
/** The end of a timed outlet (a walk, a move). */
export const TIMER_ALARM = 'timer-end';
/** Clears the missed-nudge badge at the end of the day. */
export const DAY_END_ALARM = 'day-end';
/** Once a minute while a timed outlet runs: the badge's minutes left. */
export const TIMER_TICK_ALARM = 'timer-tick';
/** When the toolbar icon changes by itself: a pause ends, the hours close on a waiting nudge. */
export const TOOLBAR_ALARM = 'toolbar';

/**
 * Makes sure exactly one alarm called `name` exists, due at `at`. A healthy alarm is left alone:
 * re-creating it on every wake of the worker would push it forward forever.
 */
export async function ensureAlarm(name: string, at: number): Promise<'kept' | 'created'> {
  const existing = await browser.alarms.get(name);
  // Chrome rounds scheduled times a little; a second of slack tells "same alarm" from "moved".
  if (existing && Math.abs(existing.scheduledTime - at) < 1000) return 'kept';
  await browser.alarms.create(name, { when: at });
  return 'created';
}

/**
 * A once-a-minute alarm whose first ring is at `firstAt`, unless one with that period already exists
 * (a worker waking mid-walk must not shift it).
 */
export async function ensureMinuteAlarm(name: string, firstAt: number): Promise<void> {
  const existing = await browser.alarms.get(name);
  if (existing?.periodInMinutes === 1) return;
  await browser.alarms.create(name, { when: firstAt, periodInMinutes: 1 });
}

export async function clearAlarm(name: string): Promise<void> {
  await browser.alarms.clear(name);
}
