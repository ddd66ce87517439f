import { useEffect, useRef, useState } from 'preact/hooks';
import type { Schedule } from '../../core/schema';
import { hasActiveHours } from '../../core/time/hours';
import { FrequencySetting } from '../settings/FrequencySetting';
import { HoursSetting } from '../settings/HoursSetting';
import { SaveNote } from '../settings/SaveNote';
import { TrustedPeopleSetting } from '../settings/TrustedPeopleSetting';
import { type SettingsActions, useSettings } from '../settings/useSettings';
import type { StoredSource } from '../shared/useStoredValue';
import { useStoredValue } from '../shared/useStoredValue';
import { i18n } from '../shared/words';
import { FirstNudge } from './FirstNudge';

interface Props {
  /** Tells the background to start Outlet: the first nudge is planned then, not before. */
  start: () => Promise<void>;
  schedule: StoredSource<Schedule>;
  clock: () => number;
  /** How the settings are read and kept (the entrypoint gives the browser's). */
  actions: SettingsActions;
}

const STEPS = 3;
type Step = 1 | 2 | 3 | 'done';

/**
 * The first run in three short steps: what Outlet does (and that it all stays here), how often and
 * when, and optionally one person to reach out to. "Start Outlet" is on every step, so a person who
 * is happy with the usual choices starts from the first screen; nothing is planned before it.
 */
export function WelcomePage({ start, schedule: scheduleSource, clock, actions }: Props) {
  const form = useSettings(actions);
  const { settings, note, saveIn, refusedIn, people } = form;
  const schedule = useStoredValue(scheduleSource);
  const [step, setStep] = useState<Step>(1);
  const [failed, setFailed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    document.title = i18n.t('welcome.title');
  }, []);
  // Focus goes to each new step's heading (not on the first, which the page opens with).
  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [step]);

  if (!settings) return <main class="options welcome" aria-busy="true" />;

  const begin = async () => {
    try {
      await start();
      setFailed(false);
      setStep('done');
    } catch {
      setFailed(true);
    }
  };

  if (step === 'done') {
    // Started with no active hours (the only range removed): ready, but no nudge will ever come, and
    // "You're all set" would hide that.
    const noHours = settings.nudgesEnabled && !hasActiveHours(settings.hours);
    return (
      <main class="options welcome">
        <h1 ref={heading} tabIndex={-1}>
          {i18n.t(noHours ? 'welcome.finishedNoHoursTitle' : 'welcome.finishedTitle')}
        </h1>
        <section class="step" role="status">
          {noHours ? (
            <p>{i18n.t('welcome.noHours')}</p>
          ) : (
            <FirstNudge settings={settings} schedule={schedule} now={clock()} />
          )}
        </section>
      </main>
    );
  }

  const title = {
    1: i18n.t('welcome.title'),
    2: i18n.t('welcome.rhythmTitle'),
    3: i18n.t('welcome.personTitle'),
  }[step];

  return (
    <main class="options welcome">
      <p class="help step-count">{i18n.t('welcome.stepOf', [String(step), String(STEPS)])}</p>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <section class="step" aria-label={title}>
        {step === 1 && (
          <>
            <p>{i18n.t('welcome.intro')}</p>
            <p>{i18n.t('welcome.privacy')}</p>
            <p class="help">{i18n.t('welcome.notMedical')}</p>
            <p class="help">{i18n.t('welcome.startHint')}</p>
          </>
        )}
        {step === 2 && (
          <>
            <FrequencySetting
              minutes={settings.intervalMinutes}
              onChange={(intervalMinutes) => saveIn('nudges')({ intervalMinutes })}
              onRefused={refusedIn('nudges')}
            />
            <SaveNote section="nudges" note={note} />
            <h2 class="field-title">{i18n.t('options.hoursHeading')}</h2>
            <p class="help">{i18n.t('welcome.rhythmIntro')}</p>
            <HoursSetting
              quickOnly
              hours={settings.hours}
              onChange={(hours) => saveIn('hours')({ hours })}
              onRefused={refusedIn('hours')}
            />
            <SaveNote section="hours" note={note} />
          </>
        )}
        {step === 3 && (
          <>
            <p>{i18n.t('welcome.personIntro')}</p>
            <TrustedPeopleSetting
              people={settings.trustedPeople}
              onAdd={people.add}
              onRemove={people.remove}
              newId={form.actions.newId}
            />
            <SaveNote section="people" note={note} />
          </>
        )}
      </section>
      {failed && (
        <p class="error" role="alert">
          {i18n.t('options.saveFailed')}
        </p>
      )}
      <div class="row steps-nav">
        <button type="button" class="primary big" onClick={() => void begin()}>
          {i18n.t('welcome.start')}
        </button>
        {step !== 3 && (
          <button type="button" onClick={() => setStep(step === 1 ? 2 : 3)}>
            {i18n.t('welcome.next')}
          </button>
        )}
        {step !== 1 && (
          <button type="button" onClick={() => setStep(step === 3 ? 2 : 1)}>
            {i18n.t('welcome.back')}
          </button>
        )}
      </div>
    </main>
  );
}
