import { browser } from 'wxt/browser';
import { minutesLeft } from '../core/timer';
import type { ToolbarState } from '../core/toolbar';
import { i18n } from './i18n';

// A soft amber, not an alarming red: a missed nudge is nothing to worry about.
const BADGE_COLOR = '#c98a2b';
// The accent green of the popup: a walk in progress, nothing to act on.
const TIMER_COLOR = '#2f7d6d';
// Paused or off: a quiet grey, and the words ("II", "off") say which.
const RESTING_COLOR = '#5f6b73';

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

/**
 * The toolbar icon for one state of core/toolbar.ts (issue 18): each has its own badge text and
 * title, so paused, off, waiting and no room read apart without colour. The words are locale keys
 * (a translator may pick a shorter word for "off"); Chrome fits about four characters in a badge.
 */
export async function showToolbar(state: ToolbarState): Promise<void> {
  const look = (text: string, color: string | null, title: string) =>
    Promise.all([
      browser.action.setBadgeText({ text }),
      color ? browser.action.setBadgeBackgroundColor({ color }) : undefined,
      browser.action.setTitle({ title }),
    ]);
  switch (state.kind) {
    case 'timer':
      await look(
        String(Math.min(state.minutes, 999)),
        TIMER_COLOR,
        i18n.plural('timer.badgeTitle', state.minutes),
      );
      return;
    case 'no-room':
      await look(i18n.t('status.noRoomBadge'), BADGE_COLOR, i18n.t('status.noRoomTitle'));
      return;
    case 'off':
      await look(i18n.t('offer_badgeOff'), RESTING_COLOR, i18n.t('offer_titleOff'));
      return;
    case 'paused':
      await look(i18n.t('offer_badgePaused'), RESTING_COLOR, i18n.t('offer_titlePaused'));
      return;
    case 'waiting':
      await look(i18n.t('offer_badgeWaiting'), TIMER_COLOR, i18n.t('offer_titleWaiting'));
      return;
    case 'missed':
      await look(String(Math.min(state.count, 9)), BADGE_COLOR, i18n.t('actionTitle'));
      return;
    case 'plain':
      await look('', null, i18n.t('actionTitle'));
      return;
  }
}
