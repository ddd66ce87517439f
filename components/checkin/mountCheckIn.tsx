import { type ComponentChild, render } from 'preact';
import { type FeelingId, isFeelingId } from '../../core/feelings';
import { feelingOfKey, replayEarlyInput, takeEarlyInput } from './early-input';

/**
 * Replaces the first screen the head script drew (entrypoints/first-screen.ts) with the live
 * check-in, in one task, so nothing flickers. When the first thing clicked there was a feeling, the
 * check-in is rendered with that pick (`firstPick`: it starts at the outlet), and the clicks after it
 * (and where focus was) are replayed on the live screen.
 */
export function mountCheckIn(
  app: HTMLElement,
  checkIn: (firstPick: FeelingId | null) => ComponentChild,
): void {
  const taken = takeEarlyInput();
  const [first, ...rest] = taken.clicks;
  const picked = first ? feelingOfKey(first) : null;
  const firstPick = isFeelingId(picked) ? picked : null;
  app.textContent = '';
  render(checkIn(firstPick), app);
  replayEarlyInput(app, firstPick ? { ...taken, clicks: rest } : taken);
}
