import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { WhatHelps } from '../../components/history/WhatHelps';
import { OUTLET_FAMILIES } from '../../core/families';
import { HELP_KINDS, type HelpsCheckIn, lifted, whatHelps } from '../../core/insights/helps';
import { messages } from './setup';

afterEach(cleanup);

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2027, 0, 20, 12);

let n = 0;
/** `count` check-ins of `feeling` done with `outletId`, each answered `after`, a day apart. */
const tries = (
  count: number,
  feeling: string,
  outletId: string,
  after: HelpsCheckIn['after'],
  extra: Partial<HelpsCheckIn> = {},
): HelpsCheckIn[] =>
  Array.from({ length: count }, () => ({
    at: NOW - ++n * 3_600_000,
    feeling,
    outletId,
    outcome: 'done',
    after,
    ...extra,
  }));

describe('lifted', () => {
  it.each<[Partial<HelpsCheckIn>, boolean | null]>([
    [{ after: 'lighter' }, true],
    [{ after: 'same' }, false],
    [{ after: 'heavier' }, false],
    // The after-feeling is the main answer: it wins over "did it help?".
    [{ after: 'same', helped: 'yes' }, false],
    [{ helped: 'yes' }, true],
    [{ helped: 'a-bit' }, true],
    [{ helped: 'no' }, false],
    [{}, null],
  ])('%o → %s', (checkIn, expected) => {
    expect(lifted(checkIn)).toBe(expected);
  });
});

describe('whatHelps', () => {
  it('names a family that lifted low feelings more often than the others did', () => {
    const history = [
      ...tries(3, 'sad', 'walk-street', 'lighter'),
      ...tries(1, 'down', 'brisk-walk', 'same'),
      ...tries(3, 'sad', 'journal-line', 'same'),
      ...tries(1, 'tired', 'doodle', 'lighter'),
    ];
    expect(whatHelps(history, NOW).findings).toEqual([
      { kind: 'low', context: 'any', family: 'movement', lifted: 3, tried: 4 },
    ]);
  });

  it.each<[string, HelpsCheckIn[]]>([
    [
      'only two check-ins with it',
      [...tries(2, 'sad', 'walk-street', 'lighter'), ...tries(4, 'sad', 'doodle', 'same')],
    ],
    [
      'only two check-ins without it',
      [...tries(5, 'sad', 'walk-street', 'lighter'), ...tries(2, 'sad', 'doodle', 'same')],
    ],
    [
      'lifted on fewer than two thirds',
      [
        ...tries(2, 'sad', 'walk-street', 'lighter'),
        ...tries(2, 'sad', 'walk-street', 'same'),
        ...tries(4, 'sad', 'doodle', 'heavier'),
      ],
    ],
    [
      'no better than everything else',
      [...tries(3, 'anxious', 'walk-street', 'lighter'), ...tries(3, 'anxious', 'doodle', 'lighter')],
    ],
    [
      'pleasant feelings, which need no lifting',
      [...tries(4, 'calm', 'walk-street', 'lighter'), ...tries(4, 'joyful', 'doodle', 'same')],
    ],
    [
      'skipped outlets',
      [
        ...tries(4, 'sad', 'walk-street', 'lighter', { outcome: 'skipped' }),
        ...tries(4, 'sad', 'doodle', 'same'),
      ],
    ],
    [
      'answers older than 60 days',
      [
        ...tries(4, 'sad', 'walk-street', 'lighter', { at: NOW - 61 * DAY }),
        ...tries(4, 'sad', 'doodle', 'same'),
      ],
    ],
    [
      'outlets no longer in the catalogue',
      [...tries(4, 'sad', 'retired-outlet', 'lighter'), ...tries(4, 'sad', 'doodle', 'same')],
    ],
  ])('names nothing with %s', (_, history) => {
    expect(whatHelps(history, NOW).findings).toEqual([]);
  });

  it('keeps numb and "I can\'t tell" as kinds of their own, and reads "did it help?" without an after', () => {
    const history = [
      ...tries(3, 'numb', 'slow-breath', undefined, { helped: 'yes' }),
      ...tries(3, 'numb', 'pillow-yell', undefined, { helped: 'no' }),
      ...tries(3, 'cant-tell', 'doodle', 'lighter'),
      ...tries(3, 'cant-tell', 'talk-message', 'same'),
    ];
    expect(whatHelps(history, NOW).findings).toEqual([
      { kind: 'numb', context: 'any', family: 'body', lifted: 3, tried: 3 },
      { kind: 'cantTell', context: 'any', family: 'creative', lifted: 3, tried: 3 },
    ]);
  });

  it('names a family for a place when it differs there: at a desk, breathing; free to go, a walk', () => {
    const desk = { context: { canStepAway: false } };
    const free = { context: { canStepAway: true } };
    const history = [
      ...tries(4, 'stressed', 'walk-street', 'lighter', free),
      ...tries(3, 'stressed', 'slow-breath', 'same', free),
      ...tries(3, 'stressed', 'slow-breath', 'lighter', desk),
      ...tries(3, 'stressed', 'journal-line', 'heavier', desk),
    ];
    expect(whatHelps(history, NOW).findings).toEqual([
      { kind: 'tense', context: 'any', family: 'movement', lifted: 4, tried: 4 },
      { kind: 'tense', context: 'cantStepAway', family: 'body', lifted: 3, tried: 3 },
    ]);
    // Over all places breathing lifted 3 of 6, so it is named only for the desk.
  });

  it('counts what it could read, so the page can say "not yet" kindly', () => {
    expect(
      whatHelps([...tries(2, 'sad', 'doodle', 'lighter'), ...tries(2, 'calm', 'doodle', 'lighter')], NOW),
    ).toEqual({ findings: [], answered: 2 });
  });
});

describe('WhatHelps', () => {
  it("says what seems to help in tentative words, with the person's own count", () => {
    render(
      <WhatHelps
        helps={{
          findings: [
            { kind: 'low', context: 'any', family: 'movement', lifted: 4, tried: 5 },
            { kind: 'tense', context: 'cantStepAway', family: 'body', lifted: 3, tried: 3 },
          ],
          answered: 12,
        }}
      />,
    );
    const items = within(screen.getByRole('region', { name: 'What seems to help' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'When you feel low or tired, moving seems to help.Lighter afterwards 4 of 5 times.',
      "When you feel tense and can't step away, slowing down in your body seems to help.Lighter afterwards 3 of 3 times.",
    ]);
  });

  it.each([
    [2, 'After you'],
    [9, 'Nothing stands out yet'],
  ])('with nothing to name after %s answers, says so kindly', (answered, words) => {
    render(<WhatHelps helps={{ findings: [], answered }} />);
    expect(screen.getByRole('region', { name: 'What seems to help' }).textContent).toContain(words);
  });

  it('has words for every kind of feeling, place and family', () => {
    for (const kind of HELP_KINDS)
      for (const context of ['any', 'canStepAway', 'cantStepAway'])
        expect(messages[`history_helpsWhen_${kind}_${context}`]).toBeTruthy();
    for (const family of OUTLET_FAMILIES)
      expect(messages[`history_helpsLine_${family}`]).toMatch(/^\$1, .*seems to help\.$/);
  });
});
