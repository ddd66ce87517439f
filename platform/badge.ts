import { browser } from 'wxt/browser';
import { minutesLeft } from '../core/timer';
import { i18n } from './i18n';

// A soft amber, not an alarming red: a missed nudge is nothing to worry about.
const BADGE_COLOR = '#c98a2b';
// The accent green of the popup: a walk in progress, nothing to act on.
const TIMER_COLOR = '#2f7d6d';

/**
 * The toolbar icon's badge. While a walk or a move runs, it shows the minutes left (and the icon's
 * tooltip says so in words); otherwise the count of nudges that slipped by today, or nothing.
 *
 * The running timer wins: it's what the person is doing right now, where they look to see how long
 * is left, and it ends within minutes. The missed count isn't lost, only hidden: it is stored in the
 * schedule and comes back the moment the timer ends (onTimerAlarm and stopTimer redraw the badge).
 * Showing both in one 4-character badge would make neither readable.
 *
 * When the settings leave no nudge possible (`noNudge`: no active hours, or none long enough), the
 * icon says so in its text and its title, not by colour alone, ahead of the missed count (no nudge
 * can slip by any more): nudges that silently never come are what it warns of.
 */
export async function showBadge(
  missed: number,
  timer?: { endsAt: number } | null,
  now = Date.now(),
  noNudge = false,
): Promise<void> {
  const left = timer ? minutesLeft(timer.endsAt, now) : 0;
  if (left > 0) {
    await browser.action.setBadgeText({ text: String(Math.min(left, 999)) });
    await browser.action.setBadgeBackgroundColor({ color: TIMER_COLOR });
    await browser.action.setTitle({ title: i18n.plural('timer.badgeTitle', left) });
    return;
  }
  if (noNudge) {
    await browser.action.setBadgeText({ text: i18n.t('status.noRoomBadge') });
    await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
    await browser.action.setTitle({ title: i18n.t('status.noRoomTitle') });
    return;
  }
  await browser.action.setBadgeText({ text: missed > 0 ? String(Math.min(missed, 9)) : '' });
  if (missed > 0) await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await browser.action.setTitle({ title: i18n.t('actionTitle') });
}
