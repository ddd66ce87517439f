// The history (check-ins and their journal lines) lives in IndexedDB where the browser allows it
// (storage.local otherwise: local.ts):
// - no 10 MB ceiling (`storage.local`'s QUOTA_BYTES) for years of entries; with `unlimitedStorage`
//   the browser also never evicts it under disk pressure;
// - an index on time, so the popup reads only recent entries and the history page reads a page at
//   a time, whatever the history's size; an index on the local day each entry was written on, so a
//   day's summary is rebuilt from that day's entries alone;
// - transactions: an entry and its day's summary are written together, and two pages writing at the
//   same moment never lose each other's entry (IndexedDB runs overlapping read-write transactions one
//   after the other).
// `idb` (Jake Archibald's promise wrapper) rather than raw IDBRequest callbacks.
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { changeDay, type DaySummary, holdsEntry, placeOnDay, summarizeDay } from '../../core/data/days';
import { type CheckIn, parseCheckIn } from '../../core/schema';

export const DB_NAME = 'outlet';
/** 2: every entry carries the local day it was written on (`day`), with an index on it. */
export const DB_VERSION = 2;

export interface OutletDB extends DBSchema {
  checkins: { key: string; value: CheckIn; indexes: { at: number; day: string } };
  days: { key: string; value: DaySummary };
}

let opening: Promise<IDBPDatabase<OutletDB>> | null = null;

/** The database, opened once per page (or worker). Rejects where the browser refuses IndexedDB. */
export function db(): Promise<IDBPDatabase<OutletDB>> {
  opening ??= (async () => {
    // Some browsers have no IndexedDB at all in some modes; some throw from `open` itself.
    if (typeof indexedDB === 'undefined' || indexedDB === null) throw new Error('No IndexedDB here');
    return openDB<OutletDB>(DB_NAME, DB_VERSION, {
      async upgrade(database, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) {
          const checkins = database.createObjectStore('checkins', { keyPath: 'id' });
          checkins.createIndex('at', 'at');
          database.createObjectStore('days', { keyPath: 'day' });
        }
        if (oldVersion < 2) {
          tx.objectStore('checkins').createIndex('day', 'day');
          if (oldVersion >= 1) await placeStoredEntries(tx);
        }
      },
      // Another context is upgrading the database: let it, and open again next time.
      blocking() {
        void opening?.then((open) => open.close());
        opening = null;
      },
    });
  })().catch((error) => {
    opening = null;
    throw error;
  });
  return opening;
}

type UpgradeTx = IDBPTransaction<OutletDB, ('checkins' | 'days')[], 'versionchange'>;

/**
 * Version 1 → 2: each stored entry gets the day of its time in this zone (the only knowledge there
 * is), and every summary is rebuilt from the entries, which also mends any that drifted under
 * version 1 (it counted an entry on the local day of the moment, so travelling moved it).
 */
async function placeStoredEntries(tx: UpgradeTx): Promise<void> {
  const summaries = new Map<string, DaySummary>();
  let cursor = await tx.objectStore('checkins').openCursor();
  while (cursor) {
    const entry = parseCheckIn(cursor.value);
    // An unreadable one stays exactly as it was (it still goes out with an export).
    if (entry) {
      const placed = placeOnDay(entry, null);
      const day = placed.day;
      if (cursor.value.day !== day) await cursor.update({ ...cursor.value, day, offset: placed.offset });
      const next = changeDay(summaries.get(day), day, entry, 1);
      if (next) summaries.set(day, next);
    }
    cursor = await cursor.continue();
  }
  const days = tx.objectStore('days');
  await days.clear();
  for (const summary of summaries.values()) await days.put(summary);
}

/** Closes the database of this context (tests delete it between cases). */
export async function closeDb(): Promise<void> {
  const open = opening;
  opening = null;
  if (open) (await open.catch(() => null))?.close();
}

/** Gives every readable entry that lacks a day the local day of its time (rare: see checkSummaries). */
async function placeUnplaced(tx: WriteTx): Promise<void> {
  let cursor = await tx.objectStore('checkins').openCursor();
  while (cursor) {
    const entry = parseCheckIn(cursor.value);
    if (entry && !entry.day) {
      const { day, offset } = placeOnDay(entry, null);
      await cursor.update({ ...cursor.value, day, offset });
    }
    cursor = await cursor.continue();
  }
}

export type WriteTx = IDBPTransaction<OutletDB, ('checkins' | 'days')[], 'readwrite'>;

/** Recomputes one day's summary from its entries (by the day they carry), inside a write. */
export async function refreshDay(tx: WriteTx, day: string): Promise<void> {
  const raw = await tx.objectStore('checkins').index('day').getAll(day);
  const entries = raw.map(parseCheckIn).filter((entry): entry is CheckIn => entry !== null);
  if (entries.length === 0) await tx.objectStore('days').delete(day);
  else await tx.objectStore('days').put(summarizeDay(day, entries));
}

/** Day summaries read in one write, each at most once: a save reads its day while it reads its entry. */
export type DayReads = Map<string, Promise<DaySummary | undefined>>;

/** The summary of `day` in `tx`, read once however often it is asked for. */
export function readDay(tx: WriteTx, day: string, reads: DayReads): Promise<DaySummary | undefined> {
  let read = reads.get(day);
  if (!read) {
    read = tx.objectStore('days').get(day);
    reads.set(day, read);
  }
  return read;
}

/**
 * After the entries themselves are written in `tx`: takes `removed` (the stored version an update or a
 * delete replaced) from the day it carries, and adds `added` to its own day. A summary that can't be
 * holding the removed entry has drifted: that day is rebuilt from its entries instead, so one mismatch
 * seen is one mismatch mended. A save costs the same whatever the history's size: the days are read
 * together (or were already, in `reads`) and each written once, so the wait after "Done" is a couple
 * of round trips to the database, not six one after the other.
 */
export async function adjustDays(
  tx: WriteTx,
  removed: CheckIn | null,
  added: CheckIn | null,
  reads: DayReads = new Map(),
): Promise<void> {
  const wanted = [...new Set([removed?.day, added?.day].filter((day): day is string => Boolean(day)))];
  const read = await Promise.all(wanted.map((day) => readDay(tx, day, reads)));
  const next = new Map(wanted.map((day, i) => [day, read[i] as DaySummary | undefined]));
  const changed = new Set<string>();
  let rebuild: string | null = null;
  if (removed?.day) {
    const summary = next.get(removed.day);
    if (holdsEntry(summary, removed)) {
      next.set(removed.day, changeDay(summary, removed.day, removed, -1) ?? undefined);
      changed.add(removed.day);
    } else rebuild = removed.day;
  }
  if (added?.day && added.day !== rebuild) {
    next.set(added.day, changeDay(next.get(added.day), added.day, added, 1) ?? undefined);
    changed.add(added.day);
  }
  const days = tx.objectStore('days');
  await Promise.all(
    [...changed].map((day) => {
      const summary = next.get(day);
      // What a later read in this write gets: the summary as written now.
      reads.set(day, Promise.resolve(summary));
      return summary ? days.put(summary) : days.delete(day);
    }),
  );
  if (rebuild) {
    reads.delete(rebuild);
    await refreshDay(tx, rebuild);
  }
}

export function writeTx(database: IDBPDatabase<OutletDB>): WriteTx {
  return database.transaction(['checkins', 'days'], 'readwrite');
}

/** At most this many entries are counted in one transaction of the check (see summariesAgree). */
export const CHECK_SLICE = 2000;

/**
 * Whether every entry has a day and the summaries count exactly the entries of each stretch of days,
 * read in slices of at most CHECK_SLICE entries, each in its own short transaction. Counting a
 * store is a walk over its records in Chromium, and a read transaction holds back every write to the
 * same stores until it ends: counting 200,000 entries in one went held up the first "Done" after the
 * history page opened by up to a second. Between slices a save can get in; a save landing mid-check
 * can make a slice disagree, which only sends the check to the exact pass (checkSummaries), never
 * the other way round: agreeing slices are each exact at their moment.
 */
async function summariesAgree(database: IDBPDatabase<OutletDB>): Promise<boolean> {
  const summaries = await database.getAll('days'); // one record a day: bounded by the days, not entries
  // Stretches of consecutive summarized days holding at most CHECK_SLICE entries between them; the
  // first reaches down to every key below, the last up to every key above, so entries on a day
  // without a summary are counted too.
  let placed = 0;
  let from: string | undefined;
  let expected = 0;
  const sliceAgrees = async (to: string | undefined): Promise<boolean> => {
    const range =
      from === undefined
        ? to === undefined
          ? undefined
          : IDBKeyRange.upperBound(to, true)
        : to === undefined
          ? IDBKeyRange.lowerBound(from)
          : IDBKeyRange.bound(from, to, false, true);
    const counted = await database.countFromIndex('checkins', 'day', range);
    placed += counted;
    return counted === expected;
  };
  for (const summary of summaries) {
    if (expected > 0 && expected + summary.count > CHECK_SLICE) {
      if (!(await sliceAgrees(summary.day))) return false;
      from = summary.day;
      expected = 0;
    }
    expected += summary.count;
  }
  if (!(await sliceAgrees(undefined))) return false;
  // Every entry placed: the store holds as many as the day index, counted CHECK_SLICE keys at a time
  // by a key cursor that steps over them (one key comes back per slice, where reading the slice's
  // keys brought all 200,000 ids onto the page), each slice in its own short transaction.
  let all = 0;
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const tx = database.transaction('checkins');
    const first = await tx.store.openKeyCursor(range);
    const last = first && (await first.advance(CHECK_SLICE - 1));
    if (!last) {
      // Fewer than CHECK_SLICE left: counted as they are.
      all += first ? await tx.store.count(range) : 0;
      break;
    }
    all += CHECK_SLICE;
    after = last.key;
  }
  return all === placed;
}

/**
 * Once per context, before summaries are read: the summaries' counts must add up to the entries they
 * count (summariesAgree, in short slices, so no save waits on it). When they don't (a summary left
 * behind by an older version, a write cut short by something outside Outlet), this exact pass, in one
 * transaction, places every entry without a day and rebuilds every day whose count differs from its
 * entries. Resolves to the days rebuilt.
 */
export async function checkSummaries(database: IDBPDatabase<OutletDB>): Promise<string[]> {
  if (await summariesAgree(database)) return [];
  const tx = writeTx(database);
  // An entry without its day (written by something other than this store: an older version's
  // context, a tool) is invisible to the day index: it is placed on the day of its time here first,
  // or the rebuild below would drop it from every summary.
  const [all, placed] = await Promise.all([
    tx.objectStore('checkins').count(),
    tx.objectStore('checkins').index('day').count(),
  ]);
  if (all !== placed) await placeUnplaced(tx);
  const byDay = tx.objectStore('checkins').index('day');
  const countedByDay = new Map(
    (await tx.objectStore('days').getAll()).map((summary) => [summary.day, summary.count]),
  );
  const wrong: string[] = [];
  // Every day that has entries (one key each, `nextunique`), then every summary left without any.
  let cursor = await byDay.openKeyCursor(null, 'nextunique');
  while (cursor) {
    const day = cursor.key;
    if ((await byDay.count(day)) !== countedByDay.get(day)) wrong.push(day);
    countedByDay.delete(day);
    cursor = await cursor.continue();
  }
  wrong.push(...countedByDay.keys());
  for (const day of wrong) await refreshDay(tx, day);
  await tx.done;
  return wrong;
}
