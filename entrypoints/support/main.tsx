import { render } from 'preact';
import '../../assets/base.css';
import '../../assets/pages.css';
import { SupportPage } from '../../components/pages/SupportPage';
import { giveWords } from '../../components/shared/words';
import { i18n, setPageLanguage } from '../../platform/i18n';

// lang and dir before anything renders: screen readers speak the words' language, Arabic runs
// right to left from the first frame.
setPageLanguage();
giveWords(i18n);
render(<SupportPage />, document.getElementById('app') as HTMLElement);
