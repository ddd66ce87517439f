// "What seems to help when you feel …": what the history page shows back from the person's own
// before and after. Pure: check-ins and `now` come in as arguments.
//
// ## The rule (whatHelps)
// Only check-ins from the last HELPS_WINDOW_DAYS days (what helps changes), done with an outlet the
// catalogue still knows, whose feeling was tense, low, numb or "I can't tell" (pleasant feelings need
// no lifting), and that say how it went:
//   - "And now?" (`after`) is the main answer: "lighter" lifted, "the same" or "heavier" did not;
//   - without it, "did it help?": "yes" or "a bit" lifted, "no" did not.
// For each kind of feeling, and each outlet family, "with it" are those check-ins done with an outlet
// of that family, "without it" the same kind's check-ins done with any other family. A family is named
// when it has at least HELPS_MIN_WITH check-ins with it AND HELPS_MIN_WITHOUT without it (so there is
// something to set it against), lifted on at least HELPS_MIN_SHARE (two thirds) of those with it, and
// by at least HELPS_MARGIN more often than without it. Three and three is the least that says
// anything: with three answers "two of three" is a tendency, one answer fewer is a coin toss; the two
// thirds and the margin of a quarter mean one answer either way can't name a family on its own. The
// words stay tentative ("seems to help") and give the counts ("lighter 4 of 5 times"); Outlet never
// says that something doesn't help.
// The best family per kind wins (highest share lifted, then more check-ins, then catalogue order).
// Then, per kind, where the person said they could or couldn't step away: a family is named for that
// context too when it qualifies there by the same rule and isn't already the kind's own finding.
import { OUTLET_FAMILIES, type OutletFamily } from '../families';
import { outletFamilyOf } from '../outlets/lookup';
import { DAY } from '../time';
import { type FeelingState, feelingState } from './states';

export const HELPS_WINDOW_DAYS = 60;
export const HELPS_MIN_WITH = 3;
export const HELPS_MIN_WITHOUT = 3;
export const HELPS_MIN_SHARE = 2 / 3;
export const HELPS_MARGIN = 0.25;
/** At most this many lines: a few clear ones read better than a table. */
export const HELPS_MAX = 4;

/** The kinds of feeling the view speaks of: the heavy ones, numb and can't-tell each as themselves. */
export const HELP_KINDS = ['tense', 'low', 'numb', 'cantTell'] as const;
export type HelpKind = (typeof HELP_KINDS)[number];
/** Where the person was: free to step away, or not (at a desk, in a meeting). */
export type HelpContext = 'any' | 'canStepAway' | 'cantStepAway';

/** What the rule reads of a check-in (a stored CheckIn fits). */
export interface HelpsCheckIn {
  at: number;
  feeling: string;
  outletId: string | null;
  outcome: 'done' | 'skipped';
  helped?: 'yes' | 'a-bit' | 'no';
  after?: 'lighter' | 'same' | 'heavier';
  context?: { canStepAway: boolean };
}

export interface HelpFinding {
  kind: HelpKind;
  context: HelpContext;
  family: OutletFamily;
  /** Check-ins with this family that lifted, of `tried`. */
  lifted: number;
  tried: number;
}

export interface WhatHelps {
  findings: HelpFinding[];
  /** Check-ins the rule could read (a heavy kind, done, with an answer): to say "not yet" kindly. */
  answered: number;
}

/** Whether a check-in lifted the person: true, false, or null when they didn't say. */
export function lifted(checkIn: Pick<HelpsCheckIn, 'after' | 'helped'>): boolean | null {
  if (checkIn.after) return checkIn.after === 'lighter';
  if (checkIn.helped) return checkIn.helped !== 'no';
  return null;
}

interface Answer {
  kind: HelpKind;
  family: OutletFamily;
  canStepAway: boolean | undefined;
  lifted: boolean;
}

const isHelpKind = (state: FeelingState): state is HelpKind =>
  (HELP_KINDS as readonly string[]).includes(state);

function best(answers: readonly Answer[], kind: HelpKind, context: HelpContext): HelpFinding | null {
  let found: (HelpFinding & { share: number }) | null = null;
  for (const family of OUTLET_FAMILIES) {
    let tried = 0;
    let liftedWith = 0;
    let without = 0;
    let liftedWithout = 0;
    for (const answer of answers) {
      if (answer.family === family) {
        tried++;
        if (answer.lifted) liftedWith++;
      } else {
        without++;
        if (answer.lifted) liftedWithout++;
      }
    }
    if (tried < HELPS_MIN_WITH || without < HELPS_MIN_WITHOUT) continue;
    const share = liftedWith / tried;
    if (share < HELPS_MIN_SHARE || share - liftedWithout / without < HELPS_MARGIN) continue;
    if (!found || share > found.share || (share === found.share && tried > found.tried))
      found = { kind, context, family, lifted: liftedWith, tried, share };
  }
  if (!found) return null;
  const { share: _, ...finding } = found;
  return finding;
}

export function whatHelps(history: readonly HelpsCheckIn[], now: number): WhatHelps {
  const answers: Answer[] = [];
  for (const checkIn of history) {
    if (now - checkIn.at > HELPS_WINDOW_DAYS * DAY || checkIn.outcome !== 'done' || !checkIn.outletId)
      continue;
    const family = outletFamilyOf(checkIn.outletId);
    const kind = feelingState(checkIn.feeling);
    const didLift = lifted(checkIn);
    if (!family || !isHelpKind(kind) || didLift === null) continue;
    answers.push({ kind, family, canStepAway: checkIn.context?.canStepAway, lifted: didLift });
  }

  const findings: HelpFinding[] = [];
  for (const kind of HELP_KINDS) {
    const ofKind = answers.filter((answer) => answer.kind === kind);
    const general = best(ofKind, kind, 'any');
    if (general) findings.push(general);
    for (const canStepAway of [true, false]) {
      const context: HelpContext = canStepAway ? 'canStepAway' : 'cantStepAway';
      const there = best(
        ofKind.filter((answer) => answer.canStepAway === canStepAway),
        kind,
        context,
      );
      if (there && there.family !== general?.family) findings.push(there);
    }
  }
  return { findings: findings.slice(0, HELPS_MAX), answered: answers.length };
}
