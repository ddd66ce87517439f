// The history in storage.local, for where the browser refuses IndexedDB to the extension (Firefox's
// "never remember history" mode: `indexedDB.open` fails with InvalidStateError, while storage.local
// works and keeps its data across restarts). The same promises as the database (db.ts):
// - bounded writes: one key per entry, and small index keys, never one key that grows with the history;
//   each write is one `set` of the few keys it changes, so it lands whole or not at all (a refused
//   write, e.g. past Chrome's 10 MB without `unlimitedStorage`, rejects and changes nothing);
// - bounded reads: the time index is read from the newest bucket down, so the popup's recent entries
//   and a history page cost what they show, whatever the history's size;
// - the same day summaries, from the same pure code (core/data/days.ts), kept beside the ids of their
//   day's entries so a day is rebuilt from its entries alone;
// - writers in several pages and the worker take turns (`withHistoryLock`).
//
// The layout (all under `history:`):
//   c:<id>  the entry                       t:<n>  [at, id][] of UTC day n (at ÷ 24 h), sorted
//   tk:<k>  the days n present in 1024-day span k, sorted         tk  the spans k present, sorted
//   s:<day> { summary, ids } of a local day                 sy:<year>  the days of that year with one
// A key whose content goes away is first written as null in the same `set` (so the change is still
// whole), then removed; readers take null for absent.
import { browser } from 'wxt/browser';
import { changeDay, type DaySummary, holdsEntry, placeOnDay, summarizeDay } from '../../core/data/days';
import { sameCheckIn } from '../../core/history';
import { type CheckIn, parseCheckIn } from '../../core/schema';
import { LOCAL_HISTORY_PREFIX } from '../storage-keys';
import {
  byTime,
  type HistoryBackend,
  type MergeResult,
  type Page,
  type PageQuery,
  pageFilter,
  withHistoryLock,
} from './backend';

export const LOCAL_PREFIX = LOCAL_HISTORY_PREFIX;
const DAY_MS = 86_400_000;
const SPAN = 1024;
const ROOT = `${LOCAL_PREFIX}tk`;
const entryKey = (id: string) => `${LOCAL_PREFIX}c:${id}`;
const bucketKey = (n: number) => `${LOCAL_PREFIX}t:${n}`;
const spanKey = (k: number) => `${LOCAL_PREFIX}tk:${k}`;
const summaryKey = (day: string) => `${LOCAL_PREFIX}s:${day}`;
const yearKey = (year: string) => `${LOCAL_PREFIX}sy:${year}`;
const bucketOf = (at: number) => Math.floor(at / DAY_MS);
const spanOf = (n: number) => Math.floor(n / SPAN);
const yearOf = (day: string) => day.slice(0, day.indexOf('-'));

/** Whether storage.local holds a history of this layout (one small read). */
export async function hasLocalHistory(): Promise<boolean> {
  const stored = await browser.storage.local.get(ROOT);
  return Array.isArray(stored[ROOT]) && stored[ROOT].length > 0;
}

type Pair = [at: number, id: string];
interface StoredDay {
  summary: DaySummary;
  ids: string[];
}

const comparePairs = (a: Pair, b: Pair) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

/** Inserts into a sorted list, unless there already. */
function insertSorted<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): T[] {
  let i = 0;
  while (i < list.length && compare(list[i] as T, item) < 0) i++;
  if (i < list.length && compare(list[i] as T, item) === 0) return [...list];
  return [...list.slice(0, i), item, ...list.slice(i)];
}
const numbers = (a: number, b: number) => a - b;
const strings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The keys one write reads and changes, read once, written back in one `set`. */
class Change {
  private values = new Map<string, unknown>();
  private changed = new Set<string>();

  async load(keys: readonly string[]): Promise<void> {
    const missing = [...new Set(keys)].filter((key) => !this.values.has(key));
    if (missing.length === 0) return;
    const stored = await browser.storage.local.get(missing);
    for (const key of missing) this.values.set(key, stored[key] ?? null);
  }

  read<T>(key: string): T | null {
    return (this.values.get(key) ?? null) as T | null;
  }

  write(key: string, value: unknown): void {
    this.values.set(key, value);
    this.changed.add(key);
  }

  async commit(): Promise<void> {
    if (this.changed.size === 0) return;
    const update = Object.fromEntries([...this.changed].map((key) => [key, this.values.get(key) ?? null]));
    await browser.storage.local.set(update);
    const gone = Object.keys(update).filter((key) => update[key] === null);
    // Tidying only: a null left behind (the page closed just now) reads as absent.
    if (gone.length > 0) await browser.storage.local.remove(gone).catch(() => undefined);
  }
}

const keysFor = (entry: CheckIn & { day: string }) => [
  entryKey(entry.id),
  bucketKey(bucketOf(entry.at)),
  spanKey(spanOf(bucketOf(entry.at))),
  ROOT,
  summaryKey(entry.day),
  yearKey(yearOf(entry.day)),
];

/** Takes a stored entry out of the time index and its day (the entry key itself is left to the caller). */
async function unindex(change: Change, entry: CheckIn & { day: string }): Promise<void> {
  await change.load(keysFor(entry));
  const n = bucketOf(entry.at);
  const bucket = (change.read<Pair[]>(bucketKey(n)) ?? []).filter(
    ([at, id]) => !(at === entry.at && id === entry.id),
  );
  change.write(bucketKey(n), bucket.length > 0 ? bucket : null);
  if (bucket.length === 0) {
    const k = spanOf(n);
    const span = (change.read<number[]>(spanKey(k)) ?? []).filter((m) => m !== n);
    change.write(spanKey(k), span.length > 0 ? span : null);
    if (span.length === 0)
      change.write(
        ROOT,
        (change.read<number[]>(ROOT) ?? []).filter((m) => m !== k),
      );
  }
  const day = change.read<StoredDay>(summaryKey(entry.day));
  const ids = (day?.ids ?? []).filter((id) => id !== entry.id);
  if (day?.ids.includes(entry.id) && holdsEntry(day.summary, entry)) {
    setDay(change, entry.day, changeDay(day.summary, entry.day, entry, -1), ids);
  } else {
    // The summary can't be holding it: rebuild the day from the entries it lists.
    await rebuildDay(change, entry.day, ids);
  }
}

async function rebuildDay(change: Change, day: string, ids: readonly string[]): Promise<void> {
  await change.load(ids.map(entryKey));
  const entries = ids
    .map((id) => parseCheckIn(change.read(entryKey(id))))
    .filter((entry): entry is CheckIn => entry !== null && entry.day === day);
  setDay(
    change,
    day,
    entries.length > 0 ? summarizeDay(day, entries) : null,
    entries.map((entry) => entry.id),
  );
}

function setDay(change: Change, day: string, summary: DaySummary | null, ids: string[]): void {
  change.write(summaryKey(day), summary ? { summary, ids } : null);
  const year = yearKey(yearOf(day));
  const days = change.read<string[]>(year) ?? [];
  if (summary) {
    if (!days.includes(day)) change.write(year, insertSorted(days, day, strings));
  } else if (days.includes(day)) {
    const left = days.filter((d) => d !== day);
    change.write(year, left.length > 0 ? left : null);
  }
}

async function index(change: Change, entry: CheckIn & { day: string }): Promise<void> {
  await change.load(keysFor(entry));
  change.write(entryKey(entry.id), entry);
  const n = bucketOf(entry.at);
  const bucket = change.read<Pair[]>(bucketKey(n)) ?? [];
  change.write(bucketKey(n), insertSorted(bucket, [entry.at, entry.id], comparePairs));
  if (bucket.length === 0) {
    const k = spanOf(n);
    const span = change.read<number[]>(spanKey(k)) ?? [];
    if (!span.includes(n)) change.write(spanKey(k), insertSorted(span, n, numbers));
    const root = change.read<number[]>(ROOT) ?? [];
    if (!root.includes(k)) change.write(ROOT, insertSorted(root, k, numbers));
  }
  const day = change.read<StoredDay>(summaryKey(entry.day));
  const ids = day?.ids.includes(entry.id) ? day.ids : [...(day?.ids ?? []), entry.id];
  setDay(change, entry.day, changeDay(day?.summary, entry.day, entry, 1), ids);
}

/** Replaces `previous` (or nothing) with `entry`, in `change`. Resolves to the entry as stored. */
async function replace(change: Change, previous: CheckIn | null, entry: CheckIn): Promise<void> {
  const placed = placeOnDay(entry, previous);
  if (previous) await unindex(change, placeOnDay(previous, null));
  await index(change, placed);
}

/** The stored entries, newest first, at or after `since` and before `before`, read a few days at a time. */
async function* newestFirst(before: number, since: number): AsyncGenerator<Pair> {
  const top = bucketOf(before - 1);
  const bottom = bucketOf(Math.max(0, since));
  const root = (await browser.storage.local.get(ROOT))[ROOT];
  const spans = (Array.isArray(root) ? (root as number[]) : [])
    .filter((k) => k <= spanOf(top) && k >= spanOf(bottom))
    .reverse();
  for (const k of spans) {
    const listed = (await browser.storage.local.get(spanKey(k)))[spanKey(k)];
    const days = (Array.isArray(listed) ? (listed as number[]) : [])
      .filter((n) => n <= top && n >= bottom)
      .reverse();
    for (let i = 0; i < days.length; i += 8) {
      const chunk = days.slice(i, i + 8);
      const stored = await browser.storage.local.get(chunk.map(bucketKey));
      for (const n of chunk) {
        const pairs = (stored[bucketKey(n)] ?? []) as Pair[];
        for (let j = pairs.length - 1; j >= 0; j--) {
          const pair = pairs[j] as Pair;
          if (pair[0] < before && pair[0] >= since) yield pair;
        }
      }
    }
  }
}

async function readEntries(ids: readonly string[]): Promise<(CheckIn | null)[]> {
  if (ids.length === 0) return [];
  const stored = await browser.storage.local.get(ids.map(entryKey));
  return ids.map((id) => parseCheckIn(stored[entryKey(id)]));
}

async function readEverything(): Promise<{
  keys: string[];
  entries: CheckIn[];
  unreadable: unknown[];
  /** The keys of the unreadable values, in the same order. */
  unreadableKeys: string[];
}> {
  const all = await browser.storage.local.get(null);
  const keys = Object.keys(all).filter((key) => key.startsWith(LOCAL_PREFIX));
  const entries: CheckIn[] = [];
  const unreadable: unknown[] = [];
  const unreadableKeys: string[] = [];
  for (const key of keys) {
    if (!key.startsWith(entryKey('')) || all[key] === null || all[key] === undefined) continue;
    const entry = parseCheckIn(all[key]);
    if (entry) entries.push(entry);
    else {
      unreadable.push(all[key]);
      unreadableKeys.push(key);
    }
  }
  return { keys, entries: entries.sort(byTime), unreadable, unreadableKeys };
}

export const localHistory: HistoryBackend = {
  place: 'storage.local',

  save: (entry) =>
    withHistoryLock(async () => {
      const change = new Change();
      await change.load([entryKey(entry.id)]);
      const previous = parseCheckIn(change.read(entryKey(entry.id)));
      await replace(change, previous, entry);
      await change.commit();
      return { created: previous === null, previous };
    }),

  remove: (id) =>
    withHistoryLock(async () => {
      const change = new Change();
      await change.load([entryKey(id)]);
      const previous = parseCheckIn(change.read(entryKey(id)));
      if (previous) await unindex(change, placeOnDay(previous, null));
      change.write(entryKey(id), null);
      await change.commit();
    }),

  clear: () =>
    withHistoryLock(async () => {
      const { keys } = await readEverything();
      if (keys.length > 0) await browser.storage.local.remove(keys);
    }),

  async recent({ since, limit }) {
    const ids: string[] = [];
    let cutoff: number | null = null;
    for await (const [at, id] of newestFirst(Number.MAX_SAFE_INTEGER, since)) {
      // Entries sharing the oldest time shown come along, as the database's range read has them.
      if (ids.length >= limit && at !== cutoff) break;
      ids.push(id);
      cutoff = at;
    }
    const entries = (await readEntries(ids)).filter((entry): entry is CheckIn => entry !== null);
    return entries.sort(byTime).slice(-limit);
  },

  async page({ before = Number.MAX_SAFE_INTEGER, limit, journalOnly = false, query = '' }: PageQuery) {
    const wanted = pageFilter(journalOnly, query);
    const entries: CheckIn[] = [];
    let lastAt: number | null = null;
    let batch: Pair[] = [];
    const take = async (): Promise<Page<CheckIn> | null> => {
      const read = await readEntries(batch.map(([, id]) => id));
      for (let i = 0; i < batch.length; i++) {
        const at = (batch[i] as Pair)[0];
        // A page never ends inside a group of entries sharing one time (see store.ts).
        if (entries.length >= limit && at !== lastAt) return { entries, next: lastAt };
        lastAt = at;
        const entry = read[i];
        if (entry && wanted(entry)) entries.push(entry);
      }
      batch = [];
      return null;
    };
    for await (const pair of newestFirst(before, 0)) {
      batch.push(pair);
      if (batch.length >= Math.max(limit, 100)) {
        const done = await take();
        if (done) return done;
      }
    }
    const done = await take();
    return done ?? { entries, next: null };
  },

  async summaries(fromDay, toDay) {
    const from = Number(yearOf(fromDay));
    const to = Number(yearOf(toDay));
    if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) return [];
    const years: string[] = [];
    for (let year = from; year <= to; year++) years.push(String(year).padStart(4, '0'));
    const listed = await browser.storage.local.get(years.map(yearKey));
    const days = years
      .flatMap((year) => (listed[yearKey(year)] ?? []) as string[])
      .filter((day) => day >= fromDay && day <= toDay);
    if (days.length === 0) return [];
    const stored = await browser.storage.local.get(days.map(summaryKey));
    return days
      .map((day) => (stored[summaryKey(day)] as StoredDay | null | undefined)?.summary)
      .filter((summary): summary is DaySummary => Boolean(summary))
      .sort((a, b) => strings(a.day, b.day));
  },

  async onDays(days) {
    if (days.length === 0) return [];
    const stored = await browser.storage.local.get(days.map(summaryKey));
    const ids = days.flatMap((day) => (stored[summaryKey(day)] as StoredDay | null | undefined)?.ids ?? []);
    const entries = (await readEntries(ids)).filter((entry): entry is CheckIn => entry !== null);
    return entries.sort(byTime);
  },

  async all() {
    const { entries, unreadable } = await readEverything();
    return { entries, unreadable };
  },

  async count() {
    const { entries, unreadable } = await readEverything();
    return entries.length + unreadable.length;
  },

  async get(id) {
    return parseCheckIn((await browser.storage.local.get(entryKey(id)))[entryKey(id)]);
  },

  merge: (entries) =>
    withHistoryLock(async () => {
      const change = new Change();
      await change.load(entries.map((entry) => entryKey(entry.id)));
      const result: MergeResult = { added: 0, same: 0, differing: [] };
      for (const entry of entries) {
        const stored = parseCheckIn(change.read(entryKey(entry.id)));
        if (stored) {
          if (sameCheckIn(stored, placeOnDay(entry, stored))) result.same++;
          else result.differing.push({ stored, incoming: entry });
          continue;
        }
        await replace(change, null, entry);
        result.added++;
      }
      await change.commit();
      return result;
    }),

  put: (entries) =>
    withHistoryLock(async () => {
      const change = new Change();
      await change.load(entries.map((entry) => entryKey(entry.id)));
      for (const entry of entries)
        await replace(change, parseCheckIn(change.read(entryKey(entry.id))), entry);
      await change.commit();
      return { written: entries.length };
    }),

  // Every write here lands whole (one `set`), and an entry carries its day: summaries can't drift.
  checkSummaries: async () => [],
};

/** Everything kept here, for the move into the database: the keys read, and the entries. */
export const readLocalHistory = readEverything;
