import { useEffect, useRef, useState } from 'preact/hooks';
import { dayOf } from '../../core/data/days';
import type { CheckIn } from '../../core/schema';
import { i18n } from '../shared/words';
import { CheckInEntry } from './CheckInEntry';
import { checkInsCount, dayHeading } from './words';

interface Props {
  /** Newest first, as far back as has been loaded. */
  entries: readonly CheckIn[];
  today: string;
  hasOlder: boolean;
  loadingOlder: boolean;
  olderFailed: boolean;
  /** The day's whole count from its summary, when known (a day can straddle two pages). */
  dayCount: (day: string) => number | undefined;
  /** Loads the next page; resolves to the id of the first entry it added (null if none). */
  onShowOlder: () => Promise<string | null>;
  onDelete: (id: string) => Promise<boolean>;
}

type FocusTarget = { kind: 'delete' | 'item'; id: string } | { kind: 'heading' } | null;

/** Check-ins grouped by local day, newest day first, a page at a time. */
export function DayList({
  entries,
  today,
  hasOlder,
  loadingOlder,
  olderFailed,
  dayCount,
  onShowOlder,
  onDelete,
}: Props) {
  const items = useRef(new Map<string, HTMLLIElement>());
  const deletes = useRef(new Map<string, HTMLButtonElement>());
  const heading = useRef<HTMLHeadingElement>(null);
  const [focus, setFocus] = useState<FocusTarget>(null);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState(false);

  // Focus moves once the list has re-rendered without (or with) the entries in question.
  useEffect(() => {
    if (!focus) return;
    if (focus.kind === 'heading') heading.current?.focus();
    else {
      const element = (focus.kind === 'delete' ? deletes : items).current.get(focus.id);
      if (!element) return;
      element.focus();
    }
    setFocus(null);
  }, [focus, entries]);

  const remove = async (id: string) => {
    const index = entries.findIndex((entry) => entry.id === id);
    const neighbour = entries[index + 1] ?? entries[index - 1];
    setFailed(false);
    const deleted = await onDelete(id);
    if (!deleted) {
      setFailed(true);
      return false;
    }
    setStatus(i18n.t('history.deleted'));
    setFocus(neighbour ? { kind: 'delete', id: neighbour.id } : { kind: 'heading' });
    return true;
  };

  const showOlder = async () => {
    if (loadingOlder) return;
    const first = await onShowOlder();
    // While there is more, focus stays on "Show older"; when it goes away, it moves to what came in.
    if (first) setFocus({ kind: 'item', id: first });
  };

  const groups: { day: string; entries: CheckIn[] }[] = [];
  const byDay = new Map<string, { day: string; entries: CheckIn[] }>();
  for (const entry of entries) {
    // The day it was written on, as the summaries count it: a traveller's entries can come in time
    // order on days out of order (made after crossing the date line westwards), and still share one
    // heading per day.
    const day = dayOf(entry);
    const group = byDay.get(day);
    if (group) group.entries.push(entry);
    else {
      const created = { day, entries: [entry] };
      byDay.set(day, created);
      groups.push(created);
    }
  }

  return (
    <section aria-labelledby="days-heading" class="history-days">
      <h2 id="days-heading" tabIndex={-1} ref={heading}>
        {i18n.t('history.daysHeading')}
      </h2>
      <p class="visually-hidden" role="status">
        {status}
      </p>
      {failed && (
        <p class="error" role="alert">
          {i18n.t('history.deleteFailed')}
        </p>
      )}
      {groups.length === 0 && <p class="help">{i18n.t('history.empty')}</p>}
      {groups.map((group) => {
        const words = dayHeading(group.day, today);
        return (
          <section key={group.day} class="day" aria-labelledby={`day-${group.day}`}>
            <h3 id={`day-${group.day}`}>
              {words}{' '}
              <span class="muted">
                · {checkInsCount(Math.max(dayCount(group.day) ?? 0, group.entries.length))}
              </span>
            </h3>
            <ul class="entries">
              {group.entries.map((entry) => (
                <CheckInEntry
                  key={entry.id}
                  entry={entry}
                  dayWords={words}
                  itemRef={(element) => {
                    if (element) items.current.set(entry.id, element);
                    else items.current.delete(entry.id);
                  }}
                  deleteRef={(element) => {
                    if (element) deletes.current.set(entry.id, element);
                    else deletes.current.delete(entry.id);
                  }}
                  onDelete={remove}
                />
              ))}
            </ul>
          </section>
        );
      })}
      {olderFailed && (
        <p class="error" role="alert">
          {i18n.t('history.olderFailed')}
        </p>
      )}
      {hasOlder && (
        // aria-disabled rather than disabled, so focus stays on the button while the page loads.
        <button
          type="button"
          class="show-older"
          aria-disabled={loadingOlder}
          onClick={() => void showOlder()}
        >
          {loadingOlder ? i18n.t('history.loadingOlder') : i18n.t('history.showOlder')}
        </button>
      )}
    </section>
  );
}
