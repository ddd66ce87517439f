// The log of what happened to each nudge (core/nudge-log.ts), kept in storage.local under one key.
// The background is its one writer: every record goes through this module's own queue, so two
// records at once never read the same old log (DESIGN.md §3, one writer per key).
import { browser } from 'wxt/browser';
import { appendNudge, logEntry, type NudgeFate, type NudgeLogEntry, parseNudgeLog } from '../core/nudge-log';
import { NUDGE_LOG_KEY } from './storage-keys';

let queue: Promise<unknown> = Promise.resolve();

/** The log as stored, its broken entries left out. */
export async function loadNudgeLog(): Promise<NudgeLogEntry[]> {
  const raw = (await browser.storage.local.get(NUDGE_LOG_KEY))[NUDGE_LOG_KEY];
  return parseNudgeLog(raw).value;
}

/**
 * Notes what happened to the nudge that came at `nudgeAt`: shown, taken, put off or dismissed. The one
 * function every part that shows or answers a nudge calls. Never throws: a log that couldn't be
 * written costs a line in the timing view, never a nudge.
 */
export function recordNudge(fate: NudgeFate, nudgeAt: number, now = Date.now()): Promise<void> {
  const run = queue.then(async () => {
    try {
      const log = appendNudge(await loadNudgeLog(), logEntry(fate, nudgeAt, now), now);
      await browser.storage.local.set({ [NUDGE_LOG_KEY]: log });
    } catch (error) {
      console.warn('Outlet: what happened to a nudge could not be noted.', error);
    }
  });
  queue = run;
  return run;
}
