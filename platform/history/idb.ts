// The history in IndexedDB (db.ts has the layout and why): every entry under its id, read by time, a
// page at a time; each write one transaction with its day's summary.
import type { IDBPDatabase } from 'idb';
import { placeOnDay } from '../../core/data/days';
import { sameCheckIn } from '../../core/history';
import { type CheckIn, parseCheckIn } from '../../core/schema';
import { byTime, type HistoryBackend, type MergeResult, type PageQuery, pageFilter } from './backend';
import { adjustDays, checkSummaries, type OutletDB, writeTx } from './db';

const readable = (raw: unknown[]): CheckIn[] =>
  raw.map(parseCheckIn).filter((entry): entry is CheckIn => entry !== null);

export function idbHistory(database: IDBPDatabase<OutletDB>): HistoryBackend {
  return {
    place: 'indexeddb',

    async save(entry) {
      const tx = writeTx(database);
      const store = tx.objectStore('checkins');
      const previous = parseCheckIn(await store.get(entry.id));
      const placed = placeOnDay(entry, previous);
      await store.put(placed);
      // The day's summary changes by this one entry: a save costs the same whatever the history's size.
      await adjustDays(tx, previous && placeOnDay(previous, null), placed);
      await tx.done;
      return { created: previous === null };
    },

    async remove(id) {
      const tx = writeTx(database);
      const previous = parseCheckIn(await tx.objectStore('checkins').get(id));
      await tx.objectStore('checkins').delete(id);
      if (previous) await adjustDays(tx, placeOnDay(previous, null), null);
      await tx.done;
    },

    async clear() {
      const tx = writeTx(database);
      await tx.objectStore('checkins').clear();
      await tx.objectStore('days').clear();
      await tx.done;
    },

    async recent({ since, limit }) {
      const index = database.transaction('checkins').store.index('at');
      // Two requests whatever the size: a key cursor jumps to the `limit`-th newest time, then one
      // getAll reads from there on (a value cursor would cost one round trip per entry).
      let cursor = await index.openKeyCursor(IDBKeyRange.lowerBound(since), 'prev');
      if (!cursor) return [];
      if (limit > 1) cursor = await cursor.advance(limit - 1);
      const from = cursor ? cursor.key : since;
      const found = await index.getAll(IDBKeyRange.lowerBound(from));
      // Entries sharing the oldest time can add a few: keep the newest `limit`.
      return readable(found).slice(-limit);
    },

    async page({ before = Number.MAX_SAFE_INTEGER, limit, journalOnly = false, query = '' }: PageQuery) {
      const index = database.transaction('checkins').store.index('at');
      const wanted = pageFilter(journalOnly, query);
      // Read in chunks, two requests each (a key cursor jumps to the chunk's oldest time, one getAll
      // reads the chunk): a value cursor would cost one round trip per entry.
      const chunk = Math.max(limit, 100);
      const entries: CheckIn[] = [];
      let upper = before;
      let lastAt: number | null = null;
      for (;;) {
        const start = await index.openKeyCursor(IDBKeyRange.upperBound(upper, true), 'prev');
        if (!start) return { entries, next: null };
        const oldest = chunk > 1 ? await start.advance(chunk - 1) : start;
        const range = oldest
          ? IDBKeyRange.bound(oldest.key, upper, false, true)
          : IDBKeyRange.upperBound(upper, true);
        // Newest first; entries sharing one time come in one chunk (its lower bound is inclusive).
        const values = (await index.getAll(range)).reverse();
        for (let i = 0; i < values.length; i++) {
          const raw = values[i] as CheckIn;
          // A page never ends inside a group of entries sharing one `at` (imports can hold such
          // groups): the next page starts strictly before the last time shown, so none is skipped.
          if (entries.length >= limit && raw.at !== lastAt) return { entries, next: lastAt };
          lastAt = raw.at;
          const entry = parseCheckIn(raw);
          if (entry && wanted(entry)) entries.push(entry);
        }
        if (!oldest) return { entries, next: null };
        if (entries.length >= limit) return { entries, next: lastAt };
        upper = oldest.key as number;
      }
    },

    summaries: (fromDay, toDay) => database.getAll('days', IDBKeyRange.bound(fromDay, toDay)),

    async all() {
      // The whole store, not the time index: a value too broken to have a time is still exported.
      const raw = await database.getAll('checkins');
      const entries: CheckIn[] = [];
      const unreadable: unknown[] = [];
      for (const value of raw) {
        const entry = parseCheckIn(value);
        if (entry) entries.push(entry);
        else unreadable.push(value);
      }
      return { entries: entries.sort(byTime), unreadable };
    },

    count: () => database.count('checkins'),

    get: async (id) => parseCheckIn(await database.get('checkins', id)),

    async merge(entries) {
      const tx = writeTx(database);
      const store = tx.objectStore('checkins');
      const result: MergeResult = { added: 0, same: 0, differing: [] };
      for (const entry of entries) {
        const stored = parseCheckIn(await store.get(entry.id));
        if (stored) {
          if (sameCheckIn(stored, placeOnDay(entry, stored))) result.same++;
          else result.differing.push({ stored, incoming: entry });
          continue;
        }
        const placed = placeOnDay(entry, null);
        await store.put(placed);
        await adjustDays(tx, null, placed);
        result.added++;
      }
      await tx.done;
      return result;
    },

    async put(entries) {
      const tx = writeTx(database);
      const store = tx.objectStore('checkins');
      for (const entry of entries) {
        const previous = parseCheckIn(await store.get(entry.id));
        const placed = placeOnDay(entry, previous);
        await store.put(placed);
        await adjustDays(tx, previous && placeOnDay(previous, null), placed);
      }
      await tx.done;
      return { written: entries.length };
    },

    checkSummaries: () => checkSummaries(database),
  };
}
