// Bringing entries in from another mood app, the browser's side: the file's text, the places the
// person gave their mood names last time (storage.local), and the check-ins stored all or nothing.
// The reading and checking is core/data/imports/ (pure); the steps are components/history/AppImport.tsx.
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { ImportSource, Placements } from '../core/data/imports';
import type { BulkOptions } from '../core/data/transfer';
import { FEELING_IDS } from '../core/feelings';
import { type CheckIn, IMPORT_SOURCES, IMPORTED_MOOD_MAX } from '../core/schema';
import { type DataAccess, storeAccess } from './data-transfer';
import { IMPORT_MOODS_KEY } from './storage-keys';

/** Mood names remembered per app: more than any person names (Daylio allows a few dozen). */
export const REMEMBERED_MOODS_MAX = 500;

const PlacementsSchema = v.record(
  v.pipe(v.string(), v.minLength(1), v.maxLength(IMPORTED_MOOD_MAX)),
  v.picklist(FEELING_IDS),
);

/** The stored places of every app, read entry by entry: a bad one is left out, the rest kept. */
async function loadAll(): Promise<Partial<Record<ImportSource, Record<string, string>>>> {
  const stored = (await browser.storage.local.get(IMPORT_MOODS_KEY))[IMPORT_MOODS_KEY];
  if (typeof stored !== 'object' || stored === null) return {};
  const all: Partial<Record<ImportSource, Record<string, string>>> = {};
  for (const source of IMPORT_SOURCES) {
    const raw = (stored as Record<string, unknown>)[source];
    if (typeof raw !== 'object' || raw === null) continue;
    const kept: Record<string, string> = {};
    for (const [key, feeling] of Object.entries(raw)) {
      if (v.is(PlacementsSchema, { [key]: feeling })) kept[key] = feeling as string;
    }
    all[source] = kept;
  }
  return all;
}

/** Where the person placed this app's mood names at earlier imports (none if it can't be read). */
export async function loadPlacements(source: ImportSource): Promise<Placements> {
  try {
    return ((await loadAll())[source] ?? {}) as Placements;
  } catch {
    return {};
  }
}

/** Keeps this import's places for the next one: the newest win, at most REMEMBERED_MOODS_MAX an app. */
export async function rememberPlacements(source: ImportSource, placements: Placements): Promise<void> {
  const all = await loadAll();
  const merged = { ...(all[source] ?? {}), ...placements };
  const keys = Object.keys(merged);
  const kept = Object.fromEntries(
    keys.slice(Math.max(0, keys.length - REMEMBERED_MOODS_MAX)).map((k) => [k, merged[k]]),
  );
  await browser.storage.local.set({ [IMPORT_MOODS_KEY]: { ...all, [source]: kept } });
}

export interface StoredImport {
  added: number;
  /** Already here exactly as made now (an earlier import of the same entries). */
  same: number;
  /** Already here with other content (placed on another feeling since): kept as here. */
  differing: number;
}

/**
 * Stores the check-ins in one write: all of them or, if it fails, none (the caller says so, and
 * trying again adds nothing twice: each entry's id is made from what it is).
 */
export async function storeImported(
  checkIns: readonly CheckIn[],
  { access = storeAccess, signal }: { access?: DataAccess } & Pick<BulkOptions, 'signal'> = {},
): Promise<StoredImport> {
  const result = await access.mergeCheckIns(checkIns, { chunkSize: Math.max(1, checkIns.length), signal });
  return { added: result.added, same: result.same, differing: result.differing.length };
}

/** A chosen file's text; rejects when it can't be read (moved, or no longer allowed). */
export function fileText(file: Blob): Promise<string> {
  return file.text();
}
