// The history in IndexedDB (db.ts has the layout and why): every entry under its id, read by time, a
// page at a time; each write one transaction with its day's summary.
import { type IDBPDatabase, unwrap } from 'idb';
import { changeDay, type DaySummary, holdsEntry, placeOnDay } from '../../core/data/days';
import { sameCheckIn } from '../../core/history';
import { type CheckIn, parseCheckIn } from '../../core/schema';
import { byTime, type HistoryBackend, type MergeResult, type PageQuery, pageFilter } from './backend';
import {
  adjustDays,
  checkSummaries,
  type DayReads,
  type OutletDB,
  readDay,
  refreshDay,
  type WriteTx,
  writeTx,
} from './db';

const readable = (raw: unknown[]): CheckIn[] =>
  raw.map(parseCheckIn).filter((entry): entry is CheckIn => entry !== null);

export function idbHistory(database: IDBPDatabase<OutletDB>): HistoryBackend {
  return {
    place: 'indexeddb',

    async save(entry) {
      const tx = writeTx(database);
      const store = tx.objectStore('checkins');
      // The entry and its day's summary read together (a check-in from the popup carries its day):
      // one round trip to the database before the writes, then the commit. Each is what the person
      // waits for after "Done", whatever the history's size.
      const reads: DayReads = new Map();
      if (entry.day) void readDay(tx, entry.day, reads).catch(() => undefined);
      const previous = parseCheckIn(await store.get(entry.id));
      const placed = placeOnDay(entry, previous);
      // Not awaited alone: a transaction runs its requests in order, and a failed one fails `tx.done`.
      store.put(placed).catch(() => undefined);
      await adjustDays(tx, previous && placeOnDay(previous, null), placed, reads);
      await tx.done;
      return { created: previous === null, previous };
    },

    async remove(id) {
      const tx = writeTx(database);
      const previous = parseCheckIn(await tx.objectStore('checkins').get(id));
      tx.objectStore('checkins')
        .delete(id)
        .catch(() => undefined);
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

    async onDays(days) {
      const index = database.transaction('checkins').store.index('day');
      const found = await Promise.all(days.map((day) => index.getAll(day)));
      return readable(found.flat()).sort(byTime);
    },

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

    merge: async (entries) => (await inOneWrite(database, (tx) => writeInto(tx, entries, 'merge'))).result,

    async put(entries) {
      await inOneWrite(database, (tx) => writeInto(tx, entries, 'put'));
      return { written: entries.length };
    },

    checkSummaries: () => checkSummaries(database),
  };
}

/**
 * Requests made at once, in one task of the page: 1,000 `add`s made together blocked an import's page
 * for 150 ms and more on a busy machine (each value is cloned as it is added, twice with indexes).
 */
export const REQUEST_SLICE = 200;

/**
 * Makes a request for each of `items` and settles when every one has: `ok` says which succeeded;
 * `expected` which failures are no failure. The requests are made REQUEST_SLICE at a time: the next
 * slice once the first request of the one before is answered (the transaction is active then), so the
 * database always has the rest of a slice to work on while the page makes the next one, and the page
 * answers a click between slices. A request refused as it is made (a value that can't be stored)
 * rejects, like a failed one.
 */
function settleAll<T>(
  items: readonly T[],
  request: (item: T) => IDBRequest,
  expected: (error: DOMException | null) => boolean = () => false,
): Promise<{ ok: boolean[]; values: unknown[] }> {
  return new Promise((resolve, reject) => {
    const ok = new Array<boolean>(items.length).fill(false);
    const values = new Array<unknown>(items.length);
    let left = items.length;
    let made = 0;
    let failed = false;
    const settled = (first: boolean) => {
      if (first && made < items.length && !failed) makeSlice();
      if (--left === 0) resolve({ ok, values });
    };
    function makeSlice() {
      const first = made;
      const end = Math.min(items.length, made + REQUEST_SLICE);
      made = end;
      for (let i = first; i < end; i++) {
        let req: IDBRequest;
        try {
          req = request(items[i] as T);
        } catch (error) {
          failed = true;
          reject(error);
          return;
        }
        req.onsuccess = () => {
          ok[i] = true;
          values[i] = req.result;
          settled(i === first);
        };
        req.onerror = (event) => {
          if (!expected(req.error)) {
            failed = true;
            reject(req.error);
            return;
          }
          // Expected (an id already stored): the transaction goes on, and the error stays here
          // rather than reaching the transaction (where idb would take it for a failed write).
          event.preventDefault();
          event.stopPropagation();
          settled(i === first);
        };
      }
    }
    if (left === 0) resolve({ ok, values });
    else makeSlice();
  });
}

/**
 * Runs `write` in one read-write transaction, all of it or nothing: whatever fails fails the
 * transaction too.
 */
async function inOneWrite<T>(
  database: IDBPDatabase<OutletDB>,
  write: (tx: WriteTx) => Promise<T>,
): Promise<T> {
  const tx = writeTx(database);
  const done = tx.done;
  done.catch(() => undefined);
  let result: T;
  try {
    result = await write(tx);
  } catch (error) {
    // A request refused before it was placed (a value that can't be stored) throws here and
    // leaves the transaction open: its earlier writes would commit without the day summaries.
    try {
      tx.abort();
    } catch {
      // Already ended (a failed request aborts it): nothing was stored.
    }
    throw error;
  }
  await done;
  return result;
}

const isConstraintError = (error: DOMException | null) => error?.name === 'ConstraintError';

/**
 * Writes a list of entries in `tx` with the summaries of the days they touch: the one mechanism of an
 * import (`merge`) and of the person's choice after it (`put`).
 * - `merge` adds every entry whose id is not stored yet. The first of an id in the list is the one
 *   written; a later one is compared with what is stored after it, as if it came in a later call. One
 *   `add` per entry: an `add` refused because the id is taken (ConstraintError) is how a stored one is
 *   found, so a new entry costs no read first (a read then a write for each made an import of 20,000
 *   take over 6 s). Only the taken ids are then read, all at once, to compare. A stored value that
 *   can't be read gives way to the list's entry.
 * - `put` writes every entry over the stored one with its id (read all at once first), a later entry
 *   of an id in the list over an earlier one.
 * Either way each touched day is read once and written once, its summary changed in memory by all its
 * entries (adjustManyDays).
 */
async function writeInto(
  tx: WriteTx,
  entries: readonly CheckIn[],
  mode: 'merge' | 'put',
): Promise<{ result: MergeResult }> {
  // Raw requests: a promise and two listeners per request (the idb wrapper) cost the page more
  // than the requests themselves with thousands at once.
  const store = unwrap(tx.objectStore('checkins'));
  const result: MergeResult = { added: 0, same: 0, differing: [] };
  // One entry per id: the first of each (merge) or the last (put, placed over the ones before it).
  const byId = new Map<string, CheckIn>();
  for (const entry of entries) if (mode === 'put' || !byId.has(entry.id)) byId.set(entry.id, entry);
  // What each id of the list replaces (readable stored versions, taken from their days), and the
  // entries written (added to theirs).
  const removed: CheckIn[] = [];
  const written: CheckIn[] = [];

  if (mode === 'put') {
    const ids = [...byId.keys()];
    const found = await settleAll(ids, (id) => store.get(id));
    const placed = new Map<string, CheckIn>();
    ids.forEach((id, i) => {
      const stored = parseCheckIn(found.values[i]);
      if (stored) {
        removed.push(placeOnDay(stored, null));
        placed.set(id, stored);
      }
    });
    // In list order, each over the one before it: an entry without a day keeps its predecessor's.
    for (const entry of entries) placed.set(entry.id, placeOnDay(entry, placed.get(entry.id) ?? null));
    for (const id of ids) written.push(placed.get(id) as CheckIn);
    await settleAll(written, (entry) => store.put(entry));
    await adjustManyDays(tx, removed, written);
    return { result };
  }

  const firsts = [...byId.values()].map((entry) => placeOnDay(entry, null));
  const adds = await settleAll(firsts, (entry) => store.add(entry), isConstraintError);
  const taken = firsts.filter((_, i) => !adds.ok[i]);
  const found = await settleAll(taken, (entry) => store.get(entry.id));
  // What the history holds now for each id of the list (readable).
  const holds = new Map<string, CheckIn>();
  const overwrite: CheckIn[] = [];
  firsts.forEach((placed, i) => {
    if (adds.ok[i]) {
      holds.set(placed.id, placed);
      written.push(placed);
    }
  });
  taken.forEach((placed, i) => {
    const stored = parseCheckIn(found.values[i]);
    if (stored) holds.set(placed.id, stored);
    else {
      // Stored but unreadable: the list's readable entry takes its place, as a new one.
      holds.set(placed.id, placed);
      written.push(placed);
      overwrite.push(placed);
    }
  });
  await settleAll(overwrite, (entry) => store.put(entry));
  const addedIds = new Set(written.map((entry) => entry.id));
  const counted = new Set<string>();
  for (const entry of entries) {
    // The first of each new id is an addition; every other entry is compared with what is held.
    if (addedIds.has(entry.id) && !counted.has(entry.id)) {
      counted.add(entry.id);
      result.added++;
      continue;
    }
    const stored = holds.get(entry.id) as CheckIn;
    if (sameCheckIn(stored, placeOnDay(entry, stored))) result.same++;
    else result.differing.push({ stored, incoming: entry });
  }
  await adjustManyDays(tx, removed, written);
  return { result };
}

/**
 * After the entries are written in `tx`: takes each of `removed` (stored versions replaced) from the
 * day it carries and adds each of `added` to its own, every touched day read once and written once.
 * A summary that can't be holding an entry it must lose has drifted: that day is rebuilt from its
 * entries instead (they are written already), so one mismatch seen is one mismatch mended.
 */
async function adjustManyDays(
  tx: WriteTx,
  removed: readonly CheckIn[],
  added: readonly CheckIn[],
): Promise<void> {
  const days = unwrap(tx.objectStore('days'));
  const dayKeys = [...new Set([...removed, ...added].map((entry) => entry.day as string))];
  const read = await settleAll(dayKeys, (day) => days.get(day));
  const next = new Map(dayKeys.map((day, i) => [day, read.values[i] as DaySummary | undefined]));
  const rebuild = new Set<string>();
  for (const entry of removed) {
    const day = entry.day as string;
    if (rebuild.has(day)) continue;
    const summary = next.get(day);
    if (holdsEntry(summary, entry)) next.set(day, changeDay(summary, day, entry, -1) ?? undefined);
    else rebuild.add(day);
  }
  for (const entry of added) {
    const day = entry.day as string;
    if (!rebuild.has(day)) next.set(day, changeDay(next.get(day), day, entry, 1) ?? undefined);
  }
  await settleAll(
    dayKeys.filter((day) => !rebuild.has(day)),
    (day) => {
      const summary = next.get(day);
      return summary ? days.put(summary) : days.delete(day);
    },
  );
  for (const day of rebuild) await refreshDay(tx, day);
}
