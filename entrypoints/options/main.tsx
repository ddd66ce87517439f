import { render } from 'preact';
import '../../assets/base.css';
import '../../assets/pages.css';
import { OptionsApp } from '../../components/OptionsApp';

render(<OptionsApp />, document.getElementById('app') as HTMLElement);
