import { render } from 'preact';
import '../../assets/base.css';
import '../../assets/pages.css';
import { WelcomePage } from '../../components/pages/WelcomePage';
import { setPageLanguage } from '../../platform/i18n';
import { sendMessage } from '../../platform/messaging';
import { scheduleSource } from '../../platform/storage';

// lang and dir before anything renders: screen readers speak the words' language, Arabic runs
// right to left from the first frame.
setPageLanguage();
render(
  <WelcomePage start={() => sendMessage('welcomeDone', null)} schedule={scheduleSource} clock={Date.now} />,
  document.getElementById('app') as HTMLElement,
);
