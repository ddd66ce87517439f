// Every locale file, held to en.yml and to its own language: the same keys, the same placeholders,
// the plural forms its language counts with (no more, no fewer), its language named after the
// file, and the manifest's words within the stores' limits (tests/unit/locale-check.ts). A new
// language is a new locales/<locale>.yml; this test says what it still lacks, key by key.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYAML } from 'confbox';
import { describe, expect, it } from 'vitest';
import { checkLocale, languageOfFile, MAX_DESCRIPTION, MAX_NAME } from './locale-check';

// happy-dom replaces the global URL, so resolve the path with node's helpers instead.
const LOCALES = resolve(dirname(fileURLToPath(import.meta.url)), '../../locales');
const files = readdirSync(LOCALES)
  .filter((name) => ['.yml', '.yaml'].includes(extname(name)))
  .sort();

function read(file: string): unknown {
  const text = readFileSync(resolve(LOCALES, file), 'utf8');
  try {
    return parseYAML(text);
  } catch (error) {
    throw new Error(`locales/${file} is not valid YAML: ${(error as Error).message}`);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: a YAML tree, broken on purpose below
const english = read('en.yml') as Record<string, any>;
/** A deep copy of en.yml to break, as another language's file. */
// biome-ignore lint/suspicious/noExplicitAny: as above
const copy = (): Record<string, any> => structuredClone(english) as Record<string, any>;

describe('the locale files', () => {
  it('include English, which every other file is held to', () => {
    expect(files).toContain('en.yml');
  });

  it.each(files)(
    '%s has every key of en.yml and no other, with its placeholders and plural forms',
    (file) => {
      // One list of every problem, so a translator sees them all at once.
      expect(checkLocale(file, read(file), english)).toEqual([]);
    },
  );

  it.each(files)('%s names its language, whose plural rules it follows', (file) => {
    expect((read(file) as Record<string, unknown>).messagesLanguage).toBe(languageOfFile(file));
  });
});

// The checker on broken files made in memory: each mistake is caught, and said with file and key.
describe('checkLocale', () => {
  it('finds nothing wrong with English itself', () => {
    expect(checkLocale('en.yml', english, english)).toEqual([]);
  });

  it('names a missing key and an extra one', () => {
    const de = copy();
    de.messagesLanguage = 'de';
    delete de.checkin.title;
    de.checkin.titel = 'Wie geht es dir gerade?';
    expect(checkLocale('de.yml', de, english)).toEqual([
      'de.yml: checkin.title is missing (en.yml has it)',
      'de.yml: checkin.titel is not in en.yml (a typo, or a key that has gone?)',
    ]);
  });

  it('names a placeholder dropped and one added', () => {
    const fr = copy();
    fr.messagesLanguage = 'fr';
    // status.atDay is "on $1 at $2" in English.
    expect(english.status).toHaveProperty('atDay', expect.stringMatching(/\$1.*\$2/));
    fr.status.atDay = 'Prochain rappel à $2';
    fr.checkin.title = 'Comment ça va, $1 ?';
    // French counts with one, many, other: only the placeholder problems are of interest here.
    const problems = checkLocale('fr.yml', fr, english).filter((p) => p.includes('$'));
    expect(problems).toEqual([
      "fr.yml: checkin.title has $1, which en.yml doesn't: it would show as nothing (write $$ for a $ sign)",
      `fr.yml: status.atDay lacks $1 (en.yml: ${JSON.stringify(english.status.atDay)})`,
    ]);
  });

  it('lets a plural form other than "other" spell the count out, but never "other"', () => {
    const ar = withForms('ar', ['zero', 'one', 'two', 'few', 'many', 'other']);
    ar.checkin.minutes.one = 'دقيقة واحدة';
    expect(checkLocale('ar.yml', ar, english)).toEqual([]);
    ar.checkin.minutes.other = 'دقائق';
    expect(checkLocale('ar.yml', ar, english)).toEqual([
      expect.stringMatching(/^ar\.yml: checkin\.minutes\.other lacks \$1/),
    ]);
  });

  it("names the plural forms a language needs but lacks, and the ones it doesn't use", () => {
    // English's one/other in a file that says it is Arabic (six forms) and Japanese (one form).
    const ar = { ...copy(), messagesLanguage: 'ar' };
    const arProblems = checkLocale('ar.yml', ar, english);
    expect(arProblems).toContain(
      'ar.yml: checkin.minutes lacks the forms zero, two, few, many: ar counts with zero, one, two, few, many, other',
    );
    const ja = { ...copy(), messagesLanguage: 'ja' };
    expect(checkLocale('ja.yml', ja, english)).toContain(
      'ja.yml: checkin.minutes.one is a form ja never uses (it counts with other): remove it',
    );
    // With exactly the forms each language uses, nothing is left to say.
    expect(
      checkLocale('ar.yml', withForms('ar', ['zero', 'one', 'two', 'few', 'many', 'other']), english),
    ).toEqual([]);
    expect(checkLocale('ja.yml', withForms('ja', ['other']), english)).toEqual([]);
  });

  it('refuses a counted message written as one text, and a form that is not a plural category', () => {
    const es = withForms('es', ['one', 'many', 'other']);
    es.checkin.minutes = '$1 minutos';
    es.history.checkIns.plural = '$1 registros';
    expect(checkLocale('es.yml', es, english)).toEqual([
      'es.yml: checkin.minutes is a counted message in en.yml: give it forms (checkin.minutes.other…), not one text',
      'es.yml: history.checkIns.plural is not a plural form: a counted message has zero, one, two, few, many, other only',
    ]);
  });

  it('holds messagesLanguage to the file name, Chrome folder pt_BR to the language tag pt-BR', () => {
    expect(checkLocale('pt_BR.yml', withForms('pt-BR', ['one', 'many', 'other']), english)).toEqual([]);
    const underscore = withForms('pt-BR', ['one', 'many', 'other']);
    underscore.messagesLanguage = 'pt_BR';
    expect(checkLocale('pt_BR.yml', underscore, english)).toContain(
      'pt_BR.yml: messagesLanguage is "pt_BR"; in this file it must be "pt-BR"',
    );
    // A copy of English left with English's language, as a new file often starts.
    expect(checkLocale('de.yml', copy(), english)).toContain(
      'de.yml: messagesLanguage is "en"; in this file it must be "de"',
    );
  });

  it('refuses a file name Chrome has no locale folder for', () => {
    expect(checkLocale('pt-BR.yml', withForms('pt-BR', ['one', 'many', 'other']), english)).toEqual([
      'pt-BR.yml: is not named after a locale Chrome knows ("pt-BR"): name it like en.yml, pt_BR.yml or es_419.yml',
    ]);
  });

  it(`keeps the name within ${MAX_NAME} characters and the description within ${MAX_DESCRIPTION}`, () => {
    const de = withForms('de', ['one', 'other']);
    de.extName = 'O'.repeat(MAX_NAME);
    de.extDescription = 'ü'.repeat(MAX_DESCRIPTION);
    expect(checkLocale('de.yml', de, english)).toEqual([]);
    de.extName = 'O'.repeat(MAX_NAME + 1);
    de.extDescription = 'ü'.repeat(MAX_DESCRIPTION + 1);
    expect(checkLocale('de.yml', de, english)).toEqual([
      `de.yml: extName is ${MAX_NAME + 1} characters; the stores allow ${MAX_NAME}`,
      `de.yml: extDescription is ${MAX_DESCRIPTION + 1} characters; the stores allow ${MAX_DESCRIPTION}`,
    ]);
  });

  it('refuses empty messages, bare yes/no words and shapes the build would read its own way', () => {
    const de = withForms('de', ['one', 'other']);
    de.checkin.hint = '';
    de.checkin.done = true;
    // An object of message/description at the top is a Chrome message to the build, not a group.
    const problems = checkLocale('de.yml', { ...de, actionTitle: { message: 'Outlet' } }, english);
    expect(problems).toEqual([
      'de.yml: checkin.hint is empty',
      'de.yml: checkin.done reads as true, not as words: put the message in quotes',
      'de.yml: actionTitle is missing (en.yml has it)',
      'de.yml: actionTitle.message is not in en.yml (a typo, or a key that has gone?)',
      'de.yml: actionTitle is how the build reads a group of keys here: give each message its own key',
    ]);
  });

  it('says when a file is no list of keys at all', () => {
    expect(checkLocale('fr.yml', 'Bonjour', english)).toEqual([
      'fr.yml: is not a list of keys and messages (is it YAML like en.yml?)',
    ]);
  });
});

/** en.yml as `language`'s file, every counted message with exactly `forms` (copied from "other"). */
// biome-ignore lint/suspicious/noExplicitAny: as above
function withForms(language: string, forms: string[]): Record<string, any> {
  const tree = { ...copy(), messagesLanguage: language };
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const visit = (node: Record<string, any>) => {
    for (const [key, value] of Object.entries(node)) {
      if (value === null || typeof value !== 'object') continue;
      const keys = Object.keys(value);
      if (
        keys.includes('other') &&
        keys.every((k) => ['zero', 'one', 'two', 'few', 'many', 'other'].includes(k))
      )
        node[key] = Object.fromEntries(forms.map((form) => [form, value.other]));
      else visit(value);
    }
  };
  visit(tree);
  return tree;
}
