// What a place that keeps the history must do. Two do it: IndexedDB (idb.ts), where the browser allows
// it, and storage.local (local.ts) where it doesn't (Firefox's "never remember history" mode refuses
// IndexedDB to extensions: `indexedDB.open` fails with InvalidStateError, while storage.local works and
// keeps its data across restarts). store.ts picks one per context and speaks for both.
import type { DaySummary } from '../../core/data/days';
import type { Page, PageQuery } from '../../core/data/transfer';
import type { CheckIn } from '../../core/schema';

// A page of the history and how to ask for one: the history page asks with them too.
export type { Page, PageQuery };

export interface MergeResult {
  added: number;
  /** Already stored exactly as in the file. */
  same: number;
  /** Stored under the same id with different content: left as stored, for the person to choose. */
  differing: { stored: CheckIn; incoming: CheckIn }[];
}

export type HistoryPlace = 'indexeddb' | 'storage.local';

export interface HistoryBackend {
  place: HistoryPlace;
  /** `previous`: the stored version it replaced (null: new, or unreadable), read in the same write. */
  save(entry: CheckIn): Promise<{ created: boolean; previous: CheckIn | null }>;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
  recent(query: { since: number; limit: number }): Promise<CheckIn[]>;
  page(query: PageQuery): Promise<Page<CheckIn>>;
  summaries(fromDay: string, toDay: string): Promise<DaySummary[]>;
  /** The check-ins counted on these days (`YYYY-MM-DD`), oldest first: "on this day" reads a handful. */
  onDays(days: readonly string[]): Promise<CheckIn[]>;
  all(): Promise<{ entries: CheckIn[]; unreadable: unknown[] }>;
  count(): Promise<number>;
  get(id: string): Promise<CheckIn | null>;
  merge(entries: readonly CheckIn[]): Promise<MergeResult>;
  put(entries: readonly CheckIn[]): Promise<{ written: number }>;
  /** Mends summaries that disagree with their entries; resolves to the days rebuilt. */
  checkSummaries(): Promise<string[]>;
}

/** Whether entry `a` comes before `b` in time order (ties by id, as IndexedDB's `at` index has them). */
export const byTime = (a: CheckIn, b: CheckIn) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Whether an entry passes a page's filter (journal lines only; containing `needle`, any case). */
export function pageFilter(journalOnly: boolean, query: string): (entry: CheckIn) => boolean {
  const needle = query.trim().toLocaleLowerCase();
  return (entry) =>
    (!journalOnly || Boolean(entry.journal)) &&
    (needle === '' || (entry.journal ?? '').toLocaleLowerCase().includes(needle));
}

const LOCK_NAME = 'outlet:history';
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `task` while no other writer of the storage.local history runs, in any page or the worker:
 * its writes read, change and write back small shared keys (a day's index, its summary). The Web Locks
 * API is shared by every context of the extension (Chrome's pages and service worker; Firefox's pages
 * and event page) and lets go when a context closes mid-task. Where it is missing, writers of this
 * context still take turns.
 */
export function withHistoryLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks || typeof locks.request !== 'function') return inTurn(task);
  let ran = false;
  const locked = async () => {
    ran = true;
    return task();
  };
  // A lock manager that refuses (a context it doesn't serve) must not cost the save: take turns here.
  return Promise.resolve()
    .then(() => locks.request(LOCK_NAME, locked) as Promise<T>)
    .catch((error: unknown) => {
      if (ran) throw error;
      return inTurn(task);
    });
}

function inTurn<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}
