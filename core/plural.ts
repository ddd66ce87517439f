// Plural forms, the CLDR way: a counted message has one variant per plural category its language
// uses (English: one, other; Arabic: zero, one, two, few, many, other), written in the locale file
// as nested keys (`timer.secondsLeft.one`, `timer.secondsLeft.other`). Intl.PluralRules says which
// category a count falls in.
//
// Not @wxt-dev/i18n's own plural format (`1: …` / `n: …`, joined with " | "): it knows only the
// English-like 0 / 1 / n split and says so in its README, while Arabic, Polish or Russian need
// categories of their own.

/** Every CLDR plural category, in CLDR's order. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

export function isPluralCategory(value: string): value is PluralCategory {
  return (PLURAL_CATEGORIES as readonly string[]).includes(value);
}

const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * The language whose plural rules fit the words on screen. The browser's UI language when the
 * messages are written in it ("en-GB" for English messages keeps British number formatting), else
 * the language the messages are written in: a French browser showing Outlet's English words (there is
 * no French file yet) must count the English way, or it would say "0 second left".
 */
export function pluralLanguage(uiLanguage: string | undefined, messagesLanguage: string): string {
  if (uiLanguage && primary(uiLanguage) === primary(messagesLanguage)) {
    try {
      return Intl.PluralRules.supportedLocalesOf(uiLanguage.replace('_', '-'))[0] ?? messagesLanguage;
    } catch {
      return messagesLanguage;
    }
  }
  return messagesLanguage;
}

/** The categories `language` needs, e.g. ["one", "other"] for English. */
export function categoriesFor(language: string): readonly PluralCategory[] {
  return new Intl.PluralRules(language).resolvedOptions().pluralCategories as PluralCategory[];
}

/** The categories a counted message lacks in `language` (an empty list when it has them all). */
export function missingCategories(language: string, present: Iterable<string>): PluralCategory[] {
  const have = new Set(present);
  return categoriesFor(language).filter((category) => !have.has(category));
}
