// Everything Outlet stores, described once. Values read from storage are checked against these
// schemas; a bad field falls back to its default on its own, so one corrupt setting never costs
// someone their trusted people or their journal.
import * as v from 'valibot';
import { OUTLET_FAMILIES, type OutletFamily } from './families';
import { DAY, HOUR, MINUTE } from './time';
import { DEFAULT_HOURS, type TimeRange, validateHours, type Weekday, type WeekHours } from './time/hours';

/**
 * How a due nudge comes (issue 18): `quiet`, only the toolbar icon says one waits; `offer`, the icon
 * first and the notification at the next natural pause (core/offer.ts); `at-once`, the notification
 * when it is due, as before.
 */
export const NUDGE_MODES = ['quiet', 'offer', 'at-once'] as const;
export type NudgeMode = (typeof NUDGE_MODES)[number];

export const INTERVAL_PRESETS = [30, 45, 60, 90, 120] as const;
export const INTERVAL_MIN = 15;
export const INTERVAL_MAX = 240;
/**
 * The longest journal entry kept, in characters. 2,000, not a tweet's 280: a brain dump or an
 * unsent letter runs for a few minutes (about 1,000–1,500 characters typed), and the draft, the
 * export and the history page all handle that. One limit for every journal field, so a form never
 * refuses what storage would keep, nor the reverse.
 */
export const JOURNAL_MAX_LENGTH = 2000;
/** Hours: at most this many time ranges on one day (the form offers no more). */
export const RANGES_PER_DAY_MAX = 6;

export const IntervalSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(INTERVAL_MIN),
  v.maxValue(INTERVAL_MAX),
);

// One definition of a trusted person serves the options form (core/inputs.ts reads its issues) and
// the stored data, so the form refuses exactly what storage would.
export const PERSON_NAME_MAX = 60;
export const PERSON_EMAIL_MAX = 120;
/** A phone number's longest: the pattern's own (a `+` and 30 digits, spaces or marks), checked first. */
export const PERSON_PHONE_MAX = 31;
export const TRUSTED_PEOPLE_MAX = 20;

/**
 * Adding one more person than TRUSTED_PEOPLE_MAX: storage rejects with it (platform/settings.ts),
 * the form says so in words (components/settings/TrustedPeopleSetting.tsx). Defined here, where the
 * limit is, so both can know it without the form importing storage.
 */
export class PeopleFull extends Error {
  constructor() {
    super(`Outlet keeps at most ${TRUSTED_PEOPLE_MAX} trusted people.`);
    this.name = 'PeopleFull';
  }
}
export const PERSON_PHONE_PATTERN = /^\+?[\d\s().-]{3,30}$/;
export const PERSON_EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const personFields = {
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(PERSON_NAME_MAX)),
  phone: v.optional(
    v.pipe(v.string(), v.trim(), v.maxLength(PERSON_PHONE_MAX), v.regex(PERSON_PHONE_PATTERN)),
  ),
  email: v.optional(
    v.pipe(v.string(), v.trim(), v.maxLength(PERSON_EMAIL_MAX), v.regex(PERSON_EMAIL_PATTERN)),
  ),
};
export const TrustedPersonSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  ...personFields,
});
export type TrustedPerson = v.InferOutput<typeof TrustedPersonSchema>;

export const BREAK_MINUTES_MIN = 1;
export const BREAK_MINUTES_MAX = 60;

const minuteOfDay = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1439));
const RangeSchema = v.object({ start: minuteOfDay, end: minuteOfDay, nextDay: v.boolean() });
const DayRangesSchema = v.pipe(v.array(RangeSchema), v.maxLength(RANGES_PER_DAY_MAX));

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

/** Which kinds of outlet to offer: at least one. */
const FamiliesSchema = v.pipe(v.array(v.picklist(OUTLET_FAMILIES)), v.minLength(1));

/** The preferences: what follows the person across their browsers (storage.sync, one key each). */
export const preferenceFields = {
  nudgesEnabled: v.boolean(),
  intervalMinutes: IntervalSchema,
  families: FamiliesSchema,
  /** When nudges may come, per weekday, in local wall-clock time. */
  hours: WeekHoursSchema as v.GenericSchema<unknown, WeekHours>,
  /** Being away (idle or locked) at least this long counts as a break: the interval restarts. */
  breakMinutes: v.pipe(v.number(), v.integer(), v.minValue(BREAK_MINUTES_MIN), v.maxValue(BREAK_MINUTES_MAX)),
  /** Opt-in: hold nudges while a web call is audible (needs optional host permissions). */
  holdDuringCalls: v.boolean(),
  /** Nudges without a sound, where the browser can (Chrome's `silent`; Firefox has no such option). */
  silentNudges: v.boolean(),
  /** How a due nudge comes: on the toolbar icon only, as an offer at the next natural pause, or at once (core/offer.ts). */
  nudgeMode: v.picklist(NUDGE_MODES),
};
export type Preferences = {
  [K in keyof typeof preferenceFields]: v.InferOutput<(typeof preferenceFields)[K]>;
};
export type PreferenceKey = keyof Preferences;
export const PREFERENCE_KEYS = Object.keys(preferenceFields) as PreferenceKey[];

export const settingsFields = {
  ...preferenceFields,
  /** Kept on this device only (never synced), one stored key per person. */
  trustedPeople: v.pipe(v.array(TrustedPersonSchema), v.maxLength(TRUSTED_PEOPLE_MAX)),
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
  // Absent in storage (every profile before this option) reads as this default: no migration step.
  silentNudges: false,
  // Absent in storage (every profile before issue 18) reads as this default, as silentNudges does.
  nudgeMode: 'offer',
};

export type { TimeRange, WeekHours };

/**
 * The latest moment any stored or imported time may be: the end of the year 9999 in UTC+14, the
 * furthest zone east, so it is still 9999 everywhere. Every view can show it in every zone: its
 * local day key keeps four digits (the `days` store sorts keys as text, so "10000-01-01" would sort
 * before "2027-01-01"), and its next local midnight is still a date. Date's own end (8.64e15) is not:
 * east of UTC its local day ends past what a Date can hold, and the day's bounds become NaN.
 * The earliest is 0 (1970), which is 1969-12-31 in UTC−12: a four-digit day too.
 */
export const EPOCH_MS_MAX = Date.UTC(10000, 0, 1) - 14 * HOUR - 1;
const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(EPOCH_MS_MAX));

// How far ahead of the clock a stored time can be, read back: past these, the clock can't vouch for
// it (it was stored while the clock ran fast), and it is invalid.
/**
 * The longest pause there is: "until tomorrow" ends at the next local midnight, at most one local
 * day away; a local day lasts 25 hours when daylight saving ends (26 in Antarctica/Troll, which
 * shifts by two hours). A meeting ends later today (at most 12 hours, core/meeting.ts).
 */
export const PAUSE_AHEAD_MAX = 26 * HOUR;
/**
 * The furthest next nudge the scheduler plans: from the end of the longest pause, a stretch of active
 * hours opening within 14 days (core/time/hours.ts searches that far: a weekly window that just closed,
 * or one shortened by daylight saving), plus the longest interval.
 */
export const NEXT_NUDGE_AHEAD_MAX = PAUSE_AHEAD_MAX + 14 * DAY + INTERVAL_MAX * MINUTE;
/**
 * How far the clock may be set back during a walk with the walk kept. A walk ends at its stored end
 * (`endsAt`), whichever way the clock moves: that one time is what the popup's countdown, the badge
 * and the end alarm all read, in any context, with no clock of their own to agree on (none has a
 * monotonic clock that outlives it), and Chrome rings an alarm when the clock reaches its time.
 * Set back by `b`, a walk's end looks up to `minutes + b` ahead; that is also what a timer stored
 * while the clock ran `b` fast looks like, so a bound is what tells a clock set back from an end the
 * clock can't vouch for. Storing the start as well would tell nothing more: a fast clock moves both.
 * Two hours covers what is seen (10 to 60 minutes: a clock corrected by the network, a clock an hour
 * off set right by hand) with room; past it the timer is refused and the walk counts as over.
 */
export const TIMER_CLOCK_BACK_MAX = 2 * HOUR;

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
  /**
   * A due nudge waits on the toolbar icon since then (quiet and offer modes, core/offer.ts). Absent
   * (every schedule stored before it) reads as none, silently: no migration step needed.
   */
  waitingSince: v.optional(v.nullable(epochMs), null),
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
  waitingSince: null,
};

/** A timed outlet lasts 1 to 60 minutes (the catalogue's longest walk is far shorter). */
export const TIMER_MINUTES_MIN = 1;
export const TIMER_MINUTES_MAX = 60;

/**
 * The longest id a check-in may hold, in characters: its own id, its feeling, its outlet and each
 * outlet shown. Outlet makes ids far shorter: a check-in's id is a UUID (36), feelings and outlets
 * are catalogue ids (under 20: `journal_brain_dump`). 100 leaves room for ids from another version
 * or tool, while one entry stays small: a 25 MB id or a 40 MB feeling (both were accepted once)
 * grew the database by twice their size and froze every page that drew them.
 */
export const ID_MAX_LENGTH = 100;
const idText = v.pipe(v.string(), v.maxLength(ID_MAX_LENGTH));

/** A timed outlet (a walk, a move) running now; a notification says when it is over. */
export const TimerSchema = v.nullable(
  v.object({
    endsAt: epochMs,
    minutes: v.pipe(v.number(), v.minValue(TIMER_MINUTES_MIN), v.maxValue(TIMER_MINUTES_MAX)),
    checkInId: v.optional(idText),
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

/** A local day as `localDayKey` writes it: four-digit years, as EPOCH_MS_MAX keeps every zone's day. */
export const DAY_KEY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const OUTCOMES = ['done', 'skipped'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const HELPED = ['yes', 'a-bit', 'no'] as const;
/**
 * "And now?", asked once soon after an outlet: how the person feels compared with before it. A
 * three-step scale, not the feelings grid again: one tap, it reads the same for every feeling
 * (numb and "I can't tell" included), and it is the outcome the picker learns from most.
 */
export const AFTER = ['lighter', 'same', 'heavier'] as const;
export type After = (typeof AFTER)[number];

/** The apps a check-in can be brought in from (core/data/imports/), and the caps of what it keeps. */
export const IMPORT_SOURCES = ['daylio', 'bearable', 'pixels', 'csv'] as const;
/** The longest mood name kept as the file has it (Daylio lets a person name a mood freely). */
export const IMPORTED_MOOD_MAX = 100;
/** The longest activities text kept on one check-in (Daylio's activities, Bearable's other readings). */
export const ACTIVITIES_MAX = 1000;

// Feelings and outlets are kept as plain strings here: an id retired from the catalogue one day
// must not make an old check-in unreadable. Every text is capped: a stored entry past a cap (from
// before the caps) fails this schema and is read as unreadable, which an export carries as it is.
export const CheckInSchema = v.object({
  id: v.pipe(idText, v.minLength(1)),
  at: epochMs,
  /**
   * The local day (`YYYY-MM-DD`) it was written on, in the zone of the device then: the day it is
   * counted and listed on, wherever it is answered, imported or deleted later. Optional: entries and
   * export files from before it read as they are, and the store fills it from `at`.
   */
  day: v.optional(v.pipe(v.string(), v.length(10), v.regex(DAY_KEY_PATTERN))),
  /**
   * The clock's offset from UTC (minutes east) where `day` was read, so the list can say the time
   * the person's clock showed then: a day from one zone with a time from another names a moment a
   * day away. Optional, as `day`: an entry without it shows its time in the zone of the device now.
   */
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(-18 * 60), v.maxValue(18 * 60))),
  feeling: v.pipe(idText, v.minLength(1)),
  outletId: v.nullable(idText),
  outcome: v.picklist(OUTCOMES),
  journal: v.optional(v.pipe(v.string(), v.maxLength(JOURNAL_MAX_LENGTH))),
  /** 1 (faint) to 5 (very strong), when the person said. */
  intensity: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))),
  context: v.optional(ContextSchema),
  /** Every outlet offered in this check-in, in order ("Another idea" adds one). */
  // At most SHOWN_MAX are recorded (core/history.ts, where the list is made). Read generously: a
  // check-in stored by an older version with more must still read, not be dropped.
  shown: v.optional(v.pipe(v.array(idText), v.maxLength(10_000))),
  /** The answer to "did it help?", asked once. */
  helped: v.optional(v.picklist(HELPED)),
  /** "Did it help?" was asked (answered or waved away): never ask again for this one. */
  helpAsked: v.optional(v.boolean()),
  /** The person marked "I reached out" on a talking outlet. */
  reachedOut: v.optional(v.boolean()),
  /**
   * The answer to "And now?" (see AFTER), and when it was given; `afterAt` alone: skipped, so it is
   * not asked again (core/checkin/after.ts).
   */
  after: v.optional(v.picklist(AFTER)),
  afterAt: v.optional(epochMs),
  /**
   * Brought in from another mood app (core/data/imports/): which one, the mood as the person named
   * it there (placed on a feeling above, and kept in their own words), and their activities as text.
   */
  imported: v.optional(
    v.object({
      from: v.picklist(IMPORT_SOURCES),
      mood: v.pipe(v.string(), v.minLength(1), v.maxLength(IMPORTED_MOOD_MAX)),
      activities: v.optional(v.pipe(v.string(), v.maxLength(ACTIVITIES_MAX))),
    }),
  ),
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

/**
 * Reads a whole settings object (Outlet 0.1's stored shape, or an import): preference by preference,
 * the people entry by entry. Something that isn't an object at all yields the defaults, every field
 * reported.
 */
export function parseSettings(raw: unknown): Parsed<Settings> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { value: { ...DEFAULT_SETTINGS }, repaired: Object.keys(settingsFields) };
  const source = raw as Record<string, unknown>;
  const value = { ...DEFAULT_SETTINGS };
  const repaired: string[] = [];
  for (const key of PREFERENCE_KEYS) {
    const read = parsePreference(key, source[key]);
    (value as Record<string, unknown>)[key] = read.value;
    if (read.repaired) repaired.push(key);
  }
  const people = parseList(TrustedPersonSchema, source.trustedPeople);
  value.trustedPeople = people.value;
  if (people.repaired) repaired.push('trustedPeople');
  return { value, repaired };
}

/** A list read entry by entry: the valid entries are kept, only the bad ones are left out. */
export function parseList<T>(
  schema: v.GenericSchema<unknown, T>,
  raw: unknown,
): { value: T[]; repaired: boolean } {
  if (raw === undefined) return { value: [], repaired: false };
  if (!Array.isArray(raw)) return { value: [], repaired: true };
  const value: T[] = [];
  for (const item of raw) {
    const result = v.safeParse(schema, item);
    if (result.success) value.push(result.output);
  }
  return { value, repaired: value.length !== raw.length };
}

/**
 * One stored preference. Missing means the default, silently. A bad list keeps its good entries
 * (families it knows, hours ranges that are sound); anything else bad falls back to the default.
 * `repaired` says the stored value was not used as it is (the caller keeps the original aside
 * before anything is written over it).
 */
export function parsePreference<K extends PreferenceKey>(
  key: K,
  raw: unknown,
): { value: Preferences[K]; repaired: boolean } {
  const fallback = DEFAULT_SETTINGS[key];
  if (raw === undefined) return { value: fallback, repaired: false };
  const whole = v.safeParse(preferenceFields[key] as v.GenericSchema<unknown, Preferences[K]>, raw);
  if (whole.success) return { value: whole.output, repaired: false };
  if (key === 'families') return parseFamilies(raw) as { value: Preferences[K]; repaired: boolean };
  if (key === 'hours' && typeof raw === 'object' && raw !== null) {
    return { value: salvageHours(raw as Record<string, unknown>) as Preferences[K], repaired: true };
  }
  return { value: fallback, repaired: true };
}

/**
 * The stored families preference on its own (the popup's head script needs only this one, for an
 * early pick: platform/early-read.ts): as parsePreference reads it. A list keeps the families it
 * knows; anything else is the default.
 */
export function parseFamilies(raw: unknown): { value: OutletFamily[]; repaired: boolean } {
  const fallback = DEFAULT_SETTINGS.families;
  if (raw === undefined) return { value: fallback, repaired: false };
  const whole = v.safeParse(FamiliesSchema, raw);
  if (whole.success) return { value: whole.output, repaired: false };
  if (!Array.isArray(raw)) return { value: fallback, repaired: true };
  const known = [...new Set(raw.filter((f): f is OutletFamily => OUTLET_FAMILIES.includes(f)))];
  return { value: known.length > 0 ? known : fallback, repaired: true };
}

/** The sound ranges of a damaged week: each day keeps its ranges that are valid and don't overlap. */
function salvageHours(raw: Record<string, unknown>): WeekHours {
  const week: Record<Weekday, TimeRange[]> = { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] };
  for (const day of [0, 1, 2, 3, 4, 5, 6] as const) {
    const ranges = raw[day];
    if (!Array.isArray(ranges)) continue;
    for (const range of ranges) {
      const parsed = v.safeParse(RangeSchema, range);
      if (!parsed.success || week[day].length >= RANGES_PER_DAY_MAX) continue;
      const attempt: WeekHours = { ...week, [day]: [...week[day], parsed.output] };
      if (validateHours(attempt).length === 0) week[day] = [...attempt[day]];
    }
  }
  return week;
}

/**
 * The stored schedule, field by field, seen from `now`: a time further ahead than the scheduler could
 * have planned is invalid too. A pause a year ahead (stored while the clock was a year fast) means
 * "not paused", never "silent for a year".
 */
export function parseSchedule(raw: unknown, now: number): Parsed<Schedule> {
  const { value, repaired } = parseFields<Schedule>(scheduleFields, DEFAULT_SCHEDULE, raw);
  const tooFar = (at: number | null, ahead: number) => at !== null && at > now + ahead;
  if (tooFar(value.pausedUntil, PAUSE_AHEAD_MAX)) {
    value.pausedUntil = null;
    value.pauseKind = null;
    repaired.push('pausedUntil');
  }
  if (tooFar(value.nextNudgeAt, NEXT_NUDGE_AHEAD_MAX)) {
    value.nextNudgeAt = null;
    repaired.push('nextNudgeAt');
  }
  // A nudge shown in the future: core/schedule.ts forgives a little (the clock set back), not more.
  if (tooFar(value.lastNudgeAt, INTERVAL_MAX * MINUTE)) {
    value.lastNudgeAt = null;
    repaired.push('lastNudgeAt');
  }
  return { value, repaired };
}

/**
 * The stored timer seen from `now`, or null (with `repaired`) when it is not valid: a timer ends its
 * minutes after it started, so an end further ahead than that, and than the clock may have been set
 * back since (TIMER_CLOCK_BACK_MAX), is one the clock can't vouch for.
 */
export function parseTimer(raw: unknown, now: number): { value: Timer; repaired: boolean } {
  const result = v.safeParse(TimerSchema, raw);
  if (!result.success) return { value: null, repaired: true };
  const timer = result.output;
  const latest = timer ? now + timer.minutes * MINUTE + TIMER_CLOCK_BACK_MAX : now;
  if (timer && timer.endsAt > latest) return { value: null, repaired: true };
  return { value: timer, repaired: false };
}

export function parseCheckIn(raw: unknown): CheckIn | null {
  const result = v.safeParse(CheckInSchema, raw);
  return result.success ? result.output : null;
}
