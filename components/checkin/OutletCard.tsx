import { useMemo } from 'preact/hooks';
import type { FeelingId } from '../../core/feelings';
import type { Outlet, PickReason } from '../../core/outlets';
import type { TrustedPerson } from '../../core/schema';
import { reasonText } from '../shared/copy';
import { i18n } from '../shared/words';
import { JournalLine } from './JournalLine';
import { appWords, fromMarkup, strengthProps } from './markup';
import { OUTLET_STEP_ATTRS, outletTopMarkup } from './outlet-markup';
import { TalkToSomeone } from './TalkToSomeone';

export interface OutletCardActions {
  onAnother: () => void;
  onDone: () => void;
  onNotNow: () => void;
  onBack: () => void;
  onIntensity: (intensity: number) => void;
  onSaveJournal: (line: string) => Promise<void>;
  /** Every keystroke in the journal line, so it is kept whatever ends the step. */
  onJournalInput: (text: string) => void;
  onStartTimer: (minutes: number) => void;
  onStartBreath: (seconds: number) => void;
  onReachedOut: () => void;
  /** Opens the settings at People (the section given). */
  onAddPerson: (section: 'people') => void;
}

interface Props {
  feeling: FeelingId;
  outlet: Outlet;
  reason: PickReason | null;
  intensity: number | undefined;
  /** Whether to ask how strong it is (not for numb or "I can't tell"). */
  askStrength: boolean;
  person: TrustedPerson | null;
  journalPrompt: string;
  /** The line typed so far in this check-in (kept across "Another idea"). */
  journalDraft?: string;
  actions: OutletCardActions;
}

/** Exactly one outlet for the feeling, and what to do with it. */
export function OutletCard({
  feeling,
  outlet,
  reason,
  intensity,
  askStrength,
  person,
  journalPrompt,
  journalDraft = '',
  actions,
}: Props) {
  const { action } = outlet;
  const strength = strengthProps(intensity, actions.onIntensity);
  // Decided per outlet, not per keystroke: emptying the field must not take it (and focus) away.
  const lineKept = useMemo(() => journalDraft.trim() !== '', [outlet.id]);
  return (
    <section {...OUTLET_STEP_ATTRS}>
      {/* The feeling, how strong it is, and the suggestion: the head script draws the same at first paint.
          A new idea (or one fitted to a strength) is announced; focus stays on what was pressed. */}
      {outletTopMarkup(appWords, feeling, outlet.id, {
        askStrength,
        reason: reason ? reasonText(reason) : undefined,
        own: outlet.own,
      }).map((node) => fromMarkup(node, strength))}
      {/* A line typed before "Back to feelings" or "Another idea" stays in view, whatever the outlet. */}
      {(action.kind === 'journal' || lineKept) && (
        <JournalLine
          key={outlet.id}
          prompt={action.kind === 'journal' ? journalPrompt : i18n.t('checkin.lineKept')}
          initial={journalDraft}
          field={action.kind === 'journal' ? action.field : 'line'}
          onSave={actions.onSaveJournal}
          onInput={actions.onJournalInput}
        />
      )}
      {action.kind === 'timer' && (
        <button type="button" class="primary" onClick={() => actions.onStartTimer(action.minutes)}>
          {action.label === 'walk'
            ? i18n.plural('checkin.walkStart', action.minutes)
            : i18n.plural('checkin.moveStart', action.minutes)}
        </button>
      )}
      {action.kind === 'breath' && (
        <button type="button" class="primary" onClick={() => actions.onStartBreath(action.seconds)}>
          {i18n.t('checkin.breathStart')}
        </button>
      )}
      {action.kind === 'talk' && (
        <TalkToSomeone
          outletId={outlet.id}
          person={person}
          onAddPerson={actions.onAddPerson}
          onReachedOut={actions.onReachedOut}
        />
      )}
      <div class="row actions">
        <button type="button" onClick={actions.onAnother}>
          {i18n.t('checkin.another')}
        </button>
        <button type="button" onClick={actions.onNotNow}>
          {i18n.t('checkin.notNow')}
        </button>
        <button type="button" class={action.kind === 'prompt' ? 'primary' : ''} onClick={actions.onDone}>
          {i18n.t('checkin.done')}
        </button>
      </div>
      <button type="button" class="link back" onClick={actions.onBack}>
        {i18n.t('checkin.back')}
      </button>
    </section>
  );
}
