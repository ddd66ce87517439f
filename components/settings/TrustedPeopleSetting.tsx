import { useState } from 'preact/hooks';
import { type PersonInputResult, parsePersonInput } from '../../core/inputs';
import { PeopleFull, TRUSTED_PEOPLE_MAX, type TrustedPerson } from '../../core/schema';
import { i18n } from '../shared/words';
import { useListForm } from './useListForm';

interface Props {
  people: readonly TrustedPerson[];
  /** Stores one more person; rejects when storage refused. */
  onAdd: (person: TrustedPerson) => Promise<void>;
  onRemove: (id: string) => Promise<void>;
  newId: () => string;
  /** Something was refused (said here): the section no longer says "Saved". */
  onRefused?: () => void;
}

type Field = 'name' | 'phone' | 'email';

const errorText = (result: Exclude<PersonInputResult, { ok: true }>): string => {
  if (result.field === 'name')
    return i18n.t(result.reason === 'empty' ? 'options.errorNameEmpty' : 'options.errorNameLong');
  if (result.field === 'email' && result.reason === 'too-long') return i18n.t('options.errorEmailLong');
  return i18n.t(result.field === 'phone' ? 'options.errorPhone' : 'options.errorEmail');
};

/**
 * The people a "talking" outlet can suggest, with an optional phone number or email. Adding one is
 * the person's choice made, and kept at once; the page gives the heading.
 */
export function TrustedPeopleSetting({ people, onAdd, onRemove, newId, onRefused }: Props) {
  const [draft, setDraft] = useState({ name: '', phone: '', email: '' });
  const { error, setError, problem, setProblem, saveRefused, removeRow } = useListForm<Field>(onRefused);
  const full = people.length >= TRUSTED_PEOPLE_MAX;

  const add = async (event: Event) => {
    event.preventDefault();
    if (full) return setProblem(i18n.plural('options.peopleFull', TRUSTED_PEOPLE_MAX));
    const result = parsePersonInput(draft);
    if (!result.ok) {
      setError({ field: result.field, text: errorText(result) });
      return;
    }
    setError(null);
    try {
      await onAdd({ id: newId(), ...result.person });
      setProblem(null);
      setDraft({ name: '', phone: '', email: '' });
    } catch (failure) {
      saveRefused(failure instanceof PeopleFull, i18n.plural('options.peopleFull', TRUSTED_PEOPLE_MAX));
    }
  };

  // Once their row is gone: the next person's "Remove", else the one before, else the name field
  // to add someone.
  const remove = (id: string) =>
    removeRow({
      ids: people.map((person) => person.id),
      id,
      buttonOf: (other) => `person-remove-${other}`,
      orElse: ['person-name'],
      remove: onRemove,
    });

  const input = (field: Field, type: 'text' | 'tel' | 'email', label: string) => (
    <div class="field">
      <label for={`person-${field}`}>{label}</label>
      <input
        id={`person-${field}`}
        type={type as 'text'}
        value={draft[field]}
        autoComplete="off"
        aria-invalid={error?.field === field}
        aria-describedby={error?.field === field ? `person-${field}-error` : undefined}
        onInput={(event) => {
          setDraft({ ...draft, [field]: event.currentTarget.value });
          if (error?.field === field) setError(null);
        }}
      />
      {error?.field === field && (
        <p id={`person-${field}-error`} class="error" role="alert">
          {error.text}
        </p>
      )}
    </div>
  );

  return (
    <div class="people-setting">
      <p class="help">{i18n.t('options.peopleHelp')}</p>
      {people.length === 0 ? (
        <p class="help">{i18n.t('options.peopleNone')}</p>
      ) : (
        <ul class="people">
          {people.map((person) => (
            <li key={person.id}>
              <span>
                <strong>{person.name}</strong>
                {[person.phone, person.email].filter(Boolean).map((contact) => (
                  <span class="help"> · {contact}</span>
                ))}
              </span>
              <button
                id={`person-remove-${person.id}`}
                type="button"
                class="small"
                onClick={() => void remove(person.id)}
              >
                {i18n.t('options.personRemove', [person.name])}
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {full && <p class="help">{i18n.plural('options.peopleFull', TRUSTED_PEOPLE_MAX)}</p>}
      <form class="person-form" onSubmit={add} noValidate>
        {input('name', 'text', i18n.t('options.personName'))}
        {input('phone', 'tel', i18n.t('options.personPhone'))}
        {input('email', 'email', i18n.t('options.personEmail'))}
        <button type="submit" disabled={full}>
          {i18n.t('options.personAdd')}
        </button>
      </form>
    </div>
  );
}
