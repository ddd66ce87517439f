// The check-in as it is stored while it is under way, and how a popup (or the check-in window) opened
// later takes it up again: a person comes back to exactly where they were (issue 16).
//
// Kept in storage.local (platform/storage.ts `flowItem`): it outlives the popup, the worker and a
// restart of the browser, as the running timer beside it does (a walk goes on across a restart, so its
// step must too). What makes it stale is time, not a restart: a check-in is a moment, and one left
// half-way is not what should greet a person an hour later, still less tomorrow.
// - A walk under way is taken up for as long as its stored timer runs.
// - A walk that is over is recorded then (it was taken), and "And now?" is asked first if it ended
//   less than RESUME_WITHIN ago (core/checkin/after.ts); later, the first screen asks "did it help?"
//   as it does for any recent outlet (core/history.ts pendingHelpedQuestion).
// - Any other step is taken up if it changed less than RESUME_WITHIN ago; later, the check-in starts
//   afresh and records nothing, and a line typed in it goes into its check-in from its draft, as every
//   waiting line does (platform/history/draft.ts): words are never lost.
// - "Thanks" is the end: the next open starts afresh.
// The typed line is not stored here: it lives in its draft (`journalDraft:<id>`), and is read back from it.
import * as v from 'valibot';
import { OUTLET_FAMILIES } from '../families';
import { FEELING_KINDS } from '../learning/kinds';
import { findOutlet, type Outlet, type PickReason } from '../outlets';
import { type CheckIn, CheckInSchema, ID_MAX_LENGTH, type Timer } from '../schema';
import { MINUTE } from '../time';
import { AFTER_MAX_AGE, mayAskAfter } from './after';
import {
  type FlowEffect,
  type FlowResult,
  type FlowState,
  INITIAL_FLOW,
  type OutletOffer,
  type Step,
  withLine,
} from './flow';

/** How long a check-in left half-way (or a walk's "How was that?") is taken up again. */
export const RESUME_WITHIN = 30 * MINUTE;

const epoch = v.pipe(v.number(), v.integer(), v.minValue(0));
// Ids capped as a check-in's are (tests/unit/schema-caps.test.ts holds every stored string to a cap).
const id = v.pipe(v.string(), v.maxLength(ID_MAX_LENGTH));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e6));
const ReasonSchema = v.nullable(
  v.union([
    v.object({
      kind: v.literal('lifted'),
      scope: v.picklist(['outlet', 'family']),
      family: v.picklist(OUTLET_FAMILIES),
      feelingKind: v.picklist(FEELING_KINDS),
      lifted: count,
      of: count,
    }),
    v.object({ kind: v.literal('helped-before'), outletId: id, answers: v.optional(v.number()) }),
    v.object({ kind: v.literal('family-helped'), family: id, answers: v.optional(v.number()) }),
  ]),
);
const OfferSchema = v.object({
  entry: CheckInSchema,
  reason: ReasonSchema,
  journalPrompt: v.pipe(v.string(), v.maxLength(1000)),
});

const StoredStepSchema = v.variant('name', [
  v.object({ name: v.literal('feelings') }),
  v.object({ name: v.literal('outlet'), ...OfferSchema.entries }),
  v.object({ name: v.literal('breath'), entry: CheckInSchema, seconds: v.number(), from: OfferSchema }),
  v.object({ name: v.literal('timer'), entry: CheckInSchema, startedAt: epoch, endsAt: epoch }),
  v.object({ name: v.literal('after'), entry: CheckInSchema, awaySince: v.nullable(epoch) }),
  v.object({ name: v.literal('helped'), entry: CheckInSchema, awaySince: v.nullable(epoch) }),
]);

/** What is stored of the flow: its step (outlets by id), whose draft holds the line, and when. */
export const StoredFlowSchema = v.object({
  step: StoredStepSchema,
  /** The check-in whose draft holds the line typed, when there is one. */
  lineOf: v.nullable(v.pipe(v.string(), v.maxLength(100))),
  answered: v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(20)),
  savedAt: epoch,
});
export type StoredFlow = v.InferOutput<typeof StoredFlowSchema>;

/**
 * The flow as it is stored; null when there is nothing to come back to (the first screen, "Thanks",
 * a check-in ended with Done or Not now even if its save failed: the history and its draft have it).
 */
export function storedFlow(state: FlowState, now: number): StoredFlow | null {
  if (state.ending) return null;
  const step = storedStep(state.step);
  const lineOf = state.line.trim() ? (state.lineOf?.id ?? null) : null;
  if (step.name === 'feelings' && lineOf === null) return null;
  return { step, lineOf, answered: state.answered.slice(-20), savedAt: now };
}

const stripOffer = ({ entry, reason, journalPrompt }: OutletOffer) => ({ entry, reason, journalPrompt });

function storedStep(step: Step): StoredFlow['step'] {
  switch (step.name) {
    case 'feelings':
    case 'thanks':
      return { name: 'feelings' };
    case 'outlet':
      return { name: 'outlet', ...stripOffer(step) };
    case 'breath':
      return { name: 'breath', entry: step.entry, seconds: step.seconds, from: stripOffer(step.from) };
    case 'timer':
      return { name: 'timer', entry: step.entry, startedAt: step.startedAt, endsAt: step.endsAt };
    case 'after':
    case 'helped':
      return { name: step.name, entry: step.entry, awaySince: step.awaySince };
  }
}

/**
 * Until when a page opening would take `flow` up on a step past the first screen (resumeFlow below),
 * so its first screen is not the feelings; null when it opens on the feelings anyway. A walk is taken
 * up while it runs and its question for RESUME_WITHIN after its end; any other step for RESUME_WITHIN
 * after it last changed.
 */
export function underWayUntil(flow: StoredFlow | null): number | null {
  if (flow === null || flow.step.name === 'feelings') return null;
  const s = flow.step;
  // "And now?" is asked for a while after its outlet, and never past AFTER_MAX_AGE.
  const askAfterUntil = (entry: CheckIn, from: number) =>
    Math.min(from + RESUME_WITHIN, entry.at + AFTER_MAX_AGE + 1);
  if (s.name === 'timer') return Math.max(s.endsAt, askAfterUntil(s.entry, Math.max(s.endsAt, flow.savedAt)));
  if (s.name === 'after') return askAfterUntil(s.entry, flow.savedAt);
  return flow.savedAt + RESUME_WITHIN;
}

/** A journal draft as platform/history/draft.ts keeps it. */
export interface DraftLine {
  entry: CheckIn;
  text: string;
}

export interface ResumeInput {
  /** The stored flow, unchecked (anything unreadable starts afresh). */
  stored: unknown;
  now: number;
  /** The running timer as stored (the background ends it at its alarm). */
  timer: Timer;
  /** The draft kept for a check-in, if any. */
  draftOf: (checkInId: string) => DraftLine | null;
  /** The person's own outlets (core/outlets/lookup.ts ownAsOutlet): one on screen is taken up too. */
  own?: readonly Outlet[];
}

const isFresh = (flow: StoredFlow, now: number) =>
  now - flow.savedAt <= RESUME_WITHIN && flow.savedAt <= now + MINUTE;

const stillWalking = (step: { entry: CheckIn }, timer: Timer, now: number) =>
  timer !== null && timer.checkInId === step.entry.id && timer.endsAt > now;

/**
 * The check-in whose draft holds the line of the flow `stored`, if a page opening at `now` would take
 * it up with that line: recovering drafts leaves that one alone (platform/history/draft.ts).
 */
export function liveLine(stored: unknown, now: number, timer: Timer): string | null {
  const parsed = v.safeParse(StoredFlowSchema, stored);
  if (!parsed.success || parsed.output.lineOf === null) return null;
  const flow = parsed.output;
  const live = flow.step.name === 'timer' ? stillWalking(flow.step, timer, now) : isFresh(flow, now);
  return live ? flow.lineOf : null;
}

/** The flow a page opens on, and what must be saved first (a walk that ended while it was closed). */
export function resumeFlow({ stored, now, timer, draftOf, own }: ResumeInput): FlowResult {
  const parsed = v.safeParse(StoredFlowSchema, stored);
  if (!parsed.success) return [INITIAL_FLOW, []];
  const flow = parsed.output;
  const fresh = isFresh(flow, now);
  const draft = flow.lineOf ? draftOf(flow.lineOf) : null;
  const line = draft?.text ?? '';
  const base: FlowState = {
    ...INITIAL_FLOW,
    // A page that opens on a step past the first screen puts focus on its heading, as a new step does.
    focusTurn: flow.step.name === 'feelings' ? 0 : 1,
    answered: flow.answered,
    line,
    lineOf: draft && line.trim() ? draft.entry : null,
  };
  const s = flow.step;
  switch (s.name) {
    case 'timer': {
      if (stillWalking(s, timer, now))
        // "started" once this page has read the timer too (CheckIn follows the stored timer from then on).
        return [{ ...base, step: { ...s, endsAt: timer?.endsAt ?? s.endsAt, started: false } }, []];
      // Over while no page was open (its "time's up" rang): the walk was taken, so it is recorded now.
      const entry = withLine(s.entry, line);
      const effects: FlowEffect[] = [{ type: 'save', entry }];
      const endedAt = Math.min(s.endsAt, timer?.checkInId === s.entry.id ? timer.endsAt : s.endsAt);
      if (now - endedAt > RESUME_WITHIN || !mayAskAfter(entry, now)) return [INITIAL_FLOW, effects];
      return [
        { ...base, line: '', lineOf: null, step: { name: 'after', entry, awaySince: s.startedAt } },
        effects,
      ];
    }
    case 'after':
      return fresh && mayAskAfter(s.entry, now) ? [{ ...base, step: s }, []] : [INITIAL_FLOW, []];
    case 'helped':
      return fresh ? [{ ...base, step: s }, []] : [INITIAL_FLOW, []];
    case 'outlet': {
      const outlet = s.entry.outletId ? findOutlet(s.entry.outletId, own) : undefined;
      if (!fresh || !outlet) return [INITIAL_FLOW, []];
      return [{ ...base, step: { ...s, reason: s.reason as PickReason | null, outlet } }, []];
    }
    case 'breath': {
      const outlet = s.from.entry.outletId ? findOutlet(s.from.entry.outletId, own) : undefined;
      if (!fresh || !outlet) return [INITIAL_FLOW, []];
      return [
        { ...base, step: { ...s, from: { ...s.from, reason: s.from.reason as PickReason | null, outlet } } },
        [],
      ];
    }
    case 'feelings':
      return fresh ? [{ ...base, step: s }, []] : [INITIAL_FLOW, []];
  }
}
