// The history as the popup (and the check-in window) uses it, loaded on first use by a dynamic
// import: the IndexedDB code (idb, the day summaries, the draft) is then not part of what the popup
// loads and runs before its first pick, which needs none of it (a check-in is saved once it exists,
// and the history only weighs the pick once read: components/checkin/CheckIn.tsx).
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

export const saveCheckIn = async (entry: CheckIn) => (await store()).saveCheckIn(entry);
export const saveJournalDraft = async (entry: CheckIn, text: string) =>
  (await draft()).saveJournalDraft(entry, text);
export const clearJournalDraft = async () => (await draft()).clearJournalDraft();
export const recoverJournalDraft = async () => (await draft()).recoverJournalDraft();

/**
 * The recent check-ins the popup needs (see core/history.ts), read in a bounded amount from the
 * history database whatever its size; follows every change to the history.
 */
export const historySource = {
  load: async () =>
    (await store()).recentCheckIns({
      since: Date.now() - RECENT_HISTORY_DAYS * DAY,
      limit: RECENT_HISTORY_LIMIT,
    }),
  watch: (onChange: () => void) => {
    let unwatch: (() => void) | null = null;
    let stopped = false;
    void store().then((module) => {
      if (!stopped) unwatch = module.watchHistoryHere(onChange);
    });
    return () => {
      stopped = true;
      unwatch?.();
    };
  },
};
