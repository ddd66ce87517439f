import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { parseSettings } from '../core/schema';
import { NUDGE_ALARM, WALK_ALARM } from '../platform/alarms';
import { onMessages } from '../platform/messaging';
import { clearNotification, NUDGE_BUTTONS, NUDGE_NOTIFICATION } from '../platform/notifications';
import {
  onNudgeAlarm,
  onSettingsChanged,
  onWalkAlarm,
  pause,
  reconcile,
  resume,
  snooze,
  startWalk,
} from '../platform/nudges';
import { openCheckIn } from '../platform/open-checkin';
import { settingsItem } from '../platform/storage';

// Every listener is registered synchronously, so an event that wakes the worker is never missed.
// `ready` repairs the nudge alarm on every start of the worker (install, browser start, any wake);
// each handler waits for it first.
export default defineBackground(() => {
  const ready = reconcile();

  browser.alarms.onAlarm.addListener(async (alarm) => {
    await ready;
    if (alarm.name === NUDGE_ALARM) await onNudgeAlarm();
    else if (alarm.name === WALK_ALARM) await onWalkAlarm();
  });

  browser.notifications.onClicked.addListener(async (id) => {
    await clearNotification(id);
    await openCheckIn();
  });

  // Chrome only: Firefox has no notification buttons.
  browser.notifications.onButtonClicked?.addListener(async (id, buttonIndex) => {
    if (id !== NUDGE_NOTIFICATION) return;
    await ready;
    if (NUDGE_BUTTONS[buttonIndex] === 'snooze') {
      await snooze();
    } else {
      await clearNotification(id);
      await openCheckIn();
    }
  });

  settingsItem.watch(async (next, previous) => {
    await ready;
    await onSettingsChanged(
      previous == null ? null : parseSettings(previous).value,
      parseSettings(next).value,
    );
  });

  onMessages({
    pause: async (until) => {
      await ready;
      await pause(until);
    },
    resume: async () => {
      await ready;
      await resume();
    },
    startWalk: async (minutes) => {
      await ready;
      await startWalk(minutes);
    },
  });
});
