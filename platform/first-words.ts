// The words of the popup's first screen, read by its head script (entrypoints/first-screen.ts)
// straight from the browser's i18n API: that script runs before the polyfill has loaded. Chrome's
// `chrome.i18n` and Firefox's `browser.i18n` both have the synchronous getMessage.

interface I18nApi {
  getMessage(name: string): string;
}

function api(): I18nApi | undefined {
  const scope = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return (scope.browser ?? scope.chrome)?.i18n;
}

/** A message by its dotted key; "" where there is no i18n API (a plain page, a test). */
export function firstScreenWord(key: string): string {
  // Chrome's message names can't hold dots: "checkin.title" is stored as "checkin_title".
  return api()?.getMessage(key.replaceAll('.', '_')) ?? '';
}

/** Says on the page which language its words are in, and which way they run (Arabic: right to left). */
export function markPageLanguage(root: HTMLElement): void {
  const language = firstScreenWord('messagesLanguage');
  if (language) root.lang = language;
  const direction = api()?.getMessage('@@bidi_dir');
  if (direction === 'rtl' || direction === 'ltr') root.dir = direction;
}
