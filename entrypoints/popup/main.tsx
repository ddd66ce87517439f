import '../../assets/base.css';
import '../../assets/outlet.css';
import { mountCheckIn } from '../../components/checkin/mountCheckIn';
import { App, readEarlyData } from './App';

// The head script has been reading the settings and the context meanwhile: the app mounts with them
// (the first screen stays live until then), so a feeling already clicked starts it at the outlet.
void readEarlyData().then((early) =>
  mountCheckIn(document.getElementById('app') as HTMLElement, (firstPick) => (
    <App early={early} firstPick={firstPick} />
  )),
);
