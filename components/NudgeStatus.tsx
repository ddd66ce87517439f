import { i18n } from '#i18n';
import { startOfNextLocalDay } from '../core/schedule';
import type { Schedule } from '../core/schema';
import { formatTime } from './copy';

interface Props {
  schedule: Schedule | null;
  nudgesEnabled: boolean;
  now: number;
  onPause: (until: number) => void;
  onResume: () => void;
  onOpenSettings: () => void;
}

/** Says in words when the next nudge comes, with pause and resume. */
export function NudgeStatus({ schedule, nudgesEnabled, now, onPause, onResume, onOpenSettings }: Props) {
  const paused = schedule?.pausedUntil != null && schedule.pausedUntil > now;
  return (
    <footer class="status">
      <p class="status-line" aria-live="polite">
        {describe(schedule, nudgesEnabled, now)}
      </p>
      <div class="row">
        {nudgesEnabled && !paused && (
          <>
            <button type="button" class="small" onClick={() => onPause(now + 60 * 60_000)}>
              {i18n.t('status.pauseHour')}
            </button>
            <button type="button" class="small" onClick={() => onPause(startOfNextLocalDay(now))}>
              {i18n.t('status.pauseToday')}
            </button>
          </>
        )}
        {nudgesEnabled && paused && (
          <button type="button" class="small" onClick={onResume}>
            {i18n.t('status.resume')}
          </button>
        )}
        <button type="button" class="small link" onClick={onOpenSettings}>
          {i18n.t('status.settings')}
        </button>
      </div>
    </footer>
  );
}

function describe(schedule: Schedule | null, nudgesEnabled: boolean, now: number): string {
  if (!nudgesEnabled) return i18n.t('status.off');
  if (!schedule) return '\u00a0';
  if (schedule.pausedUntil !== null && schedule.pausedUntil > now) {
    return schedule.pausedUntil >= startOfNextLocalDay(now)
      ? i18n.t('status.pausedUntilTomorrow')
      : i18n.t('status.pausedUntil', [formatTime(schedule.pausedUntil)]);
  }
  if (schedule.nextNudgeAt === null) return i18n.t('status.off');
  return schedule.nextNudgeAt >= startOfNextLocalDay(now)
    ? i18n.t('status.nextTomorrow', [formatTime(schedule.nextNudgeAt)])
    : i18n.t('status.next', [formatTime(schedule.nextNudgeAt)]);
}
