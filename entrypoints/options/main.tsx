import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../assets/base.css';
import '../../assets/pages.css';
import { OptionsPage } from '../../components/pages/OptionsPage';
import { i18n, setPageLanguage } from '../../platform/i18n';
import { sendMessage } from '../../platform/messaging';

// lang and dir before anything renders: screen readers speak the words' language, Arabic runs
// right to left from the first frame.
setPageLanguage();
// The tab's title too (index.html's is English, for the moment before this runs).
document.title = i18n.t('options.title');
render(
  <OptionsPage
    version={browser.runtime.getManifest().version}
    sendTestNotification={() => sendMessage('testNotification', null)}
  />,
  document.getElementById('app') as HTMLElement,
);
