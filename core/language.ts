// Which way a language's words run. Pure: the page sets `dir` from this (platform/i18n.ts).
//
// Not from `@@bidi_dir`: the browser answers that from its own UI language, not from the messages
// it picked. A browser in English showing Outlet's Arabic words (Debian's Chromium, which ships
// only en-US, running a build with Arabic only) says "ltr" there, and the Arabic would run the
// wrong way. The language the words are written in is the one thing that is always right.
// Not `Intl.Locale#getTextInfo` either: Firefox has no such thing yet, and Chrome has had two
// spellings of it (`textInfo`, then `getTextInfo()`).

/** Languages written right to left (CLDR's characterOrder), by primary subtag. */
const RIGHT_TO_LEFT = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ks',
  'lrc',
  'mzn',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);
const RIGHT_TO_LEFT_SCRIPTS = new Set(['adlm', 'arab', 'hebr', 'nkoo', 'rohg', 'syrc', 'thaa']);

/** "rtl" for Arabic ("ar", "ar-EG"), Hebrew, Persian…; "ltr" for everything else. */
export function textDirection(language: string): 'ltr' | 'rtl' {
  const [primary = '', ...rest] = language.toLowerCase().split(/[-_]/);
  // A script subtag wins: Azerbaijani in Arabic script ("az-Arab") runs right to left, Kurdish in
  // Latin letters ("ku-Latn") left to right.
  const script = rest.find((part) => part.length === 4);
  if (script) return RIGHT_TO_LEFT_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RIGHT_TO_LEFT.has(primary) ? 'rtl' : 'ltr';
}
