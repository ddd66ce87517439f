// Everything Outlet stores, described once. Values read from storage are checked against these
// schemas; a bad field falls back to its default on its own, so one corrupt setting never costs
// someone their trusted people or their journal.
import * as v from 'valibot';
import { OUTLET_FAMILIES, type OutletFamily } from './families';

export const INTERVAL_PRESETS = [30, 45, 60, 90, 120] as const;
export const INTERVAL_MIN = 15;
export const INTERVAL_MAX = 240;
export const JOURNAL_MAX_LENGTH = 280;

export const IntervalSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(INTERVAL_MIN),
  v.maxValue(INTERVAL_MAX),
);

export const TrustedPersonSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(60)),
  phone: v.optional(v.pipe(v.string(), v.maxLength(40))),
  email: v.optional(v.pipe(v.string(), v.maxLength(120))),
});
export type TrustedPerson = v.InferOutput<typeof TrustedPersonSchema>;

const settingsFields = {
  nudgesEnabled: v.boolean(),
  intervalMinutes: IntervalSchema,
  families: v.pipe(v.array(v.picklist(OUTLET_FAMILIES)), v.minLength(1)),
  trustedPeople: v.pipe(v.array(TrustedPersonSchema), v.maxLength(20)),
};
export const SettingsSchema = v.object(settingsFields);
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  nudgesEnabled: true,
  intervalMinutes: 60,
  families: [...OUTLET_FAMILIES] as OutletFamily[],
  trustedPeople: [],
};

const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Runtime state of the nudge timer. Only the background writes it. */
const scheduleFields = {
  /** When the next nudge is due (epoch ms), or null while nudges are off. */
  nextNudgeAt: v.nullable(epochMs),
  /** Nudges are held until this moment (epoch ms). */
  pausedUntil: v.nullable(epochMs),
  /** When the last nudge was shown. */
  lastNudgeAt: v.nullable(epochMs),
  /** Indexes of the notification lines shown lately, newest last, so they don't repeat. */
  recentLines: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0))), v.maxLength(20)),
};
export const ScheduleSchema = v.object(scheduleFields);
export type Schedule = v.InferOutput<typeof ScheduleSchema>;

export const DEFAULT_SCHEDULE: Schedule = {
  nextNudgeAt: null,
  pausedUntil: null,
  lastNudgeAt: null,
  recentLines: [],
};

/** A walk started from a check-in; a notification says when it is over. */
export const WalkSchema = v.nullable(v.object({ endsAt: epochMs, minutes: v.number() }));
export type Walk = v.InferOutput<typeof WalkSchema>;

export const OUTCOMES = ['done', 'skipped'] as const;
export type Outcome = (typeof OUTCOMES)[number];

// Feelings and outlets are kept as plain strings here: an id retired from the catalogue one day
// must not make an old check-in unreadable.
export const CheckInSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  at: epochMs,
  feeling: v.pipe(v.string(), v.minLength(1)),
  outletId: v.nullable(v.string()),
  outcome: v.picklist(OUTCOMES),
  journal: v.optional(v.pipe(v.string(), v.maxLength(JOURNAL_MAX_LENGTH))),
});
export type CheckIn = v.InferOutput<typeof CheckInSchema>;

export interface Parsed<T> {
  value: T;
  /** Names of the fields that were missing or invalid and fell back to their defaults. */
  repaired: string[];
}

/**
 * Reads an object field by field: every valid field is kept, every invalid one takes its default.
 * A value that is not an object at all yields the defaults, with every field reported.
 */
function parseFields<T extends Record<string, unknown>>(
  fields: { [K in keyof T]: v.GenericSchema<unknown, T[K]> },
  defaults: T,
  raw: unknown,
): Parsed<T> {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const value = { ...defaults };
  const repaired: string[] = [];
  for (const key of Object.keys(fields) as (keyof T & string)[]) {
    const result = v.safeParse(fields[key], source[key]);
    if (result.success) value[key] = result.output as T[typeof key];
    else repaired.push(key);
  }
  return { value, repaired };
}

export function parseSettings(raw: unknown): Parsed<Settings> {
  return parseFields<Settings>(settingsFields, DEFAULT_SETTINGS, raw);
}

export function parseSchedule(raw: unknown): Parsed<Schedule> {
  return parseFields<Schedule>(scheduleFields, DEFAULT_SCHEDULE, raw);
}

export function parseCheckIn(raw: unknown): CheckIn | null {
  const result = v.safeParse(CheckInSchema, raw);
  return result.success ? result.output : null;
}

export type IntervalInputResult =
  | { ok: true; minutes: number }
  | { ok: false; reason: 'empty' | 'not-a-number' | 'too-small' | 'too-large' | 'not-whole' };

/** Checks what a person typed as their nudge interval, with a reason the UI can explain. */
export function parseIntervalInput(text: string): IntervalInputResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return { ok: false, reason: 'not-a-number' };
  const minutes = Number(trimmed);
  if (!Number.isInteger(minutes)) return { ok: false, reason: 'not-whole' };
  if (minutes < INTERVAL_MIN) return { ok: false, reason: 'too-small' };
  if (minutes > INTERVAL_MAX) return { ok: false, reason: 'too-large' };
  return { ok: true, minutes };
}

export type PersonInputResult =
  | { ok: true; person: Omit<TrustedPerson, 'id'> }
  | { ok: false; field: 'name' | 'phone' | 'email'; reason: 'empty' | 'too-long' | 'invalid' };

/** Checks a trusted person typed into settings. Phone and email are optional, but must look real. */
export function parsePersonInput(input: { name: string; phone: string; email: string }): PersonInputResult {
  const name = input.name.trim();
  const phone = input.phone.trim();
  const email = input.email.trim();
  if (name === '') return { ok: false, field: 'name', reason: 'empty' };
  if (name.length > 60) return { ok: false, field: 'name', reason: 'too-long' };
  if (phone !== '' && !/^\+?[\d\s().-]{3,30}$/.test(phone))
    return { ok: false, field: 'phone', reason: 'invalid' };
  if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    return { ok: false, field: 'email', reason: 'invalid' };
  return {
    ok: true,
    person: { name, ...(phone ? { phone } : {}), ...(email ? { email } : {}) },
  };
}
