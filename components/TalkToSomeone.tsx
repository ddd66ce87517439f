import type { TrustedPerson } from '../core/schema';
import { i18n } from '../platform/i18n';

interface Props {
  person: TrustedPerson | null;
  onAddPerson: () => void;
  onReachedOut: () => void;
}

const digits = (phone: string) => phone.replace(/[^\d+]/g, '');

/** A trusted person with one-tap ways to reach them, or an invitation to add one. */
export function TalkToSomeone({ person, onAddPerson, onReachedOut }: Props) {
  if (!person) {
    return (
      <div class="talk">
        <p>{i18n.t('checkin.talkNobody')}</p>
        <button type="button" class="link" onClick={onAddPerson}>
          {i18n.t('checkin.talkAdd')}
        </button>
      </div>
    );
  }
  return (
    <div class="talk">
      <p class="person">{i18n.t('checkin.talkTo', [person.name])}</p>
      <div class="row">
        {person.phone && (
          <>
            <a class="button" href={`tel:${digits(person.phone)}`}>
              {i18n.t('checkin.talkCall')}
            </a>
            <a class="button" href={`sms:${digits(person.phone)}`}>
              {i18n.t('checkin.talkMessage')}
            </a>
          </>
        )}
        {person.email && (
          <a class="button" href={`mailto:${encodeURI(person.email)}`}>
            {i18n.t('checkin.talkEmail')}
          </a>
        )}
      </div>
      <button type="button" class="primary reached" onClick={onReachedOut}>
        {i18n.t('checkin.reachedOut')}
      </button>
    </div>
  );
}
