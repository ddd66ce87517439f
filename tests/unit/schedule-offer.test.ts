// The nudge as an offer (issue 18, core/offer.ts through step()): in quiet and offer modes a due nudge
// waits on the toolbar icon; an offer's notification comes at the next natural pause within
// OFFER_WAIT, once; the waiting ends at a check-in, the next nudge, the hours' close, a pause or a
// call. Runs in every zone of scripts/test-zones.mjs (local times below are built with `new Date`).
import { describe, expect, it } from 'vitest';
import { OFFER_WAIT, offerIsOpen, toolbarChangesAt } from '../../core/offer';
import { type NudgeEvent, PRESENT, type Presence, step } from '../../core/schedule';
import { DEFAULT_SCHEDULE, DEFAULT_SETTINGS, type Schedule, type Settings } from '../../core/schema';
import { MINUTE } from '../../core/time';
import { toolbarState } from '../../core/toolbar';

// Tuesday 12 May 2026, 10:00 local time, inside the default hours (Monday to Friday, 9:00–18:00).
const at = (day: number, hour: number, minute = 0) => new Date(2026, 4, day, hour, minute).getTime();
const NOW = at(12, 10);
const HOUR = 60 * MINUTE;

const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });
const schedule = (patch: Partial<Schedule> = {}): Schedule => ({ ...DEFAULT_SCHEDULE, ...patch });
const alarm = (presence: Partial<Presence> = {}): NudgeEvent => ({
  type: 'alarm',
  presence: { ...PRESENT, ...presence },
});
const moment = (presence: Partial<Presence> = {}): NudgeEvent => ({
  type: 'moment',
  presence: { ...PRESENT, ...presence },
});

/** The schedule just after a nudge fell due at NOW in `mode`. */
function dueAt(mode: Settings['nudgeMode'], now = NOW, patch: Partial<Settings> = {}) {
  const s = settings({ nudgeMode: mode, ...patch });
  return { s, result: step(s, schedule({ nextNudgeAt: now }), alarm(), now) };
}

describe('a due nudge, by the way nudges come', () => {
  it('is the offer by default', () => {
    expect(DEFAULT_SETTINGS.nudgeMode).toBe('offer');
  });

  it('at once: the notification when it is due, as before', () => {
    const { result } = dueAt('at-once');
    expect(result.show).toEqual({ afterCall: false });
    expect(result.schedule.waitingSince).toBeNull();
  });

  it.each(['quiet', 'offer'] as const)(
    '%s: waits on the icon, nothing pops up, the next is planned',
    (mode) => {
      const { s, result } = dueAt(mode);
      expect(result.show).toBeNull();
      expect(result.reason).toBe('waiting');
      expect(result.schedule.waitingSince).toBe(NOW);
      expect(result.schedule.nextNudgeAt).toBe(NOW + HOUR);
      expect(toolbarState(s, result.schedule, null, NOW)).toEqual({ kind: 'waiting' });
    },
  );
});

describe('the offer at a natural pause', () => {
  it('comes at the first tab or window switch, once, and plans the next nudge from it', () => {
    const { s, result } = dueAt('offer');
    const later = NOW + 4 * MINUTE;
    const offered = step(s, result.schedule, moment(), later);
    expect(offered.show).toEqual({ afterCall: false });
    expect(offered.schedule.waitingSince).toBeNull();
    expect(offered.schedule.lastNudgeAt).toBe(later);
    expect(offered.schedule.nextNudgeAt).toBe(later + HOUR);
    expect(toolbarState(s, offered.schedule, null, later)).toEqual({ kind: 'plain' });
    // Never louder: the next switch brings nothing more.
    expect(step(s, offered.schedule, moment(), later + MINUTE).show).toBeNull();
  });

  it.each([
    ['just inside the bound', OFFER_WAIT, true],
    ['just past the bound', OFFER_WAIT + 1, false],
    ['much later', 40 * MINUTE, false],
  ])('%s: offered %s', (_, after, offered) => {
    const { s, result } = dueAt('offer');
    const next = step(s, result.schedule, moment(), NOW + after);
    expect(next.show !== null).toBe(offered);
    // Past the bound it stays quiet: still waiting on the icon, not ended, not shown.
    if (!offered) expect(next.schedule.waitingSince).toBe(NOW);
  });

  it('never in quiet mode', () => {
    const { s, result } = dueAt('quiet');
    const next = step(s, result.schedule, moment(), NOW + MINUTE);
    expect(next.show).toBeNull();
    expect(next.schedule.waitingSince).toBe(NOW);
    expect(offerIsOpen(s, result.schedule, NOW + MINUTE)).toBe(false);
  });

  it('waits out full screen and a locked screen, and comes at the next moment', () => {
    const { s, result } = dueAt('offer');
    const held = step(s, result.schedule, moment({ fullscreen: true }), NOW + MINUTE);
    expect(held.show).toBeNull();
    expect(held.schedule.waitingSince).toBe(NOW);
    expect(step(s, held.schedule, moment({ idle: 'locked' }), NOW + 2 * MINUTE).show).toBeNull();
    expect(step(s, held.schedule, moment({ idle: 'idle' }), NOW + 2 * MINUTE).show).not.toBeNull();
  });

  it('ends when a call is found at the moment (with calls held), and is not offered after it', () => {
    const { s, result } = dueAt('offer', NOW, { holdDuringCalls: true });
    const call = step(s, result.schedule, moment({ inCall: true }), NOW + MINUTE);
    expect(call.show).toBeNull();
    expect(call.schedule.waitingSince).toBeNull();
    expect(step(s, call.schedule, moment(), NOW + 2 * MINUTE).show).toBeNull();
  });

  it('after a call, the end of the call is the moment: the after-call nudge comes at once', () => {
    const s = settings({ nudgeMode: 'offer', holdDuringCalls: true });
    const held = step(s, schedule({ nextNudgeAt: NOW }), alarm({ inCall: true }), NOW);
    expect(held.schedule.held).toBe('call');
    const over = step(s, held.schedule, alarm(), held.schedule.nextNudgeAt ?? 0);
    expect(over.show).toEqual({ afterCall: true });
    // Quiet never pops up, after a call neither.
    const quiet = settings({ nudgeMode: 'quiet', holdDuringCalls: true });
    expect(step(quiet, held.schedule, alarm(), held.schedule.nextNudgeAt ?? 0).show).toBeNull();
  });
});

describe('a waiting nudge ends', () => {
  const waiting = () => dueAt('offer').result.schedule;
  const s = settings({ nudgeMode: 'offer' });

  it.each([
    ['at a check-in', { type: 'checked-in' }],
    ['at a snooze', { type: 'snooze' }],
    ['when a pause starts', { type: 'pause', until: NOW + HOUR, kind: 'pause' }],
    ['when a meeting starts', { type: 'pause', until: NOW + HOUR, kind: 'meeting' }],
  ] as const)('%s', (_, event) => {
    const next = step(s, waiting(), event as NudgeEvent, NOW + MINUTE);
    expect(next.schedule.waitingSince).toBeNull();
    expect(next.show).toBeNull();
  });

  it('when nudges are turned off', () => {
    const off = settings({ nudgeMode: 'offer', nudgesEnabled: false });
    const next = step(off, waiting(), { type: 'settings-changed', previous: s }, NOW + MINUTE);
    expect(next.schedule.waitingSince).toBeNull();
    expect(toolbarState(off, next.schedule, null, NOW + MINUTE)).toEqual({ kind: 'off' });
  });

  it('after a natural break (away longer than a break), not after a short absence', () => {
    const away = step(s, waiting(), { type: 'presence', idle: 'locked', since: NOW + MINUTE }, NOW + MINUTE);
    expect(away.schedule.waitingSince).toBe(NOW);
    const short = step(s, away.schedule, { type: 'presence', idle: 'active', since: 0 }, NOW + 3 * MINUTE);
    expect(short.schedule.waitingSince).toBe(NOW);
    const long = step(s, away.schedule, { type: 'presence', idle: 'active', since: 0 }, NOW + 20 * MINUTE);
    expect(long.schedule.waitingSince).toBeNull();
  });

  it('when the next nudge is due: that one waits in its place, never two', () => {
    const first = waiting();
    const nextAt = first.nextNudgeAt ?? 0;
    const second = step(s, first, alarm(), nextAt);
    expect(second.schedule.waitingSince).toBe(nextAt);
    expect(second.show).toBeNull();
    // A nudge that only waited was never put to the person: it doesn't count as ignored.
    expect(second.schedule.ignoredInRow).toBe(0);
  });

  it('but an offer shown and left unanswered counts as ignored at the next', () => {
    const offered = step(s, waiting(), moment(), NOW + MINUTE).schedule;
    const next = step(s, offered, alarm(), offered.nextNudgeAt ?? 0);
    expect(next.schedule.ignoredInRow).toBe(1);
  });

  it('when a held retry of the next nudge fires: the old one goes even if the new one waits for the person', () => {
    const first = waiting();
    // Chrome may ring a little early (EARLY_TOLERANCE): that ring is the next nudge all the same.
    const held = step(s, first, alarm({ idle: 'locked' }), (first.nextNudgeAt ?? 0) - 20_000);
    expect(held.schedule.held).toBe('away');
    expect(held.schedule.waitingSince).toBeNull();
  });

  it('when the hours close: the toolbar alarm is set for it, and the check then ends it', () => {
    const late = at(12, 17, 40);
    const { result } = dueAt('offer', late);
    expect(result.schedule.waitingSince).toBe(late);
    const close = at(12, 18);
    expect(toolbarChangesAt(s, result.schedule, late)).toBe(close);
    const after = step(s, result.schedule, { type: 'check' }, close);
    expect(after.schedule.waitingSince).toBeNull();
    expect(toolbarChangesAt(s, after.schedule, close)).toBeNull();
  });

  it('not at a restart of the worker', () => {
    const first = waiting();
    const woken = step(s, first, { type: 'wake' }, NOW + 5 * MINUTE);
    expect(woken.schedule.waitingSince).toBe(NOW);
    expect(woken.schedule.nextNudgeAt).toBe(first.nextNudgeAt);
  });
});

describe('a waiting nudge on a day the clocks change', () => {
  // Sunday 8 March 2026 (New York springs forward) and Sunday 29 March (Berlin): every day's hours,
  // 9:00 to 18:00 local. Wherever the suite runs, the waiting ends at 18:00 on the local clock.
  const EVERY_DAY = Object.fromEntries(
    [0, 1, 2, 3, 4, 5, 6].map((day) => [day, [{ start: 9 * 60, end: 18 * 60, nextDay: false }]]),
  ) as unknown as Settings['hours'];
  it.each([8, 29])('March %d: ends at the local 18:00', (day) => {
    const s = settings({ nudgeMode: 'offer', hours: EVERY_DAY });
    const due = new Date(2026, 2, day, 17, 30).getTime();
    const result = step(s, schedule({ nextNudgeAt: due }), alarm(), due);
    const close = new Date(2026, 2, day, 18, 0).getTime();
    expect(toolbarChangesAt(s, result.schedule, due)).toBe(close);
    expect(step(s, result.schedule, { type: 'check' }, close - 1).schedule.waitingSince).toBe(due);
    expect(step(s, result.schedule, { type: 'check' }, close).schedule.waitingSince).toBeNull();
  });
});

describe('toolbarState', () => {
  const s = settings();
  it.each([
    ['a walk, whatever else', s, { waitingSince: NOW, pausedUntil: NOW + HOUR }, NOW + 5 * MINUTE, 'timer'],
    [
      'no room for a nudge',
      settings({ hours: { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] } }),
      {},
      null,
      'no-room',
    ],
    ['nudges off', settings({ nudgesEnabled: false }), { waitingSince: NOW }, null, 'off'],
    ['paused', s, { pausedUntil: NOW + HOUR, missed: { day: NOW, count: 2 } }, null, 'paused'],
    ['a pause that is over', s, { pausedUntil: NOW - 1 }, null, 'plain'],
    [
      'waiting, before the missed count',
      s,
      { waitingSince: NOW, missed: { day: NOW, count: 2 } },
      null,
      'waiting',
    ],
    ['missed', s, { missed: { day: NOW, count: 2 } }, null, 'missed'],
    ['nothing to say', s, {}, null, 'plain'],
    ['settings unread: the schedule alone', null, { waitingSince: NOW }, null, 'waiting'],
  ] as const)('%s', (_, set, patch, timerEndsAt, kind) => {
    expect(toolbarState(set, schedule(patch), timerEndsAt, NOW).kind).toBe(kind);
  });
});
