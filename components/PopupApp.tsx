import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../platform/messaging';
import { saveCheckIn, scheduleSource, settingsSource } from '../platform/storage';
import { CheckIn, type CheckInActions } from './CheckIn';
import { useStoredValue } from './useStoredValue';

const actions: CheckInActions = {
  saveCheckIn,
  pause: (until) => void sendMessage('pause', until),
  resume: () => void sendMessage('resume', null),
  startWalk: (minutes) => void sendMessage('startWalk', minutes),
  openSettings: () => void browser.runtime.openOptionsPage(),
  random: Math.random,
  newId: () => crypto.randomUUID(),
  clock: Date.now,
};

/** The check-in wired to the browser: used by the toolbar popup and the check-in window. */
export function PopupApp() {
  const settings = useStoredValue(settingsSource);
  const schedule = useStoredValue(scheduleSource);
  const [now, setNow] = useState(Date.now);
  // Keeps "Paused until …" honest if the popup stays open across the end of a pause.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return <CheckIn data={{ settings, schedule, now }} actions={actions} />;
}
