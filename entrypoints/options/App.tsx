// The settings page's wiring: the browser's settings, shortcut and test notification, given to
// components/pages/OptionsPage.tsx (props in, callbacks out).
import { browser } from 'wxt/browser';
import { OptionsPage } from '../../components/pages/OptionsPage';
import { isFirefox } from '../../platform/browser-kind';
import { sendMessage } from '../../platform/messaging';
import { openShortcutSettings, readCheckInShortcut } from '../../platform/shortcut';
import { browserSettings } from './settings';

export const browserShortcut = { read: readCheckInShortcut, open: openShortcutSettings, firefox: isFirefox };

export function App() {
  return (
    <OptionsPage
      version={browser.runtime.getManifest().version}
      sendTestNotification={() => sendMessage('testNotification', null)}
      actions={browserSettings}
      shortcut={browserShortcut}
    />
  );
}
