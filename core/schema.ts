// Everything Outlet stores, described once. Values read from storage are checked against these
// schemas; a bad field falls back to its default on its own, so one corrupt setting never costs
// someone their trusted people or their journal.
import * as v from 'valibot';
import { OUTLET_FAMILIES, type OutletFamily } from './families';
import { DEFAULT_HOURS, type TimeRange, validateHours, type WeekHours } from './hours';

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

export const BREAK_MINUTES_MIN = 1;
export const BREAK_MINUTES_MAX = 60;

const minuteOfDay = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1439));
const RangeSchema = v.object({ start: minuteOfDay, end: minuteOfDay, nextDay: v.boolean() });
const DayRangesSchema = v.pipe(v.array(RangeSchema), v.maxLength(6));

/** A week of active hours, keyed 0 (Sunday) to 6 (Saturday) like Date#getDay. */
export const WeekHoursSchema = v.pipe(
  v.object({
    0: DayRangesSchema,
    1: DayRangesSchema,
    2: DayRangesSchema,
    3: DayRangesSchema,
    4: DayRangesSchema,
    5: DayRangesSchema,
    6: DayRangesSchema,
  }),
  v.check((hours) => validateHours(hours as WeekHours).length === 0),
);

const settingsFields = {
  nudgesEnabled: v.boolean(),
  intervalMinutes: IntervalSchema,
  families: v.pipe(v.array(v.picklist(OUTLET_FAMILIES)), v.minLength(1)),
  trustedPeople: v.pipe(v.array(TrustedPersonSchema), v.maxLength(20)),
  /** When nudges may come, per weekday, in local wall-clock time. */
  hours: WeekHoursSchema as v.GenericSchema<unknown, WeekHours>,
  /** Being away (idle or locked) at least this long counts as a break: the interval restarts. */
  breakMinutes: v.pipe(v.number(), v.integer(), v.minValue(BREAK_MINUTES_MIN), v.maxValue(BREAK_MINUTES_MAX)),
  /** Opt-in: hold nudges while a web call is audible (needs optional host permissions). */
  holdDuringCalls: v.boolean(),
};
export const SettingsSchema = v.object(settingsFields);
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  nudgesEnabled: true,
  intervalMinutes: 60,
  families: [...OUTLET_FAMILIES] as OutletFamily[],
  trustedPeople: [],
  hours: DEFAULT_HOURS,
  breakMinutes: 5,
  holdDuringCalls: false,
};

export type { TimeRange, WeekHours };

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
  /** Why nudges are paused: a plain pause, or "in a meeting until …" (the popup words it). */
  pauseKind: v.nullable(v.picklist(['pause', 'meeting'])),
  /** When the person went idle or locked the screen, while they are away. */
  awaySince: v.nullable(epochMs),
  /** A due nudge waits for a better moment: the person is away, full screen, or on a call. */
  held: v.nullable(v.picklist(['away', 'fullscreen', 'call'])),
  /** Whether the last nudge shown got an answer (a check-in, a snooze, a dismissal). */
  lastNudgeAnswered: v.boolean(),
  /** Nudges in a row that were ignored or dismissed: after 3, the popup offers a calmer pace. */
  ignoredInRow: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Nudges lost today (couldn't be shown, or dismissed without a check-in): the toolbar badge. */
  missed: v.nullable(v.object({ day: epochMs, count: v.pipe(v.number(), v.integer(), v.minValue(1)) })),
};
export const ScheduleSchema = v.object(scheduleFields);
export type Schedule = v.InferOutput<typeof ScheduleSchema>;

export const DEFAULT_SCHEDULE: Schedule = {
  nextNudgeAt: null,
  pausedUntil: null,
  lastNudgeAt: null,
  recentLines: [],
  pauseKind: null,
  awaySince: null,
  held: null,
  lastNudgeAnswered: true,
  ignoredInRow: 0,
  missed: null,
};

/** A timed outlet (a walk, a move) running now; a notification says when it is over. */
export const TimerSchema = v.nullable(
  v.object({
    endsAt: epochMs,
    minutes: v.pipe(v.number(), v.minValue(1), v.maxValue(60)),
    checkInId: v.optional(v.string()),
  }),
);
export type Timer = v.InferOutput<typeof TimerSchema>;

/** The context a person gave last time, offered again at the next check-in. */
export const ContextSchema = v.object({
  canStepAway: v.boolean(),
  alone: v.boolean(),
  minutes: v.picklist([2, 5, 15]),
});
export type Context = v.InferOutput<typeof ContextSchema>;
export const DEFAULT_CONTEXT_STATE: Context = { canStepAway: true, alone: false, minutes: 5 };

/** When the person last dismissed the support card (it then stays away for 14 days). */
export const SupportStateSchema = v.object({ dismissedAt: v.nullable(epochMs) });
export type SupportStateStored = v.InferOutput<typeof SupportStateSchema>;

export const OUTCOMES = ['done', 'skipped'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const HELPED = ['yes', 'a-bit', 'no'] as const;

// Feelings and outlets are kept as plain strings here: an id retired from the catalogue one day
// must not make an old check-in unreadable.
export const CheckInSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  at: epochMs,
  feeling: v.pipe(v.string(), v.minLength(1)),
  outletId: v.nullable(v.string()),
  outcome: v.picklist(OUTCOMES),
  journal: v.optional(v.pipe(v.string(), v.maxLength(JOURNAL_MAX_LENGTH))),
  /** 1 (faint) to 5 (very strong), when the person said. */
  intensity: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))),
  context: v.optional(ContextSchema),
  /** Every outlet offered in this check-in, in order ("Another idea" adds one). */
  shown: v.optional(v.pipe(v.array(v.string()), v.maxLength(60))),
  /** The answer to "did it help?", asked once. */
  helped: v.optional(v.picklist(HELPED)),
  /** "Did it help?" was asked (answered or waved away): never ask again for this one. */
  helpAsked: v.optional(v.boolean()),
  /** The person marked "I reached out" on a talking outlet. */
  reachedOut: v.optional(v.boolean()),
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
