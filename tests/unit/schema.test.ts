import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseIntervalInput, parsePersonInput } from '../../core/inputs';
import {
  CheckInSchema,
  DEFAULT_SCHEDULE,
  DEFAULT_SETTINGS,
  ID_MAX_LENGTH,
  JOURNAL_MAX_LENGTH,
  parseCheckIn,
  parseSchedule,
  parseSettings,
} from '../../core/schema';

describe('parseIntervalInput', () => {
  it.each([
    ['60', { ok: true, minutes: 60 }],
    [' 15 ', { ok: true, minutes: 15 }],
    ['240', { ok: true, minutes: 240 }],
    ['0', { ok: false, reason: 'too-small' }],
    ['14', { ok: false, reason: 'too-small' }],
    ['-30', { ok: false, reason: 'too-small' }],
    ['241', { ok: false, reason: 'too-large' }],
    ['5000', { ok: false, reason: 'too-large' }],
    ['abc', { ok: false, reason: 'not-a-number' }],
    ['12abc', { ok: false, reason: 'not-a-number' }],
    ['1e3', { ok: false, reason: 'not-a-number' }],
    ['', { ok: false, reason: 'empty' }],
    ['   ', { ok: false, reason: 'empty' }],
    ['45.5', { ok: false, reason: 'not-whole' }],
  ])('%j → %j', (text, expected) => {
    expect(parseIntervalInput(text)).toEqual(expected);
  });
});

describe('parseSettings', () => {
  it('keeps a valid value as it is', () => {
    expect(parseSettings(DEFAULT_SETTINGS)).toEqual({ value: DEFAULT_SETTINGS, repaired: [] });
  });

  it('repairs only the broken field, keeping trusted people', () => {
    const people = [{ id: '1', name: 'Ana', email: 'ana@example.org' }];
    const parsed = parseSettings({ ...DEFAULT_SETTINGS, intervalMinutes: 5000, trustedPeople: people });
    expect(parsed.repaired).toEqual(['intervalMinutes']);
    expect(parsed.value.intervalMinutes).toBe(60);
    expect(parsed.value.trustedPeople).toEqual(people);
  });

  it.each([null, 'garbage', 42, []])('gives defaults for %j and says every field was repaired', (raw) => {
    const parsed = parseSettings(raw);
    expect(parsed.value).toEqual(DEFAULT_SETTINGS);
    expect(parsed.repaired).toHaveLength(Object.keys(DEFAULT_SETTINGS).length);
  });

  it('refuses active hours that overlap or end before they start', () => {
    const overlapping = {
      ...DEFAULT_SETTINGS.hours,
      1: [
        { start: 540, end: 720, nextDay: false },
        { start: 600, end: 660, nextDay: false },
      ],
    };
    const backwards = { ...DEFAULT_SETTINGS.hours, 2: [{ start: 1000, end: 500, nextDay: false }] };
    expect(parseSettings({ ...DEFAULT_SETTINGS, hours: overlapping }).repaired).toEqual(['hours']);
    expect(parseSettings({ ...DEFAULT_SETTINGS, hours: backwards }).repaired).toEqual(['hours']);
  });

  it('refuses an empty list of families and an unknown family', () => {
    expect(parseSettings({ ...DEFAULT_SETTINGS, families: [] }).repaired).toEqual(['families']);
    expect(parseSettings({ ...DEFAULT_SETTINGS, families: ['shopping'] }).repaired).toEqual(['families']);
  });
});

describe('parseSchedule', () => {
  it('drops a nonsense time but keeps the rest', () => {
    const parsed = parseSchedule(
      {
        ...DEFAULT_SCHEDULE,
        nextNudgeAt: 'soon',
        pausedUntil: 5,
        recentLines: [1, 2],
      },
      Date.now(),
    );
    expect(parsed.repaired).toEqual(['nextNudgeAt']);
    expect(parsed.value).toEqual({
      ...DEFAULT_SCHEDULE,
      nextNudgeAt: null,
      pausedUntil: 5,
      recentLines: [1, 2],
    });
  });
});

describe('parseCheckIn', () => {
  const good = { id: 'x', at: 1, feeling: 'calm', outletId: 'doodle', outcome: 'done' };
  it('reads a check-in, with or without a journal line', () => {
    expect(parseCheckIn(good)).toEqual(good);
    expect(parseCheckIn({ ...good, journal: 'a line' })).toEqual({ ...good, journal: 'a line' });
  });
  it.each([{ ...good, outcome: 'maybe' }, { ...good, at: -1 }, { ...good, id: '' }, 'x', null])(
    'refuses %j',
    (raw) => {
      expect(parseCheckIn(raw)).toBeNull();
    },
  );

  // Issue 15: a 25 MB id and a 40 MB feeling were accepted, and a 40 MB feeling froze the popup.
  const long = (n: number) => 'x'.repeat(n);
  const shown = (item: string) => ({ shown: ['walk-street', item] });
  it.each([
    ['id', { id: long(ID_MAX_LENGTH) }, { id: long(ID_MAX_LENGTH + 1) }],
    ['feeling', { feeling: long(ID_MAX_LENGTH) }, { feeling: long(ID_MAX_LENGTH + 1) }],
    ['outletId', { outletId: long(ID_MAX_LENGTH) }, { outletId: long(ID_MAX_LENGTH + 1) }],
    ['an outlet shown', shown(long(ID_MAX_LENGTH)), shown(long(ID_MAX_LENGTH + 1))],
    ['journal', { journal: long(JOURNAL_MAX_LENGTH) }, { journal: long(JOURNAL_MAX_LENGTH + 1) }],
  ])('keeps %s at its cap and refuses one character more', (_field, atCap, pastCap) => {
    expect(parseCheckIn({ ...good, ...atCap })).toEqual({ ...good, ...atCap });
    expect(parseCheckIn({ ...good, ...pastCap })).toBeNull();
  });

  it('caps every text field of a check-in, so no field is left without a limit', () => {
    const strings = Object.entries(CheckInSchema.entries).filter(([, schema]) =>
      v.is(schema, 'x'.repeat(ID_MAX_LENGTH)),
    );
    for (const [field, schema] of strings)
      expect([field, v.is(schema, long(JOURNAL_MAX_LENGTH + 1))]).toEqual([field, false]);
    expect(v.is(CheckInSchema.entries.shown, [long(ID_MAX_LENGTH + 1)])).toBe(false);
  });
});

describe('parsePersonInput', () => {
  it.each([
    [
      { name: ' Sam ', phone: '', email: '' },
      { ok: true, person: { name: 'Sam' } },
    ],
    [
      { name: 'Sam', phone: '+44 20 7946 0958', email: '' },
      { ok: true, person: { name: 'Sam', phone: '+44 20 7946 0958' } },
    ],
    [
      { name: 'Sam', phone: '', email: 'sam@example.org' },
      { ok: true, person: { name: 'Sam', email: 'sam@example.org' } },
    ],
    [
      { name: '  ', phone: '', email: '' },
      { ok: false, field: 'name', reason: 'empty' },
    ],
    [
      { name: 'x'.repeat(61), phone: '', email: '' },
      { ok: false, field: 'name', reason: 'too-long' },
    ],
    [
      { name: 'Sam', phone: 'call me', email: '' },
      { ok: false, field: 'phone', reason: 'invalid' },
    ],
    [
      { name: 'Sam', phone: '', email: 'sam@' },
      { ok: false, field: 'email', reason: 'invalid' },
    ],
  ])('%j → %j', (input, expected) => {
    expect(parsePersonInput(input)).toEqual(expected);
  });
});
