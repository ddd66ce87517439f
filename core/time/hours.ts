// Active hours: when nudges may come. Pure local-time arithmetic: callers pass `t` in epoch ms and
// the local zone is read from `Date` on every call (never cached), so a machine that changes zone
// is followed at the next decision.
//
// Decisions about daylight saving, in one place:
// - A range is wall-clock time. Each day's range becomes one real stretch
//   [first moment the wall clock reads `start`, first moment it reads `end`).
// - Spring forward: a boundary in the skipped hour takes effect at the moment the clocks jump
//   (2:30 on a night that goes 1:59 → 3:00 means 3:00), not where `new Date(y, m, d, 2, 30)` would
//   put it (3:30): from 3:00 on, the clock already reads past 2:30. A range lying wholly in the
//   skipped hour does not happen that day.
// - Fall back: a boundary in the repeated hour takes effect at its first occurrence, and a stretch
//   that is open when the hour repeats stays open through the repeat (longer in real time); one that
//   closed does not reopen.
// - Intervals are real elapsed milliseconds, never wall-clock arithmetic, so a repeated hour can
//   neither bring a nudge twice nor stretch an interval.

import { DAY, MINUTE } from '.';

/** Minutes since local midnight, 0..1439. */
export interface TimeRange {
  start: number;
  end: number;
  /** The range ends on the following day (crosses midnight); then end <= start. Otherwise end > start. */
  nextDay: boolean;
}
/** 0 = Sunday, like Date#getDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
/** Ranges are listed under the day they start. */
export type WeekHours = Readonly<Record<Weekday, readonly TimeRange[]>>;

export type RangeProblem = {
  day: Weekday;
  index: number;
  problem: 'ends-before-start' | 'empty' | 'overlap' | 'out-of-range';
};

const DAY_MINUTES = 1440;
const WEEK_MINUTES = 7 * DAY_MINUTES;
const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];
/** How far ahead nextNudgeWithinHours looks for a window with room. */
const SEARCH_DAYS = 14;
/**
 * Days of ranges built past the last day a caller asks about, so a stretch that began inside is seen
 * to its true end. A stretch that is not endless lasts less than a week, or two when a gap between
 * ranges falls inside a skipped hour.
 */
const STRETCH_DAYS = 16;

const workday: readonly TimeRange[] = Object.freeze([
  Object.freeze({ start: 540, end: 1080, nextDay: false }),
]);
const noHours: readonly TimeRange[] = Object.freeze([]);

/** Monday to Friday, 9:00 to 18:00; the weekend off. */
export const DEFAULT_HOURS: WeekHours = Object.freeze({
  0: noHours,
  1: workday,
  2: workday,
  3: workday,
  4: workday,
  5: workday,
  6: noHours,
});

/** Whether any day has a range: with none, no nudge can ever come. */
export function hasActiveHours(hours: WeekHours): boolean {
  return Object.values(hours).some((ranges) => ranges.length > 0);
}

export function isActiveAt(hours: WeekHours, t: number): boolean {
  if (alwaysOn(hours)) return true;
  return spans(hours, t, 2, 1).some((span) => span.open <= t && t < span.close);
}

/**
 * The next moment >= t at which an active stretch opens (t itself if one opens exactly at t). A range
 * that continues an adjacent one (Mon 22:00–00:00, then Tue 00:00–06:00) opens nothing. Null if no
 * range ever opens: no ranges at all, or active around the clock.
 */
export function nextOpening(hours: WeekHours, t: number): number | null {
  if (alwaysOn(hours)) return null;
  return stretches(hours, t, STRETCH_DAYS).find((span) => span.open >= t)?.open ?? null;
}

/**
 * If active at t, when the current active stretch ends (adjacent ranges merged, e.g. Mon 22:00–00:00
 * and Tue 00:00–06:00 end at Tue 06:00); Infinity if the hours cover the whole week; else null.
 */
export function activeUntil(hours: WeekHours, t: number): number | null {
  if (alwaysOn(hours)) return Number.POSITIVE_INFINITY;
  return stretches(hours, t, STRETCH_DAYS).find((span) => span.open <= t && t < span.close)?.close ?? null;
}

/**
 * When a nudge `intervalMs` after `from` should come, within active hours. Inside an active stretch,
 * the interval counts from `from`: from + interval, if that is still inside the same stretch. Once
 * the stretch has ended, or when `from` is outside active hours, the interval starts again when the
 * next stretch opens: "the next nudge after a window opens comes one interval later, not at the
 * opening minute", so a nudge always has one whole interval of active time before it. Only stretches
 * opening within 14 days of `from` count; null if none has room for an interval (e.g. every window
 * is shorter than the interval), or if `intervalMs` is not a positive number.
 */
export function nextNudgeWithinHours(hours: WeekHours, from: number, intervalMs: number): number | null {
  if (!(intervalMs > 0) || !Number.isFinite(intervalMs) || !Number.isFinite(from)) return null;
  if (alwaysOn(hours)) return from + intervalMs;
  const horizon = from + SEARCH_DAYS * DAY;
  const daysAhead = SEARCH_DAYS + STRETCH_DAYS + Math.ceil(intervalMs / DAY);
  for (const span of stretches(hours, from, daysAhead)) {
    if (span.close <= from) continue;
    const start = Math.max(span.open, from);
    if (start > horizon) break;
    const at = start + intervalMs;
    if (at < span.close) return at;
  }
  return null;
}

/**
 * Every problem in a week of hours, in day and index order, for messages next to the field. Overlap
 * includes a nextDay range spilling into the next day's ranges (Saturday spills into Sunday); of two
 * overlapping ranges, the one starting inside the other is flagged (the later one in the list when
 * both start together).
 */
export function validateHours(hours: WeekHours): RangeProblem[] {
  const problems: RangeProblem[] = [];
  const sound: WeekRange[] = [];
  for (const day of WEEKDAYS) {
    (hours[day] ?? []).forEach((range, index) => {
      const problem = rangeProblem(range);
      if (problem) problems.push({ day, index, problem });
      else sound.push(weekRange(day, index, range));
    });
  }
  for (const later of sound) {
    const overlaps = sound.some((other) => {
      if (other === later) return false;
      const offset = (later.from - other.from + WEEK_MINUTES) % WEEK_MINUTES;
      return offset < other.length && (offset > 0 || other.order < later.order);
    });
    if (overlaps) problems.push({ day: later.day, index: later.index, problem: 'overlap' });
  }
  return problems.sort((a, b) => a.day - b.day || a.index - b.index);
}

/** "9:00", "09:00", "18:30", "0:00" → minutes since midnight; anything else (junk, 24:00, 9:60) → null. */
export function parseClock(text: string): number | null {
  const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** 540 → "09:00". Minutes outside a day wrap around it (1440 → "00:00"). */
export function formatClock(minutes: number): string {
  const inDay = ((Math.floor(minutes) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}`;
}

// ── inside ────────────────────────────────────────────────────────────────────────────────────

/** A stretch of real time, [open, close) in epoch ms. */
interface Span {
  open: number;
  close: number;
}

/** A sound range placed in the week: minutes since Sunday 00:00, as wall-clock time. */
interface WeekRange {
  day: Weekday;
  index: number;
  order: number;
  from: number;
  length: number;
}

const isMinute = (value: number) => Number.isInteger(value) && value >= 0 && value < DAY_MINUTES;

function rangeProblem(range: TimeRange): RangeProblem['problem'] | null {
  // A nextDay range ending after its start would last more than a day.
  if (!isMinute(range.start) || !isMinute(range.end) || (range.nextDay && range.end > range.start)) {
    return 'out-of-range';
  }
  if (!range.nextDay && range.end === range.start) return 'empty';
  if (!range.nextDay && range.end < range.start) return 'ends-before-start';
  return null;
}

function weekRange(day: Weekday, index: number, range: TimeRange): WeekRange {
  const length = range.nextDay ? DAY_MINUTES - range.start + range.end : range.end - range.start;
  return { day, index, order: day * 1000 + index, from: day * DAY_MINUTES + range.start, length };
}

/** Sound ranges only: one that is broken on its own is ignored here and reported by validateHours. */
function soundRanges(hours: WeekHours): WeekRange[] {
  const out: WeekRange[] = [];
  for (const day of WEEKDAYS) {
    (hours[day] ?? []).forEach((range, index) => {
      if (!rangeProblem(range)) out.push(weekRange(day, index, range));
    });
  }
  return out;
}

/** True when the ranges cover every minute of the week: then no stretch ever ends or opens. */
function alwaysOn(hours: WeekHours): boolean {
  const pieces: [number, number][] = [];
  for (const { from, length } of soundRanges(hours)) {
    const to = from + length;
    if (to <= WEEK_MINUTES) pieces.push([from, to]);
    else pieces.push([from, WEEK_MINUTES], [0, to - WEEK_MINUTES]);
  }
  pieces.sort((a, b) => a[0] - b[0]);
  let covered = 0;
  for (const [from, to] of pieces) {
    if (from > covered) return false;
    covered = Math.max(covered, to);
  }
  return covered >= WEEK_MINUTES;
}

/** A local calendar day as a day count since 1970-01-01, which is zone-free arithmetic. */
function localDay(t: number): number {
  const date = new Date(t);
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY);
}

function weekdayOf(day: number): Weekday {
  return ((((day + 4) % 7) + 7) % 7) as Weekday; // 1970-01-01 was a Thursday
}

/** The local wall clock at t, written as if it were UTC: comparable with wall-clock targets. */
function wallClock(t: number): number {
  const d = new Date(t);
  return Date.UTC(
    d.getFullYear(),
    d.getMonth(),
    d.getDate(),
    d.getHours(),
    d.getMinutes(),
    d.getSeconds(),
    d.getMilliseconds(),
  );
}

/** The first real moment at which the local wall clock reads `minutes` past midnight of `day`, or later. */
function firstMomentAt(day: number, minutes: number): number {
  const target = day * DAY + minutes * MINUTE;
  const w = new Date(target);
  // ECMAScript resolves a repeated wall time to its first occurrence, which is what we want, and a
  // skipped one with the offset from before the change, which lands one gap past the change.
  const guess = new Date(
    w.getUTCFullYear(),
    w.getUTCMonth(),
    w.getUTCDate(),
    w.getUTCHours(),
    w.getUTCMinutes(),
  ).getTime();
  const shown = wallClock(guess);
  if (shown === target) return guess;
  // `target` was skipped: find the moment the clocks jumped past it. wallClock(lo) < target <= wallClock(hi).
  let lo = Math.min(guess, guess - (shown - target));
  let hi = Math.max(guess, guess - (shown - target));
  if (wallClock(hi) < target || wallClock(lo) >= target) return guess;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallClock(mid) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Each sound range's real stretch on local days around t, sorted by opening; empty ones left out. */
function spans(hours: WeekHours, t: number, daysBefore: number, daysAfter: number): Span[] {
  const today = localDay(t);
  const out: Span[] = [];
  for (let day = today - daysBefore; day <= today + daysAfter; day++) {
    for (const range of hours[weekdayOf(day)] ?? []) {
      if (rangeProblem(range)) continue;
      const open = firstMomentAt(day, range.start);
      const close = firstMomentAt(range.nextDay ? day + 1 : day, range.end);
      if (close > open) out.push({ open, close });
    }
  }
  return out.sort((a, b) => a.open - b.open);
}

/** Active stretches around t: ranges that touch or overlap merged into one. */
function stretches(hours: WeekHours, t: number, daysAfter: number): Span[] {
  const merged: Span[] = [];
  for (const span of spans(hours, t, 2, daysAfter)) {
    const last = merged.at(-1);
    if (last && span.open <= last.close) last.close = Math.max(last.close, span.close);
    else merged.push({ ...span });
  }
  return merged;
}

// Fixed clock times (core/time/fixed-times.ts) place a wall-clock minute on a local day with the same
// daylight-saving decisions as the hours above, so they share these.
export { firstMomentAt, localDay, weekdayOf };
