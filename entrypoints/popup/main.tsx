import { render } from 'preact';
import '../../assets/base.css';
import '../../assets/outlet.css';
import { PopupApp } from '../../components/PopupApp';

render(<PopupApp />, document.getElementById('app') as HTMLElement);
