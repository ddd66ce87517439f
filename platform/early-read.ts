// What a pick needs (the settings and the check-in context), read from storage by the popup's head
// script (entrypoints/first-screen.ts) while the app's modules are still loading, so that a feeling
// clicked at first paint is acted on at once: the head script picks from this read itself
// (`pickInputFromRead`) when its copy in localStorage is missing (platform/first-pick-cache.ts), and
// draws the outlet; the app takes the same promises
// (platform/settings.ts `settingsFromEarlyRead`, platform/storage.ts `contextFromEarlyRead`) and
// reads from storage itself when they are missing.
//
// Kept small: it runs in a classic script, before the polyfill, so it imports nothing that touches
// `browser`. Both Chrome's `chrome.storage` (MV3) and Firefox's `browser.storage` return promises.
import * as v from 'valibot';
import { ContextSchema, DEFAULT_CONTEXT_STATE, PREFERENCE_KEYS, parseFamilies } from '../core/schema';
import type { PickInput } from './first-pick-cache';
import { learnedFromAreas } from './learned-areas';
import { ownOutletsFrom } from './own-outlets-read';
import {
  CONTEXT_KEY,
  FLOW_KEY,
  LEARN_SYNC_PREFIX,
  LEARNING_KEY,
  OWN_OUTLET_PREFIX,
  PERSON_PREFIX,
  PREF_PREFIX,
  SCHEDULE_KEY,
  SETTINGS_MOVED_KEY,
  TIMER_KEY,
} from './storage-keys';
import { type ReadableArea, readStored } from './storage-read';

/**
 * The storage.local keys the early read holds, and nothing else (storage.local may hold the whole
 * history where IndexedDB is refused, platform/storage-read.ts): the migration flag, the context,
 * the check-in under way and its walk (each value with its version key, `<key>$`), what the picker
 * learned, the people, and the schedule (a fixed time's family to offer first). A reader of the early read that needs another key reads it itself
 * (platform/checkin.ts does, for a draft).
 */
export const EARLY_LOCAL = {
  keys: [
    SETTINGS_MOVED_KEY,
    CONTEXT_KEY,
    `${CONTEXT_KEY}$`,
    FLOW_KEY,
    TIMER_KEY,
    `${TIMER_KEY}$`,
    LEARNING_KEY,
    SCHEDULE_KEY,
    `${SCHEDULE_KEY}$`,
  ],
  prefixes: [PERSON_PREFIX, OWN_OUTLET_PREFIX],
} as const;

/** The storage.sync keys it holds: the preferences (`pref:<name>`) and each browser's learning (`learn:<id>`). */
export const EARLY_SYNC = {
  keys: PREFERENCE_KEYS.map((name) => `${PREF_PREFIX}${name}`),
  prefixes: [LEARN_SYNC_PREFIX],
};

export interface EarlyRead {
  /** storage.sync: the keys of EARLY_SYNC. */
  sync: Promise<Record<string, unknown>>;
  /** storage.local: the keys of EARLY_LOCAL. */
  local: Promise<Record<string, unknown>>;
}

declare global {
  interface Window {
    __outletEarlyRead?: EarlyRead;
  }
}

/**
 * Starts both reads at once and leaves them for the app on `window`; does nothing (undefined) where
 * there is no extension storage (a plain page, a test).
 */
export function startEarlyRead(): EarlyRead | undefined {
  const api = globalThis as { browser?: unknown; chrome?: unknown } as {
    browser?: { storage?: { sync: ReadableArea; local: ReadableArea } };
    chrome?: { storage?: { sync: ReadableArea; local: ReadableArea } };
  };
  const storage = (api.browser ?? api.chrome)?.storage;
  if (!storage) return undefined;
  try {
    const read: EarlyRead = {
      sync: readStored(storage.sync, EARLY_SYNC),
      local: readStored(storage.local, EARLY_LOCAL),
    };
    // Never an unhandled rejection: the app reads again on its own if these fail.
    read.sync.catch(() => undefined);
    read.local.catch(() => undefined);
    window.__outletEarlyRead = read;
    return read;
  } catch {
    // No storage here after all: the app reads on its own.
    return undefined;
  }
}

/**
 * Hands the reads over once (a second take, e.g. after a re-render, reads storage afresh). Starts
 * them now if the head script's task hasn't yet.
 */
export function takeEarlyRead(): EarlyRead | undefined {
  if (!window.__outletEarlyRead) startEarlyRead();
  const read = window.__outletEarlyRead;
  delete window.__outletEarlyRead;
  return read;
}

/**
 * The families and the context from a read of both areas, by the rules the app reads them with
 * (platform/settings.ts, platform/storage.ts; tests/unit/early-pick.test.ts holds them together).
 * Null when it can't tell: a read that failed, or Outlet 0.1's settings not yet moved (the app moves
 * them first).
 */
/** None is left out, as the copy in localStorage leaves it (first-pick-cache.ts). */
const ownOpt = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);

export async function pickInputFromRead(read: EarlyRead | undefined): Promise<PickInput | null> {
  if (!read) return null;
  try {
    const [synced, local] = await Promise.all([read.sync, read.local]);
    if (local[SETTINGS_MOVED_KEY] !== true) return null;
    // Nothing stored, or something unsound: the default, as the app's read gives.
    const context = v.safeParse(ContextSchema, local[CONTEXT_KEY]);
    return {
      families: parseFamilies(synced[`${PREF_PREFIX}families`]).value,
      context: context.success ? context.output : DEFAULT_CONTEXT_STATE,
      learned: learnedFromAreas(local, synced),
      own: ownOpt(ownOutletsFrom(local).outlets),
    };
  } catch {
    return null;
  }
}
