import { render } from 'preact';
import '../../assets/base.css';
import '../../assets/pages.css';
import { WelcomeApp } from '../../components/WelcomeApp';

render(<WelcomeApp />, document.getElementById('app') as HTMLElement);
