// Every word Outlet shows comes from locales/<language>.yml (turned into _locales/*/messages.json,
// with typed keys from en.yml, by the @wxt-dev/i18n module at build time) through this `i18n.t`;
// every date, time and number through `i18n.date`, `i18n.time` and `i18n.number`, in the language
// of those words (`wordsLocale`), and `setPageLanguage` tells the page which language that is.
//
// A small typed wrapper over the browser's own getMessage instead of @wxt-dev/i18n's runtime: that
// runtime (named substitutions, which Outlet doesn't use, and plural forms that know only English's
// one/other) cost ~0.5 KB gzipped in the popup and in the background, which both sit at their size
// budgets. Counts go through `i18n.plural`, with CLDR's categories (core/plural.ts).

import { browser } from 'wxt/browser';
import { textDirection } from '../core/language';
import { type PluralCategory, pluralLanguage } from '../core/plural';
import type { MessageKey, MoreSubstitutions, PluralKey, Substitutions, Words } from '../core/words';

export type { MessageKey, PluralKey, Words };

type MessageName = Parameters<typeof browser.i18n.getMessage>[0];

let language: string | null = null;

/**
 * The locale of the words on screen, for `lang`, plural rules, dates and numbers: the browser's UI
 * language when the messages are written in it ("en-GB" with English words), else the language the
 * messages are written in (each locale file names its own, so this is the file the browser picked).
 * A German browser showing English words (no German file) formats dates in English, never "Add
 * hours on Montag"; a build with Arabic only, in an English browser, formats them in Arabic.
 */
export function wordsLocale(): string {
  if (language) return language;
  let ui: string | undefined;
  try {
    ui = browser.i18n.getUILanguage();
  } catch {
    ui = undefined;
  }
  const picked = pluralLanguage(ui, message('messagesLanguage') || 'en');
  // A tag Intl can't read would throw in every formatter: the words then count and date in English.
  try {
    language = Intl.getCanonicalLocales(picked)[0] ?? 'en';
  } catch {
    language = 'en';
  }
  return language;
}

let listFormat: Intl.ListFormat | null = null;
let counting: { rules: Intl.PluralRules; numbers: Intl.NumberFormat } | null = null;
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Plural rules and number format of the language the words on screen are written in. */
function countingRules() {
  counting ??= {
    rules: new Intl.PluralRules(wordsLocale()),
    numbers: new Intl.NumberFormat(wordsLocale()),
  };
  return counting;
}

/**
 * The 12- or 24-hour habit of the browser itself (its own locale, not the words'): the browser's
 * `<input type=time>` follows it, so a time written in words matches the fields next to it. English
 * words in a German browser say "15:30"; German words in an American one "3:30 PM".
 */
function clockHabit(): Intl.DateTimeFormatOptions['hourCycle'] {
  return new Intl.DateTimeFormat(undefined, { hour: 'numeric' }).resolvedOptions().hourCycle;
}

/** A date format in the words' language (cached: pages format hundreds of dates). */
function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = dateFormats.get(key);
  if (!format) {
    const clock = options.hour === undefined ? {} : { hourCycle: clockHabit() };
    format = new Intl.DateTimeFormat(wordsLocale(), { ...clock, ...options });
    dateFormats.set(key, format);
  }
  return format;
}

/** Forgets the language and its formats, so a test can change the UI language or the messages. */
export function resetLanguageForTests(): void {
  language = null;
  counting = null;
  listFormat = null;
  dateFormats.clear();
}

/**
 * Sets `lang` and `dir` on the page (`<html>`) to the words' language, so screen readers speak it
 * and Arabic runs right to left. Call it first thing in a page's entry, before anything renders.
 */
export function setPageLanguage(root: HTMLElement = document.documentElement): void {
  const locale = wordsLocale();
  root.lang = locale;
  root.dir = textDirection(locale);
}

function message(key: string, substitutions?: string[]): string {
  // Chrome's message names can't hold dots: "status.next" is stored as "status_next".
  const text = browser.i18n.getMessage(key.replaceAll('.', '_') as MessageName, substitutions);
  if (!text) console.warn(`Outlet: no message for "${key}"`);
  return text;
}

export const i18n: Words = {
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
  /**
   * `at` as a date or time in the words' language ("Montag" with German words, "Monday" with
   * English ones, whatever the page's locale). With an hour in `options`, in the browser's own 12- or
   * 24-hour habit.
   */
  date(at: number | Date, options: Intl.DateTimeFormatOptions): string {
    return dateFormat(options).format(at);
  },
  /** "14:30" or "2:30 PM": hours and minutes, in the browser's 12- or 24-hour habit. */
  time(at: number | Date): string {
    return dateFormat({ hour: 'numeric', minute: '2-digit' }).format(at);
  },
  /**
   * Items said as one list in the words' language: "Calm, Sad and Tired", "هادئ وحزين", "静か、悲しい".
   * Never a hand-made ", ": Arabic has its own comma, Japanese its own list mark.
   */
  list(items: readonly string[]): string {
    listFormat ??= new Intl.ListFormat(wordsLocale(), { type: 'conjunction' });
    return listFormat.format(items);
  },
  /** A number in the words' language ("1.234,5" in German, Arabic-Indic digits in Arabic). */
  number(value: number, options?: Intl.NumberFormatOptions): string {
    return options
      ? new Intl.NumberFormat(wordsLocale(), options).format(value)
      : countingRules().numbers.format(value);
  },
  clock: () => ({ locale: wordsLocale(), hourCycle: clockHabit() }),
};
