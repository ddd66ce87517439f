import { describe, expect, it } from 'vitest';
import { FEELING_IDS, FEELINGS, feelingById, isFeelingId } from '../../core/feelings';

describe('feelings', () => {
  it('lists every feeling once, in the order the grid shows them', () => {
    expect(new Set(FEELING_IDS).size).toBe(FEELING_IDS.length);
    expect(FEELINGS.map((feeling) => feeling.id)).toEqual([...FEELING_IDS]);
  });

  it('always lets someone say they feel numb or cannot tell, and only once', () => {
    const unclear = FEELINGS.filter((f) => f.valence === 'unclear' || f.energy === 'unclear');
    expect(unclear).toEqual([{ id: 'numb', valence: 'unclear', energy: 'unclear' }]);
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

  it('uses ids that work as locale keys', () => {
    for (const id of FEELING_IDS) expect(id).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });
});

describe('isFeelingId', () => {
  it('accepts every known feeling', () => {
    for (const id of FEELING_IDS) expect(isFeelingId(id)).toBe(true);
  });

  it.each([['Calm'], ['happy-ish'], [''], [null], [undefined], [3], [{ id: 'calm' }], ['toString']])(
    'rejects %j, so a damaged history entry is not mistaken for a feeling',
    (value) => {
      expect(isFeelingId(value)).toBe(false);
    },
  );
});

describe('feelingById', () => {
  it('returns the feeling with its valence and energy', () => {
    expect(feelingById('angry')).toEqual({ id: 'angry', valence: 'unpleasant', energy: 'high' });
    expect(feelingById('calm')).toEqual({ id: 'calm', valence: 'pleasant', energy: 'low' });
  });

  it('returns the same entry as the list', () => {
    for (const feeling of FEELINGS) expect(feelingById(feeling.id)).toBe(feeling);
  });
});
