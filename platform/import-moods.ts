// Where the person placed another mood app's mood names on Outlet's feelings, kept in storage.local
// for the next import from that app (platform/app-import.ts), and forgotten with everything else
// ("delete everything", platform/data-transfer.ts): the names are the person's own words.
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { ImportSource, Placements } from '../core/data/imports';
import { FEELING_IDS } from '../core/feelings';
import { IMPORT_SOURCES, IMPORTED_MOOD_MAX } from '../core/schema';
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

/** How many mood names are remembered, over every app (for "delete everything" to say so). */
export async function rememberedMoodCount(): Promise<number> {
  const all = await loadAll();
  return Object.values(all).reduce((sum, places) => sum + Object.keys(places ?? {}).length, 0);
}

/** Forgets every app's mood names. */
export async function forgetPlacements(): Promise<void> {
  await browser.storage.local.remove(IMPORT_MOODS_KEY);
}
