// Time, in one place: the lengths of a minute, an hour and a day in epoch milliseconds, and local-day
// arithmetic. Pure: every function takes the moment it is asked about; the local zone is read from
// `Date` on each call (never cached), so a machine that changes zone is followed at the next decision.
// Active hours and their daylight-saving rules are in ./hours.ts.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/**
 * 24 hours of real time. A local day can be 23 or 25 hours long (26 in Antarctica/Troll): to move
 * by calendar days use addDays, startOfNextLocalDay or dayBounds, never `+ DAY`.
 */
export const DAY = 24 * HOUR;

/** Midnight at the start of the local day of `t`. */
export function startOfLocalDay(t: number): number {
  const date = new Date(t);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Midnight at the start of the next local day: "pause until tomorrow" ends there. */
export function startOfNextLocalDay(t: number): number {
  const date = new Date(t);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day of a moment, as `YYYY-MM-DD`. */
/** Minutes east of UTC of this device's clock at `at` (+60 in Berlin in winter, -660 in Pago Pago). */
export function localOffsetMinutes(at: number): number {
  // 0, never -0 (UTC): a stored -0 reads back as 0 from JSON, and the two would differ.
  return 0 - new Date(at).getTimezoneOffset();
}

export function localDayKey(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The start (local midnight) and the end (next local midnight) of a `YYYY-MM-DD` day. */
export function dayBounds(day: string): { start: number; end: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { start: new Date(y, m - 1, d).getTime(), end: new Date(y, m - 1, d + 1).getTime() };
}

/** The day `offset` days after `day` (negative for before), as `YYYY-MM-DD`. */
export function addDays(day: string, offset: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return localDayKey(new Date(y, m - 1, d + offset, 12).getTime());
}

/** The weekday of a `YYYY-MM-DD` day: 0 (Sunday) to 6 (Saturday), as `Date#getDay` counts. */
export function weekdayOfDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12).getDay();
}

/**
 * The moment the clock shows `minuteOfDay` (minutes since midnight) on the local day of `t`. On a
 * daylight-saving change a time the clock skips is read as the browser reads it (an hour later).
 */
export function atLocalMinute(t: number, minuteOfDay: number): number {
  const date = new Date(t);
  return new Date(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    Math.floor(minuteOfDay / 60),
    minuteOfDay % 60,
  ).getTime();
}
