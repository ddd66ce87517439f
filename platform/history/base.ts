// The history without the picker's learning: where it is kept, reading, bulk writes and the move of
// Outlet 0.1's check-ins. The background needs only that move, and imports it from here, so the
// service worker doesn't carry the learner and the catalogue (scripts/budgets.mjs); the pages use
// store.ts, which adds the writes a person makes one at a time, and what the picker learns from them.
// Every entry is under its id, read by time, a page at a time, in IndexedDB (idb.ts) or, where the
// browser refuses it, in storage.local (local.ts): the pages never know which. Every function here is
// bounded by its `limit` except the ones named for everything (export, import, delete all, count),
// which the person asks for on purpose.

import { browser } from 'wxt/browser';
import { type DaySummary, placeOnDay } from '../../core/data/days';
import type { BulkOptions } from '../../core/data/transfer';
import { sameCheckIn } from '../../core/history';
import { type CheckIn, parseCheckIn } from '../../core/schema';
import {
  ASIDE_PREFIX,
  LEGACY_CHECKIN_PREFIX,
  HISTORY_MOVED_KEY as MIGRATED_KEY,
  PLACE_TOLD_KEY,
} from '../storage-keys';
import {
  type HistoryBackend,
  type HistoryPlace,
  type MergeResult,
  type Page,
  type PageQuery,
  withHistoryLock,
} from './backend';
import { closeDb, db } from './db';
import { idbHistory } from './idb';
import { hasLocalHistory, localHistory, readLocalHistory } from './local';

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
/** Tells this page's listeners and every other page that the history changed. */
export function changed(): void {
  for (const listener of localListeners) listener();
  announce();
}

// Where this context keeps the history, decided once: IndexedDB when it opens, else storage.local.
let choosing: Promise<HistoryBackend> | null = null;

/** Where this context keeps the history, chosen once (for store.ts's writes too). */
export function backend(): Promise<HistoryBackend> {
  choosing ??= (async () => {
    let database: Awaited<ReturnType<typeof db>>;
    try {
      database = await db();
    } catch (error) {
      // Firefox's "never remember history" mode refuses IndexedDB to extensions (InvalidStateError);
      // so can a browser without it. storage.local works there, and keeps its data across restarts.
      console.info(
        'Outlet: IndexedDB could not be opened here; the history is kept in storage.local.',
        error,
      );
      return localHistory;
    }
    const history = idbHistory(database);
    // Check-ins kept in storage.local while the database couldn't be opened come back into it. A move
    // that fails leaves them where they are (nothing is removed before the database has them), for
    // the next page to try again.
    if (await hasLocalHistory().catch(() => false))
      await moveIntoDatabase(database).catch((error) =>
        console.warn('Outlet: check-ins kept in storage.local could not be moved into IndexedDB yet.', error),
      );
    return history;
  })();
  return choosing;
}

/**
 * Where this context keeps the history: 'indexeddb', or 'storage.local' where the browser refuses
 * IndexedDB. Rejects only when neither can be read.
 */
export async function historyPlace(): Promise<HistoryPlace> {
  return (await backend()).place;
}

// The person is told once where their words are kept when it isn't the database: the flag says when,
// and is cleared when the history moves back into the database, so a later move is told again.

/**
 * Whether to tell the person that their check-ins are kept in the extension's own storage (their
 * browser refuses it a database in this mode): true once, until `markHistoryPlaceTold`.
 */
export async function shouldTellHistoryPlace(): Promise<boolean> {
  if ((await historyPlace()) !== 'storage.local') return false;
  const told = (await browser.storage.local.get(PLACE_TOLD_KEY))[PLACE_TOLD_KEY];
  return !(
    typeof told === 'object' &&
    told !== null &&
    (told as { place?: unknown }).place === 'storage.local'
  );
}

/** Remembers that the person was told where their words are kept, and when. */
export async function markHistoryPlaceTold(now: number): Promise<void> {
  await browser.storage.local.set({ [PLACE_TOLD_KEY]: { place: await historyPlace(), at: now } });
}

/**
 * The entries kept in storage.local move into the database, by id, losing nothing: copied in one
 * transaction, and removed from storage.local only once it has committed; every writer of
 * storage.local waits meanwhile (withHistoryLock), so nothing written there during the move is left
 * behind unseen. Running twice, or in two contexts at once, adds nothing (the second finds them moved).
 * An entry in both places with different content keeps the storage.local one: it was written while
 * the database couldn't be opened, so after the database's copy (an answer to "did it help?", a
 * journal line); the database's copy is kept aside, where an export still finds it.
 */
async function moveIntoDatabase(database: Awaited<ReturnType<typeof db>>): Promise<void> {
  await withHistoryLock(async () => {
    const { keys, entries, unreadable, unreadableKeys } = await readLocalHistory();
    if (keys.length === 0) return;
    const aside: Record<string, unknown> = {};
    const stored = await Promise.all(entries.map((entry) => database.get('checkins', entry.id)));
    entries.forEach((entry, i) => {
      const before = parseCheckIn(stored[i]);
      if (before && !sameCheckIn(before, placeOnDay(entry, before))) {
        const at = Date.now();
        aside[`${ASIDE_PREFIX}${at + i}:checkin/${entry.id}`] = {
          key: `checkin/${entry.id}`,
          at,
          value: stored[i],
        };
      }
    });
    // An unreadable value goes along as it is (an export carries it from there); one the database
    // can't key (no id) is kept aside, where an export finds it too.
    const keyed: CheckIn[] = [];
    unreadable.forEach((value, i) => {
      const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
      if (typeof id === 'string' && id !== '') keyed.push(value as CheckIn);
      else {
        const at = Date.now();
        const key = unreadableKeys[i] as string;
        aside[`${ASIDE_PREFIX}${at + entries.length + i}:${key}`] = { key, at, value };
      }
    });
    if (Object.keys(aside).length > 0) await browser.storage.local.set(aside);
    await idbHistory(database).put(entries);
    if (keyed.length > 0) {
      const tx = database.transaction('checkins', 'readwrite');
      for (const value of keyed)
        if ((await tx.store.getKey(value.id)) === undefined) await tx.store.put(value);
      await tx.done;
    }
    await browser.storage.local.remove(keys);
    // Told where the words are kept: now the database again, so a later move is told afresh.
    await browser.storage.local.remove(PLACE_TOLD_KEY);
  });
  changed();
}

// Summaries are checked against their entries once per context, before they are first read: the
// history page is the one reader. Not by the popup (it reads no summaries, and its reads stay bounded)
// nor at each start of the background worker (it reads none either).
let checking: Promise<void> | null = null;
function checkedSummaries(history: HistoryBackend): Promise<void> {
  checking ??= history
    .checkSummaries()
    .then((mended) => {
      if (mended.length > 0) {
        console.info(`Outlet: the summaries of ${mended.length} day(s) were rebuilt from their entries.`);
        changed();
      }
    })
    .catch((error) => {
      checking = null;
      console.warn('Outlet: the day summaries could not be checked.', error);
    });
  return checking;
}

/**
 * The newest check-ins at or after `since`, at most `limit`, oldest first: what the popup needs for
 * "did it help?", the picker's learning and the support card, read in a bounded amount.
 */
export async function recentCheckIns({ since, limit }: { since: number; limit: number }): Promise<CheckIn[]> {
  await migrateLegacyCheckIns();
  return (await backend()).recent({ since, limit });
}

export type { MergeResult, Page };

/**
 * Check-ins older than `before` (epoch ms, exclusive), newest first, `limit` at a time. With
 * `journalOnly`, only those with a journal line; with `query`, only lines containing it (any case).
 */
export async function checkInsPage(query: PageQuery): Promise<Page<CheckIn>> {
  await migrateLegacyCheckIns();
  return (await backend()).page(query);
}

/** Mends summaries that disagree with their entries (once per context); resolves when done. */
export async function checkDaySummaries(): Promise<void> {
  await migrateLegacyCheckIns();
  await checkedSummaries(await backend());
}

/**
 * Day summaries from `fromDay` to `toDay` (`YYYY-MM-DD`, both included), oldest first. The history
 * page checks them against their entries (checkDaySummaries) once its first screen is drawn.
 */
export async function daySummaries(fromDay: string, toDay: string): Promise<DaySummary[]> {
  await migrateLegacyCheckIns();
  return (await backend()).summaries(fromDay, toDay);
}

/** The check-ins counted on these local days (`YYYY-MM-DD`), oldest first. */
export async function checkInsOnDays(days: readonly string[]): Promise<CheckIn[]> {
  await migrateLegacyCheckIns();
  return (await backend()).onDays(days);
}

/** Every readable check-in, oldest first, and how many stored ones could not be read. For export. */
export async function allCheckIns(): Promise<{ entries: CheckIn[]; unreadable: unknown[] }> {
  await migrateLegacyCheckIns();
  return (await backend()).all();
}

export async function countCheckIns(): Promise<number> {
  await migrateLegacyCheckIns();
  return (await backend()).count();
}

/** One stored check-in by id, or null when there is none (or it can't be read). */
export async function getCheckIn(id: string): Promise<CheckIn | null> {
  await migrateLegacyCheckIns();
  return (await backend()).get(id);
}

// For the long jobs (import, export): how far along, and a way to stop between chunks.
export type { BulkOptions };

/**
 * Adds every entry whose id is not stored yet. Entries already stored are left exactly as they are,
 * so importing the same file twice adds nothing; one stored with other content is reported in
 * `differing` (the person chooses, then `putCheckIns` writes their choice). With `quiet`, no page
 * hears of it (the caller calls `announceHistoryChange` once it is done).
 */
export function mergeCheckIns(
  entries: readonly CheckIn[],
  { quiet = false, ...options }: BulkOptions & { quiet?: boolean } = {},
): Promise<MergeResult> {
  return writeList(
    entries,
    options,
    (history) => history.merge(entries),
    (result) => result.added > 0 && !quiet,
  );
}

/**
 * One write of a list (an import's chunk, the person's choice): the history's own `write` of it, in
 * whichever place keeps the history, with progress, a stop before it begins, and the pages told
 * when `tell` says something changed.
 */
async function writeList<T>(
  entries: readonly CheckIn[],
  { onProgress, signal }: BulkOptions,
  write: (history: HistoryBackend) => Promise<T>,
  tell: (result: T) => boolean,
): Promise<T> {
  await migrateLegacyCheckIns();
  const history = await backend();
  signal?.throwIfAborted();
  const result = await write(history);
  onProgress?.(entries.length, entries.length);
  if (tell(result)) changed();
  return result;
}

/**
 * Tells every page (this one too) that the history changed: what a job made of many `quiet` writes
 * says once at its end, rather than once per chunk.
 */
export function announceHistoryChange(): void {
  changed();
}

/** Stores every entry as given, over a stored one with the same id (the person's choice on import). */
export function putCheckIns(
  entries: readonly CheckIn[],
  options: BulkOptions = {},
): Promise<{ written: number }> {
  return writeList(
    entries,
    options,
    (history) => history.put(entries),
    () => entries.length > 0,
  );
}

/**
 * How much the extension stores on this device, as the browser counts it (null where unknown). Where
 * the history lives in storage.local, that area counts too: the browser's estimate leaves it out.
 */
export async function storageUse(): Promise<{ usage: number } | null> {
  let usage: number | null = null;
  try {
    const estimate = await navigator.storage?.estimate?.();
    if (typeof estimate?.usage === 'number') usage = estimate.usage;
  } catch {
    // Unknown here; storage.local may still tell.
  }
  try {
    if ((await historyPlace()) === 'storage.local') usage = (usage ?? 0) + (await localBytes());
  } catch {
    // Keep what the estimate said.
  }
  return usage === null ? null : { usage };
}

/** The bytes storage.local holds: the browser's own count where it has one (Chrome), else the JSON's. */
async function localBytes(): Promise<number> {
  const area = browser.storage.local as { getBytesInUse?: (keys: null) => Promise<number> };
  if (typeof area.getBytesInUse === 'function') {
    try {
      return await area.getBytesInUse(null);
    } catch {
      // Firefox's storage.local has no such count: measure below.
    }
  }
  const all = await browser.storage.local.get(null);
  const encoder = new TextEncoder();
  return Object.entries(all).reduce(
    (sum, [key, value]) => sum + encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length,
    0,
  );
}

// Outlet 0.1 kept each check-in in `storage.local` under `checkin:<id>`. They move into the database
// once, in whichever context reads the history first: copied by id (so running twice, or in two
// pages at once, adds nothing), and removed from `storage.local` only after the copy is committed.
let migrating: Promise<void> | null = null;

export function migrateLegacyCheckIns(): Promise<void> {
  migrating ??= (async () => {
    const flag = await browser.storage.local.get(MIGRATED_KEY);
    if (flag[MIGRATED_KEY] === true) return;
    const all = await browser.storage.local.get(null);
    const keys = Object.keys(all).filter((key) => key.startsWith(LEGACY_CHECKIN_PREFIX));
    if (keys.length > 0) {
      // An unreadable one stays where it is, untouched, and still goes out with an export.
      const entries = keys
        .map((key) => parseCheckIn(all[key]))
        .filter((entry): entry is CheckIn => entry !== null);
      // Into wherever this context keeps the history; one already there by id is left as it is.
      await (await backend()).merge(entries);
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

/** For tests: forget this context's open database, where it keeps the history, and migration state. */
export async function resetHistoryForTests(): Promise<void> {
  migrating = null;
  choosing = null;
  checking = null;
  await closeDb();
}
