// The check-in app of the toolbar popup and of the check-in window (entrypoints/popup, checkin): one
// classic script, built as a single file (a module graph, an entry importing its preloaded chunk,
// ran ~8 ms later than one classic script). The page's head script (entrypoints/first-screen.ts)
// runs it once the first screen is painted, having drawn that screen, read the settings and the
// context meanwhile, and perhaps already answered a feeling clicked with its outlet: the app mounts
// with all of it (components/checkin/mountCheckIn.tsx).
import { mountCheckIn } from '../components/checkin/mountCheckIn';
import { giveWords } from '../components/shared/words';
import { i18n } from '../platform/i18n';
import { App, readEarlyData } from './popup/App';

export default defineUnlistedScript(() => {
  giveWords(i18n);
  void readEarlyData().then((early) =>
    mountCheckIn(document.getElementById('app') as HTMLElement, (firstPick) => (
      <App early={early} firstPick={firstPick} />
    )),
  );
});
