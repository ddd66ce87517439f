import type { ComponentChildren } from 'preact';
import type { JournalField as FieldKind } from '../../core/outlets';
import { JOURNAL_MAX_LENGTH } from '../../core/schema';
import { i18n } from '../shared/words';

interface Props {
  id: string;
  /** What the outlet asks for: one line, a short list, or a few paragraphs. */
  kind: FieldKind;
  value: string;
  invalid: boolean;
  describedBy: string | undefined;
  onInput: (text: string) => void;
  /** Ctrl+Enter (⌘+Enter) in a textarea, where a plain Enter starts a new line. */
  onSubmit: () => void;
  /** Shown beside the field (its Save button). */
  children?: ComponentChildren;
}

// How tall each field opens: small enough that the step fits the popup with its footer; it grows
// with what is written (assets/outlet.css, field-sizing) and can be dragged taller.
const ROWS: Record<Exclude<FieldKind, 'line'>, number> = { list: 3, page: 3 };

const label = (kind: FieldKind) =>
  kind === 'list'
    ? i18n.t('checkin.journalLabelList')
    : kind === 'page'
      ? i18n.t('checkin.journalLabelPage')
      : i18n.t('checkin.journalLabel');

const placeholder = (kind: FieldKind) =>
  kind === 'list'
    ? i18n.t('checkin.journalPlaceholderList')
    : kind === 'page'
      ? i18n.t('checkin.journalPlaceholderPage')
      : i18n.t('checkin.journalPlaceholder');

/** The journal's field, sized to what the outlet asks for. Its limit is what storage keeps. */
export function JournalField({ id, kind, value, invalid, describedBy, onInput, onSubmit, children }: Props) {
  const common = {
    id,
    autoComplete: 'off',
    // Exactly what storage keeps: a longer entry could never be saved.
    maxLength: JOURNAL_MAX_LENGTH,
    placeholder: placeholder(kind),
    value,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
  };
  return (
    <>
      <label for={id}>{label(kind)}</label>
      <div class="field-row">
        {kind === 'line' ? (
          <input type="text" {...common} onInput={(event) => onInput(event.currentTarget.value)} />
        ) : (
          <textarea
            {...common}
            rows={ROWS[kind]}
            class={kind}
            onInput={(event) => onInput(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                onSubmit();
              }
            }}
          />
        )}
        {children}
      </div>
    </>
  );
}
