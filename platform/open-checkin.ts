import { browser } from 'wxt/browser';

const CHECKIN_PAGE = '/checkin.html';

/**
 * Opens the check-in from a notification: the toolbar popup where the browser allows it
 * (Chrome 127+ with a focused window), else a small window, else a tab.
 */
export async function openCheckIn(): Promise<'popup' | 'window' | 'tab'> {
  try {
    if (typeof browser.action.openPopup === 'function') {
      await browser.action.openPopup();
      return 'popup';
    }
  } catch {
    // No focused browser window, or the browser refused without a user gesture: fall through.
  }
  const url = browser.runtime.getURL(CHECKIN_PAGE);
  try {
    await browser.windows.create({ url, type: 'popup', width: 400, height: 620, focused: true });
    return 'window';
  } catch {
    await browser.tabs.create({ url });
    return 'tab';
  }
}
