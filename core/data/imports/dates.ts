// Dates and times as other apps write them: ISO days (`2021-03-14`, Pixels' `2025-1-1`), month names
// in many languages (`March 14`, `14 de marzo`, `14. März`, `22nd Sep 2020`), numbers in either order
// (`14/03/2021`, `03/14/2021`), Japanese-style `3月14日`, and 12- or 24-hour times (`8:30 PM`,
// `20:30`, `午後8:30`). Pure: month names come from Intl (the same tables on every device), never
// from the device's own language, so a file reads the same wherever it is imported.

/** A day as `YYYY-MM-DD`. */
export type DayKey = string;
/** How a file writes numeric dates when the year doesn't come first. */
export type DateOrder = 'dmy' | 'mdy';

export type DateRead = { ok: true; day: DayKey } | { ok: false; why: 'unreadable' | 'not-a-day' };
export type TimeRead = { ok: true; minute: number } | { ok: false };

// Languages whose month names a file may use: those Daylio and Bearable are offered in, and a few more.
const LANGUAGES = [
  'en',
  'de',
  'fr',
  'es',
  'pt',
  'it',
  'nl',
  'pl',
  'ru',
  'uk',
  'cs',
  'sk',
  'sv',
  'da',
  'nb',
  'fi',
  'tr',
  'hu',
  'ro',
  'el',
  'id',
  'ca',
  'hr',
  'sl',
  'lt',
  'lv',
  'et',
  'vi',
  'ar',
  'he',
];

const norm = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\.$/, '');

const months = new Map<string, number>();
let built = 0;

/**
 * Adds the month names of the next languages, long and short, standalone and as in a date (Russian
 * `марта`). English first and alone: most files need no other, and each language costs some Intl
 * formatters, so the others are only built once a word isn't found.
 */
function addLanguages(languages: readonly string[]): void {
  const add = (name: string, month: number) => {
    const key = norm(name.trim());
    if (key && !/\d/.test(key) && !months.has(key)) months.set(key, month);
  };
  for (const language of languages) {
    for (const width of ['long', 'short'] as const) {
      let alone: Intl.DateTimeFormat;
      let inDate: Intl.DateTimeFormat;
      try {
        alone = new Intl.DateTimeFormat(language, { month: width, timeZone: 'UTC' });
        inDate = new Intl.DateTimeFormat(language, { day: 'numeric', month: width, timeZone: 'UTC' });
      } catch {
        continue;
      }
      for (let month = 1; month <= 12; month++) {
        const at = Date.UTC(2021, month - 1, 15);
        add(alone.format(at), month);
        for (const part of inDate.formatToParts(at)) if (part.type === 'month') add(part.value, month);
      }
    }
    // English abbreviations Intl writes otherwise, or not at all.
    if (language === 'en')
      for (const [name, month] of [
        ['sept', 9],
        ['june', 6],
        ['july', 7],
      ] as const)
        add(name, month);
  }
}

/** The month a word names, in any of LANGUAGES, or undefined. */
function monthOf(word: string): number | undefined {
  const key = norm(word);
  if (built === 0) {
    addLanguages(LANGUAGES.slice(0, 1));
    built = 1;
  }
  if (!months.has(key) && built === 1) {
    addLanguages(LANGUAGES.slice(1));
    built = 2;
  }
  return months.get(key);
}

/** Whether `year-month-day` is a day on the calendar (no 31 February). */
function realDay(year: number, month: number, day: number): DateRead {
  if (!Number.isInteger(year) || year < 1970 || year > 9999) return { ok: false, why: 'not-a-day' };
  if (month < 1 || month > 12 || day < 1) return { ok: false, why: 'not-a-day' };
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return { ok: false, why: 'not-a-day' };
  const pad = (n: number) => String(n).padStart(2, '0');
  return { ok: true, day: `${year}-${pad(month)}-${pad(day)}` };
}

const fullYear = (text: string) => {
  const n = Number(text);
  return text.length <= 2 ? 2000 + n : n;
};

/**
 * Reads a date. `order` says how numbers-only dates put day and month when the year isn't first;
 * `year` is the year for a date that has none (Daylio's old `year,date,…` shape).
 */
export function readDate(
  text: string,
  { order = 'dmy', year }: { order?: DateOrder; year?: number } = {},
): DateRead {
  const s = text.normalize('NFKC').trim().toLowerCase();
  if (s === '') return { ok: false, why: 'unreadable' };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[t\s])/.exec(s);
  if (iso) return realDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const tokens = s.match(/\p{L}+\.?|\d+/gu) ?? [];
  const numbers: string[] = [];
  let month: number | undefined;
  for (const token of tokens) {
    if (/^\d+$/.test(token)) numbers.push(token);
    else {
      const found = monthOf(token);
      if (found !== undefined && month === undefined) month = found;
      // Anything else is a weekday, an ordinal's ending (22nd, 1er) or a word like "de": not needed.
    }
  }
  const cjk = /[年月日]/.test(s);
  if (month !== undefined) {
    const yearAt = numbers.findIndex((n) => n.length === 4);
    const y = yearAt >= 0 ? Number(numbers[yearAt]) : year;
    const rest = numbers.filter((_, i) => i !== yearAt);
    if (y === undefined || rest.length !== 1) return { ok: false, why: 'unreadable' };
    return realDay(y, month, Number(rest[0]));
  }
  if (numbers.length === 3) {
    const [a, b, c] = numbers as [string, string, string];
    if (a.length === 4 || cjk) return realDay(fullYear(a), Number(b), Number(c));
    if (c.length !== 4 && c.length !== 2) return { ok: false, why: 'unreadable' };
    return order === 'dmy'
      ? realDay(fullYear(c), Number(b), Number(a))
      : realDay(fullYear(c), Number(a), Number(b));
  }
  if (numbers.length === 2 && year !== undefined) {
    const [a, b] = numbers.map(Number) as [number, number];
    return cjk || order === 'mdy' ? realDay(year, a, b) : realDay(year, b, a);
  }
  return { ok: false, why: 'unreadable' };
}

/**
 * The order of numbers-only dates in a file, from the dates themselves: a first number past 12 can
 * only be a day, a second one only a day too. Null when every date reads both ways.
 */
export function dateOrderOf(dates: Iterable<string>): DateOrder | null {
  for (const text of dates) {
    const m = /^\s*(\d{1,2})\D+(\d{1,2})\D+\d{2,4}\s*$/.exec(text.normalize('NFKC'));
    if (!m) continue;
    if (Number(m[1]) > 12) return 'dmy';
    if (Number(m[2]) > 12) return 'mdy';
  }
  return null;
}

const AM = /(?:^|[\s\d])a\.?\s?m\.?(?:$|\s)|午前|오전|上午|ص/;
const PM = /(?:^|[\s\d])p\.?\s?m\.?(?:$|\s)|午後|오후|下午|م/;

/** Reads a clock time, 12- or 24-hour, as minutes since midnight. */
export function readTime(text: string): TimeRead {
  const s = text.normalize('NFKC').trim().toLowerCase();
  const m = /(\d{1,2})\s*(?:[:.h時]\s*(\d{2}))?/.exec(s);
  if (!m) return { ok: false };
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const am = AM.test(s);
  const pm = PM.test(s);
  if (m[2] === undefined && !am && !pm && !/[h時]/.test(s)) return { ok: false };
  if (am || pm) {
    if (hour < 1 || hour > 12) return { ok: false };
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return { ok: false };
  return { ok: true, minute: hour * 60 + minute };
}
