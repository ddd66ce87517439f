import { useFollowStored } from './useFollowStored';

/**
 * The text of a field that edits a stored number. It follows the stored value when that changes
 * elsewhere (another options tab, a reset), unless the field holds a refused value the person is
 * still working on, or a number typed since it last matched (a save is written up to half a second
 * later: its echo must not wipe what was typed meanwhile). `kept(typed)` says the field's text is
 * now what is stored; `onFollow` hears each stored value the field takes.
 */
export function useStoredNumberText(value: number, refused: boolean, onFollow?: (value: number) => void) {
  const { form: text, setForm, kept } = useFollowStored(value, String, { hold: refused, onFollow });
  const setText = (next: string) => setForm(next);
  return { text, setText, kept };
}

interface Props {
  id: string;
  formClass: string;
  label: string;
  help: string;
  size: number;
  text: string;
  error: string | null;
  onInput: (text: string) => void;
  /** The field's text now (a blur can come before the re-render that follows the typing). */
  onKeep: (typed: string) => void;
}

/** A number of minutes, kept when the field is left or on Enter; a refused one is said next to it. */
export function MinutesField({ id, formClass, label, help, size, text, error, onInput, onKeep }: Props) {
  return (
    // Not a <form>: it has nothing to submit (issue 16), and every setting is kept as it changes.
    <div class={formClass}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        size={size}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-help ${id}-error` : `${id}-help`}
        onInput={(event) => onInput(event.currentTarget.value)}
        onBlur={(event) => onKeep(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onKeep(event.currentTarget.value);
        }}
      />
      <p id={`${id}-help`} class="help">
        {help}
      </p>
      {error && (
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
