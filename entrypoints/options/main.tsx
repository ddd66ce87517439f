import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../assets/base.css';
import '../../assets/pages.css';
import { OptionsPage } from '../../components/pages/OptionsPage';
import { sendMessage } from '../../platform/messaging';

render(
  <OptionsPage
    version={browser.runtime.getManifest().version}
    sendTestNotification={() => sendMessage('testNotification', null)}
  />,
  document.getElementById('app') as HTMLElement,
);
