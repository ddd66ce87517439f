import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { meetingEnd } from '../../core/meeting';
import { pauseUntil, toLocalDateTime } from '../../core/putoff';
import { PAUSE_AHEAD_MAX } from '../../core/schema';
import { HOUR, MINUTE } from '../../core/time';
import { parseClock } from '../../core/time/hours';
import { i18n } from '../shared/words';

interface Props {
  now: number;
  /** The start of tomorrow, local time: "until tomorrow" ends there. */
  tomorrow: number;
  onPause: (until: number, kind: 'pause' | 'meeting') => void;
  /** Escape closes the menu (and only the menu: the check-in stays on its step). */
  onClose?: () => void;
}

/** Pause for 30 minutes, an hour, until tomorrow, or "in a meeting until HH:MM" (later today). */
export function PauseChoices({ now, tomorrow, onPause, onClose }: Props) {
  const [meetingText, setMeetingText] = useState('');
  const [meetingError, setMeetingError] = useState<string | null>(null);
  const [untilText, setUntilText] = useState('');
  const [untilError, setUntilError] = useState<string | null>(null);
  const menu = useRef<HTMLFieldSetElement>(null);
  // Opened from its button: focus goes to the first choice, as a menu button's menu does.
  useLayoutEffect(() => menu.current?.querySelector<HTMLElement>('button')?.focus(), []);

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

  // "Pause until a date and time" (issue 18): checked by the same schema as the background's message.
  const startUntil = (event: Event) => {
    event.preventDefault();
    const result = pauseUntil(untilText, now);
    if (!result.ok) {
      setUntilError(
        i18n.t(
          result.reason === 'past'
            ? 'putoff.pausePast'
            : result.reason === 'too-far'
              ? 'putoff.pauseTooFar'
              : 'putoff.pauseInvalid',
        ),
      );
      return;
    }
    setUntilError(null);
    onPause(result.until, 'pause');
  };

  return (
    <fieldset
      ref={menu}
      id="pause-menu"
      class="pause-menu"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !onClose) return;
        event.stopPropagation();
        onClose();
      }}
    >
      <legend class="visually-hidden">{i18n.t('status.pauseMenuLabel')}</legend>
      <div class="row">
        <button type="button" class="small" onClick={() => onPause(now + 30 * MINUTE, 'pause')}>
          {i18n.t('status.pause30')}
        </button>
        <button type="button" class="small" onClick={() => onPause(now + HOUR, 'pause')}>
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
      <form class="row meeting" onSubmit={startUntil} noValidate>
        <label for="pause-until">{i18n.t('putoff.pauseUntilLabel')}</label>
        <input
          id="pause-until"
          type="datetime-local"
          value={untilText}
          min={toLocalDateTime(now)}
          max={toLocalDateTime(now + PAUSE_AHEAD_MAX)}
          aria-invalid={untilError !== null}
          aria-describedby={untilError ? 'pause-until-error' : undefined}
          onInput={(event) => {
            setUntilText(event.currentTarget.value);
            setUntilError(null);
          }}
        />
        <button type="submit" class="small">
          {i18n.t('putoff.pauseUntilStart')}
        </button>
        {untilError && (
          <p id="pause-until-error" class="error" role="alert">
            {untilError}
          </p>
        )}
      </form>
    </fieldset>
  );
}
