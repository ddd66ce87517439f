// The check-in app of the toolbar popup and of the check-in window (entrypoints/popup, checkin): one
// classic script, `defer`, built as a single file. Not a module: a module graph (an entry importing
// its preloaded chunk) ran ~8 ms later than one classic script fetched at the same time, and the
// popup's first click waits for exactly this (tests/bench/popup.bench.mjs: ratio to the one-button
// page 1.39 → 1.26, median of five alternating runs each). It runs right after the head script that
// drew the first screen (entrypoints/first-screen.ts), which has been reading the settings and the
// context meanwhile: the app mounts with them, so a feeling already clicked starts it at the outlet.
import { mountCheckIn } from '../components/checkin/mountCheckIn';
import { App, readEarlyData } from './popup/App';

export default defineUnlistedScript(() => {
  void readEarlyData().then((early) =>
    mountCheckIn(document.getElementById('app') as HTMLElement, (firstPick) => (
      <App early={early} firstPick={firstPick} />
    )),
  );
});
