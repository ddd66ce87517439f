// What the picker learned, as read from the two storage areas' items: this browser's merged copy in
// storage.local and every browser's own totals in storage.sync (platform/learning.ts keeps both).
// No `browser` here: the popup's head script reads through it before the polyfill has loaded.
import { type Learned, mergeLearned, parseLearned, parseTotals, type Totals } from '../core/learning/totals';
import { LEARN_SYNC_PREFIX, LEARNING_KEY } from './storage-keys';

/** Every device's totals in the sync area's items (unsound ones left out). */
export function learnedFromSync(items: Record<string, unknown>): Learned {
  const devices: Record<string, Totals> = {};
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(LEARN_SYNC_PREFIX)) continue;
    const totals = parseTotals(value);
    if (totals) devices[key.slice(LEARN_SYNC_PREFIX.length)] = totals;
  }
  return parseLearned({ v: 1, devices }).value;
}

/** Both areas' views merged: this browser's own copy and what sync brought from the others. */
export function learnedFromAreas(local: Record<string, unknown>, sync: Record<string, unknown>): Learned {
  return mergeLearned(parseLearned(local[LEARNING_KEY]).value, learnedFromSync(sync));
}
