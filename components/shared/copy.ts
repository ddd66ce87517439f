import { localOffsetMinutes } from '../../core/time';
// Looks up catalogue copy whose keys are built from ids (feeling.<id>, outlet.<key>.title, …).
// The ids come from core's closed lists, and a unit test checks every one has its copy.

import { feelingCopyKey, outletCopyKey } from '../../core/copy-keys';
import type { OutletFamily } from '../../core/families';
import type { FeelingId } from '../../core/feelings';
import type { PickReason } from '../../core/outlets';
import { isOwnOutletId } from '../../core/outlets/own';
import { i18n } from './words';

export const feelingLabel = (id: FeelingId): string => i18n.dynamic(`feeling.${feelingCopyKey(id)}`);
export const familyLabel = (family: OutletFamily): string => i18n.dynamic(`family.${family}`);
/**
 * An outlet's title: the catalogue's in the page's words, or a person's own as they typed it. An own
 * outlet since removed is named kindly, never by its id.
 */
export const outletTitle = (id: string): string =>
  isOwnOutletId(id)
    ? (ownTitles.get(id) ?? i18n.t('own_removedTitle'))
    : i18n.dynamic(`outlet.${outletCopyKey(id)}.title`);

// The person's own outlets' titles, given by the page's wiring once read (like its words, giveWords).
let ownTitles: ReadonlyMap<string, string> = new Map();

/** The titles of the person's own outlets this page was given, by id. */
export const ownOutletTitles = (): ReadonlyMap<string, string> => ownTitles;

/** Gives the titles of the person's own outlets to every outletTitle on this page. */
export function giveOwnOutlets(outlets: readonly { id: string; title: string }[]): void {
  ownTitles = new Map(outlets.map((outlet) => [outlet.id, outlet.title]));
}
/**
 * Why this outlet: "lately" only when several answers say so. After a single "yes" it says what is
 * true of one answer ("… helped you once before"); with no count at all, the words fit any count.
 */
export function reasonText(reason: PickReason): string {
  if (reason.kind === 'lifted') {
    // Message names can't hold a hyphen: unpleasant-high → unpleasantHigh.
    const when = i18n.dynamic(
      `pickReason.when.${reason.feelingKind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`,
    );
    return reason.scope === 'outlet'
      ? i18n.plural('pickReason.lifted', reason.of, [String(reason.lifted), when])
      : i18n.plural('pickReason.liftedLike', reason.of, [String(reason.lifted), when]);
  }
  const once = reason.answers === 1;
  if (reason.kind === 'helped-before')
    return once
      ? i18n.t('pickReason.helpedOnce')
      : reason.answers === undefined
        ? i18n.t('pickReason.helpedBefore')
        : i18n.t('pickReason.helpedOften');
  return once
    ? i18n.dynamic(`pickReason.familyOnce.${reason.family}`)
    : reason.answers === undefined
      ? i18n.dynamic(`pickReason.familyBefore.${reason.family}`)
      : i18n.dynamic(`pickReason.family.${reason.family}`);
}

export const outletBody = (id: string): string => i18n.dynamic(`outlet.${outletCopyKey(id)}.body`);

/** "14:30" (or "2:30 PM"), in the person's time zone and own 12- or 24-hour habit. */
export const formatTime = (at: number): string => i18n.time(at);

/**
 * When a check-in happened, as the person's clock showed it then: in the zone it was written in
 * (its `offset`), so the time goes with the day it is listed on, wherever the device is now.
 */
export function formatEntryTime(entry: { at: number; offset?: number }): string {
  if (entry.offset === undefined || entry.offset === localOffsetMinutes(entry.at))
    return formatTime(entry.at);
  return i18n.date(entry.at + entry.offset * 60_000, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
}

/** "Monday", in the language of the words around it. */
export const formatWeekday = (at: number): string => i18n.date(at, { weekday: 'long' });
