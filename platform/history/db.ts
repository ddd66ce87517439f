// The history (check-ins and their journal lines) lives in IndexedDB, not in `storage.local`:
// - no 10 MB ceiling (`storage.local`'s QUOTA_BYTES) for years of entries; with `unlimitedStorage`
//   the browser also never evicts it under disk pressure;
// - an index on time, so the popup reads only recent entries and the history page reads a page at
//   a time, whatever the history's size;
// - transactions: an entry and its day's summary are written together, and two pages writing at the
//   same moment never lose each other's entry (IndexedDB runs overlapping read-write transactions one
//   after the other).
// `idb` (Jake Archibald's promise wrapper) rather than raw IDBRequest callbacks.
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { changeDay, type DaySummary, summarizeDay } from '../../core/data/days';
import { type CheckIn, parseCheckIn } from '../../core/schema';
import { dayBounds, localDayKey } from '../../core/time';

export const DB_NAME = 'outlet';
export const DB_VERSION = 1;

export interface OutletDB extends DBSchema {
  checkins: { key: string; value: CheckIn; indexes: { at: number } };
  days: { key: string; value: DaySummary };
}

let opening: Promise<IDBPDatabase<OutletDB>> | null = null;

/** The database, opened once per page (or worker). */
export function db(): Promise<IDBPDatabase<OutletDB>> {
  opening ??= openDB<OutletDB>(DB_NAME, DB_VERSION, {
    upgrade(database) {
      const checkins = database.createObjectStore('checkins', { keyPath: 'id' });
      checkins.createIndex('at', 'at');
      database.createObjectStore('days', { keyPath: 'day' });
    },
    // Another context is upgrading the database: let it, and open again next time.
    blocking() {
      void opening?.then((open) => open.close());
      opening = null;
    },
  }).catch((error) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** Closes the database of this context (tests delete it between cases). */
export async function closeDb(): Promise<void> {
  const open = opening;
  opening = null;
  if (open) (await open.catch(() => null))?.close();
}

type WriteTx = IDBPTransaction<OutletDB, ('checkins' | 'days')[], 'readwrite'>;

/** Recomputes one day's summary from its entries, inside the write's own transaction. */
export async function refreshDay(tx: WriteTx, day: string): Promise<void> {
  const { start, end } = dayBounds(day);
  const raw = await tx
    .objectStore('checkins')
    .index('at')
    .getAll(IDBKeyRange.bound(start, end, false, true));
  const entries = raw.map(parseCheckIn).filter((entry): entry is CheckIn => entry !== null);
  if (entries.length === 0) await tx.objectStore('days').delete(day);
  else await tx.objectStore('days').put(summarizeDay(day, entries));
}

/** Adds one entry to (1) or takes it from (-1) its day's summary, inside the write's transaction. */
export async function changeSummary(tx: WriteTx, entry: CheckIn, sign: 1 | -1): Promise<void> {
  const day = localDayKey(entry.at);
  const days = tx.objectStore('days');
  const next = changeDay(await days.get(day), day, entry, sign);
  if (next) await days.put(next);
  else await days.delete(day);
}

export function writeTx(database: IDBPDatabase<OutletDB>): WriteTx {
  return database.transaction(['checkins', 'days'], 'readwrite');
}

export { localDayKey };
