import { dayOf } from '../../core/data/days';
import type { CheckIn } from '../../core/schema';
import { formatEntryTime } from '../shared/copy';
import { i18n } from '../shared/words';
import { dayHeading, feelingWords } from './words';

interface Props {
  query: string;
  /** The lines found for the query, newest first; null while the first page is loading. */
  entries: readonly CheckIn[] | null;
  /** The query `entries` answer (the box may be ahead of it while a search runs). */
  answered: string;
  hasMore: boolean;
  loadingMore: boolean;
  today: string;
  onQuery: (query: string) => void;
  onShowMore: () => void;
}

/** The journal lines, newest first, with a search box that narrows them as you type. */
export function JournalSearch({
  query,
  entries,
  answered,
  hasMore,
  loadingMore,
  today,
  onQuery,
  onShowMore,
}: Props) {
  const count = entries?.length ?? 0;
  const status =
    entries === null
      ? ''
      : count === 0
        ? answered.trim()
          ? i18n.t('history.journalNoMatch', [answered.trim()])
          : i18n.t('history.journalEmpty')
        : i18n.plural('history.journalShowing', count);

  return (
    <section aria-labelledby="journal-heading" class="history-journal">
      <h2 id="journal-heading">{i18n.t('history.journalHeading')}</h2>
      <p class="help">{i18n.t('history.journalHelp')}</p>
      <search>
        <label class="field">
          {i18n.t('history.journalSearch')}
          <input
            type="search"
            value={query}
            autoComplete="off"
            onInput={(event) => onQuery(event.currentTarget.value)}
          />
        </label>
      </search>
      <p class="help" role="status">
        {status}
      </p>
      {entries && entries.length > 0 && (
        <ul class="journal-lines">
          {entries.map((entry) => (
            <li key={entry.id}>
              <p class="journal-line">{entry.journal}</p>
              <p class="muted small-print">
                {dayHeading(dayOf(entry), today)}, {formatEntryTime(entry)} · {feelingWords(entry.feeling)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {hasMore && (
        <button type="button" aria-disabled={loadingMore} onClick={() => !loadingMore && onShowMore()}>
          {loadingMore ? i18n.t('history.loadingOlder') : i18n.t('history.journalShowMore')}
        </button>
      )}
    </section>
  );
}
