// Every word Outlet shows comes from locales/en.yml (turned into _locales/*/messages.json, with
// typed keys, by the @wxt-dev/i18n module at build time) through this `i18n.t`.
//
// A small typed wrapper over the browser's own getMessage instead of @wxt-dev/i18n's runtime: that
// runtime (named substitutions, which Outlet doesn't use, and plural forms that know only English's
// one/other) cost ~0.5 KB gzipped in the popup and in the background, which both sit at their size
// budgets. Counts go through `i18n.plural`, with CLDR's categories (core/plural.ts).

import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '#i18n';
import { type PluralCategory, pluralLanguage } from '../core/plural';

export type MessageKey = keyof GeneratedI18nStructure;

type Substitutions<K extends MessageKey> = GeneratedI18nStructure[K]['substitutions'] extends 0
  ? []
  : [substitutions: string[]];

type MessageName = Parameters<typeof browser.i18n.getMessage>[0];

/** A counted message: the stem of keys `<stem>.one`, `<stem>.other`… (core/plural.ts). */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Stem}.other` ? Stem : never;
}[MessageKey];

/** Substitutions after the count ($1): `$2`, `$3`… when the message has them. */
type MoreSubstitutions<P extends PluralKey> = GeneratedI18nStructure[`${P}.other` &
  MessageKey]['substitutions'] extends 0 | 1
  ? []
  : [more: string[]];

let counting: { rules: Intl.PluralRules; numbers: Intl.NumberFormat } | null = null;

/** Plural rules and number format of the language the words on screen are written in. */
function countingRules() {
  if (counting) return counting;
  let ui: string | undefined;
  try {
    ui = browser.i18n.getUILanguage();
  } catch {
    ui = undefined;
  }
  // Each locale file names its own language, so this is the file the browser actually picked.
  const language = pluralLanguage(ui, message('messagesLanguage') || 'en');
  counting = { rules: new Intl.PluralRules(language), numbers: new Intl.NumberFormat(language) };
  return counting;
}

/** Forgets the rules, so a test can change the UI language. */
export function resetPluralRulesForTests(): void {
  counting = null;
}

function message(key: string, substitutions?: string[]): string {
  // Chrome's message names can't hold dots: "status.next" is stored as "status_next".
  const text = browser.i18n.getMessage(key.replaceAll('.', '_') as MessageName, substitutions);
  if (!text) console.warn(`Outlet: no message for "${key}"`);
  return text;
}

export const i18n = {
  /** The message for `key` ("status.next"), with `$1`, `$2`… filled in from `substitutions`. */
  t<K extends MessageKey>(key: K, ...[substitutions]: Substitutions<K>): string {
    return message(key, substitutions);
  },
  /**
   * A counted message: `plural('checkin.breathLeft', 1)` is "1 second left". The count fills `$1`
   * (in the language's digits), `more` fills `$2`, `$3`… A category the locale file lacks falls back
   * to its `other`, so a missing form reads a little off rather than blank.
   */
  plural<P extends PluralKey>(key: P, count: number, ...[more]: MoreSubstitutions<P>): string {
    const { rules, numbers } = countingRules();
    const category: PluralCategory = rules.select(count) as PluralCategory;
    const substitutions = [numbers.format(count), ...(more ?? [])];
    const name = (c: PluralCategory) => `${key}.${c}`.replaceAll('.', '_') as MessageName;
    if (category !== 'other') {
      const text = browser.i18n.getMessage(name(category), substitutions);
      if (text) return text;
    }
    return message(`${key}.other`, substitutions);
  },
  /**
   * A message whose key is built from an id of a closed list (a feeling, an outlet, a family, a
   * settings field). Unit tests check that every such key has its message in every locale.
   */
  dynamic(key: string, substitutions?: string[]): string {
    return message(key, substitutions);
  },
};
