import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { IdleState } from '../core/schedule';
import { DAY_END_ALARM, NUDGE_ALARM, TIMER_ALARM, TIMER_TICK_ALARM, TOOLBAR_ALARM } from '../platform/alarms';
import { MESSAGES } from '../platform/background-messages';
import { isFirefox } from '../platform/browser-kind';
import { migrateLegacyCheckIns } from '../platform/history/base';
import { onMessages } from '../platform/messaging';
import { clearNotification, NUDGE_BUTTONS, NUDGE_NOTIFICATION } from '../platform/notifications';
import {
  dispatch,
  holdUntilStarted,
  naturalPause,
  onTimerAlarm,
  onTimerTick,
  repairTimer,
  snooze,
  startNudges,
} from '../platform/nudges';
import { openCheckIn } from '../platform/open-checkin';
import { IDLE_DETECTION_SECONDS, sensePresence, setUpIdleDetection } from '../platform/presence';
import { watchPreferenceChanges } from '../platform/settings';

// Every listener is registered synchronously, so an event that wakes the worker is never missed.
// On every start of the worker (install, browser start, update, re-enable, any wake; Firefox clears
// alarms at shutdown) the alarms are brought in line with storage first.
// A browser event has no one to tell of a failed save: the schedule's alarm already follows the
// decision (platform/nudges.ts), so the failure is logged and the next event retries the save.
// Messages from pages are not wrapped in `kept`: the page hears of the failure and says so.
const kept = (work: Promise<unknown>) =>
  work.catch((error) => console.warn('Outlet: a change could not be saved; nudges carry on.', error));

export default defineBackground(() => {
  setUpIdleDetection();
  // Queued first: every handler below changes state through the same queue (`serially` in
  // platform/nudges.ts), so none of them acts before the alarms match storage again.
  void kept(dispatch({ type: 'wake' }));
  void kept(repairTimer());
  // Outlet 0.1's check-ins move from storage.local into the history database, once.
  void migrateLegacyCheckIns().catch((error) =>
    console.warn('Outlet: the history could not be moved yet.', error),
  );

  // The welcome page opens on first install only, never on an update; nothing is planned until the
  // person starts Outlet (platform/nudges.ts holdUntilStarted). An update plans as it always did.
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason === 'install') {
      await kept(holdUntilStarted());
      await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    } else if (reason === 'update') {
      await kept(startNudges());
    }
  });
  // Someone who closed the welcome tab without starting: nudges begin with the next browser session.
  browser.runtime.onStartup.addListener(async () => {
    await kept(startNudges());
  });

  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === NUDGE_ALARM) {
      await kept(dispatch({ type: 'alarm', presence: await sensePresence() }));
    } else if (alarm.name === TIMER_ALARM) {
      await kept(onTimerAlarm());
    } else if (alarm.name === TIMER_TICK_ALARM) {
      await kept(onTimerTick());
    } else if (alarm.name === DAY_END_ALARM) {
      await kept(dispatch({ type: 'day-ended' }));
    } else if (alarm.name === TOOLBAR_ALARM) {
      await kept(dispatch({ type: 'check' }));
    }
  });

  browser.idle?.onStateChanged.addListener(async (state) => {
    const now = Date.now();
    // "idle" is reported after a minute without input: the person left a minute ago.
    const since = state === 'idle' ? now - IDLE_DETECTION_SECONDS * 1000 : now;
    await kept(dispatch({ type: 'presence', idle: state as IdleState, since }, now));
    // Going idle is a natural pause: a waiting nudge may be offered (core/offer.ts). Locking is leaving.
    if (state === 'idle') await kept(naturalPause());
  });

  // Natural pauses for a waiting nudge (issue 18): a tab switch, or a switch of window (to another
  // browser window, or away from the browser). Neither needs a permission: no tab's URL is read.
  browser.tabs.onActivated.addListener(async () => {
    await kept(naturalPause());
  });
  browser.windows?.onFocusChanged.addListener(async () => {
    await kept(naturalPause());
  });

  browser.notifications.onClicked.addListener(async (id) => {
    await clearNotification(id);
    await openCheckIn();
  });

  // Chrome only: Firefox has no notification buttons.
  browser.notifications.onButtonClicked?.addListener(async (id, buttonIndex) => {
    if (id !== NUDGE_NOTIFICATION) return;
    if (NUDGE_BUTTONS[buttonIndex] === 'snooze') {
      await kept(snooze());
    } else {
      await clearNotification(id);
      await openCheckIn();
    }
  });

  // Firefox says every close was by the user (`byUser` is always true, bugzil.la/1413188), also of a
  // nudge that was clicked, that the system let go, or that it could not show at all (headless): a
  // close there tells nothing, so it is not counted as dismissed (no badge, no "calmer pace" offer).
  // An unanswered nudge then counts as ignored at the next one, as in Chrome when it times out.
  browser.notifications.onClosed.addListener(async (id, byUser) => {
    if (id !== NUDGE_NOTIFICATION || !byUser || isFirefox) return;
    await kept(dispatch({ type: 'nudge-dismissed' }));
  });

  watchPreferenceChanges(async (previous) => {
    await kept(dispatch({ type: 'settings-changed', previous }));
  });

  onMessages(MESSAGES);
});
