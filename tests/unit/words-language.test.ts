// Dates, times and numbers in the language of the words on screen, not the page's: a German
// browser showing Outlet's English words says "Add hours on Monday", never "on Montag"; a build in
// German says "Montag" in any browser. The clock keeps the browser's own 12- or 24-hour habit, the
// one its time fields show. And every page says which language and direction it is in.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatBytes } from '../../components/history/DataPanel';
import { dayHeading, monthName, shortDate } from '../../components/history/words';
import { clockExample, weekdayName } from '../../components/settings/words';
import { formatTime, formatWeekday } from '../../components/shared/copy';
import { textDirection } from '../../core/language';
import { i18n, resetLanguageForTests, setPageLanguage, wordsLocale } from '../../platform/i18n';

const englishMessage = fakeBrowser.i18n.getMessage;

/** The browser as one with UI language `ui`, showing the messages of the file in `words`. */
function browserWith(ui: string, words: string) {
  resetLanguageForTests();
  fakeBrowser.i18n.getUILanguage = () => ui;
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((name: string, subs?: string[]) =>
    name === 'messagesLanguage' ? words : englishMessage(name as never, subs)) as typeof englishMessage);
}

/** The browser's own clock habit, as its time fields show it. */
function clockHabit(hourCycle: 'h12' | 'h23') {
  const real = Intl.DateTimeFormat.prototype.resolvedOptions;
  vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (
    this: Intl.DateTimeFormat,
  ) {
    return { ...real.call(this), hourCycle };
  });
}

const monday = new Date(2026, 0, 5, 15, 30).getTime();

afterEach(() => {
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  resetLanguageForTests();
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('dir');
});

describe('wordsLocale', () => {
  it.each([
    ['en-US', 'en', 'en-US'],
    ['en-GB', 'en', 'en-GB'],
    // No German file yet: the words are English, and so are the dates.
    ['de-DE', 'en', 'en'],
    // A build with German only, in an English browser (how the e2e test sees a language).
    ['en-US', 'de', 'de'],
    ['pt-BR', 'pt-BR', 'pt-BR'],
    ['en-US', 'pt-BR', 'pt-BR'],
    ['ar-EG', 'ar', 'ar-EG'],
  ])('UI %s with words in %s: dates and numbers in %s', (ui, words, expected) => {
    browserWith(ui, words);
    expect(wordsLocale()).toBe(expected);
  });

  it('falls back to English when a file names a language Intl cannot read, rather than breaking', () => {
    browserWith('en-US', 'not a language');
    expect(wordsLocale()).toBe('en');
    expect(() => formatWeekday(monday)).not.toThrow();
  });
});

describe('dates in the words’ language', () => {
  it('says English weekdays next to English words in a German browser', () => {
    browserWith('de-DE', 'en');
    expect(weekdayName(1)).toBe('Monday');
    expect(formatWeekday(monday)).toBe('Monday');
    expect(i18n.t('options.hoursAdd', [weekdayName(1)])).toBe('Add hours on Monday');
  });

  it.each([
    ['de', 'Montag', 'Montag, 5. Januar', 'Januar 2026'],
    ['fr', 'lundi', 'lundi 5 janvier', 'janvier 2026'],
    ['es', 'lunes', 'lunes, 5 de enero', 'enero de 2026'],
    ['pt-BR', 'segunda-feira', 'segunda-feira, 5 de janeiro', 'janeiro de 2026'],
    ['ja', '月曜日', '1月5日月曜日', '2026年1月'],
    ['ar', 'الاثنين', 'الاثنين، 5 يناير', 'يناير 2026'],
  ])('in %s: %s, "%s", "%s"', (words, weekday, heading, month) => {
    browserWith('en-US', words);
    expect(weekdayName(1)).toBe(weekday);
    expect(dayHeading('2026-01-05', '2026-03-01')).toBe(heading);
    expect(monthName('2026-01')).toBe(month);
  });

  it('writes the year only when it is not this year', () => {
    browserWith('en-US', 'de');
    expect(dayHeading('2025-01-06', '2026-03-01')).toBe('Montag, 6. Januar 2025');
    expect(shortDate('2026-01-05')).toBe('Mo., 5. Jan.');
  });
});

describe('times in the browser’s own clock habit', () => {
  it('German words in a 12-hour browser: 3:30 PM, as its time fields show', () => {
    browserWith('en-US', 'de');
    clockHabit('h12');
    expect(formatTime(monday)).toMatch(/^3:30\sPM$/);
    expect(clockExample()).toMatch(/^3:30\sPM$/);
  });

  it('English words in a 24-hour browser: 15:30', () => {
    browserWith('de-DE', 'en');
    clockHabit('h23');
    expect(formatTime(monday)).toBe('15:30');
    expect(i18n.t('options.hoursBadTime', [clockExample()])).toBe('Please enter a time, like 15:30.');
  });

  it('Japanese words keep their own way of saying the afternoon', () => {
    browserWith('en-US', 'ja');
    clockHabit('h12');
    expect(formatTime(monday)).toBe('午後3:30');
  });
});

describe('numbers in the words’ language', () => {
  it.each([
    ['en', 1.5 * 1024 * 1024, '1.5 MB'],
    ['de', 1.5 * 1024 * 1024, '1,5 MB'],
    ['fr', 2048, '2 ko'],
  ])('in %s, %d bytes are "%s"', (words, bytes, text) => {
    browserWith('en-US', words);
    expect(formatBytes(bytes).replace(/\s/g, ' ')).toBe(text);
  });

  it('counts in the same number format: 1.234 with German words', () => {
    browserWith('en-US', 'de');
    expect(i18n.plural('history.checkIns', 1234)).toBe('1.234 check-ins');
    expect(i18n.number(1234.5)).toBe('1.234,5');
  });
});

describe('setPageLanguage', () => {
  it.each([
    ['en-US', 'en', 'en-US', 'ltr'],
    ['en-US', 'ar', 'ar', 'rtl'],
    ['ar-EG', 'ar', 'ar-EG', 'rtl'],
    // An Arabic browser with no Arabic file: the words are English, and so is the page.
    ['ar-EG', 'en', 'en', 'ltr'],
    ['en-US', 'ja', 'ja', 'ltr'],
    ['en-US', 'pt-BR', 'pt-BR', 'ltr'],
  ])('UI %s with words in %s: <html lang="%s" dir="%s">', (ui, words, lang, dir) => {
    browserWith(ui, words);
    setPageLanguage();
    expect(document.documentElement.lang).toBe(lang);
    expect(document.documentElement.dir).toBe(dir);
  });
});

describe('textDirection', () => {
  it.each([
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['he', 'rtl'],
    ['fa-IR', 'rtl'],
    ['ur', 'rtl'],
    ['az-Arab', 'rtl'],
    ['ku-Latn', 'ltr'],
    ['en', 'ltr'],
    ['pt-BR', 'ltr'],
    ['ja', 'ltr'],
    ['de', 'ltr'],
    ['', 'ltr'],
  ])('%s runs %s', (language, dir) => {
    expect(textDirection(language)).toBe(dir);
  });
});

describe('i18n.list', () => {
  // Issue 16: Arabic lists came joined with a Latin ", ".
  it.each([
    ['en', 'Calm, Sad, and Tired'],
    ['ar', 'Calm وSad وTired'],
    ['ja', 'Calm、Sad、Tired'],
    ['de', 'Calm, Sad und Tired'],
  ])('joins a list the way %s does', (words, expected) => {
    browserWith('en-US', words);
    expect(i18n.list(['Calm', 'Sad', 'Tired'])).toBe(expected);
  });
});
