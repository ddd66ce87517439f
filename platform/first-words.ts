// The words of the popup's first screen, read by its head script (entrypoints/first-screen.ts)
// straight from the browser's i18n API: that script runs before the polyfill has loaded. Chrome's
// `chrome.i18n` and Firefox's `browser.i18n` both have the synchronous getMessage.

import { textDirection } from '../core/language';
import { pluralLanguage } from '../core/plural';

interface I18nApi {
  getMessage(name: string, substitutions?: string[]): string;
  getUILanguage(): string;
}

function api(): I18nApi | undefined {
  const scope = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return (scope.browser ?? scope.chrome)?.i18n;
}

/**
 * A message by its dotted key, with `$1`… filled in from `substitutions`; "" where there is no i18n
 * API (a plain page, a test).
 */
export function firstScreenWord(key: string, substitutions?: string[]): string {
  // Chrome's message names can't hold dots: "checkin.title" is stored as "checkin_title".
  return api()?.getMessage(key.replaceAll('.', '_'), substitutions) ?? '';
}

/**
 * Says on the page which language its words are in, and which way they run (Arabic: right to
 * left), as platform/i18n.ts `setPageLanguage` does on the other pages (not from `@@bidi_dir`,
 * which follows the browser's own language: see core/language.ts).
 */
export function markPageLanguage(root: HTMLElement): void {
  const written = firstScreenWord('messagesLanguage');
  if (!written) return;
  let ui: string | undefined;
  try {
    ui = api()?.getUILanguage();
  } catch {
    ui = undefined;
  }
  const language = pluralLanguage(ui, written);
  root.lang = language;
  root.dir = textDirection(language);
}
