import { useContext, useRef, useState } from 'preact/hooks';
import type { TrustedPerson } from '../../core/schema';
import { i18n } from '../shared/words';
import { CheckInPageContext } from './page';
import { ReadyMessage } from './ReadyMessage';

interface Props {
  /** The talking outlet: its ready message fits what it suggests. */
  outletId: string;
  person: TrustedPerson | null;
  /** Opens the settings at People (the section given), where a person is added. */
  onAddPerson: (section: 'people') => void;
  onReachedOut: () => void;
  /** A phone or tablet, where tel: and sms: links work (platform/device.ts). */
  phoneLike?: boolean;
}

const digits = (phone: string) => phone.replace(/[^\d+]/g, '');

/**
 * A trusted person, a ready message to copy, and the ways to reach them that this device can use.
 * "Copy a ready message" copies it with that one click and shows it (with other words to choose
 * from) as a popover over the suggestion, so the step keeps its height (it fits 360 × 600) and
 * "I reached out" stays in view while it is open.
 * On a phone, call and message links come first. On a computer they usually open nothing (or ask
 * which app should), so they wait behind "Call or text from this computer", for the people whose
 * computer does place calls (a linked phone, FaceTime); email works everywhere.
 */
export function TalkToSomeone({
  outletId,
  person,
  onAddPerson,
  onReachedOut,
  phoneLike: givenPhoneLike,
}: Props) {
  const page = useContext(CheckInPageContext);
  const phoneLike = givenPhoneLike ?? page.phoneLike;
  const [phoneLinks, setPhoneLinks] = useState(phoneLike);
  const [messageOpen, setMessageOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  if (!person) {
    return (
      <div class="talk">
        <p>{i18n.t('checkin.talkNobody')}</p>
        <button type="button" class="link" onClick={() => onAddPerson('people')}>
          {i18n.t('checkin.talkAdd')}
        </button>
      </div>
    );
  }
  return (
    <div class="talk">
      <p class="person">{i18n.t('checkin.talkTo', [person.name])}</p>
      <div class="row ways">
        <button
          ref={toggle}
          type="button"
          aria-expanded={messageOpen}
          aria-controls="ready-message"
          onClick={() => setMessageOpen(!messageOpen)}
        >
          {i18n.t('checkin.readyOpen')}
        </button>
        {messageOpen && (
          <ReadyMessage
            outletId={outletId}
            person={person}
            copyAtOnce
            onClose={() => {
              setMessageOpen(false);
              toggle.current?.focus();
            }}
          />
        )}
        {person.phone && phoneLinks && (
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
        {person.phone && !phoneLinks && (
          <button type="button" class="link small" aria-expanded="false" onClick={() => setPhoneLinks(true)}>
            {i18n.t('checkin.talkPhoneLinks')}
          </button>
        )}
      </div>
      <button type="button" class="primary reached" onClick={onReachedOut}>
        {i18n.t('checkin.reachedOut')}
      </button>
    </div>
  );
}
