// The history as the popup (and the check-in window) uses it, loaded on first use by a dynamic
// import: the IndexedDB code (idb, the day summaries, the draft) is then not part of what the popup
// loads and runs before its first pick, which needs none of it (a check-in is saved once it exists,
// and the history only weighs the pick once read: components/checkin/CheckIn.tsx).
import { placeOnDay } from '../../core/data/days';
import { DAY, RECENT_HISTORY_DAYS, RECENT_HISTORY_LIMIT } from '../../core/history';
import type { CheckIn } from '../../core/schema';

// One import each, shared: calls keep their order, since each waits for the same module.
let storeModule: Promise<typeof import('./store')> | null = null;
let draftModule: Promise<typeof import('./draft')> | null = null;
const store = () => {
  storeModule ??= import('./store');
  return storeModule;
};
const draft = () => {
  draftModule ??= import('./draft');
  return draftModule;
};

export interface RecentHistory {
  load: () => Promise<CheckIn[]>;
  watch: (onChange: () => void) => () => void;
  /** Check-ins this page has just stored: taken into the history in memory, without a re-read. */
  apply: (entries: readonly CheckIn[]) => void;
}

/**
 * The recent check-ins (see core/history.ts), read once in a bounded amount, then kept: the page's
 * own saves are applied in memory, and only a change made elsewhere (another page, the background)
 * reads again. A re-read after each of its own saves put a read of up to RECENT_HISTORY_LIMIT
 * entries between "Done" and the next step (issue 15).
 */
export function recentHistory({
  read,
  watchOthers,
  now,
  later = afterPaint,
}: {
  /** The bounded read: at most RECENT_HISTORY_LIMIT check-ins since `since`, oldest first. */
  read: (since: number) => Promise<CheckIn[]>;
  /** Calls back whenever the history changed anywhere but here. */
  watchOthers: (onChange: () => void) => void;
  now: () => number;
  /** When listeners hear of the page's own saves: after the next step is painted, by default. */
  later?: (run: () => void) => void;
}): RecentHistory {
  let kept: CheckIn[] | null = null;
  // The page's own saves since, merged into `kept` at the next load rather than at the save.
  let saved: CheckIn[] = [];
  // A read in flight, and what this page stored since it began (applied to its answer).
  let reading: { done: Promise<CheckIn[]>; since: CheckIn[] } | null = null;
  const listeners = new Set<() => void>();
  // Changes elsewhere are heard for as long as the page lives (its popup, or check-in window).
  let watching = false;

  // As the read would give it: oldest first (entries sharing a time in id order, as the index keeps
  // them), within the window, at most the limit.
  const withEntries = (list: readonly CheckIn[], entries: readonly CheckIn[]) => {
    const byId = new Map(list.map((entry) => [entry.id, entry]));
    // With the day the store gives it (core/data/days.ts), as a read would bring it back.
    for (const entry of entries) byId.set(entry.id, placeOnDay(entry, byId.get(entry.id) ?? null));
    const since = now() - RECENT_HISTORY_DAYS * DAY;
    return [...byId.values()]
      .filter((entry) => entry.at >= since)
      .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
      .slice(-RECENT_HISTORY_LIMIT);
  };
  const notify = () => {
    for (const listener of listeners) listener();
  };

  return {
    load: () => {
      if (kept) {
        if (saved.length > 0) kept = withEntries(kept, saved);
        saved = [];
        return Promise.resolve(kept);
      }
      if (reading) return reading.done;
      const started = { since: [] as CheckIn[] } as { done: Promise<CheckIn[]>; since: CheckIn[] };
      started.done = read(now() - RECENT_HISTORY_DAYS * DAY).then(
        (found) => {
          const next = withEntries(found, started.since);
          // A change elsewhere meanwhile: this answer may be older than it, so it isn't kept.
          if (reading === started) {
            kept = next;
            reading = null;
          }
          return next;
        },
        (error: unknown) => {
          if (reading === started) reading = null;
          throw error;
        },
      );
      reading = started;
      return started.done;
    },
    watch: (onChange) => {
      listeners.add(onChange);
      if (!watching)
        watchOthers(() => {
          kept = null;
          saved = [];
          reading = null;
          notify();
        });
      watching = true;
      return () => listeners.delete(onChange);
    },
    // Nothing here weighs on the step the save ends: the merge waits for the next load, and the
    // listeners (a re-render over the whole recent history) for the step to be painted.
    apply: (entries) => {
      if (entries.length === 0) return;
      reading?.since.push(...entries);
      if (kept) saved.push(...entries);
      later(notify);
    },
  };
}

const afterPaint = (run: () => void) =>
  requestAnimationFrame(() => {
    setTimeout(run);
  });

/** The popup's recent history: read from the history database, whatever its size, in a bounded amount. */
export const historySource = recentHistory({
  read: async (since) => (await store()).recentCheckIns({ since, limit: RECENT_HISTORY_LIMIT }),
  watchOthers: (onChange) => void store().then((module) => module.watchHistory(onChange)),
  // Read at each call: whatever Date.now is then (a test's fake clock too), not the one at import.
  now: () => Date.now(),
});

/**
 * Stores a check-in and takes it into the popup's history. One with a journal line then lets its
 * draft go, once read back with exactly that line (platform/history/draft.ts).
 */
export async function saveCheckIn(entry: CheckIn): Promise<{ created: boolean }> {
  const savedAt = Date.now();
  const result = await (await store()).saveCheckIn(entry);
  historySource.apply([entry]);
  // Not settled: the draft stays, and the next open finds its line already stored.
  if (entry.journal)
    void draft()
      .then((module) => module.settleJournalDraft(entry, savedAt))
      .catch(() => undefined);
  return result;
}

export const saveJournalDraft = async (entry: CheckIn, text: string) =>
  (await draft()).saveJournalDraft(entry, text);

/** Puts every waiting journal line into its check-in; resolves to how many still wait. */
export async function recoverJournalDrafts(): Promise<{ waiting: number }> {
  const { stored, waiting } = await (await draft()).recoverJournalDrafts();
  historySource.apply(stored);
  // What the picker was to learn from a check-in whose page closed first (platform/learning.ts).
  void (await store()).learnWaitingLessons();
  return { waiting };
}
