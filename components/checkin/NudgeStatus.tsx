import { useRef, useState } from 'preact/hooks';
import { canBringBack, type PutOffChoice } from '../../core/putoff';
import { type NudgeChange, shouldOfferCalmerPace, showsChange } from '../../core/schedule';
import type { Schedule, Settings } from '../../core/schema';
import { calmerInterval, nudgeStatus } from '../../core/status';
import { MINUTE, startOfNextLocalDay } from '../../core/time';
import { describeNudgeStatus } from '../shared/nudgeWords';
import { i18n } from '../shared/words';
import { PauseChoices } from './PauseChoices';
import { PutOffChoices } from './PutOffChoices';

export interface NudgeStatusActions {
  /**
   * Each change may return a promise: if it rejects (the change wasn't saved), the popup says so, for
   * as long as the stored schedule doesn't show the change made after all.
   */
  pause: (until: number, kind: 'pause' | 'meeting') => void | Promise<void>;
  resume: () => void | Promise<void>;
  /** Opens the settings, at one of its sections if given ("Add a trusted person": People). */
  openSettings: (section?: 'people') => void;
  acceptCalmerPace: (minutes: number) => void | Promise<void>;
  dismissCalmerPace: () => void | Promise<void>;
  /** "In 10 minutes" / "later today" for the nudge waiting, or (bringBack) the one closed within the hour. */
  putOff?: (choice: PutOffChoice, bringBack: boolean) => void | Promise<void>;
}

const FAILED_WORDS = {
  pause: 'status.pauseFailed',
  resume: 'status.resumeFailed',
  'calmer-offer-dismissed': 'status.calmerFailed',
  snooze: 'putoff.failed',
  'bring-back': 'putoff.failed',
} as const;

type Change = NudgeChange | { type: 'snooze' } | { type: 'bring-back' };

/** Whether the stored schedule shows `change` made; a put-off shows as the nudge answered. */
function shows(schedule: Schedule, change: Change, now: number): boolean {
  if (change.type === 'snooze' || change.type === 'bring-back')
    return schedule.lastNudgeAnswered && schedule.dismissedAt === null;
  return showsChange(schedule, change, now);
}

interface Props {
  settings: Settings;
  schedule: Schedule | null;
  now: number;
  actions: NudgeStatusActions;
}

/** Says in words when the next nudge comes, with pause, "in a meeting", and resume. */
export function NudgeStatus({ settings, schedule, now, actions }: Props) {
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const closeMenu = () => {
    setMenuOpen(false);
    menuButton.current?.focus();
  };
  // Which change last failed to reach the background (storage full, the worker gone): said in words
  // while the stored schedule doesn't show it. A failure heard is not always a change lost: Firefox
  // can stop its event page after the change was stored, before it answered, or store it a moment
  // after the page heard of the failure (platform/changes.ts); then the schedule shows the change
  // and the popup says only that.
  const [failed, setFailed] = useState<Change | null>(null);
  const failedNow = failed && !(schedule && shows(schedule, failed, now)) ? failed : null;
  const status = schedule ? nudgeStatus(settings, schedule, now) : null;
  const paused = status?.kind === 'paused';
  const calmer =
    schedule && shouldOfferCalmerPace(schedule) ? calmerInterval(settings.intervalMinutes) : null;
  // Issue 18: a nudge closed within the hour can be brought back; a nudge shown and not yet
  // answered (within one interval) can be put off. Either offer takes the "slipped by" line's place.
  const closedAt = schedule && canBringBack(schedule.dismissedAt, now) ? schedule.dismissedAt : null;
  const waiting =
    schedule?.lastNudgeAt != null &&
    !schedule.lastNudgeAnswered &&
    now - schedule.lastNudgeAt < settings.intervalMinutes * MINUTE;
  const putOffOffered = actions.putOff !== undefined && !paused && (closedAt !== null || waiting);
  const missed = putOffOffered ? 0 : (schedule?.missed?.count ?? 0);

  const attempt = (what: Change, change: () => void | Promise<void>) => {
    setFailed(null);
    const fail = (error: unknown) => {
      console.warn(`Outlet: the change "${what.type}" could not be saved.`, error);
      setFailed(what);
    };
    try {
      Promise.resolve(change()).catch(fail);
    } catch (error) {
      fail(error);
    }
  };
  const pause = (until: number, kind: 'pause' | 'meeting') => {
    attempt({ type: 'pause', until, kind }, () => actions.pause(until, kind));
    closeMenu();
  };

  return (
    <footer class="status">
      {missed > 0 && <p class="notice">{i18n.t('status.missed')}</p>}
      {putOffOffered && actions.putOff && (
        <PutOffChoices
          settings={settings}
          now={now}
          closedAt={closedAt}
          onPutOff={(choice) => {
            const bringBack = closedAt !== null;
            attempt({ type: bringBack ? 'bring-back' : 'snooze' }, () => actions.putOff?.(choice, bringBack));
            // The choices go once the change is stored: focus waits on the status's own button.
            menuButton.current?.focus();
          }}
        />
      )}
      {calmer !== null && (
        <section class="notice" aria-label={i18n.t('status.calmerLabel')}>
          <p>{i18n.plural('status.calmerOffer', calmer)}</p>
          <div class="row">
            <button
              type="button"
              class="small"
              onClick={() =>
                attempt({ type: 'calmer-offer-dismissed' }, () => actions.acceptCalmerPace(calmer))
              }
            >
              {i18n.plural('status.calmerAccept', calmer)}
            </button>
            <button
              type="button"
              class="small"
              onClick={() => attempt({ type: 'calmer-offer-dismissed' }, actions.dismissCalmerPace)}
            >
              {i18n.t('status.calmerKeep')}
            </button>
          </div>
        </section>
      )}
      {/* The status and its buttons share a line when they fit, so the footer stays short. */}
      <div class="status-main">
        <p class="status-line" aria-live="polite">
          {status ? describeNudgeStatus(status, now) : '\u00a0'}
        </p>
        <div class="row">
          {/* One button for "Pause…" and "Resume nudges": once the change is stored it says the
              other, and focus stays on it rather than falling to the page's body (issue 16). */}
          {settings.nudgesEnabled && (
            <button
              ref={menuButton}
              type="button"
              class="small"
              aria-expanded={paused ? undefined : menuOpen}
              // Only while the menu exists: an ARIA reference must always resolve (issue 16).
              aria-controls={!paused && menuOpen ? 'pause-menu' : undefined}
              onClick={() => (paused ? attempt({ type: 'resume' }, actions.resume) : setMenuOpen(!menuOpen))}
            >
              {paused ? i18n.t('status.resume') : i18n.t('status.pauseMenu')}
            </button>
          )}
          <button type="button" class="small link" onClick={() => actions.openSettings()}>
            {i18n.t('status.settings')}
          </button>
        </div>
      </div>
      {failedNow && (
        <p class="error" role="alert">
          {i18n.t(FAILED_WORDS[failedNow.type])}
        </p>
      )}
      {/* A popover over the step, so opening it never pushes the footer out of the popup. */}
      {menuOpen && !paused && (
        <PauseChoices now={now} tomorrow={startOfNextLocalDay(now)} onPause={pause} onClose={closeMenu} />
      )}
    </footer>
  );
}
