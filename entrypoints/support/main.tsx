import { render } from 'preact';
import '../../assets/base.css';
import '../../assets/pages.css';
import { SupportPage } from '../../components/pages/SupportPage';

render(<SupportPage />, document.getElementById('app') as HTMLElement);
