// Bringing entries in from Daylio, Bearable, Pixels and any other app's CSV (core/data/imports/):
// each file shape and quirk, read from fixtures written for it (tests/fixtures/imports/), the line
// every refusal names, and check-ins whose ids make a second import of the same file add nothing.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type ColumnMapping,
  detectImport,
  guessFeeling,
  type ImportedRow,
  type Placements,
  type RowsRead,
  readDate,
  readGeneric,
  readTime,
  summarize,
  toCheckIns,
} from '../../core/data/imports';
import { parseCheckIn } from '../../core/schema';

// happy-dom replaces the global URL, so resolve the path with node's helpers instead.
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/imports');
const fixture = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');

function rowsOf(name: string): Extract<RowsRead, { ok: true }> {
  const detected = detectImport(fixture(name));
  if (detected.kind !== 'read') throw new Error(`${name} asked for a mapping`);
  if (!detected.read.ok) throw new Error(`${name} refused: ${JSON.stringify(detected.read.problems)}`);
  return detected.read;
}
const brief = (rows: readonly ImportedRow[]) =>
  rows.map(
    ({ day, minute, mood }) =>
      `${day} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')} ${mood}`,
  );

describe('readDate', () => {
  it.each([
    ['2021-03-14', {}, '2021-03-14'],
    ['2025-1-1', {}, '2025-01-01'],
    ['March 14', { year: 2019 }, '2019-03-14'],
    ['14 de marzo', { year: 2021 }, '2021-03-14'],
    ['14. März', { year: 2023 }, '2023-03-14'],
    ['14 mars', { year: 2023 }, '2023-03-14'],
    ['14 марта', { year: 2023 }, '2023-03-14'],
    ['3月14日', { year: 2023 }, '2023-03-14'],
    ['22nd Sep 2020', {}, '2020-09-22'],
    ['1st Sept 2020', {}, '2020-09-01'],
    ['Tuesday, 22 September 2020', {}, '2020-09-22'],
    ['14/03/2021', { order: 'dmy' as const }, '2021-03-14'],
    ['03/14/2021', { order: 'mdy' as const }, '2021-03-14'],
    ['2021/3/14', {}, '2021-03-14'],
    ['29/02/24', { order: 'dmy' as const }, '2024-02-29'],
  ])('reads %s', (text, options, day) => {
    expect(readDate(text, options)).toEqual({ ok: true, day });
  });

  it.each([
    ['31/02/2021', 'not-a-day'],
    ['2021-02-29', 'not-a-day'],
    ['2021-13-01', 'not-a-day'],
    ['sometime', 'unreadable'],
    ['', 'unreadable'],
  ])('refuses %s (%s)', (text, why) => {
    expect(readDate(text, { order: 'dmy' })).toEqual({ ok: false, why });
  });
});

describe('readTime', () => {
  it.each([
    ['20:30', 20 * 60 + 30],
    ['8:30 PM', 20 * 60 + 30],
    ['8:30 pm', 20 * 60 + 30],
    ['12:10 AM', 10],
    ['12:30 PM', 12 * 60 + 30],
    ['8:30 p. m.', 20 * 60 + 30],
    ['午後8:30', 20 * 60 + 30],
    ['20h30', 20 * 60 + 30],
    ['08:05', 8 * 60 + 5],
  ])('reads %s', (text, minute) => {
    expect(readTime(text)).toEqual({ ok: true, minute });
  });

  it.each(['25:00', '13:00 PM', '', 'noon', '8:75'])('refuses %j', (text) => {
    expect(readTime(text).ok).toBe(false);
  });
});

describe('Daylio', () => {
  it('reads the oldest shape (year,date,…): a BOM, 12-hour times, newest first, custom moods', () => {
    const read = rowsOf('daylio-year.csv');
    expect(read.source).toBe('daylio');
    expect(brief(read.rows)).toEqual([
      '2019-11-03 21:15 good',
      '2019-11-03 08:05 meh',
      '2019-10-31 12:30 Refreshed',
      '2019-10-31 00:10 awful',
      '2019-02-28 19:00 rad',
    ]);
    expect(read.rows[0]).toMatchObject({
      journal: 'Made soup with Mum, and it was good.',
      activities: 'family | cooking',
    });
    expect(read.rows[1]?.journal).toBeUndefined();
  });

  it('reads full_date with Spanish dates, 24-hour times, several a day and a note over two lines', () => {
    const read = rowsOf('daylio-full.csv');
    expect(brief(read.rows)).toEqual([
      '2021-03-15 21:40 bien',
      '2021-03-15 13:05 ok but sleepy',
      '2021-03-15 08:30 ok but sleepy',
      '2021-03-14 18:00 sad',
      '2021-03-14 09:00 sad',
    ]);
    expect(read.rows[3]?.journal).toBe('Una línea\ny otra');
    expect(read.rows[3]?.line).toBe(5);
    expect(read.rows[4]?.line).toBe(7);
  });

  it('reads note_title with note (CRLF, quotes, commas) and counts a mood with a trailing space as the same', () => {
    const read = rowsOf('daylio-title.csv');
    expect(read.rows[0]).toMatchObject({
      mood: 'Refreshed',
      journal: 'A good day\nWe swam, then "the usual" tea.',
      activities: 'swim | friends',
    });
    expect(read.rows[4]?.journal).toBe('Start');
    const { moods } = summarize(read.rows);
    expect(moods.map((m) => [m.name, m.count])).toEqual([
      ['ok but sleepy', 2],
      ['good', 1],
      ['Refreshed', 1],
      ['sad', 1],
    ]);
  });

  it('reads the shape with scales, German dates, and keeps the scales with the activities', () => {
    const read = rowsOf('daylio-scales.csv');
    expect(brief(read.rows)).toEqual([
      '2023-03-14 20:30 gut',
      '2023-03-14 07:05 müde',
      '2023-01-02 12:00 gut',
    ]);
    expect(read.rows[0]?.activities).toBe('Arbeit | Sport · Energie: 4 | Stress: 2');
    expect(read.rows[1]).toMatchObject({ journal: 'Früh\nZu früh wach.', activities: 'Energie: 1' });
  });

  it('refuses the whole file, naming each line and what is wrong with it', () => {
    const detected = detectImport(fixture('daylio-bad.csv'));
    expect(detected).toEqual({
      kind: 'read',
      read: {
        ok: false,
        more: 0,
        problems: [
          { line: 3, what: 'not-a-day', value: '2021-02-31' },
          { line: 4, what: 'bad-time', value: '25:00' },
          { line: 5, what: 'no-mood' },
        ],
      },
    });
  });
});

describe('Bearable', () => {
  it('makes one check-in per day and part of it, the mood row giving the name, other readings kept as text', () => {
    const read = rowsOf('bearable.csv');
    expect(read.source).toBe('bearable');
    expect(brief(read.rows)).toEqual([
      '2020-09-22 20:00 Content',
      '2020-09-22 09:00 Anxious',
      '2020-09-22 12:00 —',
      '2020-09-21 03:00 4/10',
      '2020-09-21 14:00 Joyful',
      '2020-09-01 14:00 —',
    ]);
    expect(read.rows[0]).toMatchObject({
      journal: 'Dinner with Sam.',
      activities: '7/10 · Hopeful · Energy: 3',
    });
    expect(read.rows[1]?.activities).toBe('2/10 · Symptoms: Headache (mild)');
    expect(read.rows[2]?.activities).toBe('Factors: Work | Coffee · Sleep quality: 6');
    expect(read.rows[5]?.journal).toBe('Just a note.');
  });

  it('places a 0–10 mood with no feeling named by its number', () => {
    expect(guessFeeling('4/10')).toBe('down');
    expect(guessFeeling('10/10')).toBe('joyful');
  });
});

describe('Pixels', () => {
  it('reads days not zero-padded, several scores a day, and tags as text', () => {
    const read = rowsOf('pixels.json');
    expect(read.source).toBe('pixels');
    expect(brief(read.rows)).toEqual([
      '2025-01-01 12:00 4/5',
      '2025-01-02 12:00 2/5',
      '2025-01-02 12:00 5/5',
      '2025-12-31 12:00 3/5',
    ]);
    expect(read.rows[0]).toMatchObject({
      journal: 'New year, quiet start.',
      activities: 'Emotions: calm, grateful · Activities: walk',
      line: 2,
    });
    expect(read.rows[3]?.line).toBe(20);
  });

  it('reads the 2019 shape {date, mood, emotions, notes}', () => {
    const read = rowsOf('pixels-2019.json');
    expect(read.rows).toEqual([
      {
        line: 2,
        day: '2019-03-09',
        minute: 720,
        mood: '5/5',
        journal: 'Finished the quilt!',
        activities: 'excited, proud',
      },
      { line: 3, day: '2019-03-10', minute: 720, mood: '1/5' },
    ]);
  });

  it('refuses a day that does not exist and a score past 5, by line', () => {
    const detected = detectImport(fixture('pixels-bad.json'));
    expect(detected.kind === 'read' && detected.read).toEqual({
      ok: false,
      more: 0,
      problems: [
        { line: 3, what: 'not-a-day', value: '2025-2-30' },
        { line: 4, what: 'bad-score', value: '[9]' },
      ],
    });
  });
});

describe('any other CSV, with its columns named', () => {
  it('asks for a mapping, guessing it from the column names and the dates’ order', () => {
    const detected = detectImport(fixture('other-app-good.csv'));
    expect(detected.kind).toBe('mapping');
    if (detected.kind !== 'mapping') return;
    expect(detected.table.headerText).toEqual(['Datum', 'Uhrzeit', 'Stimmung', 'Notiz', 'Tags']);
    expect(detected.guess).toEqual({ date: 0, time: 1, mood: 2, note: 3, activities: 4, order: 'dmy' });
    const read = readGeneric(detected.table, detected.guess);
    expect(read.ok && brief(read.rows).slice(-2)).toEqual(['2021-03-12 08:12 gut', '2021-03-13 21:15 müde']);
    expect(read.ok && read.rows.at(-1)).toMatchObject({ journal: 'Ein Satz; mit Semikolon' });
  });

  it("names the line of a day that isn't real: line 14, '31/02/2021'", () => {
    const detected = detectImport(fixture('other-app.csv'));
    if (detected.kind !== 'mapping') throw new Error('expected a mapping');
    expect(readGeneric(detected.table, detected.guess)).toEqual({
      ok: false,
      more: 0,
      problems: [{ line: 14, what: 'not-a-day', value: '31/02/2021' }],
    });
  });

  it('refuses a mapping without a date or a mood column', () => {
    const detected = detectImport(fixture('other-app-good.csv'));
    if (detected.kind !== 'mapping') throw new Error('expected a mapping');
    const mapping: ColumnMapping = { ...detected.guess, mood: -1 };
    expect(readGeneric(detected.table, mapping)).toEqual({
      ok: false,
      more: 0,
      problems: [{ line: 0, what: 'missing-column', value: 'mood' }],
    });
  });
});

describe('files that are none of these', () => {
  it.each([
    ['', 'no-rows'],
    ['{"format":"outlet-export"}', 'not-entries'],
    ['[{"date": ', 'not-json'],
    ['just one line of words', 'unknown-shape'],
  ])('%j is refused as a whole (%s)', (text, what) => {
    const detected = detectImport(text);
    expect(detected.kind === 'read' && !detected.read.ok && detected.read.problems[0]).toEqual({
      line: 0,
      what,
    });
  });
});

describe('check-ins from rows', () => {
  const placements: Placements = {
    good: 'content',
    'ok but sleepy': 'tired',
    refreshed: 'energised',
    sad: 'sad',
    meh: 'cant-tell',
  };

  it('summarizes for the preview: count, first and last day, every mood name', () => {
    const summary = summarize(rowsOf('daylio-title.csv').rows);
    expect(summary).toMatchObject({ count: 5, first: '2021-03-01', last: '2024-11-02' });
  });

  it('places each mood, keeps the person’s own name and activities, and is what storage accepts', () => {
    const { source, rows } = rowsOf('daylio-title.csv');
    const made = toCheckIns(source, rows, placements);
    if (!made.ok) throw new Error('unplaced');
    const first = made.checkIns[0];
    expect(first).toMatchObject({
      day: '2024-11-02',
      feeling: 'energised',
      outletId: null,
      journal: 'A good day\nWe swam, then "the usual" tea.',
      imported: { from: 'daylio', mood: 'Refreshed', activities: 'swim | friends' },
    });
    expect(new Date(first?.at ?? 0).getHours()).toBe(22);
    for (const checkIn of made.checkIns) expect(parseCheckIn(checkIn)).toEqual(checkIn);
  });

  it('gives the same ids every time, and two identical rows two ids', () => {
    const { source, rows } = rowsOf('daylio-title.csv');
    const once = toCheckIns(source, rows, placements);
    const again = toCheckIns(source, rowsOf('daylio-title.csv').rows, { ...placements, good: 'joyful' });
    if (!once.ok || !again.ok) throw new Error('unplaced');
    const ids = once.checkIns.map((c) => c.id);
    expect(again.checkIns.map((c) => c.id)).toEqual(ids);
    expect(new Set(ids).size).toBe(5);
    expect(ids.every((id) => id.startsWith('daylio-') && id.length <= 100)).toBe(true);
  });

  it('refuses to make check-ins while a mood name is unplaced, and says which', () => {
    const { source, rows } = rowsOf('daylio-title.csv');
    const { refreshed: _, ...rest } = placements;
    expect(toCheckIns(source, rows, rest)).toEqual({ ok: false, unplaced: ['Refreshed'] });
  });

  it.each([
    ['rad', 'joyful'],
    ['awful', 'sad'],
    ['sad', 'sad'],
    ['Happy'.toLowerCase(), 'joyful'],
    ['ok but sleepy', null],
    ['3/5', 'cant-tell'],
  ])('guesses where %j goes: %s', (key, feeling) => {
    expect(guessFeeling(key)).toBe(feeling);
  });
});
