// What a locale file must be for Outlet to work in its language, as one function that lists every
// problem by file and key: tests/unit/locales.test.ts runs it on every locales/*.yml (and on broken
// ones made up in memory, to show it would catch them).
//
// The rules, and why:
// - the same keys as en.yml: Chrome falls back to the default locale's message for a missing key,
//   but a build with one language only (how the e2e test sees a language) has none to fall back to,
//   and an extra key is a typo that leaves the real one missing;
// - the same `$1`, `$2`… as en.yml: a dropped one loses a time or a name, an extra one shows empty;
//   in a counted message a form other than `other` may leave out the count ($1) and spell it
//   ("دقيقة واحدة", one minute);
// - counted messages (`stem.one`, `stem.other`…) with exactly the plural categories the file's
//   language uses (Intl.PluralRules of its `messagesLanguage`, core/plural.ts): one missing reads
//   wrong for those counts, one the language never uses is dead text nobody will review;
// - `messagesLanguage` is the file's name as a language tag (pt_BR.yml: "pt-BR"): plural rules,
//   dates, `lang` and `dir` all follow it (platform/i18n.ts);
// - the file's name is a locale Chrome knows (its `_locales` folder takes the same name);
// - extName at most 45 characters and extDescription at most 132 (the stores' limits);
// - the messages the build writes (@wxt-dev/i18n) are exactly these keys: it reads some shapes of
//   YAML its own way (an object of numbers is its plural format, `message`/`description` a Chrome
//   message), and Chrome message names are letters, digits and `_`, compared without case.
import { generateChromeMessages, parseMessagesObject, SUPPORTED_LOCALES } from '@wxt-dev/i18n/build';
import { categoriesFor, isPluralCategory, PLURAL_CATEGORIES } from '../../core/plural';

export const MAX_NAME = 45;
export const MAX_DESCRIPTION = 132;

type Leaf = string | number | boolean | null;

/** Every key of a parsed YAML file, dotted ("checkin.minutes.one"), with what it holds. */
function leaves(tree: unknown, prefix = ''): [string, Leaf | object][] {
  if (tree === null || typeof tree !== 'object' || (Object.keys(tree).length === 0 && prefix))
    return [[prefix, tree as Leaf]];
  return Object.entries(tree).flatMap(([key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === 'object' ? leaves(value, name) : [[name, value as Leaf]];
  });
}

/** The stems of counted messages in en.yml: objects whose keys are all plural categories. */
function pluralStems(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    if (value === null || typeof value !== 'object') return [];
    const name = prefix ? `${prefix}.${key}` : key;
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every(isPluralCategory)) return [name];
    return pluralStems(value as Record<string, unknown>, name);
  });
}

/** `$1`…`$9` in a message (`$$` is a dollar sign, not a placeholder). */
export function placeholders(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\$(\$|\d)/g)) if (match[1] !== '$') found.add(`$${match[1]}`);
  return [...found].sort();
}

const list = (items: readonly string[]) => items.join(', ');

/** The language tag a locale file must name: its file name, with `-` for Chrome's `_`. */
export const languageOfFile = (file: string): string => file.replace(/\.ya?ml$/, '').replace('_', '-');

/**
 * Every problem of locale file `file` (parsed: `tree`) against English (`english`, en.yml parsed),
 * each a line that names the file and the key. An empty list: the file is sound.
 */
export function checkLocale(file: string, tree: unknown, english: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const say = (key: string, text: string) => problems.push(`${file}: ${key ? `${key} ` : ''}${text}`);
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) {
    say('', 'is not a list of keys and messages (is it YAML like en.yml?)');
    return problems;
  }

  const folder = file.replace(/\.ya?ml$/, '');
  if (!SUPPORTED_LOCALES.has(folder))
    say(
      '',
      `is not named after a locale Chrome knows ("${folder}"): name it like en.yml, pt_BR.yml or es_419.yml`,
    );

  // messagesLanguage, first: the plural checks below need it.
  const language = (tree as Record<string, unknown>).messagesLanguage;
  const wanted = languageOfFile(file);
  let categories: readonly string[] | null = null;
  if (language !== wanted)
    say('messagesLanguage', `is ${JSON.stringify(language)}; in this file it must be "${wanted}"`);
  try {
    // In CLDR's order (zero, one, two, few, many, other), as a translator reads them.
    const used = categoriesFor(typeof language === 'string' ? language : wanted);
    categories = PLURAL_CATEGORIES.filter((category) => used.includes(category));
  } catch {
    say('messagesLanguage', `is not a language tag Intl knows (${JSON.stringify(language)})`);
  }

  const stems = pluralStems(english);
  const stemOf = (key: string) => stems.find((stem) => key.startsWith(`${stem}.`));
  const englishLeaves = new Map(leaves(english));
  const ours = new Map(leaves(tree));

  // Messages as such: text, and not empty.
  for (const [key, value] of ours) {
    if (typeof value === 'string' && value.trim() !== '') continue;
    if (typeof value === 'number') continue;
    say(
      key,
      value === null || value === ''
        ? 'is empty'
        : typeof value === 'boolean'
          ? `reads as ${value}, not as words: put the message in quotes`
          : typeof value === 'string'
            ? 'is only spaces'
            : 'is an empty group',
    );
  }

  // Keys: the same as English, with counted messages compared stem by stem.
  for (const key of englishLeaves.keys()) {
    if (stemOf(key)) continue;
    if (!ours.has(key)) say(key, 'is missing (en.yml has it)');
  }
  for (const key of ours.keys()) {
    const stem = stemOf(key);
    if (stem) {
      const form = key.slice(stem.length + 1);
      if (!isPluralCategory(form))
        say(key, `is not a plural form: a counted message has ${list(PLURAL_CATEGORIES)} only`);
      continue;
    }
    if (englishLeaves.has(key)) continue;
    if (stems.includes(key)) {
      say(key, `is a counted message in en.yml: give it forms (${key}.other…), not one text`);
      continue;
    }
    say(key, 'is not in en.yml (a typo, or a key that has gone?)');
  }

  // Counted messages: the forms the language uses, all of them and only them.
  for (const stem of stems) {
    const forms: string[] = [...ours.keys()]
      .filter((key) => key.startsWith(`${stem}.`))
      .map((key) => key.slice(stem.length + 1))
      .filter(isPluralCategory);
    if (forms.length === 0) {
      if (!ours.has(stem)) say(stem, 'is missing (en.yml has it, as a counted message)');
      continue;
    }
    if (!categories) continue;
    const lang = String(language);
    const lacking = categories.filter((category) => !forms.includes(category));
    if (lacking.length > 0)
      say(
        stem,
        `lacks the form${lacking.length > 1 ? 's' : ''} ${list(lacking)}: ${lang} counts with ${list(categories)}`,
      );
    for (const form of forms.filter((f) => !categories.includes(f)))
      say(`${stem}.${form}`, `is a form ${lang} never uses (it counts with ${list(categories)}): remove it`);
  }

  // Placeholders: the same as English's.
  for (const [key, value] of ours) {
    if (typeof value !== 'string') continue;
    const stem = stemOf(key);
    const english = stem
      ? [...englishLeaves].filter(([k]) => k.startsWith(`${stem}.`)).map(([, v]) => String(v))
      : englishLeaves.has(key)
        ? [String(englishLeaves.get(key))]
        : null;
    if (!english) continue;
    const expected = [...new Set(english.flatMap(placeholders))].sort();
    const have = placeholders(value);
    const extra = have.filter((p) => !expected.includes(p));
    // A form other than "other" may spell the count out instead of writing $1.
    const optional = stem && !key.endsWith('.other') ? ['$1'] : [];
    const lacking = expected.filter((p) => !have.includes(p) && !optional.includes(p));
    if (lacking.length > 0)
      say(key, `lacks ${list(lacking)} (en.yml: ${JSON.stringify(english.join(' | '))})`);
    if (extra.length > 0)
      say(key, `has ${list(extra)}, which en.yml doesn't: it would show as nothing (write $$ for a $ sign)`);
    if (/\$[A-Za-z_]/.test(value.replaceAll('$$', '')))
      say(key, 'has $ before a letter, which Chrome reads as a named placeholder: write $$ for a $ sign');
  }

  // The manifest's words.
  const name = (tree as Record<string, unknown>).extName;
  const description = (tree as Record<string, unknown>).extDescription;
  if (typeof name === 'string' && [...name].length > MAX_NAME)
    say('extName', `is ${[...name].length} characters; the stores allow ${MAX_NAME}`);
  if (typeof description === 'string' && [...description].length > MAX_DESCRIPTION)
    say('extDescription', `is ${[...description].length} characters; the stores allow ${MAX_DESCRIPTION}`);

  // What the build will write: the same names, nothing read another way, no two names alike.
  let written: string[] = [];
  try {
    written = Object.keys(generateChromeMessages(parseMessagesObject(tree as never)));
  } catch (error) {
    say('', `can't be turned into messages.json: ${(error as Error).message}`);
  }
  const expectedNames = new Set([...ours.keys()].map((key) => key.replaceAll('.', '_')));
  for (const nameWritten of written)
    if (!expectedNames.has(nameWritten))
      say(nameWritten, 'is how the build reads a group of keys here: give each message its own key');
  const seen = new Map<string, string>();
  for (const key of ours.keys()) {
    const chromeName = key.replaceAll('.', '_');
    if (!/^[A-Za-z0-9_]+$/.test(chromeName))
      say(key, 'has a character Chrome refuses in a message name: use letters, digits and _ only');
    const other = seen.get(chromeName.toLowerCase());
    if (other) say(key, `becomes the same message name as ${other} ("${chromeName}")`);
    else seen.set(chromeName.toLowerCase(), key);
  }
  return problems;
}
