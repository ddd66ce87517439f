// A journal line being typed, kept in storage.local at every keystroke: Chrome closes the popup as
// soon as focus leaves it, and a line typed there must not go with it. storage.local is used rather
// than the database because its write is handed to the browser at once, even by a page that is
// closing. The next page to open (popup, check-in window, history) puts the line into its check-in.
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { type CheckIn, CheckInSchema, JOURNAL_MAX_LENGTH } from '../../core/schema';
import { db } from './db';
import { saveCheckIn } from './store';

const DRAFT_KEY = 'journalDraft';

const DraftSchema = v.object({
  entry: CheckInSchema,
  text: v.pipe(v.string(), v.maxLength(JOURNAL_MAX_LENGTH)),
});

/** Keeps what is typed so far for `entry`'s journal line. */
export async function saveJournalDraft(entry: CheckIn, text: string): Promise<void> {
  if (text.trim() === '') await browser.storage.local.remove(DRAFT_KEY);
  else await browser.storage.local.set({ [DRAFT_KEY]: { entry, text: text.slice(0, JOURNAL_MAX_LENGTH) } });
}

export async function clearJournalDraft(): Promise<void> {
  await browser.storage.local.remove(DRAFT_KEY);
}

/**
 * Puts a line left in a draft (its popup closed before the step ended) into its check-in, keeping
 * everything else the check-in holds by now. Resolves to whether there was one. The draft is cleared
 * only once the line is stored.
 */
export async function recoverJournalDraft(): Promise<boolean> {
  const stored = (await browser.storage.local.get(DRAFT_KEY))[DRAFT_KEY];
  if (stored === undefined) return false;
  const draft = v.safeParse(DraftSchema, stored);
  if (!draft.success) {
    console.warn('Outlet: a journal draft could not be read; it is left as it is.');
    return false;
  }
  const { entry, text } = draft.output;
  const current = await (await db()).get('checkins', entry.id);
  const base = current ?? entry;
  const journal = text.trim();
  // The draft is cleared whenever a step ends with its line stored, so one still here is the newest.
  if (base.journal !== journal) await saveCheckIn({ ...base, journal });
  await clearJournalDraft();
  return true;
}
