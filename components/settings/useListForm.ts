import { useState } from 'preact/hooks';
import { useFocusRescue } from '../shared/focus';
import { i18n } from '../shared/words';

/** What was typed in one field and refused, said next to that field. */
export interface FieldError<Field extends string> {
  field: Field;
  text: string;
}

interface RemoveRow {
  /** The rows' ids, in the order shown. */
  ids: readonly string[];
  id: string;
  /** The id of a row's button that takes focus once this row is gone: the next row's, else the one before's. */
  buttonOf: (id: string) => string;
  /** Where focus goes when no row is left, the first found on the page (the form, or its button). */
  orElse: readonly string[];
  remove: (id: string) => Promise<void>;
}

/**
 * What a settings list with its own add form (trusted people, own outlets) keeps beside its draft:
 * the refusal next to a field, the problem said above the form (storage refused, or the list is
 * full), and where focus goes when a row is removed. Every refusal shown is also told to the page
 * (`onRefused`), so no "Saved." stays beside it; clearing one tells nothing.
 */
export function useListForm<Field extends string>(onRefused?: () => void) {
  const [error, setErrorState] = useState<FieldError<Field> | null>(null);
  const [problem, setProblemState] = useState<string | null>(null);
  const rescueFocus = useFocusRescue();

  const setError = (next: FieldError<Field> | null) => {
    setErrorState(next);
    if (next) onRefused?.();
  };
  const setProblem = (next: string | null) => {
    setProblemState(next);
    if (next) onRefused?.();
  };

  /** A save refused: the list is full (`fullText` when `full`), else storage said no. The draft stays. */
  const saveRefused = (full: boolean, fullText: string) =>
    setProblem(full ? fullText : i18n.t('options.saveFailed'));

  /**
   * Removes one row; resolves to whether it was. Focus, on the row's button as it is pressed, goes
   * to the next row's button once the row is gone, never to the page's top; when storage refused,
   * the row stays, focus stays on it, and the problem says so.
   */
  const removeRow = async ({ ids, id, buttonOf, orElse, remove }: RemoveRow): Promise<boolean> => {
    const at = ids.indexOf(id);
    const neighbour = ids[at + 1] ?? ids[at - 1];
    rescueFocus(() => {
      const next = neighbour === undefined ? null : document.getElementById(buttonOf(neighbour));
      return next ?? orElse.map((other) => document.getElementById(other)).find(Boolean);
    });
    try {
      await remove(id);
      setProblem(null);
      return true;
    } catch {
      rescueFocus(null);
      setProblem(i18n.t('options.saveFailed'));
      return false;
    }
  };

  return { error, setError, problem, setProblem, saveRefused, removeRow };
}
