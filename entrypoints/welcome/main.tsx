import { render } from 'preact';
import '../../assets/base.css';
import '../../assets/pages.css';
import { WelcomePage } from '../../components/pages/WelcomePage';
import { startOutlet } from '../../platform/changes';
import { setPageLanguage } from '../../platform/i18n';
import { scheduleSource } from '../../platform/storage';

// lang and dir before anything renders: screen readers speak the words' language, Arabic runs
// right to left from the first frame.
setPageLanguage();
render(
  <WelcomePage start={startOutlet} schedule={scheduleSource} clock={Date.now} />,
  document.getElementById('app') as HTMLElement,
);
