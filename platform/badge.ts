import { browser } from 'wxt/browser';
import type { ToolbarState } from '../core/toolbar';
import { i18n } from './i18n';

// A soft amber, not an alarming red: a missed nudge is nothing to worry about.
const BADGE_COLOR = '#c98a2b';
// The accent green of the popup: a walk in progress, nothing to act on.
const TIMER_COLOR = '#2f7d6d';
// Paused or off: a quiet grey, and the words ("II", "off") say which.
const RESTING_COLOR = '#5f6b73';

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
