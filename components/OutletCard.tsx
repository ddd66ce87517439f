import { i18n } from '#i18n';
import type { FeelingId } from '../core/feelings';
import type { Outlet } from '../core/outlets';
import type { TrustedPerson } from '../core/schema';
import { feelingLabel, outletBody, outletTitle } from './copy';
import { JournalLine } from './JournalLine';
import { TalkToSomeone } from './TalkToSomeone';

interface Props {
  feeling: FeelingId;
  outlet: Outlet;
  person: TrustedPerson | null;
  onAnother: () => void;
  onDone: () => void;
  onNotNow: () => void;
  onBack: () => void;
  onSaveJournal: (line: string) => Promise<void>;
  onStartWalk: (minutes: number) => void;
  onAddPerson: () => void;
}

/** Step 2: exactly one outlet for the feeling, and what to do with it. */
export function OutletCard(props: Props) {
  const { outlet } = props;
  return (
    <section class="step outlet" aria-labelledby="outlet-title">
      <p class="for-feeling">{i18n.t('checkin.forFeeling', [feelingLabel(props.feeling)])}</p>
      <h1 id="outlet-title" tabIndex={-1}>
        {outletTitle(outlet.id)}
      </h1>
      <p class="body">{outletBody(outlet.id)}</p>
      {outlet.action.kind === 'journal' && <JournalLine key={outlet.id} onSave={props.onSaveJournal} />}
      {outlet.action.kind === 'walk' && (
        <button
          type="button"
          class="primary"
          onClick={() => outlet.action.kind === 'walk' && props.onStartWalk(outlet.action.minutes)}
        >
          {i18n.t('checkin.walkStart', [String(outlet.action.minutes)])}
        </button>
      )}
      {outlet.action.kind === 'talk' && (
        <TalkToSomeone person={props.person} onAddPerson={props.onAddPerson} />
      )}
      <div class="row actions">
        <button type="button" onClick={props.onAnother}>
          {i18n.t('checkin.another')}
        </button>
        <button type="button" onClick={props.onNotNow}>
          {i18n.t('checkin.notNow')}
        </button>
        <button type="button" class={outlet.action.kind === 'prompt' ? 'primary' : ''} onClick={props.onDone}>
          {i18n.t('checkin.done')}
        </button>
      </div>
      <button type="button" class="link back" onClick={props.onBack}>
        {i18n.t('checkin.back')}
      </button>
    </section>
  );
}
