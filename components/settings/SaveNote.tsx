import { i18n } from '../shared/words';
import type { SaveNote as Note, Section } from './useSettings';

interface Props {
  section: Section;
  note: Note | null;
}

/**
 * "Saved." in the section where the change was made, said politely; or, when storage refused, that
 * it wasn't kept, as an alert. Never both: the hook holds one note at a time.
 */
export function SaveNote({ section, note }: Props) {
  const mine = note?.section === section ? note : null;
  return (
    <>
      <p class="saved" aria-live="polite">
        {mine?.kind === 'saved' && <span key={mine.n}>{i18n.t('options.savedIn')}</span>}
        {mine?.kind === 'restored' && <span key={mine.n}>{i18n.t('options.restored')}</span>}
      </p>
      {mine?.kind === 'failed' && (
        <p class="error" role="alert">
          {i18n.t('options.saveFailed')}
        </p>
      )}
    </>
  );
}
