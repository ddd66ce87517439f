// The nudge timer as the background runs it. Storage is the truth: each event loads the settings and
// the schedule, asks core/schedule.ts what to do, stores the answer, then makes the alarm, the badge
// and the notification follow it. Events go through `serially`, so two at once (two alarms, a pause
// while an alarm fires) never both act on the same old state.
//
// A write can fail (storage full: "QuotaBytes quota exceeded"). The alarms then follow the decided
// plan all the same, so nudges never stop because a write did (DESIGN.md §2); the failure is logged,
// the unsaved plan is kept in memory as the newest state while this worker lives (and stored at the
// next chance), and the caller's promise rejects, so a page that asked for the change hears of it.

import { browser } from 'wxt/browser';
import { fateOf } from '../core/nudge-log';
import { offerIsOpen, toolbarChangesAt } from '../core/offer';
import { type PutOffChoice, putOffUntil } from '../core/putoff';
import { type NudgeEvent, pickLine, type StepResult, step } from '../core/schedule';
import type { Schedule, Settings, Timer } from '../core/schema';
import { MINUTE, startOfNextLocalDay } from '../core/time';
import type { FixedOffer } from '../core/time/fixed-times';
import { minutesLeft, timerIsOver, timeUpIsTimely } from '../core/timer';
import { toolbarState } from '../core/toolbar';
import {
  clearAlarm,
  DAY_END_ALARM,
  ensureAlarm,
  ensureMinuteAlarm,
  NUDGE_ALARM,
  TIMER_ALARM,
  TIMER_TICK_ALARM,
  TOOLBAR_ALARM,
} from './alarms';
import { showToolbar } from './badge';
import { i18n } from './i18n';
import {
  clearNotification,
  NUDGE_NOTIFICATION,
  showNudgeNotification,
  showTimerOverNotification,
} from './notifications';
import { recordNudge } from './nudge-log';
import { sensePresence } from './presence';
import { loadSchedule, loadSettings, loadTimer, saveSchedule, saveTimer } from './storage';
import { NOT_STARTED_KEY } from './storage-keys';
import { giveTabsSoundBack, quietAudibleTabs } from './tab-sound';

/** How many lines the notification picks from (keys nudge.line.l1 … nudge.line.l12 in locales). */
export const NUDGE_LINE_COUNT = 12;

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every task queued before it, even failed ones. */
export function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** The last schedule and timer decided but not stored: newer than storage while this worker lives. */
let unsavedSchedule: Schedule | null = null;
let unsavedTimer: { timer: Timer } | null = null;
/** The last failed write, for whoever asks next; cleared by the next write that succeeds. */
let lastSaveFailure: { at: number; what: 'schedule' | 'timer'; error: unknown } | null = null;

/** The last write that failed and has not been made good since, or null. */
export function saveFailure(): { at: number; what: 'schedule' | 'timer'; error: unknown } | null {
  return lastSaveFailure;
}

/** A new worker's module state, for tests (the real worker starts fresh every time). */
export function resetNudgesForTests(): void {
  unsavedSchedule = null;
  unsavedTimer = null;
  lastSaveFailure = null;
}

function noteFailure(what: 'schedule' | 'timer', error: unknown, now: number): void {
  console.warn(`Outlet: the ${what} could not be saved; the alarms follow it all the same.`, error);
  lastSaveFailure = { at: now, what, error };
}

/** Stores a schedule; on failure keeps it in memory and returns the error instead of throwing. */
async function storeSchedule(schedule: Schedule, now: number): Promise<unknown> {
  try {
    await saveSchedule(schedule);
    unsavedSchedule = null;
    if (lastSaveFailure?.what === 'schedule') lastSaveFailure = null;
    return undefined;
  } catch (error) {
    unsavedSchedule = schedule;
    noteFailure('schedule', error, now);
    return error ?? new Error('The schedule could not be saved.');
  }
}

/** Stores a timer (null: none); on failure keeps it in memory and returns the error. */
async function storeTimer(timer: Timer, now: number): Promise<unknown> {
  try {
    await saveTimer(timer);
    unsavedTimer = null;
    if (lastSaveFailure?.what === 'timer') lastSaveFailure = null;
    return undefined;
  } catch (error) {
    unsavedTimer = { timer };
    noteFailure('timer', error, now);
    return error ?? new Error('The timer could not be saved.');
  }
}

/** The newest timer: the one this worker could not store, else the stored one. */
async function currentTimer(now: number): Promise<Timer> {
  return unsavedTimer ? unsavedTimer.timer : loadTimer(now);
}

/** The settings (read now when not given) for the toolbar to say; null when they can't be read. */
async function settingsForToolbar(settings?: Settings): Promise<Settings | null> {
  try {
    return settings ?? (await loadSettings());
  } catch (error) {
    // The alarms must follow the plan all the same: a badge without this warning is the lesser loss.
    console.warn('Outlet: the settings could not be read for the badge.', error);
    return null;
  }
}

/** The toolbar icon as settings, schedule and timer say now (core/toolbar.ts). */
async function drawToolbar(schedule: Schedule, now: number, settings: Settings | null): Promise<void> {
  const timer = await currentTimer(now);
  await showToolbar(toolbarState(settings, schedule, timer?.endsAt ?? null, now));
}

/** The badge as schedule, timer and settings say now; never lets a failed read stop the caller. */
async function redrawBadge(now: number): Promise<void> {
  try {
    const schedule = unsavedSchedule ?? (await loadSchedule(now));
    await drawToolbar(schedule, now, await settingsForToolbar());
  } catch (error) {
    console.warn('Outlet: the badge could not be redrawn.', error);
  }
}

/** The minute tick follows a running timer: first when the minutes left next change, then each minute. */
async function followTimer(timer: Timer, now: number): Promise<void> {
  if (timer && timer.endsAt > now) {
    await ensureMinuteAlarm(TIMER_TICK_ALARM, timer.endsAt - (minutesLeft(timer.endsAt, now) - 1) * MINUTE);
  } else {
    await clearAlarm(TIMER_TICK_ALARM);
  }
  await redrawBadge(now);
}

/** Makes the alarms and the badge match a stored schedule (and the settings, when known). */
async function follow(schedule: Schedule, now: number, settings?: Settings): Promise<void> {
  if (schedule.nextNudgeAt === null) await clearAlarm(NUDGE_ALARM);
  else await ensureAlarm(NUDGE_ALARM, schedule.nextNudgeAt);
  const missed = schedule.missed?.count ?? 0;
  const known = await settingsForToolbar(settings);
  await drawToolbar(schedule, now, known);
  if (missed > 0) await ensureAlarm(DAY_END_ALARM, startOfNextLocalDay(now));
  else await clearAlarm(DAY_END_ALARM);
  // The icon changes by itself when a pause ends or the hours close on a waiting nudge: an alarm
  // then asks the scheduler to tidy and the icon to follow (core/offer.ts toolbarChangesAt).
  const change = known ? toolbarChangesAt(known, schedule, now) : null;
  if (change === null) await clearAlarm(TOOLBAR_ALARM);
  else await ensureAlarm(TOOLBAR_ALARM, change);
}

/**
 * A natural pause (a tab or window switch, going idle): the waiting nudge's notification, if an offer
 * is open (core/offer.ts). Tab switches are many, so nothing is written unless an offer is open: one
 * read of the schedule and the settings is all a switch costs otherwise.
 */
export async function naturalPause(now = Date.now()): Promise<StepResult | null> {
  const [settings, stored] = await Promise.all([loadSettings(), loadSchedule(now)]);
  if (!offerIsOpen(settings, unsavedSchedule ?? stored, now)) return null;
  return dispatch({ type: 'moment', presence: await sensePresence() }, now);
}

// A fresh install plans nothing until the person says start: the welcome's "Start Outlet", or their
// first opening of the popup (both send `welcomeDone`), or the next start of the browser for someone
// who closed the welcome tab and never came back. Meanwhile no plan is made from nothing (a start of
// the worker, a changed setting); a plan someone made anyway (a check-in) is followed as usual.
async function notStarted(): Promise<boolean> {
  return (await browser.storage.local.get(NOT_STARTED_KEY))[NOT_STARTED_KEY] === true;
}

/** On install: no nudge until the person starts Outlet (the worker's first start already planned one). */
export function holdUntilStarted(now = Date.now()): Promise<void> {
  return serially(async () => {
    await browser.storage.local.set({ [NOT_STARTED_KEY]: true });
    const next: Schedule = {
      ...(unsavedSchedule ?? (await loadSchedule(now))),
      nextNudgeAt: null,
      held: null,
    };
    const failure = await storeSchedule(next, now);
    await follow(next, now);
    if (failure) throw failure;
  });
}

/** Plans the first nudge, one interval from now, if Outlet was not started yet; else changes nothing. */
export async function startNudges(now = Date.now()): Promise<void> {
  if (!(await notStarted())) return;
  await browser.storage.local.remove(NOT_STARTED_KEY);
  await dispatch({ type: 'resume' }, now);
}

/**
 * Handles one event: reads settings and schedule once, steps, stores, then alarms, badge,
 * notification. The alarms and the notification follow the decided schedule even when storing it
 * fails; the returned promise then rejects with the storage error, after all of that is done.
 */
export function dispatch(
  event: NudgeEvent,
  now = Date.now(),
  random: () => number = Math.random,
): Promise<StepResult> {
  return serially(async () => {
    const [settings, stored, waiting] = await Promise.all([loadSettings(), loadSchedule(now), notStarted()]);
    const current = unsavedSchedule ?? stored;
    let result = step(settings, current, event, now);
    if (
      waiting &&
      current.nextNudgeAt === null &&
      (event.type === 'wake' || event.type === 'settings-changed')
    ) {
      result = { schedule: { ...result.schedule, nextNudgeAt: null }, show: null, reason: 'not-started' };
    }
    let next = result.schedule;
    // What happened to a nudge, for the history's timing view (issue 18); never in the way of the plan.
    const fate = fateOf(current, event, result, now, settings.nudgeMode);
    if (fate) void recordNudge(fate.fate, fate.nudgeAt, now);
    if (result.show) {
      const line = pickLine(NUDGE_LINE_COUNT, next.recentLines, random);
      next = { ...next, recentLines: line.recent };
      // The next nudge is stored and its alarm set before anything is shown: if the worker dies
      // while the notification is on its way, the schedule is still right.
      let failure = await storeSchedule(next, now);
      await follow(next, now, settings);
      let outcome: StepResult = { ...result, schedule: next };
      try {
        await showNudgeNotification({
          ...nudgeCopy(line.index, result.show.afterCall),
          ...putOffLabels(settings, now),
          ...(result.show.fixed ? fixedNudgeCopy(result.show.fixed, now) : {}),
          silent: settings.silentNudges,
        });
      } catch (error) {
        console.warn('Outlet: the nudge could not be shown.', error);
        outcome = step(settings, next, { type: 'nudge-failed' }, now);
        failure = (await storeSchedule(outcome.schedule, now)) ?? failure;
        await follow(outcome.schedule, now, settings);
      }
      if (failure) throw failure;
      return outcome;
    }
    const failure = await storeSchedule(next, now);
    await follow(next, now, settings);
    if (failure) throw failure;
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

/** A fixed time's own words: "11:00: your moment", and what it offers first. */
function fixedNudgeCopy(fixed: { minute: number; offer: FixedOffer }, now: number) {
  const day = new Date(now);
  const time = i18n.time(new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, fixed.minute));
  return {
    title: i18n.t('clock.nudgeTitle', [time]),
    message:
      fixed.offer === 'checkin'
        ? i18n.t('clock.nudgeCheckin')
        : i18n.t('clock.nudgeFamily', [i18n.dynamic(`family.${fixed.offer}`)]),
  };
}

/**
 * The notification's buttons (Chrome; Firefox shows none and its popup has the same choices): "In 10
 * minutes", and "Later today", or "Next time" when today's hours leave no room (core/putoff.ts).
 */
function putOffLabels(settings: Settings, now: number) {
  const later = putOffUntil('later', settings, now);
  return {
    soonLabel: i18n.t('putoff.soon'),
    laterLabel: later?.when === 'next-hours' ? i18n.t('putoff.nextTime') : i18n.t('putoff.laterToday'),
  };
}

/**
 * "In 10 minutes" or "later today", from the notification or the popup: the notification goes, and
 * the nudge comes back at the moment core/putoff.ts works out now. With `bringBack`, the nudge is one
 * the person closed within the hour (the popup's "bring it back"). Resolves to null when no active
 * hours are left for it to come back in.
 */
export async function putOff(
  choice: PutOffChoice,
  { bringBack = false, now = Date.now() }: { bringBack?: boolean; now?: number } = {},
): Promise<StepResult | null> {
  await clearNotification(NUDGE_NOTIFICATION);
  const until = putOffUntil(choice, await loadSettings(), now);
  if (!until) return null;
  return dispatch({ type: bringBack ? 'bring-back' : 'snooze', until: until.until }, now);
}

/**
 * "Check in now" (the keyboard shortcut's command, at any time): the break begins now, so the interval
 * starts again from it and a nudge waiting is answered; then the check-in opens. Recording the
 * check-in later counts again, from then: that only moves the next nudge a little further.
 */
export async function checkInNow(now = Date.now()): Promise<void> {
  await clearNotification(NUDGE_NOTIFICATION);
  await dispatch({ type: 'checked-in' }, now);
}

/**
 * A timed outlet starts: its alarm is set, then its end is stored; the alarm brings the "time's up"
 * notification. A failed write still leaves the alarm (and the timer, in memory) and rejects.
 */
export function startTimer(minutes: number, checkInId: string, now = Date.now()): Promise<void> {
  return serially(async () => {
    const endsAt = now + minutes * MINUTE;
    await ensureAlarm(TIMER_ALARM, endsAt);
    const timer = { endsAt, minutes, checkInId };
    const failure = await storeTimer(timer, now);
    await followTimer(timer, now);
    if (await wantsQuietTabs()) await quietAudibleTabs();
    if (failure) throw failure;
  });
}

export function stopTimer(now = Date.now()): Promise<void> {
  return serially(async () => {
    await clearAlarm(TIMER_ALARM);
    const failure = await storeTimer(null, now);
    await followTimer(null, now);
    await giveTabsSoundBack();
    if (failure) throw failure;
  });
}

/** Whether the person opted in to quiet tabs during a timed outlet; a failed read means no. */
async function wantsQuietTabs(): Promise<boolean> {
  try {
    return (await loadSettings()).quietAudibleTabs;
  } catch {
    return false;
  }
}

/** After a restart the timer's alarm may be gone (Firefox clears alarms): bring it back from storage. */
export function repairTimer(now = Date.now()): Promise<void> {
  return serially(async () => {
    const timer = await currentTimer(now);
    if (timer) await ensureAlarm(TIMER_ALARM, timer.endsAt);
    // A walk that ended while no worker saw it still owes its tabs their sound.
    else await giveTabsSoundBack();
    await followTimer(timer, now);
  });
}

/** Each minute of a running timer: the badge's minutes left; the tick stops once the timer is gone. */
export function onTimerTick(now = Date.now()): Promise<void> {
  return serially(async () => followTimer(await currentTimer(now), now));
}

/**
 * The timer's alarm: "time's up" is shown even when the finished timer can't be cleared from storage,
 * but not when it comes more than a few minutes late (core/timer.ts TIME_UP_GRACE): an alarm fired
 * at browser start, long after the walk ended, would only puzzle.
 */
export function onTimerAlarm(now = Date.now()): Promise<void> {
  return serially(async () => {
    const timer = await currentTimer(now);
    if (!timer) return;
    // The walk ends at its stored end by the clock (core/schema.ts TIMER_CLOCK_BACK_MAX). Firefox's
    // alarms wait out the delay they were made with (an nsITimer of `when - Date.now()`, in
    // toolkit/components/extensions/parent/ext-alarms.js), not the clock: with the clock set back
    // mid-walk this one rings before the stored end. The walk goes on; the alarm is set for its end.
    if (!timerIsOver(timer.endsAt, now)) {
      await ensureAlarm(TIMER_ALARM, timer.endsAt);
      await followTimer(timer, now);
      return;
    }
    const failure = await storeTimer(null, now);
    await followTimer(null, now);
    await giveTabsSoundBack();
    if (timeUpIsTimely(timer.endsAt, now)) {
      await showTimerOverNotification(i18n.t('timer.overTitle'), i18n.t('timer.overMessage'));
    }
    if (failure) throw failure;
  });
}
