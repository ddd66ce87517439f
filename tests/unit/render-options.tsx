// The settings page wired as entrypoints/options/App.tsx wires it, on the fake browser: the browser's
// settings and shortcut, a test notification that always shows. A test changes only the props it is about.
import type { ComponentProps } from 'preact';
import { OptionsPage } from '../../components/pages/OptionsPage';
import { browserShortcut } from '../../entrypoints/options/App';
import { browserSettings } from '../../entrypoints/options/settings';

export const optionsPage = (props: Partial<ComponentProps<typeof OptionsPage>> = {}) => (
  <OptionsPage
    version="1.2.3"
    sendTestNotification={async () => ({ ok: true as const })}
    actions={browserSettings}
    shortcut={browserShortcut}
    {...props}
  />
);
