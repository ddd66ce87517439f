// A year in feelings (issue 19, item 4): what each day's cell shows, as a table, and how a month's
// days add up for the table screen readers get.
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { YearGlance } from '../../components/history/YearGlance';
import type { DaySummary } from '../../core/data/days';
import { dayFeel, yearGlance } from '../../core/insights/year';

const day = (key: string, feelings: Record<string, number>): DaySummary => ({
  day: key,
  count: Object.values(feelings).reduce((sum, n) => sum + n, 0),
  feelings,
  helped: {},
  done: 0,
  journal: 0,
});

describe('dayFeel: what a day’s cell shows', () => {
  it.each<[string, Record<string, number>, string[]]>([
    ['no check-in', {}, []],
    ['one calm check-in', { calm: 1 }, ['pleasant']],
    ['pleasant feelings of either energy, alike', { calm: 1, joyful: 2 }, ['pleasant']],
    ['mostly anxious, once calm', { anxious: 2, calm: 1 }, ['tense']],
    ['mostly low, once pleasant', { sad: 1, tired: 1, content: 1 }, ['low']],
    ['numb, as its own', { numb: 1 }, ['numb']],
    ['can’t tell, as its own', { 'cant-tell': 3 }, ['cantTell']],
    ['numb more than pleasant', { numb: 2, calm: 1 }, ['numb']],
    ['one calm and one anxious: both, neither hidden', { calm: 1, anxious: 1 }, ['pleasant', 'tense']],
    ['numb and can’t tell equally', { numb: 1, 'cant-tell': 1 }, ['numb', 'cantTell']],
    ['three states tied: the first two', { calm: 1, sad: 1, anxious: 1 }, ['pleasant', 'tense']],
    ['a feeling from an older version', { wistful: 2, calm: 1 }, ['other']],
    ['counts of zero are not feelings', { calm: 0, sad: 1 }, ['low']],
  ])('%s', (_what, feelings, shown) => {
    expect(dayFeel(feelings)).toEqual(shown);
  });
});

describe('yearGlance: the year in feelings', () => {
  it('gives each day its feel and adds a month’s days up by feel, a tied day as mixed', () => {
    const year = yearGlance(
      [
        day('2026-06-01', { calm: 2 }),
        day('2026-06-02', { anxious: 1 }),
        day('2026-06-03', { numb: 1 }),
        day('2026-06-04', { 'cant-tell': 1 }),
        day('2026-06-05', { calm: 1, sad: 1 }),
        day('2026-06-06', { joyful: 1 }),
      ],
      '2026-06-10',
    );
    expect(year.days.at(-10)).toMatchObject({ day: '2026-06-01', feel: ['pleasant'] });
    expect(year.days.at(-6)).toMatchObject({ day: '2026-06-05', feel: ['pleasant', 'low'] });
    expect(year.days.at(-1)).toMatchObject({ day: '2026-06-10', feel: [] });
    expect(year.months.at(-1)?.feel).toEqual({
      pleasant: 2,
      tense: 1,
      low: 0,
      numb: 1,
      cantTell: 1,
      other: 0,
      mixed: 1,
    });
    expect(year.months.at(-1)?.daysWithCheckIns).toBe(6);
  });
});

afterEach(cleanup);

describe('YearGlance: the year in feelings, drawn', () => {
  const year = yearGlance(
    [
      day('2026-06-01', { calm: 2 }),
      day('2026-06-02', { anxious: 1 }),
      day('2026-06-03', { numb: 1 }),
      day('2026-06-04', { 'cant-tell': 1 }),
      day('2026-06-05', { calm: 1, sad: 1 }),
    ],
    '2026-06-10',
  );

  it('marks each day in its feeling’s colour and its own shape, never colour alone', () => {
    const { container } = render(<YearGlance year={year} />);
    const mark = (key: string) => container.querySelector(`[data-day="${key}"]`) as Element;
    expect(mark('2026-06-01').querySelector('circle.fill-pleasant')).toBeTruthy();
    expect(mark('2026-06-02').querySelector('path.fill-tense')).toBeTruthy();
    expect(mark('2026-06-03').querySelector('rect.fill-numb')).toBeTruthy();
    expect(mark('2026-06-03').querySelector('line.year-flat')).toBeTruthy();
    expect(mark('2026-06-04').querySelector('rect.fill-cantTell')?.getAttribute('fill')).toBe(
      'url(#year-stripes)',
    );
    expect(mark('2026-06-05').querySelectorAll('.year-mixed path')).toHaveLength(2);
    expect(mark('2026-06-06').querySelector('rect.level-0')).toBeTruthy();
    // Each day's words, as its tooltip.
    expect(mark('2026-06-05').querySelector('title')?.textContent).toBe(
      'Friday, June 5: Pleasant and Low or tired (2 check-ins)',
    );
    expect(mark('2026-06-06').querySelector('title')?.textContent).toBe('Saturday, June 6: no check-in');
  });

  it('has a legend in words for every kind of day shown, numb and can’t tell as their own', () => {
    const { container } = render(<YearGlance year={year} />);
    const legend = [...container.querySelectorAll('.year-legend li')].map((li) => li.textContent);
    expect(legend).toEqual([
      'Pleasant',
      'Tense or stirred up',
      'Numb',
      "Can't tell",
      'Two feelings as often',
      'No check-in',
    ]);
    expect(
      screen.getByText(/^Each day shows the feeling you checked in with most often that day\./),
    ).toBeTruthy();
  });

  it('says the same in a table, month by month, for screen readers', () => {
    render(<YearGlance year={year} />);
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'How the days felt' })).toBeTruthy();
    const june = within(table).getByRole('row', { name: /June 2026/ });
    expect(
      within(june)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      '5',
      '7',
      "Pleasant 1, Tense or stirred up 1, Numb 1, Can't tell 1, and Two feelings as often 1",
    ]);
  });
});
