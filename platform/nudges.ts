// The nudge timer as the background runs it. Storage is the truth: each event loads the settings and
// the schedule, asks core/schedule.ts what to do, stores the answer, then makes the alarm, the badge
// and the notification follow it. Events go through `serially`, so two at once (two alarms, a pause
// while an alarm fires) never both act on the same old state.

import {
  MINUTE,
  type NudgeEvent,
  pickLine,
  type StepResult,
  startOfNextLocalDay,
  step,
} from '../core/schedule';
import type { Schedule } from '../core/schema';
import { clearAlarm, DAY_END_ALARM, ensureAlarm, NUDGE_ALARM, TIMER_ALARM } from './alarms';
import { showBadge } from './badge';
import { i18n } from './i18n';
import {
  clearNotification,
  NUDGE_NOTIFICATION,
  showNudgeNotification,
  showTimerOverNotification,
} from './notifications';
import { loadSchedule, loadSettings, loadTimer, saveSchedule, saveTimer } from './storage';

/** How many lines the notification picks from (keys nudge.line.l1 … nudge.line.l12 in locales). */
export const NUDGE_LINE_COUNT = 12;

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every task queued before it, even failed ones. */
export function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Makes the alarms and the badge match a stored schedule. */
async function follow(schedule: Schedule, now: number): Promise<void> {
  if (schedule.nextNudgeAt === null) await clearAlarm(NUDGE_ALARM);
  else await ensureAlarm(NUDGE_ALARM, schedule.nextNudgeAt);
  const missed = schedule.missed?.count ?? 0;
  await showBadge(missed);
  if (missed > 0) await ensureAlarm(DAY_END_ALARM, startOfNextLocalDay(now));
  else await clearAlarm(DAY_END_ALARM);
}

/** Handles one event: reads settings and schedule once, steps, stores, then alarms, badge, notification. */
export function dispatch(
  event: NudgeEvent,
  now = Date.now(),
  random: () => number = Math.random,
): Promise<StepResult> {
  return serially(async () => {
    const [settings, schedule] = await Promise.all([loadSettings(), loadSchedule()]);
    const result = step(settings, schedule, event, now);
    let next = result.schedule;
    if (result.show) {
      const line = pickLine(NUDGE_LINE_COUNT, next.recentLines, random);
      next = { ...next, recentLines: line.recent };
      // The next nudge is stored and its alarm set before anything is shown: if the worker dies
      // while the notification is on its way, the schedule is still right.
      await saveSchedule(next);
      await follow(next, now);
      try {
        await showNudgeNotification(nudgeCopy(line.index, result.show.afterCall));
      } catch (error) {
        console.warn('Outlet: the nudge could not be shown.', error);
        const failed = step(settings, next, { type: 'nudge-failed' }, now);
        await saveSchedule(failed.schedule);
        await follow(failed.schedule, now);
        return failed;
      }
      return { ...result, schedule: next };
    }
    await saveSchedule(next);
    await follow(next, now);
    return result;
  });
}

function nudgeCopy(lineIndex: number, afterCall: boolean) {
  return {
    title: afterCall ? i18n.t('nudge.afterCallTitle') : i18n.t('nudge.title'),
    // Keys are nudge.line.l1 … nudge.line.l12; the index is bounded by NUDGE_LINE_COUNT.
    message: afterCall ? i18n.t('nudge.afterCallLine') : i18n.dynamic(`nudge.line.l${lineIndex + 1}`),
    checkInLabel: i18n.t('nudge.checkIn'),
    snoozeLabel: i18n.t('nudge.snooze'),
  };
}

/** The notification's "Snooze 15 min": the notification goes, the nudge comes back later. */
export async function snooze(now = Date.now()): Promise<StepResult> {
  await clearNotification(NUDGE_NOTIFICATION);
  return dispatch({ type: 'snooze' }, now);
}

/** A timed outlet starts: its end is stored, then an alarm brings the "time's up" notification. */
export function startTimer(minutes: number, checkInId: string, now = Date.now()): Promise<void> {
  return serially(async () => {
    const endsAt = now + minutes * MINUTE;
    await saveTimer({ endsAt, minutes, checkInId });
    await ensureAlarm(TIMER_ALARM, endsAt);
  });
}

export function stopTimer(): Promise<void> {
  return serially(async () => {
    await saveTimer(null);
    await clearAlarm(TIMER_ALARM);
  });
}

/** After a restart the timer's alarm may be gone (Firefox clears alarms): bring it back from storage. */
export function repairTimer(): Promise<void> {
  return serially(async () => {
    const timer = await loadTimer();
    if (timer) await ensureAlarm(TIMER_ALARM, timer.endsAt);
  });
}

export function onTimerAlarm(): Promise<void> {
  return serially(async () => {
    const timer = await loadTimer();
    await saveTimer(null);
    if (!timer) return;
    await showTimerOverNotification(i18n.t('timer.overTitle'), i18n.t('timer.overMessage'));
  });
}
