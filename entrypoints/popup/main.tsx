import '../../assets/base.css';
import '../../assets/outlet.css';
import { mountCheckIn } from '../../components/mountCheckIn';

mountCheckIn(document.getElementById('app') as HTMLElement);
