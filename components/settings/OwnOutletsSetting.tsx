import { useState } from 'preact/hooks';
import { OUTLET_FAMILIES, type OutletFamily } from '../../core/families';
import {
  editedOwnOutlet,
  OWN_HOW_MAX,
  OWN_OUTLETS_MAX,
  OWN_TITLE_MAX,
  type OwnOutlet,
  type OwnOutletDraft,
  type OwnOutletField,
  type OwnOutletInputResult,
  OwnOutletsFull,
  ownOutletDraft,
  ownOutletId,
  parseOwnOutletInput,
} from '../../core/outlets/own';
import { familyLabel } from '../shared/copy';
import { i18n } from '../shared/words';
import { useListForm } from './useListForm';

/** How the person's own outlets are kept: the page's wiring gives the browser's (platform/own-outlets.ts). */
export interface OwnOutletActions {
  /** Stores one more; rejects with OwnOutletsFull at the limit, or when storage refused. */
  add: (outlet: OwnOutlet) => Promise<void>;
  /** Stores a changed one in its place (`previousId`: its id before; a new family gives a new id). */
  update: (previousId: string, outlet: OwnOutlet) => Promise<void>;
  remove: (id: string) => Promise<void>;
  /** A random suffix for a new id (letters and digits). */
  newSuffix: () => string;
}

interface Props {
  outlets: readonly OwnOutlet[];
  actions: OwnOutletActions;
  /** Kept: the section says "Saved". */
  onSaved?: () => void;
  /** Something was refused (said here): the section no longer says "Saved". */
  onRefused?: () => void;
}

const errorText = (result: Exclude<OwnOutletInputResult, { ok: true }>): string => {
  switch (result.field) {
    case 'title':
      return result.reason === 'too-long'
        ? i18n.plural('own_errorTitleLong', OWN_TITLE_MAX)
        : i18n.t('own_errorTitleEmpty');
    case 'how':
      return i18n.plural('own_errorHowLong', OWN_HOW_MAX);
    case 'family':
      return i18n.t('own_errorFamily');
    case 'minutes':
      if (result.reason === 'empty') return i18n.t('own_errorMinutesEmpty');
      return result.reason === 'not-whole'
        ? i18n.t('own_errorMinutesWhole')
        : i18n.t('own_errorMinutesRange');
  }
};

/** "Movement · 5 min · away from the desk": what the list says of each. */
const detailsOf = (outlet: OwnOutlet): string =>
  [
    familyLabel(outlet.family),
    i18n.t('own_minutes', [String(outlet.minutes)]),
    ...(outlet.needsAway ? [i18n.t('own_away')] : []),
    ...(outlet.needsAlone ? [i18n.t('own_alone')] : []),
  ].join(' · ');

/**
 * The person's own outlets: a list with Edit and Remove, and one form that adds a new one or changes
 * the one being edited. The form checks what was typed against the schema storage keeps them by
 * (core/outlets/own.ts), says each refusal next to its field, and keeps what was typed whenever a
 * save doesn't go through. The page gives the heading.
 */
export function OwnOutletsSetting({ outlets, actions, onSaved, onRefused }: Props) {
  const [editing, setEditing] = useState<OwnOutlet | null>(null);
  // The form shows once asked for (or to edit): the page stays short (tests/e2e/options-fit.test.mjs).
  // Hidden, it keeps what was typed.
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<OwnOutletDraft>(() => ownOutletDraft());
  const { error, setError, problem, setProblem, saveRefused, removeRow } =
    useListForm<OwnOutletField>(onRefused);
  const full = !editing && outlets.length >= OWN_OUTLETS_MAX;
  const fullText = () => i18n.t('own_full', [String(OWN_OUTLETS_MAX)]);

  const startEditing = (outlet: OwnOutlet) => {
    setEditing(outlet);
    setOpen(true);
    setDraft(ownOutletDraft(outlet));
    setError(null);
    setProblem(null);
    // The form's first field, so typing changes what Edit was pressed for.
    requestAnimationFrame(() => document.getElementById('own-field-title')?.focus());
  };

  const stopEditing = (focusId?: string) => {
    setEditing(null);
    setOpen(false);
    setDraft(ownOutletDraft());
    setError(null);
    if (focusId) requestAnimationFrame(() => document.getElementById(focusId)?.focus());
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (full) return setProblem(fullText());
    const result = parseOwnOutletInput(draft);
    if (!result.ok) {
      setError({ field: result.field, text: errorText(result) });
      document.getElementById(`own-field-${result.field}`)?.focus();
      return;
    }
    setError(null);
    try {
      if (editing) {
        const changed = editedOwnOutlet(editing, result.outlet, actions.newSuffix());
        await actions.update(editing.id, changed);
        stopEditing(`own-edit-${changed.id}`);
      } else {
        await actions.add({ id: ownOutletId(result.outlet.family, actions.newSuffix()), ...result.outlet });
        setDraft(ownOutletDraft());
      }
      setProblem(null);
      onSaved?.();
    } catch (failure) {
      // What was typed stays in the form, to try again.
      saveRefused(failure instanceof OwnOutletsFull, fullText());
    }
  };

  const remove = async (id: string) => {
    // Once its row is gone: the next one's Edit, else the one before, else the form (or its button).
    const removed = await removeRow({
      ids: outlets.map((outlet) => outlet.id),
      id,
      buttonOf: (other) => `own-edit-${other}`,
      orElse: ['own-field-title', 'own-open'],
      remove: (other) => actions.remove(other),
    });
    if (!removed) return;
    if (editing?.id === id) stopEditing();
    onSaved?.();
  };

  const described = (field: OwnOutletField, help?: string) =>
    [help, error?.field === field ? `own-field-${field}-error` : undefined].filter(Boolean).join(' ') ||
    undefined;

  const errorOf = (field: OwnOutletField) =>
    error?.field === field && (
      <p id={`own-field-${field}-error`} class="error" role="alert">
        {error.text}
      </p>
    );

  const set = (patch: Partial<OwnOutletDraft>, field?: OwnOutletField) => {
    setDraft({ ...draft, ...patch });
    if (field && error?.field === field) setError(null);
  };

  return (
    <div class="own-setting" id="own-ideas">
      <h3 id="own-ideas-title">{i18n.t('own_heading')}</h3>
      <p class="help">{i18n.t('own_help')}</p>
      {outlets.length > 0 && (
        <ul class="own-outlets">
          {outlets.map((outlet) => (
            <li key={outlet.id} class={editing?.id === outlet.id ? 'editing' : undefined}>
              <span class="own-text">
                <strong id={`own-name-${outlet.id}`}>{outlet.title}</strong>
                {outlet.how && <span class="own-how">{outlet.how}</span>}
                <span class="help">{detailsOf(outlet)}</span>
              </span>
              <span class="row own-actions">
                <button
                  id={`own-edit-${outlet.id}`}
                  type="button"
                  class="small"
                  aria-describedby={`own-name-${outlet.id}`}
                  onClick={() => startEditing(outlet)}
                >
                  {i18n.t('own_edit')}
                </button>
                <button
                  id={`own-remove-${outlet.id}`}
                  type="button"
                  class="small"
                  aria-describedby={`own-name-${outlet.id}`}
                  onClick={() => void remove(outlet.id)}
                >
                  {i18n.t('own_remove')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {full && <p class="help">{fullText()}</p>}
      {!open && (
        <button
          id="own-open"
          type="button"
          aria-expanded="false"
          disabled={full}
          onClick={() => {
            setOpen(true);
            requestAnimationFrame(() => document.getElementById('own-field-title')?.focus());
          }}
        >
          {i18n.t('own_open')}
        </button>
      )}
      {open && (
        <form
          class="own-form"
          onSubmit={submit}
          noValidate
          aria-label={editing ? i18n.t('own_editing', [editing.title]) : i18n.t('own_add')}
        >
          {editing ? (
            <p class="own-editing">{i18n.t('own_editing', [editing.title])}</p>
          ) : (
            <p class="help own-form-note">{i18n.t('own_formHelp')}</p>
          )}
          <div class="field">
            <label for="own-field-title">{i18n.t('own_labelTitle')}</label>
            <input
              id="own-field-title"
              type="text"
              value={draft.title}
              autoComplete="off"
              aria-invalid={error?.field === 'title'}
              aria-describedby={described('title')}
              onInput={(event) => set({ title: event.currentTarget.value }, 'title')}
            />
            {errorOf('title')}
          </div>
          <div class="field">
            <label for="own-field-how">{i18n.t('own_labelHow')}</label>
            <input
              id="own-field-how"
              type="text"
              value={draft.how}
              autoComplete="off"
              aria-invalid={error?.field === 'how'}
              aria-describedby={described('how')}
              onInput={(event) => set({ how: event.currentTarget.value }, 'how')}
            />
            {errorOf('how')}
          </div>
          <div class="field">
            <label for="own-field-family">{i18n.t('own_labelFamily')}</label>
            <select
              id="own-field-family"
              value={draft.family}
              aria-invalid={error?.field === 'family'}
              aria-describedby={described('family', editing ? 'own-family-note' : undefined)}
              onChange={(event) => set({ family: event.currentTarget.value as OutletFamily | '' }, 'family')}
            >
              <option value="">{i18n.t('own_familyPick')}</option>
              {OUTLET_FAMILIES.map((family) => (
                <option key={family} value={family}>
                  {familyLabel(family)}
                </option>
              ))}
            </select>
            {editing && (
              <p id="own-family-note" class="help">
                {i18n.t('own_familyNote')}
              </p>
            )}
            {errorOf('family')}
          </div>
          <div class="field">
            <label for="own-field-minutes">{i18n.t('own_labelMinutes')}</label>
            <input
              id="own-field-minutes"
              type="text"
              inputMode="numeric"
              class="minutes"
              value={draft.minutes}
              autoComplete="off"
              aria-invalid={error?.field === 'minutes'}
              aria-describedby={described('minutes')}
              onInput={(event) => set({ minutes: event.currentTarget.value }, 'minutes')}
            />
            {errorOf('minutes')}
          </div>
          <label class="check">
            <input
              id="own-field-away"
              type="checkbox"
              checked={draft.needsAway}
              onChange={(event) => set({ needsAway: event.currentTarget.checked })}
            />
            {i18n.t('own_labelAway')}
          </label>
          <label class="check">
            <input
              id="own-field-alone"
              type="checkbox"
              checked={draft.needsAlone}
              onChange={(event) => set({ needsAlone: event.currentTarget.checked })}
            />
            {i18n.t('own_labelAlone')}
          </label>
          <div class="row own-buttons">
            <button type="submit" disabled={full}>
              {editing ? i18n.t('own_save') : i18n.t('own_add')}
            </button>
            <button
              type="button"
              onClick={() => {
                // Cancel closes the form; a new idea's words stay for when it opens again.
                if (editing) stopEditing(`own-edit-${editing.id}`);
                else {
                  setOpen(false);
                  setError(null);
                  requestAnimationFrame(() => document.getElementById('own-open')?.focus());
                }
              }}
            >
              {i18n.t('own_cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
