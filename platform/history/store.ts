// Reading and writing the history: every entry under its id, read by time, a page at a time.
// Every function here is bounded by its `limit` except the ones named for everything (export, import,
// delete all), which the person asks for on purpose.
import { browser } from 'wxt/browser';
import type { DaySummary } from '../../core/data/days';
import { sameCheckIn } from '../../core/history';
import { type CheckIn, parseCheckIn } from '../../core/schema';
import { changeSummary, closeDb, db, localDayKey, refreshDay, writeTx } from './db';

const CHANNEL = 'outlet:history';
// Which page (or worker) announced a change: a BroadcastChannel message reaches every other channel
// object of the same name, those of the sending page too, and a page hears its own writes locally.
const CONTEXT_ID = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Tells every other page of the extension that the history changed (IndexedDB has no onChanged). */
function announce(): void {
  try {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage({ changed: true, from: CONTEXT_ID });
    channel.close();
  } catch {
    // No BroadcastChannel (an old test environment): pages refresh on their next open.
  }
}

/** Calls back when another page or the background changed the history; returns an unsubscribe. */
export function watchHistory(onChange: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    if ((event.data as { from?: unknown } | null)?.from !== CONTEXT_ID) onChange();
  };
  return () => channel.close();
}

/** Same-page listeners: a page's own writes don't come back to it over the channel. */
const localListeners = new Set<() => void>();
export function watchHistoryHere(onChange: () => void): () => void {
  localListeners.add(onChange);
  const unwatchOthers = watchHistory(onChange);
  return () => {
    localListeners.delete(onChange);
    unwatchOthers();
  };
}
function changed(): void {
  for (const listener of localListeners) listener();
  announce();
}

/**
 * Stores one check-in (new, or a later state of the same one): the entry and its day's summary in one
 * transaction. Resolves to whether it was new. Rejects when the write failed, so the page can say so.
 */
export async function saveCheckIn(entry: CheckIn): Promise<{ created: boolean }> {
  await migrateLegacyCheckIns();
  const database = await db();
  const tx = writeTx(database);
  const store = tx.objectStore('checkins');
  const previous = parseCheckIn(await store.get(entry.id));
  await store.put(entry);
  // The day's summary changes by this one entry: a save costs the same whatever the history's size.
  if (previous) await changeSummary(tx, previous, -1);
  await changeSummary(tx, entry, 1);
  await tx.done;
  changed();
  return { created: previous === null };
}

export async function deleteCheckIn(id: string): Promise<void> {
  const database = await db();
  const tx = writeTx(database);
  const previous = parseCheckIn(await tx.objectStore('checkins').get(id));
  await tx.objectStore('checkins').delete(id);
  if (previous) await changeSummary(tx, previous, -1);
  await tx.done;
  changed();
}

export async function deleteAllHistory(): Promise<void> {
  const database = await db();
  const tx = writeTx(database);
  await tx.objectStore('checkins').clear();
  await tx.objectStore('days').clear();
  await tx.done;
  changed();
}

const readable = (raw: unknown[]): CheckIn[] =>
  raw.map(parseCheckIn).filter((entry): entry is CheckIn => entry !== null);

/**
 * The newest check-ins at or after `since`, at most `limit`, oldest first: what the popup needs for
 * "did it help?", the picker's learning and the support card, read in a bounded amount.
 */
export async function recentCheckIns({ since, limit }: { since: number; limit: number }): Promise<CheckIn[]> {
  await migrateLegacyCheckIns();
  const database = await db();
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
}

export interface Page<T> {
  entries: T[];
  /** Pass as `before` for the next (older) page; null when there is nothing older. */
  next: number | null;
}

/**
 * Check-ins older than `before` (epoch ms, exclusive), newest first, `limit` at a time. With
 * `journalOnly`, only those with a journal line; with `query`, only lines containing it (any case).
 */
export async function checkInsPage({
  before = Number.MAX_SAFE_INTEGER,
  limit,
  journalOnly = false,
  query = '',
}: {
  before?: number;
  limit: number;
  journalOnly?: boolean;
  query?: string;
}): Promise<Page<CheckIn>> {
  await migrateLegacyCheckIns();
  const database = await db();
  const index = database.transaction('checkins').store.index('at');
  const needle = query.trim().toLocaleLowerCase();
  const wanted = (entry: CheckIn) =>
    (!journalOnly || Boolean(entry.journal)) &&
    (needle === '' || (entry.journal ?? '').toLocaleLowerCase().includes(needle));
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
}

/** Day summaries from `fromDay` to `toDay` (`YYYY-MM-DD`, both included), oldest first. */
export async function daySummaries(fromDay: string, toDay: string): Promise<DaySummary[]> {
  await migrateLegacyCheckIns();
  const database = await db();
  return database.getAll('days', IDBKeyRange.bound(fromDay, toDay));
}

/** Every readable check-in, oldest first, and how many stored ones could not be read. For export. */
export async function allCheckIns(): Promise<{ entries: CheckIn[]; unreadable: unknown[] }> {
  await migrateLegacyCheckIns();
  const database = await db();
  const raw = await database.getAllFromIndex('checkins', 'at');
  const entries: CheckIn[] = [];
  const unreadable: unknown[] = [];
  for (const value of raw) {
    const entry = parseCheckIn(value);
    if (entry) entries.push(entry);
    else unreadable.push(value);
  }
  return { entries, unreadable };
}

export async function countCheckIns(): Promise<number> {
  await migrateLegacyCheckIns();
  return (await db()).count('checkins');
}

/** One stored check-in by id, or null when there is none (or it can't be read). */
export async function getCheckIn(id: string): Promise<CheckIn | null> {
  await migrateLegacyCheckIns();
  return parseCheckIn(await (await db()).get('checkins', id));
}

/** For the long jobs (import, export): how far along, and a way to stop between chunks. */
export interface BulkOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface MergeResult {
  added: number;
  /** Already stored exactly as in the file. */
  same: number;
  /** Stored under the same id with different content: left as stored, for the person to choose. */
  differing: { stored: CheckIn; incoming: CheckIn }[];
}

/**
 * Adds every entry whose id is not stored yet. Entries already stored are left exactly as they are,
 * so importing the same file twice adds nothing; one stored with other content is reported in
 * `differing` (the person chooses, then `putCheckIns` writes their choice).
 */
export async function mergeCheckIns(
  entries: readonly CheckIn[],
  { onProgress, signal }: BulkOptions = {},
): Promise<MergeResult> {
  await migrateLegacyCheckIns();
  const database = await db();
  const tx = writeTx(database);
  const store = tx.objectStore('checkins');
  const days = new Set<string>();
  let added = 0;
  let same = 0;
  const differing: MergeResult['differing'] = [];
  signal?.throwIfAborted();
  for (const entry of entries) {
    const stored = parseCheckIn(await store.get(entry.id));
    if (stored) {
      if (sameCheckIn(stored, entry)) same++;
      else differing.push({ stored, incoming: entry });
      continue;
    }
    await store.put(entry);
    days.add(localDayKey(entry.at));
    added++;
  }
  for (const day of days) await refreshDay(tx, day);
  await tx.done;
  onProgress?.(entries.length, entries.length);
  if (added > 0) changed();
  return { added, same, differing };
}

/** Stores every entry as given, over a stored one with the same id (the person's choice on import). */
export async function putCheckIns(
  entries: readonly CheckIn[],
  { onProgress, signal }: BulkOptions = {},
): Promise<{ written: number }> {
  await migrateLegacyCheckIns();
  const database = await db();
  const tx = writeTx(database);
  const store = tx.objectStore('checkins');
  signal?.throwIfAborted();
  for (const entry of entries) {
    const previous = parseCheckIn(await store.get(entry.id));
    await store.put(entry);
    if (previous) await changeSummary(tx, previous, -1);
    await changeSummary(tx, entry, 1);
  }
  await tx.done;
  onProgress?.(entries.length, entries.length);
  if (entries.length > 0) changed();
  return { written: entries.length };
}

/** How much the extension stores on this device, as the browser counts it (null where unknown). */
export async function storageUse(): Promise<{ usage: number } | null> {
  try {
    const estimate = await navigator.storage?.estimate?.();
    return typeof estimate?.usage === 'number' ? { usage: estimate.usage } : null;
  } catch {
    return null;
  }
}

// Outlet 0.1 kept each check-in in `storage.local` under `checkin:<id>`. They move into the database
// once, in whichever context reads the history first: copied by id (so running twice, or in two
// pages at once, adds nothing), and removed from `storage.local` only after the copy is committed.
export const LEGACY_CHECKIN_PREFIX = 'checkin:';
const MIGRATED_KEY = 'history$moved';
let migrating: Promise<void> | null = null;

export function migrateLegacyCheckIns(): Promise<void> {
  migrating ??= (async () => {
    const flag = await browser.storage.local.get(MIGRATED_KEY);
    if (flag[MIGRATED_KEY] === true) return;
    const all = await browser.storage.local.get(null);
    const keys = Object.keys(all).filter((key) => key.startsWith(LEGACY_CHECKIN_PREFIX));
    if (keys.length > 0) {
      const database = await db();
      const tx = writeTx(database);
      const store = tx.objectStore('checkins');
      const days = new Set<string>();
      for (const key of keys) {
        const entry = parseCheckIn(all[key]);
        // An unreadable one stays where it is, untouched, and still goes out with an export.
        if (!entry) continue;
        if ((await store.getKey(entry.id)) === undefined) await store.add(entry);
        days.add(localDayKey(entry.at));
      }
      for (const day of days) await refreshDay(tx, day);
      await tx.done;
      const moved = keys.filter((key) => parseCheckIn(all[key]) !== null);
      await browser.storage.local.remove(moved);
    }
    await browser.storage.local.set({ [MIGRATED_KEY]: true });
  })().catch((error) => {
    migrating = null;
    throw error;
  });
  return migrating;
}

/** For tests: forget this context's open database and migration state. */
export async function resetHistoryForTests(): Promise<void> {
  migrating = null;
  await closeDb();
}
