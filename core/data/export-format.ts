// The file a person downloads to keep everything Outlet stored, and reads back in. Versioned: a file
// written by an older Outlet is read through step upgrades (v1 → v2), a newer one is refused with a
// word about updating rather than half read.
//
// Strict on purpose (every object a `strictObject`): a file is the one input that comes from outside
// the extension, so an unknown field is refused and named rather than silently dropped. The pieces
// reuse the stored data's own schemas (core/schema.ts), so a file can hold exactly what storage may.
import * as v from 'valibot';
import {
  OWN_OUTLETS_MAX,
  type OwnOutlet,
  OwnOutletEntries,
  SAME_FAMILY_MESSAGE,
  sameFamily,
} from '../outlets/own';
import {
  CheckInSchema,
  ContextSchema,
  EPOCH_MS_MAX,
  type Preferences,
  preferenceFields,
  TRUSTED_PEOPLE_MAX,
  TrustedPersonSchema,
  WeekHoursSchema,
} from '../schema';
import { DEFAULT_HOURS } from '../time/hours';

export const EXPORT_FORMAT = 'outlet-export';
export const EXPORT_VERSION = 2;

export const MAX_CHECK_INS = 200_000;
export const MAX_PEOPLE = TRUSTED_PEOPLE_MAX;
export const MAX_SET_ASIDE = 1_000;
/** Stored check-ins that could not be read go out with an export as they are, so nothing is lost. */
export const MAX_UNREADABLE = 10_000;
/** The latest time a file may hold: the one bound storage keeps too (core/schema.ts says why). */
export const TIME_MAX = EPOCH_MS_MAX;

/** An epoch-millisecond moment: a whole number a date can hold, not before 1970. */
export const TimeSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(TIME_MAX));

const ContextStrict = v.strictObject(ContextSchema.entries);

export const CheckInStrict = v.strictObject({
  ...CheckInSchema.entries,
  at: TimeSchema,
  context: v.optional(ContextStrict),
});

export const PersonStrict = v.strictObject(TrustedPersonSchema.entries);

/** A person's own outlet (core/outlets/own.ts), as storage keeps it. */
export const OwnOutletStrict = v.pipe(
  v.strictObject(OwnOutletEntries),
  v.check((outlet) => sameFamily(outlet), SAME_FAMILY_MESSAGE),
);

const minuteOfDay = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1439));
const RangeStrict = v.strictObject({ start: minuteOfDay, end: minuteOfDay, nextDay: v.boolean() });
const DayStrict = v.array(RangeStrict);
// The shape, strictly; then the stored schema itself decides what a sound week is (one definition).
const HoursStrict = v.pipe(
  v.strictObject({
    0: DayStrict,
    1: DayStrict,
    2: DayStrict,
    3: DayStrict,
    4: DayStrict,
    5: DayStrict,
    6: DayStrict,
  }),
  v.check((hours) => v.is(WeekHoursSchema, hours)),
);

export const PreferencesStrict = v.strictObject({
  ...preferenceFields,
  hours: HoursStrict as unknown as (typeof preferenceFields)['hours'],
  // Files exported before the option existed have no such field: they read as the default.
  silentNudges: v.optional(preferenceFields.silentNudges, false),
  // Files from before issue 18 have no nudgeMode: they read as the default, the offer.
  nudgeMode: v.optional(preferenceFields.nudgeMode, 'offer'),
});

/**
 * The most a value kept as it is (set aside, or unreadable) may take, as JSON text (counted as
 * `fitsAsJson` counts): 2,000,000 characters. Such a value is whatever was stored, so the schema
 * can't cap its fields one by one; its size it can. The largest check-in the stored schema reads
 * (10,000 outlets shown at 100 characters, the longest journal) is about 1,040,000, and goes out with
 * the unreadable ones when the file format can't carry it, so it must come back in; a 25 MB id
 * (issue 15) is refused.
 */
export const KEPT_VALUE_MAX_JSON = 2_000_000;

/**
 * Whether `value`, written as JSON, stays within `max` characters. Counted without writing it (a
 * value past the cap may be far past it): strings and keys by their length, and a character for
 * every bracket, comma and quote, which is never more than JSON writes.
 */
export function fitsAsJson(value: unknown, max: number): boolean {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') size += item.length + 2;
    else if (Array.isArray(item)) {
      size += 2 + item.length;
      for (const child of item) stack.push(child);
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        size += key.length + 4;
        stack.push(child);
      }
      size += 2;
    } else size += String(item).length;
    if (size > max) return false;
  }
  return true;
}

/** The issue a kept value past its size gets: import.ts tells it as `too-long`. */
export const KEPT_VALUE_TOO_BIG = 'The value is too big to keep';

/**
 * A value kept as it is, capped by the size of its JSON. The metadata names the cap for
 * tests/unit/schema-caps.test.ts, which checks that a value past it is refused.
 */
const KeptValue = v.pipe(
  v.unknown(),
  v.check((value) => fitsAsJson(value, KEPT_VALUE_MAX_JSON), KEPT_VALUE_TOO_BIG),
  v.metadata({ maxJsonLength: KEPT_VALUE_MAX_JSON }),
);

const SetAsideStrict = v.strictObject({
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  at: TimeSchema,
  value: KeptValue,
});
export type SetAside = v.InferOutput<typeof SetAsideStrict>;

export const ExportV2Schema = v.strictObject({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(2),
  exportedAt: TimeSchema,
  preferences: PreferencesStrict,
  trustedPeople: v.pipe(v.array(PersonStrict), v.maxLength(MAX_PEOPLE)),
  // Written when there are any (core/data/export.ts); files from before own outlets have none.
  ownOutlets: v.optional(v.pipe(v.array(OwnOutletStrict), v.maxLength(OWN_OUTLETS_MAX))),
  checkIns: v.pipe(v.array(CheckInStrict), v.maxLength(MAX_CHECK_INS)),
  setAside: v.pipe(v.array(SetAsideStrict), v.maxLength(MAX_SET_ASIDE)),
  unreadable: v.pipe(v.array(KeptValue), v.maxLength(MAX_UNREADABLE)),
});
export type ExportV2 = v.InferOutput<typeof ExportV2Schema>;

// Version 1 kept trusted people inside the settings, and came before active hours, breaks and calls.
const SettingsV1Strict = v.strictObject({
  nudgesEnabled: preferenceFields.nudgesEnabled,
  intervalMinutes: preferenceFields.intervalMinutes,
  families: preferenceFields.families,
  trustedPeople: v.pipe(v.array(PersonStrict), v.maxLength(MAX_PEOPLE)),
  hours: v.optional(PreferencesStrict.entries.hours),
  breakMinutes: v.optional(preferenceFields.breakMinutes),
  holdDuringCalls: v.optional(preferenceFields.holdDuringCalls),
});

export const ExportV1Schema = v.strictObject({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(1),
  exportedAt: TimeSchema,
  settings: SettingsV1Strict,
  checkIns: v.pipe(v.array(CheckInStrict), v.maxLength(MAX_CHECK_INS)),
});
export type ExportV1 = v.InferOutput<typeof ExportV1Schema>;

/**
 * v1 → v2: people move out of the settings; what v1 had no field for takes the value v1 behaved
 * with (spelled out, not today's defaults, so the step means the same thing forever).
 */
export function upgradeV1(file: ExportV1): ExportV2 {
  const { trustedPeople, ...settings } = file.settings;
  const preferences: Preferences = {
    nudgesEnabled: settings.nudgesEnabled,
    intervalMinutes: settings.intervalMinutes,
    families: settings.families,
    hours: settings.hours ?? DEFAULT_HOURS,
    breakMinutes: settings.breakMinutes ?? 5,
    holdDuringCalls: settings.holdDuringCalls ?? false,
    silentNudges: false,
    nudgeMode: 'offer',
  };
  return {
    format: EXPORT_FORMAT,
    version: 2,
    exportedAt: file.exportedAt,
    preferences,
    trustedPeople,
    checkIns: file.checkIns,
    setAside: [],
    unreadable: [],
  };
}

/** Everything an export holds, as read from the device. */
export interface Snapshot {
  preferences: Preferences;
  trustedPeople: ExportV2['trustedPeople'];
  /** The person's own outlets; none (or missing) writes no field, so a file without any reads as before. */
  ownOutlets?: OwnOutlet[];
  checkIns: ExportV2['checkIns'];
  setAside: SetAside[];
  unreadable: unknown[];
}
