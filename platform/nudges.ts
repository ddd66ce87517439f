// The nudge timer as the background runs it: storage is the truth, the alarm follows it.
// Every change goes through `serially`, so two events at once (two alarms, a pause while an
// alarm fires) never read the same state and both act on it.
import { i18n } from '#i18n';
import {
  judgeNudgeAlarm,
  MINUTE,
  type NudgePlan,
  pickLine,
  planFresh,
  planOnWake,
  SNOOZE_MINUTES,
} from '../core/schedule';
import type { Schedule, Settings } from '../core/schema';
import { clearAlarm, ensureAlarm, NUDGE_ALARM, WALK_ALARM } from './alarms';
import {
  clearNotification,
  NUDGE_NOTIFICATION,
  showNudgeNotification,
  showWalkOverNotification,
} from './notifications';
import { loadSchedule, loadSettings, loadWalk, saveSchedule, saveWalk } from './storage';

/** How many lines the notification picks from (keys nudge.line.l1 … nudge.line.l12 in locales). */
export const NUDGE_LINE_COUNT = 12;

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every task queued before it, even failed ones. */
export function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function applyPlan(schedule: Schedule, plan: NudgePlan): Promise<Schedule> {
  const next: Schedule = { ...schedule, nextNudgeAt: plan.kind === 'nudge' ? plan.at : null };
  // Storage first, then the alarm: if the worker dies in between, the next wake repairs the alarm.
  await saveSchedule(next);
  if (plan.kind === 'nudge') await ensureAlarm(NUDGE_ALARM, plan.at);
  else await clearAlarm(NUDGE_ALARM);
  return next;
}

/** On install, browser start and every wake: one alarm, matching the stored plan. */
export function reconcile(now = Date.now()): Promise<Schedule> {
  return serially(async () => {
    const [settings, schedule] = await Promise.all([loadSettings(), loadSchedule()]);
    const cleaned = dropEndedPause(schedule, now);
    const walk = await loadWalk();
    if (walk) await ensureAlarm(WALK_ALARM, walk.endsAt);
    return applyPlan(cleaned, planOnWake(settings, cleaned, now));
  });
}

function dropEndedPause(schedule: Schedule, now: number): Schedule {
  return schedule.pausedUntil !== null && schedule.pausedUntil <= now
    ? { ...schedule, pausedUntil: null }
    : schedule;
}

/** The nudge alarm fired: schedule the next one first, then show the nudge if it is really due. */
export function onNudgeAlarm(now = Date.now(), random = Math.random): Promise<'shown' | string> {
  return serially(async () => {
    const [settings, schedule] = await Promise.all([loadSettings(), loadSchedule()]);
    const verdict = judgeNudgeAlarm(settings, schedule, now);
    if (verdict === 'too-early') {
      // A duplicate or stale alarm: keep the plan, just make sure its alarm exists.
      await applyPlan(schedule, planOnWake(settings, schedule, now));
      return verdict;
    }
    const cleaned = dropEndedPause(schedule, now);
    const plan = planFresh(settings, cleaned, now);
    if (verdict !== 'show') {
      await applyPlan(cleaned, plan);
      return verdict;
    }
    const line = pickLine(NUDGE_LINE_COUNT, cleaned.recentLines, random);
    await applyPlan({ ...cleaned, lastNudgeAt: now, recentLines: line.recent }, plan);
    await showNudgeNotification(nudgeCopy(line.index));
    return 'shown';
  });
}

function nudgeCopy(lineIndex: number) {
  return {
    title: i18n.t('nudge.title'),
    // Keys are generated as nudge.line.l1 … nudge.line.l12; the index is bounded by NUDGE_LINE_COUNT.
    message: i18n.t(`nudge.line.l${lineIndex + 1}` as 'nudge.line.l1'),
    checkInLabel: i18n.t('nudge.checkIn'),
    snoozeLabel: i18n.t('nudge.snooze'),
  };
}

export function snooze(now = Date.now()): Promise<Schedule> {
  return serially(async () => {
    const schedule = await loadSchedule();
    await clearNotification(NUDGE_NOTIFICATION);
    const at = now + SNOOZE_MINUTES * MINUTE;
    return applyPlan(schedule, { kind: 'nudge', at, reason: 'interval' });
  });
}

export function pause(until: number, now = Date.now()): Promise<Schedule> {
  return serially(async () => {
    const [settings, schedule] = await Promise.all([loadSettings(), loadSchedule()]);
    const paused = { ...schedule, pausedUntil: until > now ? until : null };
    return applyPlan(paused, planFresh(settings, paused, now));
  });
}

export function resume(now = Date.now()): Promise<Schedule> {
  return serially(async () => {
    const [settings, schedule] = await Promise.all([loadSettings(), loadSchedule()]);
    const resumed = { ...schedule, pausedUntil: null };
    return applyPlan(resumed, planFresh(settings, resumed, now));
  });
}

/** Frequency or on/off changed: the interval starts again from now. */
export function onSettingsChanged(previous: Settings | null, next: Settings, now = Date.now()) {
  if (
    previous &&
    previous.intervalMinutes === next.intervalMinutes &&
    previous.nudgesEnabled === next.nudgesEnabled
  ) {
    return Promise.resolve(null);
  }
  return serially(async () => {
    const schedule = dropEndedPause(await loadSchedule(), now);
    return applyPlan(schedule, planFresh(next, schedule, now));
  });
}

export function startWalk(minutes: number, now = Date.now()): Promise<void> {
  return serially(async () => {
    const endsAt = now + minutes * MINUTE;
    await saveWalk({ endsAt, minutes });
    await ensureAlarm(WALK_ALARM, endsAt);
  });
}

export function onWalkAlarm(): Promise<void> {
  return serially(async () => {
    const walk = await loadWalk();
    await saveWalk(null);
    if (!walk) return;
    await showWalkOverNotification(i18n.t('walk.overTitle'), i18n.t('walk.overMessage'));
  });
}
