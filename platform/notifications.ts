import { browser } from 'wxt/browser';
import { isFirefox } from './browser-kind';
import { i18n } from './i18n';

export const NUDGE_NOTIFICATION = 'outlet-nudge';
export const TIMER_NOTIFICATION = 'outlet-timer-over';
export const TEST_NOTIFICATION = 'outlet-test';

/**
 * Button order of the nudge notification in Chrome (at most two); Firefox shows none. A click on the
 * notification itself checks in, so the two buttons are the put-off choices (issue 18); in Firefox
 * the click opens the check-in, whose popup offers the same two.
 */
export const NUDGE_BUTTONS = ['soon', 'later'] as const;

const ICON = '/icon/128.png';

export interface NudgeCopy {
  title: string;
  message: string;
  checkInLabel: string;
  snoozeLabel: string;
  /** "In 10 minutes" and "Later today" (or "Next time"): the buttons, Chrome only. */
  soonLabel?: string;
  laterLabel?: string;
  /** No sound, where the browser takes the option. */
  silent?: boolean;
}

/** Chrome can tell when the person turned Outlet's notifications off; other browsers can't. */
async function notificationsBlocked(): Promise<boolean> {
  try {
    return (await browser.notifications.getPermissionLevel?.()) === 'denied';
  } catch {
    return false;
  }
}

/** A plain notification with Outlet's icon. A fixed id replaces the one before instead of piling up. */
async function notify(
  id: string,
  title: string,
  message: string,
  buttons?: { title: string }[],
  silent = false,
): Promise<void> {
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL(ICON),
    title,
    message,
    ...(buttons ? { buttons } : {}),
    // Chrome takes `silent` (since Chrome 70). Firefox supports only type, title, message and
    // iconUrl (MDN, notifications.NotificationOptions) and has refused options it doesn't know
    // (see `buttons`), so it never gets one; its nudges sound as the system decides.
    ...(silent && !isFirefox ? { silent: true } : {}),
  });
}

/**
 * One nudge on screen at a time.
 * Throws when the browser refuses, so the nudge is counted as missed rather than lost silently.
 */
export async function showNudgeNotification(copy: NudgeCopy): Promise<void> {
  if (await notificationsBlocked()) throw new Error('Notifications are turned off for Outlet.');
  // Firefox rejects `buttons` outright, so it gets a plain notification (a click opens the check-in).
  const buttons = isFirefox
    ? undefined
    : [{ title: copy.soonLabel ?? copy.snoozeLabel }, { title: copy.laterLabel ?? copy.checkInLabel }];
  await notify(NUDGE_NOTIFICATION, copy.title, copy.message, buttons, copy.silent);
}

export async function showTimerOverNotification(title: string, message: string): Promise<void> {
  await notify(TIMER_NOTIFICATION, title, message);
}

export async function clearNotification(id: string): Promise<void> {
  await browser.notifications.clear(id);
}

/** Options' "Send a test notification": says plainly whether the browser took it. */
export async function showTestNotification(): Promise<{ ok: true } | { ok: false; error: string }> {
  if (await notificationsBlocked()) return { ok: false, error: 'blocked' };
  try {
    await notify(TEST_NOTIFICATION, i18n.t('options.testTitle'), i18n.t('options.testMessage'));
    return { ok: true };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}
