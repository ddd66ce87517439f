import { useEffect, useRef, useState } from 'preact/hooks';
import {
  checkInFlow,
  type FlowEffect,
  type FlowEvent,
  type FlowResult,
  type FlowState,
} from '../../core/checkin/flow';
import { type StoredFlow, storedFlow } from '../../core/checkin/resume';
import type { CheckIn } from '../../core/schema';

/** What the flow's effects do, and where its state is kept. */
export interface FlowRunner {
  saveCheckIn: (entry: CheckIn) => Promise<void>;
  saveDraft: (entry: CheckIn, text: string) => void;
  startTimer: (minutes: number, checkInId: string) => void;
  stopTimer: () => void;
  /** Keeps the flow as it changes (null: nothing under way), so a closing popup can't take it. */
  saveFlow?: (flow: StoredFlow | null) => void;
  clock: () => number;
  /** After each save: whether it was stored. */
  onSaved: (stored: boolean) => void;
}

// A stored flow is written again when it changes, and at least this often while it doesn't (a
// person typing), so its time says when it was last used (core/checkin/resume.ts RESUME_WITHIN).
const REFRESH_EVERY = 60_000;

/**
 * The one place the check-in's effects run: `send(event)` takes the reducer's next state, stores it,
 * and runs what it says to save, in order; it resolves once they are done, and rejects if a save
 * failed (the step then stays where it is: core/checkin/flow.ts `finish`). `start` is the state the
 * page opens on (a resumed check-in) with what it must save first.
 */
export interface FlowStart {
  state: FlowState;
  /** What must be saved first (a walk that ended while no page was open). */
  effects: FlowEffect[];
  /** Whether the state is to be stored as it opens (a check-in taken up, or a first pick). */
  keep: boolean;
}

export function useCheckInFlow(start: () => FlowStart, runner: FlowRunner) {
  const run = useRef(runner);
  run.current = runner;
  const first = useRef<FlowStart | null>(null);
  const [state, setState] = useState<FlowState>(() => {
    first.current = start();
    return first.current.state;
  });
  const current = useRef(state);
  const kept = useRef<{ key: string; at: number } | null>(null);

  const keep = (next: FlowState) => {
    const now = run.current.clock();
    const flow = storedFlow(next, now);
    const key = JSON.stringify(flow && { ...flow, savedAt: 0 });
    if (kept.current?.key === key && (flow === null || now - kept.current.at < REFRESH_EVERY)) return;
    kept.current = { key, at: now };
    run.current.saveFlow?.(flow);
  };

  const apply = (next: FlowState) => {
    if (next === current.current) return;
    current.current = next;
    setState(next);
    keep(next);
  };

  const perform = async (effect: FlowEffect): Promise<void> => {
    const r = run.current;
    switch (effect.type) {
      case 'save':
        try {
          await r.saveCheckIn(effect.entry);
          r.onSaved(true);
        } catch (error) {
          r.onSaved(false);
          throw error;
        }
        if (effect.next) await send(effect.next);
        return;
      case 'draft':
        return r.saveDraft(effect.entry, effect.text);
      case 'start-timer':
        return r.startTimer(effect.minutes, effect.checkInId);
      case 'stop-timer':
        return r.stopTimer();
    }
  };

  const runAll = async (effects: FlowEffect[]) => {
    let failure: unknown = null;
    // Every effect is tried even when one fails: a failed save must not stop a timer from stopping.
    for (const effect of effects) await perform(effect).catch((error: unknown) => (failure ??= error));
    if (failure) throw failure;
  };

  function send(event: FlowEvent): Promise<void> {
    const [next, effects] = checkInFlow(current.current, event);
    apply(next);
    return runAll(effects);
  }

  /** Starts over from `result` (a check-in taken up once it was read), unless the person moved on. */
  const resume = (result: FlowResult) => {
    apply(result[0]);
    // Stored as taken up, whatever it was: a stale check-in is cleared, an ended walk not saved twice.
    keep(current.current);
    return runAll(result[1]);
  };

  // A check-in taken up at the first render: stored as taken up, and what it must save first (a
  // walk that ended while no page was open), once.
  useEffect(() => {
    const opened = first.current;
    first.current = null;
    if (!opened?.keep) return;
    keep(current.current);
    if (opened.effects.length > 0) void runAll(opened.effects).catch(() => undefined);
  }, []);

  /** Runs effects apart from the state shown (what a check-in left behind must still save). */
  const settle = (effects: FlowEffect[]) => runAll(effects).catch(() => undefined);

  return { state, send, resume, settle, current };
}
