import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { FeelingId } from '../core/feelings';
import { type Outlet, pickOutlet } from '../core/outlets';
import { type CheckIn as CheckInEntry, DEFAULT_SETTINGS, type Schedule, type Settings } from '../core/schema';
import { FeelingPicker } from './FeelingPicker';
import { NudgeStatus } from './NudgeStatus';
import { OutletCard } from './OutletCard';

export interface CheckInData {
  /** Null while still loading: the first step never waits for storage. */
  settings: Settings | null;
  schedule: Schedule | null;
  now: number;
}

export interface CheckInActions {
  saveCheckIn: (entry: CheckInEntry) => Promise<void>;
  pause: (until: number) => void;
  resume: () => void;
  startWalk: (minutes: number) => void;
  openSettings: () => void;
  random: () => number;
  newId: () => string;
  clock: () => number;
}

type Step =
  | { name: 'feelings' }
  | { name: 'outlet'; entry: CheckInEntry; outlet: Outlet; shown: string[]; personIndex: number }
  | { name: 'thanks'; outcome: CheckInEntry['outcome']; note: string | null };

/** The whole check-in: a feeling, then one outlet, then a kind word. */
export function CheckIn({ data, actions }: { data: CheckInData; actions: CheckInActions }) {
  const [step, setStep] = useState<Step>({ name: 'feelings' });
  const [saveError, setSaveError] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const settings = data.settings ?? DEFAULT_SETTINGS;

  // Keyboard and screen-reader users land on the new step's heading.
  useEffect(() => {
    if (step.name !== 'feelings') containerRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [step.name, step.name === 'outlet' ? step.outlet.id : '']);

  const store = async (entry: CheckInEntry) => {
    try {
      await actions.saveCheckIn(entry);
      setSaveError(false);
    } catch {
      setSaveError(true);
      throw new Error('save failed');
    }
  };

  const offer = (feeling: FeelingId, shown: string[], entry: CheckInEntry | null) => {
    const outlet = pickOutlet({
      feeling,
      enabledFamilies: settings.families,
      exclude: shown,
      random: actions.random,
    });
    const next: CheckInEntry = entry
      ? { ...entry, outletId: outlet.id }
      : { id: actions.newId(), at: actions.clock(), feeling, outletId: outlet.id, outcome: 'skipped' };
    const personCount = settings.trustedPeople.length;
    setStep({
      name: 'outlet',
      entry: next,
      outlet,
      shown: [...shown, outlet.id],
      personIndex: personCount > 0 ? Math.floor(actions.random() * personCount) : -1,
    });
    // Saved as soon as it exists, as "skipped": closing the popup mid-way still leaves the check-in.
    void store(next).catch(() => undefined);
  };

  const finish = async (
    entry: CheckInEntry,
    outcome: CheckInEntry['outcome'],
    note: string | null = null,
  ) => {
    await store({ ...entry, outcome });
    setStep({ name: 'thanks', outcome, note });
  };

  return (
    <div class="checkin" ref={containerRef}>
      {step.name === 'feelings' && <FeelingPicker onPick={(feeling) => offer(feeling, [], null)} />}
      {step.name === 'outlet' && (
        <OutletCard
          feeling={step.entry.feeling as FeelingId}
          outlet={step.outlet}
          person={settings.trustedPeople[step.personIndex] ?? null}
          onAnother={() => offer(step.entry.feeling as FeelingId, step.shown, step.entry)}
          onDone={() => void finish(step.entry, 'done').catch(() => undefined)}
          onNotNow={() => void finish(step.entry, 'skipped').catch(() => undefined)}
          onBack={() => setStep({ name: 'feelings' })}
          onSaveJournal={(journal) => finish({ ...step.entry, journal }, 'done')}
          onStartWalk={(minutes) => {
            actions.startWalk(minutes);
            void finish(step.entry, 'done', i18n.t('walk.started', [String(minutes)])).catch(() => undefined);
          }}
          onAddPerson={actions.openSettings}
        />
      )}
      {step.name === 'thanks' && (
        <section class="step thanks" aria-labelledby="thanks-title">
          <h1 id="thanks-title" tabIndex={-1}>
            {step.outcome === 'done' ? i18n.t('checkin.thanksDone') : i18n.t('checkin.thanksSkipped')}
          </h1>
          {step.note && <p>{step.note}</p>}
          <button type="button" class="link" onClick={() => setStep({ name: 'feelings' })}>
            {i18n.t('checkin.again')}
          </button>
        </section>
      )}
      {saveError && (
        <p class="error" role="alert">
          {i18n.t('checkin.saveFailed')}
        </p>
      )}
      <NudgeStatus
        schedule={data.schedule}
        nudgesEnabled={settings.nudgesEnabled}
        now={data.now}
        onPause={actions.pause}
        onResume={actions.resume}
        onOpenSettings={actions.openSettings}
      />
    </div>
  );
}
