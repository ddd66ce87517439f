import { useState } from 'preact/hooks';
import { parseClock } from '../core/hours';
import { meetingEnd } from '../core/meeting';
import { i18n } from '../platform/i18n';

interface Props {
  now: number;
  /** The start of tomorrow, local time: "until tomorrow" ends there. */
  tomorrow: number;
  onPause: (until: number, kind: 'pause' | 'meeting') => void;
}

/** Pause for 30 minutes, an hour, until tomorrow, or "in a meeting until HH:MM" (later today). */
export function PauseChoices({ now, tomorrow, onPause }: Props) {
  const [meetingText, setMeetingText] = useState('');
  const [meetingError, setMeetingError] = useState<string | null>(null);

  const startMeeting = (event: Event) => {
    event.preventDefault();
    const result = meetingEnd(parseClock(meetingText), now);
    if (!result.ok) {
      setMeetingError(
        i18n.t(
          result.reason === 'past'
            ? 'status.meetingPast'
            : result.reason === 'too-far'
              ? 'status.meetingTooFar'
              : 'status.meetingInvalid',
        ),
      );
      return;
    }
    setMeetingError(null);
    onPause(result.until, 'meeting');
  };

  return (
    <div id="pause-menu" class="pause-menu">
      <div class="row">
        <button type="button" class="small" onClick={() => onPause(now + 30 * 60_000, 'pause')}>
          {i18n.t('status.pause30')}
        </button>
        <button type="button" class="small" onClick={() => onPause(now + 60 * 60_000, 'pause')}>
          {i18n.t('status.pauseHour')}
        </button>
        <button type="button" class="small" onClick={() => onPause(tomorrow, 'pause')}>
          {i18n.t('status.pauseTomorrow')}
        </button>
      </div>
      <form class="row meeting" onSubmit={startMeeting} noValidate>
        <label for="meeting-end">{i18n.t('status.meetingLabel')}</label>
        <input
          id="meeting-end"
          type="time"
          value={meetingText}
          aria-invalid={meetingError !== null}
          aria-describedby={meetingError ? 'meeting-error' : undefined}
          onInput={(event) => {
            setMeetingText(event.currentTarget.value);
            setMeetingError(null);
          }}
        />
        <button type="submit" class="small">
          {i18n.t('status.meetingStart')}
        </button>
        {meetingError && (
          <p id="meeting-error" class="error" role="alert">
            {meetingError}
          </p>
        )}
      </form>
    </div>
  );
}
