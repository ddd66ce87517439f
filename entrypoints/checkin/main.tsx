import '../../assets/base.css';
import { mountCheckIn } from '../../components/mountCheckIn';

mountCheckIn(document.getElementById('app') as HTMLElement);
