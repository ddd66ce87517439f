// The welcome page's wiring: starting Outlet, the schedule and the settings as the browser keeps
// them, given to components/pages/WelcomePage.tsx (props in, callbacks out).
import { WelcomePage } from '../../components/pages/WelcomePage';
import { startOutlet } from '../../platform/changes';
import { scheduleSource } from '../../platform/storage';
import { browserSettings } from '../options/settings';

export function App() {
  return (
    <WelcomePage start={startOutlet} schedule={scheduleSource} clock={Date.now} actions={browserSettings} />
  );
}
