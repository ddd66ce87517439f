import { useState } from 'preact/hooks';
import { type PersonInputResult, parsePersonInput } from '../../core/inputs';
import { PeopleFull, TRUSTED_PEOPLE_MAX, type TrustedPerson } from '../../core/schema';
import { useFocusRescue } from '../shared/focus';
import { i18n } from '../shared/words';

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
  const [error, setErrorState] = useState<{ field: Field; text: string } | null>(null);
  // A refusal by storage, or the list being full: said above the form, and the draft is kept.
  const [problem, setProblemState] = useState<string | null>(null);
  // Every refusal shown is also told to the page, so no "Saved." stays beside it.
  const setError = (next: { field: Field; text: string } | null) => {
    setErrorState(next);
    if (next) onRefused?.();
  };
  const setProblem = (next: string | null) => {
    setProblemState(next);
    if (next) onRefused?.();
  };
  const full = people.length >= TRUSTED_PEOPLE_MAX;
  const rescueFocus = useFocusRescue();

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
      setProblem(
        failure instanceof PeopleFull
          ? i18n.plural('options.peopleFull', TRUSTED_PEOPLE_MAX)
          : i18n.t('options.saveFailed'),
      );
    }
  };

  const remove = async (id: string) => {
    // Once their row is gone: the next person's "Remove", else the one before, else the name field
    // to add someone.
    const at = people.findIndex((person) => person.id === id);
    const neighbour = people[at + 1] ?? people[at - 1];
    rescueFocus(
      () =>
        (neighbour && document.getElementById(`person-remove-${neighbour.id}`)) ||
        document.getElementById('person-name'),
    );
    try {
      await onRemove(id);
      setProblem(null);
    } catch {
      rescueFocus(null);
      setProblem(i18n.t('options.saveFailed'));
    }
  };

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
