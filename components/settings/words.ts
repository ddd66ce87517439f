// Settings values in words, in the person's own clock habit: the input type=time follows the
// browser's locale (12- or 24-hour), and so does `i18n.time` (in the words' language), so hints and
// summaries written with it match what the fields show ("like 3:30 PM" next to AM/PM fields, "like
// 15:30" next to 24-hour ones).
import { OUTLET_FAMILIES } from '../../core/families';
import type { NudgeMode } from '../../core/schema';
import type { PreferenceChange } from '../../core/settings-form';
import type { TimeRange, Weekday } from '../../core/time/hours';
import { familyLabel } from '../shared/copy';
import { i18n } from '../shared/words';

/** Minutes since midnight as the person reads a time: "09:00" or "9:00 AM". */
export const clockWords = (minutes: number): string =>
  i18n.time(new Date(2026, 0, 5, Math.floor(minutes / 60) % 24, minutes % 60));

/** The example in "Please enter a time, like …": half past three in the afternoon. */
export const clockExample = (): string => clockWords(15 * 60 + 30);

/** "Monday", in the person's own language (2026-01-04 was a Sunday). */
export const weekdayName = (day: Weekday): string =>
  i18n.date(new Date(2026, 0, 4 + day), { weekday: 'long' });

export const rangesWords = (ranges: readonly TimeRange[]): string =>
  ranges.length === 0
    ? i18n.t('options.valueNoHours')
    : i18n.list(
        ranges.map(
          (r) =>
            `${clockWords(r.start)}–${clockWords(r.end)}${r.nextDay ? ` (${i18n.t('options.hoursNextDay')})` : ''}`,
        ),
      );

/** A way a nudge comes, in the words the setting shows (components/settings/NudgeModeSetting.tsx). */
export const nudgeModeWords = (mode: NudgeMode): string =>
  i18n.t(mode === 'quiet' ? 'offer_modeQuiet' : mode === 'offer' ? 'offer_modeOffer' : 'offer_modeAtOnce');

const onOff = (on: boolean) => i18n.t(on ? 'options.valueOn' : 'options.valueOff');

/** A preference's value in words, for "restore defaults" (hours are said day by day elsewhere). */
export function valueWords(change: PreferenceChange, which: 'now' | 'back'): string {
  switch (change.key) {
    case 'nudgesEnabled':
    case 'holdDuringCalls':
    case 'silentNudges':
      return onOff(change[which]);
    case 'intervalMinutes':
      return i18n.plural('options.valueEvery', change[which]);
    case 'breakMinutes':
      return i18n.plural('options.minutes', change[which]);
    case 'families': {
      // Said by what is missing: the list of six is long, and the default is all of them.
      const missing = OUTLET_FAMILIES.filter((family) => !change[which].includes(family));
      return missing.length === 0
        ? i18n.t('options.valueAllFamilies')
        : i18n.t('options.valueWithout', [i18n.list(missing.map(familyLabel))]);
    }
    case 'hours':
      return '';
    case 'nudgeMode':
      return nudgeModeWords(change[which]);
  }
}
