// Reading and writing the history (base.ts), and the writes a person makes one at a time: a check-in
// saved or deleted, or all of them, each taught to the picker (platform/learning.ts) as it is stored.
import { browser } from 'wxt/browser';
import { RECENT_HISTORY_DAYS, RECENT_HISTORY_LIMIT } from '../../core/history';
import type { CheckIn } from '../../core/schema';
import { DAY } from '../../core/time';
import { forgetLearned, learnFromCheckIn } from '../learning';
import { learnLater, learnWaiting } from '../learning-later';
import { DRAFT_PREFIX } from '../storage-keys';
import { backend, changed, getCheckIn, migrateLegacyCheckIns } from './base';

export * from './base';

/**
 * Stores one check-in (new, or a later state of the same one): the entry and its day's summary
 * together. The entry keeps the local day it was written on (`day`), whatever the zone now. Resolves
 * to whether it was new. Rejects when the write failed, so the page can say so.
 */
export async function saveCheckIn(entry: CheckIn): Promise<{ created: boolean }> {
  await migrateLegacyCheckIns();
  const history = await backend();
  // `previous`: what it said before, read in the same write, so the picker counts this check-in
  // once, as it stands now (core/learning/learn.ts).
  const { created, previous } = await history.save(entry);
  changed();
  // The picker learns once the next step is drawn: the person waited for these reads and writes of
  // storage after "Done" (issue 15). Kept at once, so a page closed meanwhile loses nothing.
  learnLater({ before: previous, after: entry }, learningSeed, afterPaint);
  return { created };
}

/** After the next frame is drawn; a page that draws none (hidden) still runs it, a little later. */
function afterPaint(run: () => void): void {
  let ran = false;
  const once = () => {
    if (ran) return;
    ran = true;
    run();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, 500);
}

/** Takes in what the picker was to learn from check-ins whose page closed first (learnLater). */
export function learnWaitingLessons(): Promise<void> {
  return learnWaiting(learningSeed);
}

/** The first totals of a browser that has none yet are seeded from this much recent history. */
const learningSeed = async () =>
  (await backend()).recent({ since: Date.now() - RECENT_HISTORY_DAYS * DAY, limit: RECENT_HISTORY_LIMIT });

export async function deleteCheckIn(id: string): Promise<void> {
  await migrateLegacyCheckIns();
  const before = await getCheckIn(id).catch(() => null);
  await (await backend()).remove(id);
  if (before) await learnFromCheckIn(before, null, learningSeed);
  // A line still waiting for this check-in would bring it back at the next open: it goes with it.
  await browser.storage.local.remove(`${DRAFT_PREFIX}${id}`);
  changed();
}

export async function deleteAllHistory(): Promise<void> {
  await migrateLegacyCheckIns();
  await (await backend()).clear();
  // What the picker learned from them goes too (here and in sync); other browsers keep their own.
  await forgetLearned().catch((error: unknown) =>
    console.warn('Outlet: what the picker learned stays.', error),
  );
  changed();
}
