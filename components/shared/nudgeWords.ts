// The next nudge in words, said the same way wherever Outlet says it: the popup's status line and
// the welcome page's "you're all set" (core/status.ts decides, this words it).

import { dayWord, type NudgeStatus } from '../../core/status';
import { startOfNextLocalDay } from '../../core/time';
import { formatTime, formatWeekday } from './copy';
import { i18n } from './words';

function when(at: number, now: number): string {
  const day = dayWord(at, now);
  if (day === 'today') return i18n.t('status.atToday', [formatTime(at)]);
  if (day === 'tomorrow') return i18n.t('status.atTomorrow', [formatTime(at)]);
  return i18n.t('status.atDay', [formatWeekday(at), formatTime(at)]);
}

/** "at 13:00", "tomorrow at 10:00", "on Monday at 10:00": when a nudge comes (the put-off choices). */
export const nudgeWhen = (at: number, now: number): string => when(at, now);

/** The status in words; a time no date can hold leaves the line blank rather than break the popup. */
export function describeNudgeStatus(status: NudgeStatus, now: number): string {
  try {
    return words(status, now);
  } catch (error) {
    console.warn('Outlet: the nudge status could not be worded.', status, error);
    return '\u00a0';
  }
}

function words(status: NudgeStatus, now: number): string {
  switch (status.kind) {
    case 'off':
      return i18n.t('status.off');
    case 'no-room':
      return i18n.t('status.noRoom');
    case 'paused':
      if (status.meeting) return i18n.t('status.meetingUntil', [formatTime(status.until)]);
      // "Until tomorrow" only for the pause that ends at midnight; an hour's pause that runs past
      // midnight says when it ends.
      if (status.until === startOfNextLocalDay(now)) return i18n.t('status.pausedUntilTomorrow');
      // A pause until a date (issue 18) says which day, beyond tomorrow.
      if (status.until >= startOfNextLocalDay(startOfNextLocalDay(now)))
        return i18n.t('putoff.pausedUntilDay', [
          i18n.date(status.until, { weekday: 'short', day: 'numeric', month: 'short' }),
          formatTime(status.until),
        ]);
      if (status.until > startOfNextLocalDay(now))
        return i18n.t('status.pausedUntilTomorrowAt', [formatTime(status.until)]);
      return i18n.t('status.pausedUntil', [formatTime(status.until)]);
    case 'outside-hours':
      return i18n.t('status.outside', [when(status.next, now)]);
    case 'next':
      return i18n.t('status.next', [when(status.at, now)]);
    case 'unknown':
      return '\u00a0';
  }
}
