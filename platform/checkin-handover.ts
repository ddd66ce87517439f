// Whether a check-in is under way past its first screen, kept in the extension's localStorage, which
// the popup's head script (entrypoints/first-screen.ts) can read synchronously before its first
// paint; the check-in itself is in storage.local (platform/checkin.ts), a round trip away. With one
// under way, the head script leaves the screen to the app, which opens on that step: drawing the
// feelings there showed a person coming back mid-walk the wrong screen, and a feeling clicked on it
// could be dropped (issue 16).
//
// Written with every save of the flow, before it (platform/checkin.ts `saveFlow`), so it is never
// behind it. When it is wrong all the same (storage cleared behind the page's back), the cost is
// small either way: one first paint without the feelings (the app draws them), or the feelings drawn
// while a check-in waits, where a feeling clicked starts a new check-in and what was under way ends
// as it would have (core/checkin/flow.ts `restart`).
//
// No imports that touch `browser`: the head script imports this before the polyfill has loaded.
import { UNDER_WAY_UNTIL_KEY } from './storage-keys';

/** Keeps until when a check-in is under way (null: none past the first screen). */
export function keepUnderWay(until: number | null): void {
  try {
    if (until === null) localStorage.removeItem(UNDER_WAY_UNTIL_KEY);
    else localStorage.setItem(UNDER_WAY_UNTIL_KEY, String(until));
  } catch {
    // No localStorage here (a worker) or it is refused: the head script draws the feelings.
  }
}

/** Whether a page opening at `now` would open on a check-in under way, as far as this page knows. */
export function underWayAt(now: number): boolean {
  try {
    return Number(localStorage.getItem(UNDER_WAY_UNTIL_KEY)) > now;
  } catch {
    return false;
  }
}
