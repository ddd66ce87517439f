// What the settings forms decide without a browser: the quick "same hours every weekday" view of a
// week, copying one day to all, and what "restore defaults" would change.

import * as v from 'valibot';
import { PREFERENCE_KEYS, type PreferenceKey, type Preferences, preferenceFields } from './schema';
import type { TimeRange, Weekday, WeekHours } from './time/hours';

/** Monday first: the way most people plan a working week. */
export const WEEK: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5];
export const WEEKEND: readonly Weekday[] = [6, 0];

const same = (a: readonly TimeRange[], b: readonly TimeRange[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The week seen the quick way: Monday's ranges, whether every weekday has them, and whether the
 * weekend has them too. `uniform` is false when some days differ (the quick view would change them).
 */
export function quickView(hours: WeekHours): {
  ranges: readonly TimeRange[];
  weekend: boolean;
  uniform: boolean;
} {
  const ranges = hours[1];
  const weekdaysSame = WEEKDAYS.every((day) => same(hours[day], ranges));
  const weekendSame = WEEKEND.every((day) => same(hours[day], ranges));
  const weekendEmpty = WEEKEND.every((day) => hours[day].length === 0);
  const weekend = weekendSame && ranges.length > 0;
  return { ranges, weekend, uniform: weekdaysSame && (weekendSame || weekendEmpty) };
}

/** The week the quick view describes: these ranges Monday to Friday, and on the weekend if asked. */
export function weekFromQuick(ranges: readonly TimeRange[], weekend: boolean): WeekHours {
  const week = {} as Record<Weekday, TimeRange[]>;
  for (const day of WEEK) week[day] = WEEKDAYS.includes(day) || weekend ? ranges.map((r) => ({ ...r })) : [];
  return week;
}

/** One day's ranges on every day of the week. */
export function copyDayToAll(hours: WeekHours, from: Weekday): WeekHours {
  const week = {} as Record<Weekday, TimeRange[]>;
  for (const day of WEEK) week[day] = hours[from].map((r) => ({ ...r }));
  return week;
}

export type PreferenceChange = {
  [K in PreferenceKey]: { key: K; now: Preferences[K]; back: Preferences[K] };
}[PreferenceKey];

/**
 * What "restore defaults" would change: each preference whose value differs from its default, in
 * the order the schema lists them (the people and the history are not preferences: never touched).
 */
export function changesToDefaults(current: Preferences, defaults: Preferences): PreferenceChange[] {
  const changes: PreferenceChange[] = [];
  for (const key of PREFERENCE_KEYS) {
    const now = key === 'families' ? [...current.families].sort() : current[key];
    const back = key === 'families' ? [...defaults.families].sort() : defaults[key];
    if (JSON.stringify(now) !== JSON.stringify(back))
      changes.push({ key, now: current[key], back: defaults[key] } as PreferenceChange);
  }
  return changes;
}

/** The days whose hours differ between two weeks, Monday first. */
export function daysThatDiffer(a: WeekHours, b: WeekHours): Weekday[] {
  return WEEK.filter((day) => !same(a[day], b[day]));
}

/**
 * What a person typed as "a break counts from", checked by the very schema storage keeps it by
 * (core/schema.ts preferenceFields.breakMinutes): whole minutes, or null when storage would refuse it.
 */
export function parseBreakInput(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const minutes = Number(trimmed);
  return v.safeParse(preferenceFields.breakMinutes, minutes).success ? minutes : null;
}
