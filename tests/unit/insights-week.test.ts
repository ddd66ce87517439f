import { describe, expect, it } from 'vitest';
import type { DaySummary, HelpedCount } from '../../core/data/days';
import {
  feelingState,
  heavyDayPattern,
  helpedThisMonth,
  isHeavyDay,
  weeklyReflection,
  weekView,
  yearGlance,
} from '../../core/insights';
import { messages } from './setup';

const day = (
  key: string,
  feelings: Record<string, number>,
  helped: Record<string, Partial<HelpedCount>> = {},
): DaySummary => {
  const count = Object.values(feelings).reduce((sum, n) => sum + n, 0);
  return {
    day: key,
    count,
    feelings,
    helped: Object.fromEntries(
      Object.entries(helped).map(([id, h]) => [id, { yes: 0, aBit: 0, no: 0, ...h }]),
    ),
    done: count,
    journal: 0,
  };
};

describe('feelingState', () => {
  it.each([
    ['calm', 'pleasant'],
    ['joyful', 'pleasant'],
    ['stressed', 'tense'],
    ['sad', 'low'],
    ['numb', 'numb'],
    ['cant-tell', 'cantTell'],
    ['retired-feeling', 'other'],
  ])('%s is %s', (id, state) => {
    expect(feelingState(id)).toBe(state);
  });
});

describe('weekView', () => {
  it('runs over the seven days ending today, across the new year', () => {
    const week = weekView(
      [day('2026-12-25', { calm: 5 }), day('2026-12-27', { sad: 1 }), day('2027-01-02', { calm: 2 })],
      '2027-01-02',
    );
    expect(week.days.map((d) => d.day)).toEqual([
      '2026-12-27',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(week.total).toBe(3);
    expect(week.daysWithCheckIns).toBe(2);
    expect(week.maxCount).toBe(2);
  });

  it('counts numb and can’t-tell as states of their own, never as empty days', () => {
    const week = weekView([day('2026-03-10', { numb: 2, 'cant-tell': 1, calm: 1 })], '2026-03-10');
    const today = week.days[6];
    expect(today?.count).toBe(4);
    expect(today?.states).toMatchObject({ numb: 2, cantTell: 1, pleasant: 1, tense: 0, low: 0 });
    expect(today?.feelings).toEqual([
      { id: 'numb', count: 2 },
      { id: 'calm', count: 1 },
      { id: 'cant-tell', count: 1 },
    ]);
    expect(week.states.numb).toBe(2);
  });

  it('marks outlets answered yes or a bit as helpful that day, not those answered no', () => {
    const week = weekView(
      [day('2026-03-10', { sad: 3 }, { 'walk-street': { aBit: 1 }, 'pillow-yell': { no: 1 } })],
      '2026-03-10',
    );
    expect(week.days[6]?.helped).toEqual(['walk-street']);
  });

  it('is seven empty days for an empty history', () => {
    const week = weekView([], '2026-03-10');
    expect(week.days).toHaveLength(7);
    expect(week.days.every((d) => d.count === 0)).toBe(true);
    expect(week.maxCount).toBe(1);
  });
});

describe('helpedThisMonth', () => {
  const today = '2027-01-20';
  it.each([
    ['three yes and little else', { yes: 3, no: 1 }, 'often'],
    ['one yes', { yes: 1 }, 'sometimes'],
    ['only a bit', { aBit: 2 }, 'aLittle'],
    ['three yes but many no', { yes: 3, no: 2 }, 'sometimes'],
  ] as const)('words %s tentatively as %s', (_, helped, tone) => {
    // One answer a day, on consecutive days of this month.
    const answers = Object.entries(helped).flatMap(([answer, n]) => Array<string>(n).fill(answer));
    const summaries = answers.map((answer, i) =>
      day(`2027-01-${String(10 + i).padStart(2, '0')}`, { sad: 1 }, { 'walk-street': { [answer]: 1 } }),
    );
    expect(helpedThisMonth(summaries, today)).toMatchObject([{ outletId: 'walk-street', tone }]);
  });

  it('looks back 30 days, across the new year, so the 1st of a month is not empty', () => {
    const summaries = [
      day('2026-12-03', { sad: 1 }, { 'yell-pillow': { yes: 5 } }),
      day('2026-12-31', { sad: 1 }, { 'walk-street': { yes: 5 } }),
      day('2027-01-02', { sad: 1 }, { 'slow-breath': { yes: 1 } }),
    ];
    expect(helpedThisMonth(summaries, '2027-01-02').map((o) => o.outletId)).toEqual([
      'walk-street',
      'slow-breath',
    ]);
  });

  it('leaves out what was mostly answered no, and never reports the no answers', () => {
    const result = helpedThisMonth(
      [day('2027-01-05', { sad: 1 }, { 'walk-street': { yes: 1, no: 3 }, 'slow-breath': { yes: 1, no: 1 } })],
      today,
    );
    expect(result).toEqual([{ outletId: 'slow-breath', yes: 1, aBit: 0, days: 1, tone: 'sometimes' }]);
    expect(Object.keys(result[0] ?? {})).not.toContain('no');
  });

  it('counts days, most yes first', () => {
    const result = helpedThisMonth(
      [
        day('2027-01-05', { sad: 1 }, { 'walk-street': { yes: 1 }, 'slow-breath': { yes: 2 } }),
        day('2027-01-06', { sad: 1 }, { 'walk-street': { yes: 1 } }),
        day('2027-01-07', { sad: 1 }, { 'walk-street': { yes: 1 } }),
      ],
      today,
    );
    expect(result.map((o) => [o.outletId, o.days])).toEqual([
      ['walk-street', 3],
      ['slow-breath', 1],
    ]);
  });
});

// Heavy days every other day from 26 December 2026 (crossing the new year): a movement outlet answered on
// some of them, nothing answered on the rest.
function heavyDays(withWalk: number, without: number, answer: Partial<HelpedCount> = { yes: 1 }) {
  const summaries: DaySummary[] = [];
  for (let i = 0; i < withWalk + without; i++) {
    const key = new Date(2026, 11, 26 + i * 2, 12);
    const k = `${key.getFullYear()}-${String(key.getMonth() + 1).padStart(2, '0')}-${String(key.getDate()).padStart(2, '0')}`;
    summaries.push(day(k, { stressed: 2, calm: 1 }, i < withWalk ? { 'walk-street': answer } : {}));
  }
  return summaries;
}
const PATTERN_TODAY = '2027-01-06';

describe('heavyDayPattern', () => {
  it.each([
    ['3 days with it and 3 without', 3, 3, 'pattern'],
    ['2 days with it and 4 without', 2, 4, 'none'],
    ['4 days with it and 2 without', 4, 2, 'none'],
    ['too few days altogether', 2, 2, 'notEnough'],
  ] as const)('with %s: %s', (_, withWalk, without, kind) => {
    expect(heavyDayPattern(heavyDays(withWalk, without), PATTERN_TODAY).kind).toBe(kind);
  });

  it('names the family, across the new year', () => {
    expect(heavyDayPattern(heavyDays(3, 3), PATTERN_TODAY)).toEqual({ kind: 'pattern', family: 'movement' });
  });

  it('says nothing when the answers were mostly no', () => {
    expect(heavyDayPattern(heavyDays(3, 3, { no: 1 }), PATTERN_TODAY)).toEqual({ kind: 'none' });
  });

  it('forgets days older than four weeks', () => {
    expect(heavyDayPattern(heavyDays(3, 3), '2027-03-01').kind).toBe('notEnough');
  });

  it.each([
    [{ numb: 1 }, true],
    [{ 'cant-tell': 2, calm: 1 }, true],
    [{ calm: 1, sad: 1 }, false],
    [{ joyful: 2 }, false],
  ])('counts %j as heavy: %s', (feelings, heavy) => {
    expect(isHeavyDay(day('2026-01-01', feelings))).toBe(heavy);
  });
});

describe('weeklyReflection', () => {
  it('stays quiet with check-ins on fewer than two days', () => {
    expect(weeklyReflection([day('2027-01-01', { sad: 4 })], '2027-01-02')).toEqual({
      quiet: true,
      lines: [],
    });
    expect(weeklyReflection([], '2027-01-02')).toEqual({ quiet: true, lines: [] });
  });

  it('speaks of the week across the new year, and kindly says a pattern needs more days', () => {
    const reflection = weeklyReflection(
      [
        day('2026-12-30', { calm: 2 }, { 'walk-street': { yes: 1 } }),
        day('2027-01-01', { content: 1, sad: 1 }),
      ],
      '2027-01-02',
    );
    expect(reflection).toEqual({
      quiet: false,
      lines: [
        { key: 'days', days: 2 },
        { key: 'leaning', state: 'pleasant' },
        { key: 'helped', outletId: 'walk-street', aLittle: false },
        { key: 'notEnough' },
      ],
    });
  });

  it('names numb as the week’s leaning when it is more than half', () => {
    const reflection = weeklyReflection(
      [day('2027-01-01', { numb: 2 }), day('2027-01-02', { numb: 1, calm: 1 })],
      '2027-01-02',
    );
    expect(reflection.lines).toContainEqual({ key: 'leaning', state: 'numb' });
  });

  it('calls an even week a mix, and can’t-tell counts as itself', () => {
    const reflection = weeklyReflection(
      [day('2027-01-01', { 'cant-tell': 1, calm: 1 }), day('2027-01-02', { sad: 1 })],
      '2027-01-02',
    );
    expect(reflection.lines).toContainEqual({ key: 'mixed' });
  });

  // Issue 17: twelve heavy check-ins read as "a mix of feelings".
  const twelveDays = (...feelings: Record<string, number>[]) =>
    Array.from({ length: 12 }, (_, i) =>
      day(`2027-01-${String(i + 1).padStart(2, '0')}`, feelings[i % feelings.length] ?? {}),
    );

  it('names low feelings when they dominated twelve heavy days', () => {
    const reflection = weeklyReflection(
      twelveDays({ sad: 1 }, { overwhelmed: 1 }, { down: 1 }),
      '2027-01-12',
    );
    expect(reflection.lines).toContainEqual({ key: 'leaning', state: 'low' });
    expect(reflection.lines).not.toContainEqual({ key: 'mixed' });
  });

  it('says "mostly heavy" when unpleasant feelings dominated, split between tense and low', () => {
    const reflection = weeklyReflection(
      twelveDays({ overwhelmed: 1, sad: 1 }, { anxious: 1, down: 1 }),
      '2027-01-12',
    );
    expect(reflection.lines).toContainEqual({ key: 'mostlyHeavy' });
    expect(reflection.lines).not.toContainEqual({ key: 'mixed' });
  });

  it('still calls a week a mix when pleasant and heavy feelings shared it', () => {
    const reflection = weeklyReflection(
      twelveDays({ calm: 1, sad: 1 }, { joyful: 1, anxious: 1 }),
      '2027-01-12',
    );
    expect(reflection.lines).toContainEqual({ key: 'mixed' });
  });

  it('names a pattern once there are three days with it and three without', () => {
    const reflection = weeklyReflection(heavyDays(3, 3), PATTERN_TODAY);
    expect(reflection.lines).toContainEqual({ key: 'pattern', family: 'movement' });
    expect(reflection.lines).not.toContainEqual({ key: 'notEnough' });
  });

  it('says "a little" for an outlet answered only "a bit"', () => {
    const reflection = weeklyReflection(
      [day('2027-01-01', { sad: 1 }, { 'slow-breath': { aBit: 1 } }), day('2027-01-02', { sad: 1 })],
      '2027-01-02',
    );
    expect(reflection.lines).toContainEqual({ key: 'helped', outletId: 'slow-breath', aLittle: true });
  });
});

describe('the words insights use', () => {
  const insightCopy = Object.entries(messages).filter(([key]) =>
    /^history_(leaning|mostlyHeavy|helps|pattern|mixed|helpedWeek|month(Often|Sometimes|ALittle)|notEnough|reflection(Days|Quiet))/.test(
      key,
    ),
  );

  it.each(insightCopy)('%s is tentative or plain, never a verdict', (_, text) => {
    expect(text).not.toMatch(
      /\b(always|never helps|failed|failure|streak|diagnos(is|e)d?|disorder|symptom)\b/i,
    );
  });

  it('words every pattern and "helped" with "seems" or "often"', () => {
    const verdicts = insightCopy.filter(([key]) =>
      /_(pattern_|helpsLine_|helpedWeek|month(Often|Sometimes|ALittle))/.test(key),
    );
    expect(verdicts.length).toBeGreaterThanOrEqual(15);
    for (const [, text] of verdicts) expect(text).toMatch(/\b(seems?|seemed|often)\b/i);
  });
});

describe('yearGlance', () => {
  it('is the last 365 days, running across the new year', () => {
    const year = yearGlance([day('2026-03-01', { calm: 1 }), day('2026-02-28', { calm: 9 })], '2026-02-28');
    expect(year.days).toHaveLength(365);
    expect(year.days[0]?.day).toBe('2025-03-01');
    expect(year.days[364]?.day).toBe('2026-02-28');
    expect(year.total).toBe(9);
    expect(year.months.map((m) => m.month)).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });

  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [4, 3],
    [5, 4],
    [30, 4],
  ])('shades a day with %i check-ins at level %i', (count, level) => {
    const year = yearGlance([day('2026-06-01', { numb: count })], '2026-06-01');
    expect(year.days[364]?.level).toBe(level);
  });
});
