// A simulated day for the scheduler's property tests (tests/unit/schedule*.property.test.ts): random
// actions played against `step` of core/schedule.ts. The simulated browser fires the nudge alarm when
// the device clock reaches it, like Chrome does, including late after a sleep. Each test file draws its
// own actions (the kinds, weights and ranges it needs); what an action does is said once, here.
import fc from 'fast-check';
import { PUT_OFF_SOON, type PutOffChoice, putOffUntil } from '../../core/putoff';
import {
  type IdleState,
  type NudgeEvent,
  PRESENT,
  type Presence,
  type StepResult,
  step,
} from '../../core/schedule';
import {
  DEFAULT_SCHEDULE,
  DEFAULT_SETTINGS,
  type NudgeMode,
  type Schedule,
  type Settings,
} from '../../core/schema';
import { MINUTE } from '../../core/time';
import type { TimeRange, Weekday, WeekHours } from '../../core/time/hours';

export const HOUR = 60 * MINUTE;

/** A moment in 2026: the start days cover the year, so the daylight-saving nights come up. */
export const startArb = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) });

export const intervalArb = fc.integer({ min: 15, max: 240 });

export const toSettings = (patch: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...patch });

/** A day's active hours in quarter hours: one stretch of `length` from `start`, or none. */
export type Slot = { start: number; length: number } | null;

/** Seven slots (Sunday first) as a week of hours; a stretch ends at 23:59 at the latest. */
export function weekFromSlots(slots: readonly Slot[]): WeekHours {
  const week = {} as Record<Weekday, TimeRange[]>;
  slots.forEach((slot, index) => {
    const start = (slot?.start ?? 0) * 15;
    const end = Math.min(start + (slot?.length ?? 0) * 15, 24 * 60 - 1);
    week[index as Weekday] = slot && end > start ? [{ start, end, nextDay: false }] : [];
  });
  return week;
}

/** A week with at least one stretch of six hours (8:00 to 14:00), so every interval (up to 4 hours) has room. */
export const weekHoursArb: fc.Arbitrary<WeekHours> = fc
  .tuple(
    fc.array(
      fc.option(
        fc.record({ start: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 4, max: 40 }) }),
      ),
      { minLength: 7, maxLength: 7 },
    ),
    fc.integer({ min: 0, max: 6 }),
  )
  .map(([days, longDay]) =>
    weekFromSlots(days.map((day, index) => (index === longDay ? { start: 32, length: 24 } : day))),
  );

/** Random pace and hours; the nudge mode the default unless `nudgeMode` draws one. */
export const hoursSettingsArb = (
  nudgeMode: fc.Arbitrary<NudgeMode> = fc.constant(DEFAULT_SETTINGS.nudgeMode),
): fc.Arbitrary<Settings> =>
  fc
    .record({
      intervalMinutes: intervalArb,
      hours: weekHoursArb,
      breakMinutes: fc.integer({ min: 1, max: 30 }),
      holdDuringCalls: fc.boolean(),
      nudgeMode,
    })
    .map(toSettings);

export type Action =
  | { kind: 'wait'; ms: number; presence: Presence } // time passes; each alarm fires as it falls due
  | { kind: 'late'; ms: number; presence: Presence } // the next alarm fires this late (0: on time)
  | { kind: 'moment'; ms: number; presence: Presence } // time passes, then a tab or window switch
  | { kind: 'sleep'; ms: number } // the computer sleeps; the alarm fires late on wake
  | { kind: 'clock-jump'; ms: number } // the device clock is set forward or back
  | { kind: 'restart' }
  | { kind: 'presence'; idle: IdleState }
  | { kind: 'settings'; settings: Settings }
  | { kind: 'toggle' }
  | { kind: 'pause'; ms: number; meeting: boolean }
  | { kind: 'resume' }
  /** With a choice, put off as the background does; without, the bare event, PUT_OFF_SOON on, whatever the hours. */
  | { kind: 'snooze'; choice?: PutOffChoice }
  | { kind: 'bring-back'; choice: PutOffChoice }
  | { kind: 'checked-in' }
  | { kind: 'dismissed' }
  | { kind: 'check' };

/** Arbitraries of each action, for a file's own `fc.oneof`. */
export const act = {
  wait: (maxMs: number, presence: fc.Arbitrary<Presence>) =>
    fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: MINUTE, max: maxMs }), presence }),
  late: (maxMs: number, presence: fc.Arbitrary<Presence>) =>
    fc.record({ kind: fc.constant('late' as const), ms: fc.integer({ min: 0, max: maxMs }), presence }),
  moment: (maxMs: number, presence: fc.Arbitrary<Presence>) =>
    fc.record({ kind: fc.constant('moment' as const), ms: fc.integer({ min: 0, max: maxMs }), presence }),
  sleep: (maxMs: number) =>
    fc.record({ kind: fc.constant('sleep' as const), ms: fc.integer({ min: MINUTE, max: maxMs }) }),
  clockJump: (maxMs: number) =>
    fc.record({ kind: fc.constant('clock-jump' as const), ms: fc.integer({ min: -maxMs, max: maxMs }) }),
  restart: fc.constant({ kind: 'restart' as const }),
  presence: fc.record({
    kind: fc.constant('presence' as const),
    idle: fc.constantFrom<IdleState>('active', 'idle', 'locked'),
  }),
  settings: (settings: fc.Arbitrary<Settings>) =>
    fc.record({ kind: fc.constant('settings' as const), settings }),
  toggle: fc.constant({ kind: 'toggle' as const }),
  pause: (minMs: number, maxMs: number, meeting: fc.Arbitrary<boolean> = fc.constant(false)) =>
    fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: minMs, max: maxMs }), meeting }),
  /** A put-off the person chose (core/putoff.ts). */
  putOff: (kind: 'snooze' | 'bring-back') =>
    fc.record({ kind: fc.constant(kind), choice: fc.constantFrom<PutOffChoice>('soon', 'later') }),
  /** The bare snooze event, PUT_OFF_SOON on. */
  snooze: fc.constant({ kind: 'snooze' as const }),
  resume: fc.constant({ kind: 'resume' as const }),
  checkedIn: fc.constant({ kind: 'checked-in' as const }),
  dismissed: fc.constant({ kind: 'dismissed' as const }),
  check: fc.constant({ kind: 'check' as const }),
};

/** Random settings, a start and a day of up to `maxLength` actions. */
export const dayArb = (settings: fc.Arbitrary<Settings>, action: fc.Arbitrary<Action>, maxLength: number) =>
  fc.tuple(settings, startArb, fc.array(action, { minLength: 1, maxLength }));

export interface Shown {
  at: number;
  /** The interval in force when it showed. */
  interval: number;
  /** A put-off or a backward clock jump came between this nudge and the one before. */
  excused: boolean;
  afterCall: boolean;
  /** For a fixed time. */
  fixed: boolean;
}

/**
 * A pause as the person sees it: asked at `from`, over at `to` (or when resumed or replaced), and
 * after how many nudges it began (a pause asked in the same millisecond a nudge showed does not cover
 * that nudge).
 */
export interface Pause {
  from: number;
  to: number;
  after: number;
}

/** What a check sees after each step. */
export interface Step {
  settings: Settings;
  before: Schedule;
  schedule: Schedule;
  now: number;
  event: NudgeEvent;
  /** What this very step showed, if anything. */
  show: StepResult['show'];
  /** Every nudge shown so far, this step's last. */
  shown: readonly Shown[];
}

/** Plays a day of actions, calling `check` after every step; returns what showed, the pauses, and the end. */
export function simulate(
  initial: Settings,
  start: number,
  actions: readonly Action[],
  check?: (step: Step) => void,
): { shown: Shown[]; pauses: Pause[]; end: number } {
  let settings = initial;
  let schedule: Schedule = DEFAULT_SCHEDULE;
  let now = start;
  let excused = false;
  const shown: Shown[] = [];
  const pauses: Pause[] = [];

  const apply = (event: NudgeEvent) => {
    const before = schedule;
    const result = step(settings, schedule, event, now);
    schedule = result.schedule;
    if (result.show) {
      shown.push({
        at: now,
        interval: settings.intervalMinutes * MINUTE,
        excused,
        afterCall: result.show.afterCall,
        fixed: result.show.fixed !== undefined,
      });
      excused = false;
    }
    check?.({ settings, before, schedule, now, event, show: result.show, shown });
  };
  const fireDueAlarm = (presence: Presence) => {
    if (schedule.nextNudgeAt !== null && schedule.nextNudgeAt <= now) apply({ type: 'alarm', presence });
  };
  /** Time passes one alarm at a time, as the browser fires them. */
  const pass = (ms: number, presence: Presence) => {
    let left = ms;
    while (left > 0 && schedule.nextNudgeAt !== null && schedule.nextNudgeAt - now <= left) {
      const toAlarm = Math.max(0, schedule.nextNudgeAt - now);
      now += toAlarm;
      left -= toAlarm;
      const before = schedule.nextNudgeAt;
      fireDueAlarm(presence);
      if (schedule.nextNudgeAt === before) break;
    }
    now += Math.max(0, left);
  };
  /** A pause ends early when resumed or replaced. */
  const endPause = () => {
    const last = pauses.at(-1);
    if (last && last.to > now) last.to = now;
  };

  apply({ type: 'wake' });
  for (const action of actions) {
    switch (action.kind) {
      case 'wait':
        pass(action.ms, action.presence);
        break;
      case 'late':
        if (schedule.nextNudgeAt !== null) {
          now = Math.max(now, schedule.nextNudgeAt + action.ms);
          fireDueAlarm(action.presence);
        }
        break;
      case 'moment':
        pass(action.ms, action.presence);
        apply({ type: 'moment', presence: action.presence });
        break;
      case 'sleep':
        now += action.ms;
        apply({ type: 'wake' });
        fireDueAlarm(PRESENT);
        break;
      case 'clock-jump':
        if (action.ms < 0) excused = true;
        now += action.ms;
        apply({ type: 'wake' });
        fireDueAlarm(PRESENT);
        break;
      case 'restart':
        apply({ type: 'wake' });
        break;
      case 'presence':
        apply({ type: 'presence', idle: action.idle, since: now });
        break;
      case 'settings': {
        const previous = settings;
        settings = action.settings;
        apply({ type: 'settings-changed', previous });
        break;
      }
      case 'toggle': {
        const previous = settings;
        settings = { ...settings, nudgesEnabled: !settings.nudgesEnabled };
        apply({ type: 'settings-changed', previous });
        break;
      }
      case 'pause':
        endPause();
        pauses.push({ from: now, to: now + action.ms, after: shown.length });
        apply({ type: 'pause', until: now + action.ms, kind: action.meeting ? 'meeting' : 'pause' });
        break;
      case 'resume':
        endPause();
        apply({ type: 'resume' });
        break;
      case 'snooze':
      case 'bring-back': {
        const until = action.choice ? putOffUntil(action.choice, settings, now)?.until : now + PUT_OFF_SOON;
        if (until === undefined) break;
        excused = true;
        apply({ type: action.kind, until });
        break;
      }
      case 'checked-in':
        apply({ type: 'checked-in' });
        break;
      case 'dismissed':
        apply({ type: 'nudge-dismissed' });
        break;
      case 'check':
        apply({ type: 'check' });
        break;
    }
  }
  return { shown, pauses, end: now };
}
