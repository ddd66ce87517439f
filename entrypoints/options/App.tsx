// The settings page's wiring: the browser's settings, shortcut and test notification, given to
// components/pages/OptionsPage.tsx (props in, callbacks out).
import { browser } from 'wxt/browser';
import { OptionsPage, type SectionId } from '../../components/pages/OptionsPage';
import type { OwnOutlet } from '../../core/outlets/own';
import { isFirefox } from '../../platform/browser-kind';
import { sendMessage } from '../../platform/messaging';
import { addOwnOutlet, ownOutletsSource, removeOwnOutlet, updateOwnOutlet } from '../../platform/own-outlets';
import type { OptionsSection } from '../../platform/pages';
import { openShortcutSettings, readCheckInShortcut } from '../../platform/shortcut';
import { browserSettings } from './settings';

// The page's sections are exactly those the check-in links to (openOptions): one added to either
// and not the other fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sectionsAgree: Same<SectionId, OptionsSection> = true;
void sectionsAgree;

export const browserShortcut = { read: readCheckInShortcut, open: openShortcutSettings, firefox: isFirefox };

/** The person's own outlets as the browser keeps them (storage.local, one key each). */
export const browserOwnOutlets = {
  source: ownOutletsSource,
  actions: {
    add: (outlet: OwnOutlet) => addOwnOutlet(outlet),
    update: (previousId: string, outlet: OwnOutlet) => updateOwnOutlet(previousId, outlet),
    remove: removeOwnOutlet,
    newSuffix: () => crypto.randomUUID().replaceAll('-', ''),
  },
};

export function App() {
  return (
    <OptionsPage
      version={browser.runtime.getManifest().version}
      sendTestNotification={() => sendMessage('testNotification', null)}
      actions={browserSettings}
      shortcut={browserShortcut}
      own={browserOwnOutlets}
    />
  );
}
