// What happened to each nudge (issue 18, "when nudges land well"): shown, taken (a check-in answered
// it), put off, or dismissed, with the local hour and weekday the nudge came at. Pure: the background
// keeps the log (platform/nudge-log.ts), the history page reads it for the timing view.
//
// Bounded by time and by count: 90 days (a season is enough to see a pattern, and old habits should
// fade from the view), and at most 3,000 entries (about 6 nudges an hour for 10 hours a day, each with
// an outcome, for 90 days would still be 2,700), so the one storage key stays under ~150 KB.
import * as v from 'valibot';
import type { NudgeEvent, StepResult } from './schedule';
import type { NudgeMode, Schedule } from './schema';
import { DAY } from './time';

export const NUDGE_LOG_DAYS = 90;
export const NUDGE_LOG_MAX = 3000;
/** Nudges with an outcome before the timing view shows anything: fewer would tell more noise than habit. */
export const TIMING_ENOUGH = 20;
/** Put off or dismissed, out of the nudges with an outcome, from which the view offers a change. */
export const MANY_PUT_OFF = 0.5;

export const NUDGE_FATES = ['shown', 'taken', 'put-off', 'dismissed'] as const;
export type NudgeFate = (typeof NUDGE_FATES)[number];

export const NudgeLogEntrySchema = v.strictObject({
  /** When this happened (epoch ms). */
  at: v.pipe(v.number(), v.integer(), v.minValue(0)),
  fate: v.picklist(NUDGE_FATES),
  /** When the nudge itself came: the entries of one nudge share it. */
  nudgeAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The local hour (0–23) and weekday (0 Sunday – 6) the nudge came at, as the person's clock showed them. */
  hour: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(23)),
  weekday: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)),
});
export type NudgeLogEntry = v.InferOutput<typeof NudgeLogEntrySchema>;

/** The stored log, keeping its sound entries (a broken one is left out, never the whole log). */
export function parseNudgeLog(raw: unknown): { value: NudgeLogEntry[]; dropped: number } {
  if (!Array.isArray(raw)) return { value: [], dropped: raw === undefined || raw === null ? 0 : 1 };
  const value: NudgeLogEntry[] = [];
  for (const item of raw) {
    const parsed = v.safeParse(NudgeLogEntrySchema, item);
    if (parsed.success) value.push(parsed.output);
  }
  return { value, dropped: raw.length - value.length };
}

export function logEntry(fate: NudgeFate, nudgeAt: number, now: number): NudgeLogEntry {
  const local = new Date(nudgeAt);
  return { at: now, fate, nudgeAt, hour: local.getHours(), weekday: local.getDay() };
}

/** The log with `entry` added, older than 90 days and past 3,000 entries dropped (oldest first). */
export function appendNudge(
  log: readonly NudgeLogEntry[],
  entry: NudgeLogEntry,
  now: number,
): NudgeLogEntry[] {
  const since = now - NUDGE_LOG_DAYS * DAY;
  const kept = log.filter((item) => item.at >= since && item.at <= now + DAY);
  kept.push(entry);
  return kept.slice(-NUDGE_LOG_MAX);
}

/**
 * What a step of the schedule means for the log, or null: a nudge shown; a waiting nudge taken by a
 * check-in, put off, or dismissed. `before` is the schedule the step started from.
 */
export function fateOf(
  before: Schedule,
  event: NudgeEvent,
  result: StepResult,
  now: number,
  mode: NudgeMode,
): { fate: NudgeFate; nudgeAt: number } | null {
  if (result.show) return { fate: 'shown', nudgeAt: now };
  // In quiet mode the icon is all a nudge ever shows: it is shown once it waits there (from now:
  // core/schedule.ts sets waitingSince to now), as a notification is; an answer later, keyed by
  // waitingSince, takes its place in the view. Not in offer mode: there the notification at the
  // natural pause is the nudge shown.
  if (mode === 'quiet' && result.reason === 'waiting') return { fate: 'shown', nudgeAt: now };
  // The nudge waiting for an answer: one waiting on the toolbar icon (quiet and offer modes, keyed by
  // when it began to wait), else the last notification while unanswered.
  const waiting =
    before.waitingSince ??
    (before.lastNudgeAt !== null && !before.lastNudgeAnswered ? before.lastNudgeAt : null);
  if (result.reason === 'dismissed' && before.lastNudgeAt !== null)
    return { fate: 'dismissed', nudgeAt: before.lastNudgeAt };
  if (result.reason === 'brought-back' && before.lastNudgeAt !== null)
    return { fate: 'put-off', nudgeAt: before.lastNudgeAt };
  if (waiting === null) return null;
  if (event.type === 'checked-in') return { fate: 'taken', nudgeAt: waiting };
  if (result.reason === 'snoozed') return { fate: 'put-off', nudgeAt: waiting };
  return null;
}

export interface TimingCell {
  taken: number;
  putOff: number;
  dismissed: number;
  /** Shown and never answered. */
  ignored: number;
}

export interface Timing {
  /** [weekday 0–6][hour 0–23]. */
  cells: TimingCell[][];
  /** Nudges in the log. */
  nudges: number;
  /** Nudges with an answer (taken, put off, dismissed). */
  answered: number;
  enough: boolean;
  /** Put off or dismissed, as a share of the answered ones. */
  putOffShare: number;
  /** The hours (0–23) where most nudges were put off or dismissed, worst first (at most 3). */
  hardHours: number[];
}

const emptyCell = (): TimingCell => ({ taken: 0, putOff: 0, dismissed: 0, ignored: 0 });

/** The timing view's table: each nudge counted once, by its last outcome, at its hour and weekday. */
export function nudgeTiming(log: readonly NudgeLogEntry[]): Timing {
  const last = new Map<number, NudgeLogEntry>();
  for (const entry of [...log].sort((a, b) => a.at - b.at)) {
    const seen = last.get(entry.nudgeAt);
    // 'shown' never hides an answer given to the same nudge.
    if (!seen || entry.fate !== 'shown') last.set(entry.nudgeAt, entry);
  }
  const cells = Array.from({ length: 7 }, () => Array.from({ length: 24 }, emptyCell));
  const byHour = Array.from({ length: 24 }, () => ({ off: 0, all: 0 }));
  let answered = 0;
  let off = 0;
  for (const entry of last.values()) {
    const cell = cells[entry.weekday]?.[entry.hour];
    if (!cell) continue;
    const hour = byHour[entry.hour] as { off: number; all: number };
    if (entry.fate === 'shown') cell.ignored++;
    else {
      answered++;
      hour.all++;
      if (entry.fate === 'taken') cell.taken++;
      else {
        off++;
        hour.off++;
        if (entry.fate === 'put-off') cell.putOff++;
        else cell.dismissed++;
      }
    }
  }
  const hardHours = byHour
    .map((h, hour) => ({ hour, ...h }))
    .filter((h) => h.all >= 3 && h.off / h.all >= MANY_PUT_OFF)
    .sort((a, b) => b.off / b.all - a.off / a.all || b.off - a.off || a.hour - b.hour)
    .slice(0, 3)
    .map((h) => h.hour);
  return {
    cells,
    nudges: last.size,
    answered,
    enough: answered >= TIMING_ENOUGH,
    putOffShare: answered === 0 ? 0 : off / answered,
    hardHours,
  };
}
