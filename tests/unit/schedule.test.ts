import { describe, expect, it } from 'vitest';
import {
  judgeNudgeAlarm,
  MINUTE,
  pickLine,
  planFresh,
  planOnWake,
  startOfNextLocalDay,
} from '../../core/schedule';
import { DEFAULT_SCHEDULE, DEFAULT_SETTINGS, type Schedule, type Settings } from '../../core/schema';

const NOW = Date.UTC(2026, 4, 12, 9, 0);
const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });
const schedule = (patch: Partial<Schedule> = {}): Schedule => ({ ...DEFAULT_SCHEDULE, ...patch });

describe('planFresh', () => {
  it.each([
    { interval: 30, pausedUntil: null, expected: NOW + 30 * MINUTE, reason: 'interval' },
    { interval: 60, pausedUntil: null, expected: NOW + 60 * MINUTE, reason: 'interval' },
    { interval: 240, pausedUntil: null, expected: NOW + 240 * MINUTE, reason: 'interval' },
    { interval: 60, pausedUntil: NOW + 90 * MINUTE, expected: NOW + 150 * MINUTE, reason: 'after-pause' },
    { interval: 60, pausedUntil: NOW - MINUTE, expected: NOW + 60 * MINUTE, reason: 'interval' },
  ])(
    'every $interval min, paused until $pausedUntil → $expected',
    ({ interval, pausedUntil, expected, reason }) => {
      expect(planFresh(settings({ intervalMinutes: interval }), schedule({ pausedUntil }), NOW)).toEqual({
        kind: 'nudge',
        at: expected,
        reason,
      });
    },
  );

  it('plans nothing while nudges are off', () => {
    expect(planFresh(settings({ nudgesEnabled: false }), schedule(), NOW)).toEqual({
      kind: 'off',
      reason: 'nudges-off',
    });
  });
});

describe('planOnWake', () => {
  it.each([
    ['a fresh install starts a full interval', null, null, NOW + 60 * MINUTE, 'interval'],
    ['a healthy plan is kept', NOW + 20 * MINUTE, null, NOW + 20 * MINUTE, 'kept'],
    ['a nudge a little late is kept (it fires now)', NOW - 10 * MINUTE, null, NOW - 10 * MINUTE, 'kept'],
    [
      'a nudge missed by over half an interval starts over',
      NOW - 31 * MINUTE,
      null,
      NOW + 60 * MINUTE,
      'interval',
    ],
    [
      'a plan beyond one interval (clock went back) is pulled in',
      NOW + 3 * 60 * MINUTE,
      null,
      NOW + 60 * MINUTE,
      'interval',
    ],
    [
      'a plan inside a pause moves after it',
      NOW + 20 * MINUTE,
      NOW + 30 * MINUTE,
      NOW + 90 * MINUTE,
      'after-pause',
    ],
  ] as const)('%s', (_, nextNudgeAt, pausedUntil, expected, reason) => {
    expect(planOnWake(settings(), schedule({ nextNudgeAt, pausedUntil }), NOW)).toEqual({
      kind: 'nudge',
      at: expected,
      reason,
    });
  });

  it('keeps no plan while nudges are off', () => {
    expect(planOnWake(settings({ nudgesEnabled: false }), schedule({ nextNudgeAt: NOW }), NOW).kind).toBe(
      'off',
    );
  });
});

describe('judgeNudgeAlarm', () => {
  it.each([
    ['due now', { nextNudgeAt: NOW }, 'show'],
    ['a few seconds early (Chrome rounds)', { nextNudgeAt: NOW + 10_000 }, 'show'],
    ['a duplicate after the nudge was shown', { nextNudgeAt: NOW + 60 * MINUTE }, 'too-early'],
    ['late by 20 minutes', { nextNudgeAt: NOW - 20 * MINUTE }, 'show'],
    ['late by 2 hours (asleep)', { nextNudgeAt: NOW - 120 * MINUTE }, 'missed'],
    ['during a pause', { nextNudgeAt: NOW, pausedUntil: NOW + MINUTE }, 'paused'],
    ['with no plan', { nextNudgeAt: null }, 'too-early'],
  ] as const)('%s → %s', (_, patch, verdict) => {
    expect(judgeNudgeAlarm(settings(), schedule(patch), NOW)).toBe(verdict);
  });

  it('never shows a nudge while nudges are off', () => {
    expect(judgeNudgeAlarm(settings({ nudgesEnabled: false }), schedule({ nextNudgeAt: NOW }), NOW)).toBe(
      'off',
    );
  });
});

describe('startOfNextLocalDay', () => {
  it('is the coming local midnight', () => {
    const now = new Date(2026, 5, 3, 15, 42).getTime();
    expect(startOfNextLocalDay(now)).toBe(new Date(2026, 5, 4, 0, 0).getTime());
  });

  it('is tomorrow even one minute before midnight', () => {
    const now = new Date(2026, 11, 31, 23, 59).getTime();
    expect(startOfNextLocalDay(now)).toBe(new Date(2027, 0, 1).getTime());
  });
});

describe('pickLine', () => {
  it('never repeats one of the last five lines', () => {
    let recent: number[] = [];
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 500; i++) {
      const { index, recent: next } = pickLine(12, recent, random);
      expect(recent.slice(-5)).not.toContain(index);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(12);
      recent = next;
    }
  });

  it('still picks a line when there are fewer lines than the memory', () => {
    expect(pickLine(2, [0, 1, 0, 1, 0], () => 0.99).index).toBe(1);
  });
});
