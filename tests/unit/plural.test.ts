// Counted words: "1 second left", never "1 seconds left", and every language gets the plural forms
// its own rules need (CLDR categories through Intl.PluralRules), however many that is.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYAML } from 'confbox';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { categoriesFor, isPluralCategory, missingCategories, pluralLanguage } from '../../core/plural';
import { i18n, type PluralKey, resetLanguageForTests } from '../../platform/i18n';

// happy-dom replaces the global URL, so resolve the path with node's helpers instead.
const LOCALES = resolve(dirname(fileURLToPath(import.meta.url)), '../../locales');
const files = readdirSync(LOCALES).filter((name) => ['.yml', '.yaml'].includes(extname(name)));

type Tree = { [key: string]: Tree | string };

/** Every counted message in a locale tree: an object whose keys are all plural categories. */
function pluralGroups(tree: Tree, prefix = ''): [string, string[]][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value !== 'object') return [];
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every(isPluralCategory)) return [[name, keys] as [string, string[]]];
    return pluralGroups(value, name);
  });
}

function plainMessages(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'object'
      ? plainMessages(value, name)
      : [[name, String(value)] as [string, string]];
  });
}

const locales = files.map(
  (name) => [name, parseYAML(readFileSync(resolve(LOCALES, name), 'utf8')) as Tree] as const,
);

afterEach(() => resetLanguageForTests());

describe('i18n.plural in English', () => {
  it.each<[PluralKey, number, string]>([
    ['checkin.breathLeft', 1, '1 second left'],
    ['checkin.breathLeft', 0, '0 seconds left'],
    ['checkin.breathLeft', 2, '2 seconds left'],
    ['checkin.breathLeft', 21, '21 seconds left'],
    ['checkin.minutes', 1, '1 minute'],
    ['checkin.minutes', 15, '15 minutes'],
    ['checkin.moveStart', 1, 'Start 1 minute'],
    ['checkin.moveStart', 3, 'Start 3 minutes'],
    ['options.keptValue', 1, 'Nothing changed: still every 1 minute.'],
    ['options.keptValue', 45, 'Nothing changed: still every 45 minutes.'],
    [
      'options.breakInvalid',
      1,
      'Please use a whole number of minutes from 1 to 60. Nothing changed: still 1 minute.',
    ],
    ['history.checkIns', 1, '1 check-in'],
    ['history.checkIns', 1234, '1,234 check-ins'],
    ['data.people', 1, '1 person'],
    ['data.people', 3, '3 people'],
    ['data.unreadableEntries', 1, '1 unreadable entry'],
    ['data.unreadableEntries', 4, '4 unreadable entries'],
  ])('%s with %d says "%s"', (key, count, text) => {
    // The table's keys take no substitution past the count; the widened type would ask for one.
    expect((i18n.plural as (key: string, count: number) => string)(key, count)).toBe(text);
  });

  it('counts the English way when the browser speaks a language Outlet has no words in yet', () => {
    // French puts 0 with 1 ("0 seconde"); Outlet's English words must still say "0 seconds left".
    fakeBrowser.i18n.getUILanguage = () => 'fr-FR';
    expect(i18n.plural('checkin.breathLeft', 0)).toBe('0 seconds left');
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
  });
});

describe('i18n.plural in a language with six forms', () => {
  // Arabic words as a browser would hand them over; only the keys this test reads.
  const arabic: Record<string, string> = {
    messagesLanguage: 'ar',
    checkin_breathLeft_zero: 'zero:$1',
    checkin_breathLeft_one: 'one:$1',
    checkin_breathLeft_two: 'two:$1',
    checkin_breathLeft_few: 'few:$1',
    checkin_breathLeft_many: 'many:$1',
    checkin_breathLeft_other: 'other:$1',
  };

  it.each([
    [0, 'zero'],
    [1, 'one'],
    [2, 'two'],
    [3, 'few'],
    [10, 'few'],
    [11, 'many'],
    [99, 'many'],
    [100, 'other'],
  ])('%d takes the "%s" form', (count, category) => {
    fakeBrowser.i18n.getUILanguage = () => 'ar-EG';
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((name: string, subs?: string[]) =>
      (arabic[name] ?? '').replace('$1', subs?.[0] ?? '')) as typeof fakeBrowser.i18n.getMessage);
    const text = i18n.plural('checkin.breathLeft', count);
    expect(text.split(':')[0]).toBe(category);
    // The count in the language's own digits.
    expect(text.split(':')[1]).toBe(new Intl.NumberFormat('ar-EG').format(count));
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
  });

  it('falls back to "other" for a form the file lacks, rather than showing nothing', () => {
    fakeBrowser.i18n.getUILanguage = () => 'ar';
    const { checkin_breathLeft_few: _, ...withoutFew } = arabic;
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
      ((name: string) => withoutFew[name] ?? '') as typeof fakeBrowser.i18n.getMessage,
    );
    expect(i18n.plural('checkin.breathLeft', 3)).toBe('other:$1');
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
  });
});

describe('pluralLanguage', () => {
  it.each([
    ['en-GB', 'en', 'en-GB'],
    ['en_US', 'en', 'en-US'],
    ['fr-FR', 'en', 'en'],
    ['ar', 'ar', 'ar'],
    [undefined, 'en', 'en'],
  ])('UI %s with words in %s counts in %s', (ui, messages, expected) => {
    expect(pluralLanguage(ui, messages)).toBe(expected);
  });
});

describe('the locale files', () => {
  // Each file's language, keys, placeholders and plural forms: tests/unit/locales.test.ts.
  it('include English', () => {
    expect(files).toContain('en.yml');
  });

  it.each(locales)('%s says no number next to a counted noun outside a plural message', (name, tree) => {
    const counted =
      /\$\d+[ -](minutes?|seconds?|days?|hours?|people|persons?|check-ins?|lines?|characters?|time ranges?)\b/;
    for (const [key, text] of plainMessages(tree)) {
      const inGroup = pluralGroups(tree).some(([group]) => key.startsWith(`${group}.`));
      if (!inGroup) expect(text, `${name}: ${key}`).not.toMatch(counted);
    }
  });

  it('would catch a language with more forms than English', () => {
    // What the test above checks, on a made-up Arabic message with English's two forms only.
    expect(categoriesFor('ar')).toHaveLength(6);
    expect(missingCategories('ar', ['one', 'other']).sort()).toEqual(['few', 'many', 'two', 'zero']);
    expect(missingCategories('ar', ['zero', 'one', 'two', 'few', 'many', 'other'])).toEqual([]);
    expect(missingCategories('en', ['one', 'other'])).toEqual([]);
    expect(missingCategories('en', ['other'])).toEqual(['one']);
  });
});
