// Every message a page may send to the background: the schema its data must pass (core/data/
// messages.ts) and what the background does with it. The table is the list: `sendMessage` accepts
// exactly these types, with exactly this data (platform/messaging.ts infers both from it).
// Handlers go through platform/nudges.ts's queue, so none acts on state older than storage.
import { NoData, PutOffRequest, pauseRequest, TimerRequest } from '../core/data/messages';
import { message } from './messaging';
import { showTestNotification } from './notifications';
import { dispatch, putOff, repairTimer, startNudges, startTimer, stopTimer } from './nudges';

export const MESSAGES = {
  pause: message(pauseRequest, async ({ until, kind }, now) => {
    await dispatch({ type: 'pause', until, kind }, now);
  }),
  resume: message(NoData, async (_, now) => {
    await dispatch({ type: 'resume' }, now);
  }),
  // A new check-in (from the popup or the check-in window) counts as a break.
  checkedIn: message(NoData, async (_, now) => {
    await dispatch({ type: 'checked-in' }, now);
  }),
  startTimer: message(TimerRequest, async ({ minutes, checkInId }, now) => {
    await startTimer(minutes, checkInId, now);
  }),
  stopTimer: message(NoData, async (_, now) => {
    await stopTimer(now);
  }),
  // The popup's "In 10 minutes" / "Later today" (issue 18): the moment is worked out here, at the
  // background's own clock, by core/putoff.ts; refused when no active hours are left for it.
  putOff: message(PutOffRequest, async ({ choice, bringBack }, now) => {
    if (!(await putOff(choice, { bringBack, now })))
      throw new Error('No active hours are left for the nudge.');
  }),
  calmerOfferDismissed: message(NoData, async (_, now) => {
    await dispatch({ type: 'calmer-offer-dismissed' }, now);
  }),
  testNotification: message(NoData, () => showTestNotification()),
  // A page whose change was stored but whose answer was lost (Firefox stopped the event page between
  // the two: platform/changes.ts) asks for this: the alarms and the badge, which the stopped page may
  // not have moved, follow storage again, as at every start.
  repair: message(NoData, async (_, now) => {
    await dispatch({ type: 'wake' }, now);
    await repairTimer(now);
  }),
  // Finishing the welcome page arms the first nudge: one interval from now.
  // "Start Outlet" on the welcome page, or the popup opened before it: the first nudge, one
  // interval from now. Once started, nothing changes.
  welcomeDone: message(NoData, async () => {
    await startNudges();
  }),
};

export type Messages = typeof MESSAGES;
