import { render } from 'preact';
import '../../assets/base.css';
import '../../assets/pages.css';
import { SupportPage } from '../../components/pages/SupportPage';
import { setPageLanguage } from '../../platform/i18n';

// lang and dir before anything renders: screen readers speak the words' language, Arabic runs
// right to left from the first frame.
setPageLanguage();
render(<SupportPage />, document.getElementById('app') as HTMLElement);
