// A journal line being typed, kept in storage.local at every keystroke: Chrome closes the popup as
// soon as focus leaves it, and a line typed there must not go with it. storage.local is used rather
// than the history because its write is handed to the browser at once, even by a page that is
// closing, and it works when the history's own storage refuses to.
//
// One draft per check-in (`journalDraft:<id>`), so a second line that couldn't be saved never takes
// the place of the first. A draft goes only once its check-in is read back from the history holding
// exactly that line; until then the next page to open (popup, check-in window, history) puts it in.
// Each draft carries when it was typed, so older words never come back over newer ones.

import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { type CheckIn, CheckInSchema, JOURNAL_MAX_LENGTH } from '../../core/schema';
import { liveLineNow } from '../checkin';
import { DRAFT_PREFIX, FLOW_KEY, OLD_DRAFT_KEY } from '../storage-keys';
import { getCheckIn, saveCheckIn } from './store';

/** Outlet before 0.3 kept one draft for all check-ins; read once, so a line waiting there isn't lost. */
export { DRAFT_PREFIX };

const draftKey = (checkInId: string) => `${DRAFT_PREFIX}${checkInId}`;

const DraftSchema = v.object({
  entry: CheckInSchema,
  text: v.pipe(v.string(), v.maxLength(JOURNAL_MAX_LENGTH)),
  /** When it was typed (epoch ms). The old single draft has none: older than any newer one. */
  typedAt: v.optional(v.number(), 0),
});
type Draft = v.InferOutput<typeof DraftSchema>;

/** Keeps what is typed so far for `entry`'s journal line (emptied: nothing is kept). */
export async function saveJournalDraft(entry: CheckIn, text: string): Promise<void> {
  const key = draftKey(entry.id);
  if (text.trim() === '') await browser.storage.local.remove(key);
  else
    await browser.storage.local.set({
      [key]: { entry, text: text.slice(0, JOURNAL_MAX_LENGTH), typedAt: Date.now() },
    });
}

async function readDraft(key: string): Promise<Draft | null> {
  const parsed = v.safeParse(DraftSchema, (await browser.storage.local.get(key))[key]);
  return parsed.success ? parsed.output : null;
}

const isStored = async (checkInId: string, line: string) => (await getCheckIn(checkInId))?.journal === line;

/** The draft under `key` is still the one read before (nobody typed on, nobody settled it). */
async function unchanged(key: string, draft: Draft): Promise<boolean> {
  const now = await readDraft(key);
  return now !== null && now.typedAt === draft.typedAt && now.text === draft.text;
}

/**
 * After `stored` (a check-in with its journal line) was saved by a save begun at `savedAt`: reads it
 * back, and lets its draft go if the history holds exactly that line and the draft holds nothing
 * typed after the save began. Resolves to whether no draft is left for it.
 */
export async function settleJournalDraft(stored: CheckIn, savedAt: number): Promise<boolean> {
  const key = draftKey(stored.id);
  const draft = await readDraft(key);
  if (
    draft &&
    (draft.typedAt <= savedAt || draft.text.trim() === stored.journal) &&
    (await isStored(stored.id, stored.journal ?? '')) &&
    (await unchanged(key, draft))
  )
    await browser.storage.local.remove(key);
  return (await readDraft(key)) === null;
}

/** Every draft key: without reading every stored value where the browser can list keys alone. */
async function draftKeys(): Promise<string[]> {
  const local = browser.storage.local as typeof browser.storage.local & { getKeys?: () => Promise<string[]> };
  let keys: string[];
  try {
    // Chrome 130, Firefox 143: the keys alone. storage.local may hold the whole history where the
    // browser refuses IndexedDB, and this runs at every page's open.
    keys = await (local.getKeys as () => Promise<string[]>)();
  } catch {
    keys = Object.keys(await local.get(null));
  }
  return keys.filter((key) => key === OLD_DRAFT_KEY || key.startsWith(DRAFT_PREFIX));
}

export interface Recovery {
  /** The check-ins stored with their line, as stored. */
  stored: CheckIn[];
  /** Lines still waiting in their draft: the history could not take them now. */
  waiting: number;
}

/**
 * Puts every line left in a draft (its page closed, or its save failed) into its check-in, keeping
 * everything else the check-in holds by now (a later "did it help?"). A draft is cleared only once
 * its check-in is read back with exactly that line; one that can't be stored now stays for the next
 * open, and is counted in `waiting`. The line of a check-in still under way (core/checkin/resume.ts)
 * is left to it: it is stored when that check-in ends, and recording it now would record a check-in
 * the person may still back out of.
 */
export async function recoverJournalDrafts(): Promise<Recovery> {
  // The line of a check-in still under way is the check-in's to store when it ends (issue 16).
  const live = await liveLineNow().catch(() => null);
  const keys = (await draftKeys()).filter((key) => live === null || key !== draftKey(live));
  const values = await browser.storage.local.get(keys);
  const result: Recovery = { stored: [], waiting: 0 };
  for (const key of keys) {
    const parsed = v.safeParse(DraftSchema, values[key]);
    if (!parsed.success) {
      console.warn('Outlet: an unreadable journal draft is left as it is.');
      continue;
    }
    const draft = parsed.output;
    try {
      // The single draft of an older Outlet: a draft of the same check-in kept since is newer.
      if (key === OLD_DRAFT_KEY && keys.includes(draftKey(draft.entry.id)))
        await browser.storage.local.remove(key);
      else {
        const stored = await recoverOne(key, draft);
        if (stored) result.stored.push(stored);
      }
    } catch (error) {
      result.waiting++;
      console.warn('Outlet: a journal line waits in its draft.', error);
    }
  }
  return result;
}

/** Stores the draft's line in its check-in, reads it back, and only then lets the draft go. */
async function recoverOne(key: string, draft: Draft): Promise<CheckIn | null> {
  const line = draft.text.trim();
  const current = await getCheckIn(draft.entry.id);
  let stored: CheckIn | null = null;
  if (line && current?.journal !== line) {
    // Someone is typing this line on right now (or just stored it): their newer words win, and
    // their page stores them, or the next open does.
    if (!(await unchanged(key, draft))) return null;
    // The check-in as stored by now (or, if it never was, as it was when the line was typed).
    stored = { ...(current ?? draft.entry), journal: line };
    await saveCheckIn(stored);
    if (!(await isStored(draft.entry.id, line))) throw new Error('not stored as typed');
  }
  if (await unchanged(key, draft)) await browser.storage.local.remove(key);
  return stored;
}

/** Delete everything: every draft goes, with the history it was waiting for, and the check-in under way. */
export async function clearAllJournalDrafts(): Promise<void> {
  const keys = [...(await draftKeys()), FLOW_KEY];
  await browser.storage.local.remove(keys);
}
