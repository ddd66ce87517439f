import { describe, expect, it } from 'vitest';
import { meetingEnd } from '../../core/meeting';
import { DEFAULT_SCHEDULE, DEFAULT_SETTINGS } from '../../core/schema';
import { calmerInterval, dayWord, nudgeStatus } from '../../core/status';

// Tuesday 12 May 2026, 14:00 local time.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 4, day, hour, minute).getTime();
const NOW = at(12, 14);

describe('meetingEnd', () => {
  it.each([
    ['later today', 15 * 60 + 30, { ok: true, until: at(12, 15, 30) }],
    ['a minute from now', 14 * 60 + 1, { ok: true, until: at(12, 14, 1) }],
    ['now exactly', 14 * 60, { ok: false, reason: 'past' }],
    ['this morning', 9 * 60, { ok: false, reason: 'past' }],
    ['no time given', null, { ok: false, reason: 'invalid' }],
  ] as const)('%s', (_, minutes, expected) => {
    expect(meetingEnd(minutes, NOW)).toEqual(expected);
  });

  it('refuses more than 12 hours away', () => {
    expect(meetingEnd(23 * 60 + 30, at(12, 8))).toEqual({ ok: false, reason: 'too-far' });
  });
});

describe('calmerInterval', () => {
  it.each([
    [30, 45],
    [60, 90],
    [90, 120],
    [100, 120],
    [120, 180],
    [200, 240],
    [240, null],
  ])('every %i minutes → %s', (current, calmer) => {
    expect(calmerInterval(current)).toBe(calmer);
  });
});

describe('dayWord', () => {
  it.each([
    [at(12, 23, 59), 'today'],
    [at(13, 0, 0), 'tomorrow'],
    [at(13, 23, 59), 'tomorrow'],
    [at(14, 9), 'later'],
  ] as const)('%s → %s', (when, word) => {
    expect(dayWord(when, NOW)).toBe(word);
  });
});

describe('nudgeStatus', () => {
  const settings = DEFAULT_SETTINGS; // Monday to Friday, 9:00 to 18:00

  it.each([
    ['off', { ...settings, nudgesEnabled: false }, DEFAULT_SCHEDULE, NOW, { kind: 'off' }],
    [
      'next',
      settings,
      { ...DEFAULT_SCHEDULE, nextNudgeAt: at(12, 14, 30) },
      NOW,
      { kind: 'next', at: at(12, 14, 30) },
    ],
    [
      'paused for a meeting',
      settings,
      { ...DEFAULT_SCHEDULE, pausedUntil: at(12, 15), pauseKind: 'meeting' as const },
      NOW,
      { kind: 'paused', until: at(12, 15), meeting: true },
    ],
    [
      'outside hours in the evening',
      settings,
      { ...DEFAULT_SCHEDULE, nextNudgeAt: at(13, 10) },
      at(12, 20),
      { kind: 'outside-hours', next: at(13, 10) },
    ],
    [
      'no room at all when no day has hours',
      { ...settings, hours: { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] } },
      DEFAULT_SCHEDULE,
      NOW,
      { kind: 'no-room' },
    ],
  ] as const)('%s', (_, s, schedule, now, expected) => {
    expect(nudgeStatus(s, schedule, now)).toEqual(expected);
  });
});
