import { browser } from 'wxt/browser';
import { isFirefox } from './browser-kind';

export const NUDGE_NOTIFICATION = 'outlet-nudge';
export const WALK_NOTIFICATION = 'outlet-walk-over';

/** Button order of the nudge notification in Chrome; Firefox shows none. */
export const NUDGE_BUTTONS = ['check-in', 'snooze'] as const;

const ICON = '/icon/128.png';

export interface NudgeCopy {
  title: string;
  message: string;
  checkInLabel: string;
  snoozeLabel: string;
}

/** One nudge on screen at a time: a fixed id replaces the previous one instead of piling up. */
export async function showNudgeNotification(copy: NudgeCopy): Promise<void> {
  await browser.notifications.create(NUDGE_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL(ICON),
    title: copy.title,
    message: copy.message,
    // Firefox rejects `buttons` outright, so it gets a plain notification (a click opens the check-in).
    ...(isFirefox ? {} : { buttons: [{ title: copy.checkInLabel }, { title: copy.snoozeLabel }] }),
  });
}

export async function showWalkOverNotification(title: string, message: string): Promise<void> {
  await browser.notifications.create(WALK_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL(ICON),
    title,
    message,
  });
}

export async function clearNotification(id: string): Promise<void> {
  await browser.notifications.clear(id);
}
