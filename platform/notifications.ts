import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { isFirefox } from './browser-kind';

export const NUDGE_NOTIFICATION = 'outlet-nudge';
export const TIMER_NOTIFICATION = 'outlet-timer-over';
export const TEST_NOTIFICATION = 'outlet-test';

/** Button order of the nudge notification in Chrome; Firefox shows none. */
export const NUDGE_BUTTONS = ['check-in', 'snooze'] as const;

const ICON = '/icon/128.png';

export interface NudgeCopy {
  title: string;
  message: string;
  checkInLabel: string;
  snoozeLabel: string;
}

/** Chrome can tell when the person turned Outlet's notifications off; other browsers can't. */
async function notificationsBlocked(): Promise<boolean> {
  try {
    return (await browser.notifications.getPermissionLevel?.()) === 'denied';
  } catch {
    return false;
  }
}

/**
 * One nudge on screen at a time: a fixed id replaces the previous one instead of piling up.
 * Throws when the browser refuses, so the nudge is counted as missed rather than lost silently.
 */
export async function showNudgeNotification(copy: NudgeCopy): Promise<void> {
  if (await notificationsBlocked()) throw new Error('Notifications are turned off for Outlet.');
  await browser.notifications.create(NUDGE_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL(ICON),
    title: copy.title,
    message: copy.message,
    // Firefox rejects `buttons` outright, so it gets a plain notification (a click opens the check-in).
    ...(isFirefox ? {} : { buttons: [{ title: copy.checkInLabel }, { title: copy.snoozeLabel }] }),
  });
}

export async function showTimerOverNotification(title: string, message: string): Promise<void> {
  await browser.notifications.create(TIMER_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL(ICON),
    title,
    message,
  });
}

export async function clearNotification(id: string): Promise<void> {
  await browser.notifications.clear(id);
}

/** Options' "Send a test notification": says plainly whether the browser took it. */
export async function showTestNotification(): Promise<{ ok: true } | { ok: false; error: string }> {
  if (await notificationsBlocked()) return { ok: false, error: 'blocked' };
  try {
    await browser.notifications.create(TEST_NOTIFICATION, {
      type: 'basic',
      iconUrl: browser.runtime.getURL(ICON),
      title: i18n.t('options.testTitle'),
      message: i18n.t('options.testMessage'),
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}
