import { browser } from 'wxt/browser';
import { isFirefox } from './browser-kind';

/** The manifest's command that opens the toolbar popup (the check-in). */
const OPEN_CHECKIN = '_execute_action';
/**
 * The manifest's "check in now" command (wxt.config.ts): the background counts the break from the
 * key press and opens the check-in, even where the popup can't open (no focused window).
 */
export const CHECK_IN_NOW_COMMAND = 'check-in-now';

/** The keys that open the check-in as the browser shows them ("Alt+Shift+O"), or '' when none is set. */
export async function readCheckInShortcut(): Promise<string> {
  const commands = await browser.commands.getAll();
  return commands.find((command) => command.name === OPEN_CHECKIN)?.shortcut ?? '';
}

/**
 * Opens the browser's own page for extension shortcuts. Firefox has an API for it (137+; Outlet needs
 * 140); Chrome has none, but an extension may open chrome://extensions/shortcuts in a tab (Edge and
 * other Chromium browsers redirect it to their own).
 */
export async function openShortcutSettings(): Promise<void> {
  // wxt/browser's types are Chrome's, which lack openShortcutSettings.
  const commands = browser.commands as typeof browser.commands & {
    openShortcutSettings?: () => Promise<void>;
  };
  if (isFirefox && typeof commands.openShortcutSettings === 'function') {
    await commands.openShortcutSettings();
    return;
  }
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
