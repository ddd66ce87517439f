import { useRef, useState } from 'preact/hooks';
import { type NudgeChange, shouldOfferCalmerPace, showsChange } from '../../core/schedule';
import type { Schedule, Settings } from '../../core/schema';
import { calmerInterval, nudgeStatus } from '../../core/status';
import { startOfNextLocalDay } from '../../core/time';
import { describeNudgeStatus } from '../shared/nudgeWords';
import { i18n } from '../shared/words';
import { PauseChoices } from './PauseChoices';

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
}

const FAILED_WORDS = {
  pause: 'status.pauseFailed',
  resume: 'status.resumeFailed',
  'calmer-offer-dismissed': 'status.calmerFailed',
} as const;

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
  const [failed, setFailed] = useState<NudgeChange | null>(null);
  const failedNow = failed && !(schedule && showsChange(schedule, failed, now)) ? failed : null;
  const status = schedule ? nudgeStatus(settings, schedule, now) : null;
  const paused = status?.kind === 'paused';
  const calmer =
    schedule && shouldOfferCalmerPace(schedule) ? calmerInterval(settings.intervalMinutes) : null;
  const missed = schedule?.missed?.count ?? 0;

  const attempt = (what: NudgeChange, change: () => void | Promise<void>) => {
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
