// The changes a page asks the background to store (pause, resume, the calmer pace, a walk's timer,
// "Start Outlet"),
// each with how storage shows it made. Storage is the truth (DESIGN.md §2), also over the answer:
// Firefox stops its MV3 event page when it likes, also after it stored a change and before its answer
// got back, and the page then hears "Could not establish connection" for a change that was made. So a
// failed send is believed only once storage says the change is not there; the popup's words follow
// the stored schedule too (components/checkin/NudgeStatus.tsx), for a write that lands after the failure.

import { browser } from 'wxt/browser';
import { type NudgeChange, showsChange } from '../core/schedule';
import { type MessageData, type MessageType, sendMessage } from './messaging';
import { loadSchedule, loadTimer } from './storage';
import { NOT_STARTED_KEY } from './storage-keys';

/**
 * Sends `type`; when the send fails, resolves all the same if `stored()` says the change is in
 * storage (and asks the background to make its alarms follow storage), and rejects with the send's
 * error otherwise (or when storage can't be read either).
 */
export async function sendChange<K extends MessageType>(
  type: K,
  data: MessageData<K>,
  stored: () => Promise<boolean>,
): Promise<void> {
  try {
    await sendMessage(type, data);
  } catch (error) {
    if (!(await stored().catch(() => false))) throw error;
    // Made, but the page may have stopped before it moved its alarms (a resume would then nudge an
    // hour late): the background brings them in line with storage.
    void sendMessage('repair', null).catch((failure) =>
      console.warn('Outlet: the alarms could not be checked yet; the next start will.', failure),
    );
  }
}

const scheduleShows = (change: NudgeChange) => async () =>
  showsChange(await loadSchedule(Date.now()), change, Date.now());

/** Pause nudges until `until`. */
export const pauseNudges = (until: number, kind: 'pause' | 'meeting') =>
  sendChange('pause', { until, kind }, scheduleShows({ type: 'pause', until, kind }));

export const resumeNudges = () => sendChange('resume', null, scheduleShows({ type: 'resume' }));

/** The person answered the offer of a calmer pace (either way): it goes until nudges are ignored again. */
export const dismissCalmerOffer = () =>
  sendChange('calmerOfferDismissed', null, scheduleShows({ type: 'calmer-offer-dismissed' }));

/** A walk's countdown: its alarm, its badge, its stored end. */
export const startTimer = (minutes: number, checkInId: string) =>
  sendChange('startTimer', { minutes, checkInId }, async () => {
    const timer = await loadTimer(Date.now());
    return timer?.checkInId === checkInId && timer.minutes === minutes;
  });

export const stopTimer = () =>
  sendChange('stopTimer', null, async () => (await loadTimer(Date.now())) === null);

/**
 * "Start Outlet" (the welcome page, or the popup opened before it): started once the install's note
 * is gone; the background plans the first nudge then, or at its next start if it was stopped between.
 */
export const startOutlet = () =>
  sendChange('welcomeDone', null, async () => {
    const stored = await browser.storage.local.get(NOT_STARTED_KEY);
    return stored[NOT_STARTED_KEY] !== true;
  });

/**
 * "In 10 minutes" / "Later today" for the nudge waiting, or (bringBack) the one closed within the hour:
 * stored once the schedule shows the nudge answered and nothing left to bring back.
 */
export const putOffNudge = (choice: 'soon' | 'later', bringBack: boolean) =>
  sendChange('putOff', { choice, bringBack }, async () => {
    const schedule = await loadSchedule(Date.now());
    return schedule.lastNudgeAnswered && schedule.dismissedAt === null && schedule.putOffUntil !== null;
  });
