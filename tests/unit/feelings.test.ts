import { describe, expect, it } from 'vitest';
import { FEELING_IDS, FEELINGS, feelingById, feelingCopyKey, isFeelingId } from '../../core/feelings';

describe('feelings', () => {
  it('lists every feeling once, in the order the grid shows them', () => {
    expect(new Set(FEELING_IDS).size).toBe(FEELING_IDS.length);
    expect(FEELINGS.map((feeling) => feeling.id)).toEqual([...FEELING_IDS]);
  });

  it('offers at least 16 feeling words that sit somewhere on the two axes', () => {
    const placed = FEELINGS.filter((f) => f.valence !== 'unclear' && f.energy !== 'unclear');
    expect(placed.length).toBeGreaterThanOrEqual(16);
  });

  it('always lets someone say "numb" and, separately, "I can\'t tell", at the end of the list', () => {
    const unclear = FEELINGS.filter((f) => f.valence === 'unclear' || f.energy === 'unclear');
    expect(unclear).toEqual([
      { id: 'numb', valence: 'unclear', energy: 'unclear' },
      { id: 'cant-tell', valence: 'unclear', energy: 'unclear' },
    ]);
    expect(FEELING_IDS.slice(-2)).toEqual(['numb', 'cant-tell']);
  });

  it.each([
    ['pleasant', 'high'],
    ['pleasant', 'low'],
    ['unpleasant', 'high'],
    ['unpleasant', 'low'],
  ] as const)('offers several %s feelings with %s energy', (valence, energy) => {
    const inQuadrant = FEELINGS.filter((f) => f.valence === valence && f.energy === energy);
    expect(inQuadrant.length).toBeGreaterThanOrEqual(3);
  });

  it("keeps the ids already stored in people's history", () => {
    const shipped = ['calm', 'content', 'grateful', 'hopeful', 'joyful', 'excited', 'proud', 'energised'];
    const shippedToo = ['anxious', 'stressed', 'frustrated', 'angry', 'overwhelmed', 'sad', 'down'];
    for (const id of [...shipped, ...shippedToo, 'tired', 'lonely', 'numb'])
      expect(isFeelingId(id), id).toBe(true);
  });

  it('uses kebab-case ids whose copy keys work as message names', () => {
    for (const id of FEELING_IDS) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(feelingCopyKey(id)).toMatch(/^[a-z]+(_[a-z]+)*$/);
    }
  });
});

describe('feelingCopyKey', () => {
  it('turns dashes into underscores and leaves plain ids alone', () => {
    expect(feelingCopyKey('cant-tell')).toBe('cant_tell');
    expect(feelingCopyKey('numb')).toBe('numb');
  });
});

describe('isFeelingId', () => {
  it('accepts every known feeling', () => {
    for (const id of FEELING_IDS) expect(isFeelingId(id)).toBe(true);
  });

  it.each([
    ['Calm'],
    ['happy-ish'],
    ['cant_tell'],
    [''],
    [null],
    [undefined],
    [3],
    [{ id: 'calm' }],
    ['toString'],
  ])('rejects %j, so a damaged history entry is not mistaken for a feeling', (value) => {
    expect(isFeelingId(value)).toBe(false);
  });
});

describe('feelingById', () => {
  it('returns the feeling with its valence and energy', () => {
    expect(feelingById('angry')).toEqual({ id: 'angry', valence: 'unpleasant', energy: 'high' });
    expect(feelingById('calm')).toEqual({ id: 'calm', valence: 'pleasant', energy: 'low' });
    expect(feelingById('cant-tell')).toEqual({ id: 'cant-tell', valence: 'unclear', energy: 'unclear' });
  });

  it('returns the same entry as the list', () => {
    for (const feeling of FEELINGS) expect(feelingById(feeling.id)).toBe(feeling);
  });
});
