// "On this day": which moment is given back, and when none is. A table, as the rules are promised in
// core/insights/memory.ts and the README.
import { describe, expect, it } from 'vitest';
import { chooseMemory, type MemoryChoice, memoryDays } from '../../core/insights/memory';
import type { CheckIn } from '../../core/schema';
import { HOUR } from '../../core/time';

const TODAY = '2026-12-07';
const NOW = Date.UTC(2026, 11, 7, 15);

let seq = 0;
function entry(day: string, fields: Partial<CheckIn> = {}): CheckIn {
  seq += 1;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return {
    id: `e${seq}`,
    at: Date.UTC(y, m - 1, d, 10, seq % 60),
    day,
    feeling: 'calm',
    outletId: 'walk-outside',
    outcome: 'done',
    ...fields,
  };
}
const now = (fields: Partial<CheckIn>, hoursAgo = 1) =>
  entry(TODAY, { ...fields, at: NOW - hoursAgo * HOUR });
const said = (choice: MemoryChoice) =>
  choice.shown
    ? `${choice.shown.unit} ${choice.shown.count}: ${choice.shown.entry.feeling}${choice.shown.lineOpen ? ' (line open)' : ''}`
    : `nothing: ${choice.reason}`;

const A_YEAR_AGO = '2025-12-07';
const A_MONTH_AGO = '2026-11-07';
const A_WEEK_AGO = '2026-11-30';

describe('which memory is shown', () => {
  const rows: [string, CheckIn | null, CheckIn[], string][] = [
    ['a calm day a year ago, no check-in today', null, [entry(A_YEAR_AGO)], 'year 1: calm (line open)'],
    ['today is light', now({ feeling: 'joyful' }), [entry(A_YEAR_AGO)], 'year 1: calm (line open)'],
    ['today is heavy (sad): nothing', now({ feeling: 'sad' }), [entry(A_YEAR_AGO)], 'nothing: heavy-now'],
    [
      'today is tense (stressed): nothing',
      now({ feeling: 'stressed' }),
      [entry(A_YEAR_AGO)],
      'nothing: heavy-now',
    ],
    ['today is numb: nothing', now({ feeling: 'numb' }), [entry(A_YEAR_AGO)], 'nothing: heavy-now'],
    ["today can't tell: nothing", now({ feeling: 'cant-tell' }), [entry(A_YEAR_AGO)], 'nothing: heavy-now'],
    [
      'pleasant, but heavier after the outlet: nothing',
      now({ feeling: 'calm', after: 'heavier' }),
      [entry(A_YEAR_AGO)],
      'nothing: heavy-now',
    ],
    [
      'a heavy check-in long ago this morning no longer holds it back',
      now({ feeling: 'sad' }, 7),
      [entry(A_YEAR_AGO)],
      'year 1: calm (line open)',
    ],
    [
      'a sad day a year ago is never chosen',
      null,
      [entry(A_YEAR_AGO, { feeling: 'sad' })],
      'nothing: none-kept',
    ],
    [
      'a sad day when the walk helped: shown, its line only when asked',
      null,
      [entry(A_YEAR_AGO, { feeling: 'sad', helped: 'yes', journal: 'everything is grey' })],
      'year 1: sad',
    ],
    [
      'a low day, lighter after: shown as helped',
      null,
      [entry(A_MONTH_AGO, { feeling: 'down', after: 'lighter' })],
      'month 1: down',
    ],
    [
      'a pleasant day that left them heavier: not chosen',
      null,
      [entry(A_YEAR_AGO, { feeling: 'calm', after: 'heavier' })],
      'nothing: none-kept',
    ],
    [
      'a pleasant day where the outlet did not help: not chosen',
      null,
      [entry(A_YEAR_AGO, { feeling: 'content', helped: 'no' })],
      'nothing: none-kept',
    ],
    [
      'a heavy day that helped but without an outlet: not chosen',
      null,
      [entry(A_YEAR_AGO, { feeling: 'sad', outletId: null, after: 'lighter' })],
      'nothing: none-kept',
    ],
    [
      'a year beats a month',
      null,
      [entry(A_MONTH_AGO, { feeling: 'proud' }), entry(A_YEAR_AGO)],
      'year 1: calm (line open)',
    ],
    [
      'a month beats a week',
      null,
      [entry(A_WEEK_AGO, { feeling: 'proud' }), entry(A_MONTH_AGO)],
      'month 1: calm (line open)',
    ],
    [
      'a week ago on its own',
      null,
      [entry(A_WEEK_AGO, { feeling: 'grateful' })],
      'week 1: grateful (line open)',
    ],
    ['two years ago', null, [entry('2024-12-07', { feeling: 'hopeful' })], 'year 2: hopeful (line open)'],
    ['nothing stored on those days', null, [entry('2026-12-01')], 'nothing: none-that-day'],
    ['no history at all', null, [], 'nothing: none-that-day'],
    [
      'a heavy moment and a good one on the same day: the good one',
      null,
      [entry(A_YEAR_AGO, { feeling: 'angry' }), entry(A_YEAR_AGO, { feeling: 'joyful' })],
      'year 1: joyful (line open)',
    ],
  ];
  it.each(rows)('%s', (_name, latest, onDays, expected) => {
    expect(said(chooseMemory(TODAY, latest, onDays, NOW))).toBe(expected);
  });

  it('prefers the moment with words on the same day', () => {
    const plain = entry(A_YEAR_AGO, { feeling: 'joyful' });
    const written = entry(A_YEAR_AGO, { feeling: 'calm', journal: 'tea in the sun' });
    expect(chooseMemory(TODAY, null, [plain, written], NOW).shown?.entry.journal).toBe('tea in the sun');
  });
});

describe('the days "on this day" looks at', () => {
  it('skips a date a month does not have, rather than moving it', () => {
    const days = memoryDays('2026-03-31').map(({ day }) => day);
    expect(days).toContain('2025-03-31');
    expect(days).toContain('2026-01-31');
    expect(days).not.toContain('2026-02-28');
    expect(days).not.toContain('2026-02-31');
  });

  it('finds 29 February only in leap years', () => {
    const years = memoryDays('2028-02-29')
      .filter(({ unit }) => unit === 'year')
      .map(({ day }) => day);
    expect(years).toEqual(['2024-02-29', '2020-02-29']);
  });

  it('weeks are the same weekday', () => {
    expect(
      memoryDays(TODAY)
        .filter(({ unit }) => unit === 'week')
        .map(({ day }) => day),
    ).toEqual(['2026-11-30', '2026-11-23', '2026-11-16']);
  });

  it('crosses the year back for months', () => {
    expect(memoryDays('2026-01-15').find(({ unit, count }) => unit === 'month' && count === 1)?.day).toBe(
      '2025-12-15',
    );
  });
});
