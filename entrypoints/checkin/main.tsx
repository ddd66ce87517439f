import '../../assets/base.css';
import '../../assets/outlet.css';
import { mountCheckIn } from '../../components/checkin/mountCheckIn';
import { App } from '../popup/App';

mountCheckIn(document.getElementById('app') as HTMLElement, <App />);
