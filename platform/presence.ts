// What the browser can tell about the moment a nudge is due: is the person here, in full screen,
// on a web call? Only asked when a nudge is actually due.
import { browser } from 'wxt/browser';
import type { IdleState, Presence } from '../core/schedule';
import { CALL_SITES } from './call-sites';

/** Seconds without input before the browser reports "idle" (its minimum is 15). */
export const IDLE_DETECTION_SECONDS = 60;

export function setUpIdleDetection(): void {
  try {
    browser.idle.setDetectionInterval(IDLE_DETECTION_SECONDS);
  } catch {
    // No idle API here: nudges simply don't wait for the person's return.
  }
}

async function idleState(): Promise<IdleState> {
  try {
    return (await browser.idle.queryState(IDLE_DETECTION_SECONDS)) as IdleState;
  } catch {
    return 'active';
  }
}

async function isFullscreen(): Promise<boolean> {
  try {
    const window = await browser.windows.getLastFocused();
    return window.focused === true && window.state === 'fullscreen';
  } catch {
    // No browser window at all (everything minimised or closed): nothing is in full screen.
    return false;
  }
}

export async function hasCallPermission(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [...CALL_SITES] });
  } catch {
    return false;
  }
}

async function isInCall(): Promise<boolean> {
  if (!(await hasCallPermission())) return false;
  // Without the `tabs` permission, `url` can be matched only for sites the person granted: exactly these.
  const tabs = await browser.tabs.query({ audible: true, url: [...CALL_SITES] });
  return tabs.length > 0;
}

/**
 * What holds a due nudge. Calls are looked for only with the call sites' permission, which exists
 * only while the person has "hold nudges during web calls" on (turning it off gives it back).
 */
export async function sensePresence(): Promise<Presence> {
  const [idle, fullscreen, inCall] = await Promise.all([idleState(), isFullscreen(), isInCall()]);
  return { idle, fullscreen, inCall };
}

/** Must run in a click handler: browsers only ask for permissions in answer to a person's action. */
export async function requestCallAccess(): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [...CALL_SITES] });
  } catch {
    return false;
  }
}

export async function releaseCallAccess(): Promise<void> {
  try {
    await browser.permissions.remove({ origins: [...CALL_SITES] });
  } catch {
    // Already gone: nothing to release.
  }
}
