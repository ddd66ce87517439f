// The person in charge of timing (issue 18): putting a nudge off, bringing back one just closed, and
// pausing until a chosen date and time. Pure: every function takes `now` and the settings it needs.
//
// What "later today" means, decided: about two hours from now. Two hours is what people mean by
// "later" in a working day (a meeting, a focused stretch), and short enough to still be today. When
// two hours from now falls past today's active hours, the nudge comes half an hour before they end
// (a last chance today), if that is still at least half an hour away. When even that leaves no room,
// there is no "later today": the choice says "next time" and the nudge comes as the first nudge of
// the next active hours would (one interval in, never at the opening minute).
import * as v from 'valibot';
import { PAUSE_AHEAD_MAX, type Settings } from './schema';
import { HOUR, MINUTE, startOfLocalDay } from './time';
import { activeUntil, isActiveAt, nextNudgeWithinHours } from './time/hours';

/** "In 10 minutes". */
export const PUT_OFF_SOON = 10 * MINUTE;
/** "Later today": about this long from now. */
export const LATER_TODAY = 2 * HOUR;
/** A "later today" cut short by the end of the hours comes this long before they end, and no sooner than this from now. */
export const LATER_TODAY_MARGIN = 30 * MINUTE;
/** For this long after a nudge is closed unanswered, the popup offers to bring it back. */
export const BRING_BACK_WITHIN = HOUR;

export type PutOffChoice = 'soon' | 'later';

/** When a put-off nudge comes, and how to word it: today, or at the next active hours. */
export interface PutOff {
  until: number;
  when: 'soon' | 'later-today' | 'next-hours';
}

type Timing = Pick<Settings, 'hours' | 'intervalMinutes'>;

/** The next hours' first nudge: one interval after they open, as the scheduler plans it. */
function nextHours(settings: Timing, now: number): PutOff | null {
  const end = activeUntil(settings.hours, now);
  const from = end !== null && Number.isFinite(end) ? end : now;
  const at = nextNudgeWithinHours(settings.hours, from, settings.intervalMinutes * MINUTE);
  return at === null ? null : { until: at, when: 'next-hours' };
}

/**
 * When a nudge put off now comes back. "soon": in 10 minutes, if still inside active hours (else as
 * the next hours' first nudge). "later": see the top of this file. Null when no active hours remain
 * at all (nothing could come).
 */
export function putOffUntil(choice: PutOffChoice, settings: Timing, now: number): PutOff | null {
  const { hours } = settings;
  if (choice === 'soon') {
    const at = now + PUT_OFF_SOON;
    return isActiveAt(hours, at) ? { until: at, when: 'soon' } : nextHours(settings, now);
  }
  const target = now + LATER_TODAY;
  const today = startOfLocalDay(now);
  if (isActiveAt(hours, target) && startOfLocalDay(target) === today)
    return { until: target, when: 'later-today' };
  const end = activeUntil(hours, now);
  if (end !== null) {
    const lastChance = Math.min(end - LATER_TODAY_MARGIN, target);
    if (lastChance >= now + LATER_TODAY_MARGIN && startOfLocalDay(lastChance) === today) {
      return { until: lastChance, when: 'later-today' };
    }
  }
  return nextHours(settings, now);
}

/** Whether the popup offers to bring back a nudge closed at `dismissedAt`. */
export function canBringBack(dismissedAt: number | null, now: number): boolean {
  return dismissedAt !== null && dismissedAt <= now && now - dismissedAt < BRING_BACK_WITHIN;
}

const PAST = 'the pause would end in the past';

/**
 * A pause's end as the one schema checks it, for the popup's field and the background's message
 * alike: after now, and at most PAUSE_AHEAD_MAX (31 days) ahead.
 */
export const pauseEnd = (now: number) =>
  v.pipe(
    v.number(),
    v.integer(),
    v.check((until) => until > now, PAST),
    v.check((until) => until - now <= PAUSE_AHEAD_MAX, 'the pause would end more than 31 days from now'),
  );

/** "2026-12-24T09:30" (a datetime-local field's value) as a local moment, or null. */
export function parseLocalDateTime(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi);
  // 2026-02-31 rolls into March: refused. A time the clock skips (daylight saving) reads an hour later.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  if (h > 23 || mi > 59) return null;
  return date.getTime();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as a datetime-local field's value, on the local clock: the field's min and max. */
export function toLocalDateTime(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export type PauseUntilResult =
  | { ok: true; until: number }
  | { ok: false; reason: 'invalid' | 'past' | 'too-far' };

/** The popup's "pause until a date and time": the field's text, checked by the one schema. */
export function pauseUntil(text: string, now: number): PauseUntilResult {
  const until = parseLocalDateTime(text);
  if (until === null) return { ok: false, reason: 'invalid' };
  const result = v.safeParse(pauseEnd(now), until);
  if (result.success) return { ok: true, until };
  return { ok: false, reason: result.issues[0].message === PAST ? 'past' : 'too-far' };
}
