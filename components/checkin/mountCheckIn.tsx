import { type ComponentChild, render } from 'preact';
import { replayEarlyInput, takeEarlyInput } from './early-input';

/**
 * Replaces the first screen written into the page at build time (build/prerender-popup.ts) with
 * the live check-in, in one task, so nothing flickers; then replays on it whatever was clicked (and
 * where focus was) on the first screen before the app ran.
 */
export function mountCheckIn(app: HTMLElement, checkIn: ComponentChild): void {
  const taken = takeEarlyInput();
  app.textContent = '';
  render(checkIn, app);
  replayEarlyInput(app, taken);
}
