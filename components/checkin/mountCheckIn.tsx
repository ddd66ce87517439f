import { type ComponentChild, render } from 'preact';
import type { FirstPick } from '../../core/checkin/flow';
import { isFeelingId } from '../../core/feelings';
import { feelingOfKey, replayEarlyInput, takeEarlyInput } from './early-input';

/**
 * Replaces the screen the head script drew (entrypoints/first-screen.ts) with the live check-in, in
 * one task, so nothing flickers. When the first thing clicked there was a feeling, the check-in is
 * rendered with that pick (`firstPick`: it starts at the outlet, the very one the head script
 * already showed if it did), and the clicks after it (and where focus was) are replayed on the live
 * screen.
 */
export function mountCheckIn(
  app: HTMLElement,
  checkIn: (firstPick: FirstPick | null) => ComponentChild,
): void {
  const taken = takeEarlyInput();
  let firstPick = taken.shown;
  let replay = taken;
  if (!firstPick) {
    const [first, ...rest] = taken.clicks;
    const picked = first ? feelingOfKey(first) : null;
    if (isFeelingId(picked)) {
      firstPick = { feeling: picked };
      replay = { ...taken, clicks: rest };
    }
  }
  app.textContent = '';
  render(checkIn(firstPick), app);
  replayEarlyInput(app, replay);
}
