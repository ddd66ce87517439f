// The check-in under way, kept in storage.local as it changes (core/checkin/resume.ts says why there,
// and when it is stale), and read back when the popup or the check-in window opens.
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import {
  type DraftLine,
  liveLine,
  type ResumeInput,
  type StoredFlow,
  underWayUntil,
} from '../core/checkin/resume';
import { ownAsOutlet } from '../core/outlets/lookup';
import { CheckInSchema, JOURNAL_MAX_LENGTH, TimerSchema } from '../core/schema';
import { keepUnderWay } from './checkin-handover';
import type { EarlyRead } from './early-read';
import { ownOutletsFrom } from './own-outlets-read';
import { DRAFT_PREFIX, FLOW_KEY, OWN_OUTLET_PREFIX, TIMER_KEY } from './storage-keys';
import { readStored } from './storage-read';

/** A journal draft as platform/history/draft.ts keeps it: only what taking a check-in up needs. */
const DraftLineSchema = v.object({
  entry: CheckInSchema,
  text: v.pipe(v.string(), v.maxLength(JOURNAL_MAX_LENGTH)),
});

/** Keeps the flow (null: nothing under way). Handed to the browser at once, even by a closing popup. */
export async function saveFlow(flow: StoredFlow | null): Promise<void> {
  // First, and synchronously: the next page's head script reads it before its first paint.
  keepUnderWay(underWayUntil(flow));
  if (flow === null) await browser.storage.local.remove(FLOW_KEY);
  else await browser.storage.local.set({ [FLOW_KEY]: flow });
}

/**
 * What taking the check-in up needs: the stored flow, the timer and the flow's draft, from the popup
 * head script's read of storage.local when there is one (platform/early-read.ts), else read now.
 */
export async function readResume(read?: EarlyRead): Promise<Omit<ResumeInput, 'now'>> {
  const early = await read?.local.catch(() => undefined);
  const local: Record<string, unknown> =
    early ??
    (await readStored(browser.storage.local, { keys: [FLOW_KEY, TIMER_KEY], prefixes: [OWN_OUTLET_PREFIX] }));
  const stored = local[FLOW_KEY];
  const lineOf = (stored as { lineOf?: unknown } | undefined)?.lineOf;
  const drafts: Record<string, DraftLine> = {};
  if (typeof lineOf === 'string') {
    const key = `${DRAFT_PREFIX}${lineOf}`;
    const raw = key in local ? local[key] : (await browser.storage.local.get(key))[key];
    const draft = v.safeParse(DraftLineSchema, raw);
    if (draft.success) drafts[lineOf] = draft.output;
  }
  const timer = v.safeParse(TimerSchema, local[TIMER_KEY] ?? null);
  return {
    stored,
    timer: timer.success ? timer.output : null,
    draftOf: (id) => drafts[id] ?? null,
    // An own outlet on screen is taken up too (the early read holds them, as does the read above).
    own: ownOutletsFrom(local).outlets.map(ownAsOutlet),
  };
}

/**
 * The check-in under way whose line waits in its draft, if any: recovering drafts at a page's open
 * leaves that one to the check-in, which takes it up (platform/history/draft.ts).
 */
export async function liveLineNow(now = Date.now()): Promise<string | null> {
  const local = await browser.storage.local.get([FLOW_KEY, TIMER_KEY]);
  const timer = v.safeParse(TimerSchema, local[TIMER_KEY] ?? null);
  return liveLine(local[FLOW_KEY], now, timer.success ? timer.output : null);
}
