// What words Outlet can say (the keys of locales/en.yml, typed by @wxt-dev/i18n at build time) and
// what a page's words can do with them: platform/i18n.ts says them through the browser, and
// components are given them (components/shared/words.ts). Types only: nothing here runs.
import type { GeneratedI18nStructure } from '#i18n';

export type MessageKey = keyof GeneratedI18nStructure;

export type Substitutions<K extends MessageKey> = GeneratedI18nStructure[K]['substitutions'] extends 0
  ? []
  : [substitutions: string[]];

/** A counted message: the stem of keys `<stem>.one`, `<stem>.other`… (core/plural.ts). */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Stem}.other` ? Stem : never;
}[MessageKey];

/** Substitutions after the count ($1): `$2`, `$3`… when the message has them. */
export type MoreSubstitutions<P extends PluralKey> = GeneratedI18nStructure[`${P}.other` &
  MessageKey]['substitutions'] extends 0 | 1
  ? []
  : [more: string[]];

/** Every word, date, time, list and number a page shows, in the words' language. */
export interface Words {
  /** The message for `key` ("status.next"), with `$1`, `$2`… filled in from `substitutions`. */
  t<K extends MessageKey>(key: K, ...[substitutions]: Substitutions<K>): string;
  /** A counted message: `plural('checkin.breathLeft', 1)` is "1 second left". */
  plural<P extends PluralKey>(key: P, count: number, ...[more]: MoreSubstitutions<P>): string;
  /** A message whose key is built from an id of a closed list (a feeling, an outlet, a family). */
  dynamic(key: string, substitutions?: string[]): string;
  date(at: number | Date, options: Intl.DateTimeFormatOptions): string;
  time(at: number | Date): string;
  list(items: readonly string[]): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /**
   * The language dates and times are written in, and the clock's 12- or 24-hour habit: what a worker,
   * which has no words of its own, needs to write a time exactly as the page does.
   */
  clock(): Clock;
}

export interface Clock {
  locale: string;
  hourCycle?: Intl.DateTimeFormatOptions['hourCycle'];
}
