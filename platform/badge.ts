import { browser } from 'wxt/browser';

// A soft amber, not an alarming red: a missed nudge is nothing to worry about.
const BADGE_COLOR = '#c98a2b';

/** A small count on the toolbar icon for nudges that slipped by today; nothing when there are none. */
export async function showBadge(missed: number): Promise<void> {
  await browser.action.setBadgeText({ text: missed > 0 ? String(Math.min(missed, 9)) : '' });
  if (missed > 0) await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
}
