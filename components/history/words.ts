// Words for the history page that depend on a number, a day or a stored id.

import { isFeelingId } from '../../core/feelings';
import type { FeelingState } from '../../core/insights/states';
import { outletById } from '../../core/outlets';
import { isOwnOutletId } from '../../core/outlets/own';
import { addDays, dayBounds, HOUR } from '../../core/time';
import { feelingLabel, outletTitle } from '../shared/copy';
import { i18n } from '../shared/words';

export const checkInsCount = (n: number): string => i18n.plural('history.checkIns', n);

export const daysCount = (n: number): string => i18n.plural('history.days', n);

/** A stored feeling id in words; an id from an older version is shown as it was stored. */
export const feelingWords = (id: string): string => (isFeelingId(id) ? feelingLabel(id) : id);

/** A stored outlet id in words, even once the catalogue has retired it. */
export const outletWords = (id: string): string =>
  outletById(id) || isOwnOutletId(id) ? outletTitle(id) : i18n.t('history.earlierOutlet');

/** "Felt lighter after": the answer to "And now?" as the history and the journal's Markdown say it. */
export const AFTER_KEYS = {
  lighter: 'history.afterLighter',
  same: 'history.afterSame',
  heavier: 'history.afterHeavier',
} as const;

export const stateLabel = (state: FeelingState): string => i18n.dynamic(`history.state.${state}`);

// Every date in the words' language (platform/i18n.ts), not the page's: German words say "Montag".
const date = { weekday: 'long', day: 'numeric', month: 'long' } as const;
const dateYear = { ...date, year: 'numeric' } as const;

const noon = (day: string) => dayBounds(day).start + 12 * HOUR;

/** "Today", "Yesterday", "Monday, 2 November", or with the year when it isn't this year's. */
export function dayHeading(day: string, today: string): string {
  if (day === today) return i18n.t('history.today');
  if (day === addDays(today, -1)) return i18n.t('history.yesterday');
  return i18n.date(noon(day), day.slice(0, 4) === today.slice(0, 4) ? date : dateYear);
}

/** "Wed, 25 Nov": for the week's table, where the year is plain. */
export const shortDate = (day: string): string =>
  i18n.date(noon(day), { weekday: 'short', day: 'numeric', month: 'short' });
export const shortWeekday = (day: string): string => i18n.date(noon(day), { weekday: 'short' });
export const monthName = (month: string): string =>
  i18n.date(noon(`${month}-01`), { month: 'long', year: 'numeric' });
export const shortMonth = (month: string): string => i18n.date(noon(`${month}-01`), { month: 'short' });
