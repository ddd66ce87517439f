import type { FeelingId } from '../../core/feelings';
import type { Outlet, PickReason } from '../../core/outlets';
import type { TrustedPerson } from '../../core/schema';
import { i18n } from '../../platform/i18n';
import { feelingLabel, outletBody, outletTitle, reasonText } from '../shared/copy';
import { JournalLine } from './JournalLine';
import { StrengthPicker } from './StrengthPicker';
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
  onAddPerson: () => void;
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
  return (
    <section class="step outlet" aria-labelledby="outlet-title">
      <p class="for-feeling">{i18n.t('checkin.forFeeling', [feelingLabel(feeling)])}</p>
      {/* A new idea (or one fitted to a strength) is announced; focus stays on what was pressed. */}
      <div class="suggestion" aria-live="polite">
        <h1 id="outlet-title" tabIndex={-1}>
          {outletTitle(outlet.id)}
        </h1>
        <p class="body">{outletBody(outlet.id)}</p>
        {reason && <p class="reason">{reasonText(reason)}</p>}
      </div>
      {/* Right after the suggestion it may change, so Tab from the heading (where focus lands)
          reaches it (issue 16); never asked for numb or "I can't tell". */}
      {askStrength && <StrengthPicker value={intensity} onChange={actions.onIntensity} />}
      {action.kind === 'journal' && (
        <JournalLine
          key={outlet.id}
          prompt={journalPrompt}
          initial={journalDraft}
          field={action.field}
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
