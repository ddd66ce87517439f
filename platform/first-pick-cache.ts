// A copy of what a pick needs (the families to offer, where the person is) in the extension's
// localStorage, which a page can read synchronously: the popup's head script picks from it the moment
// a feeling is clicked at first paint (entrypoints/first-screen.ts). Reading extension storage takes a
// round trip to the browser that, while the app's script is loading, took 30–160 ms here; this takes
// none. It is only a cache: every page that reads the settings or the context writes them here, and
// the app checks the outlet shown against the stored values and picks again if they disagree
// (components/checkin/CheckIn.tsx). Without it (a first open, a browser that refuses localStorage),
// the head script waits for the storage read instead (platform/early-read.ts).
//
// No imports that touch `browser`: the head script imports this before the polyfill has loaded.
import * as v from 'valibot';
import type { OutletFamily } from '../core/families';
import { type Learned, parseLearned, storedLearned } from '../core/learning/totals';
import { type OwnOutlet, OwnOutletSchema } from '../core/outlets/own';
import { type Context, ContextSchema, parseFamilies } from '../core/schema';

import {
  FIRST_PICK_CONTEXT_KEY as CONTEXT_KEY,
  FIRST_PICK_FAMILIES_KEY as FAMILIES_KEY,
  FIRST_PICK_LEARNED_KEY as LEARNED_KEY,
  FIRST_PICK_OWN_KEY as OWN_KEY,
} from './storage-keys';

/** What the pick needs: the families to offer, where the person is, and what the picker learned. */
export interface PickInput {
  families: OutletFamily[];
  context: Context;
  /** Every device's totals (core/learning); missing: nothing learned yet, or no copy. */
  learned?: Learned;
  /** The person's own outlets (core/outlets/own.ts); missing: none, or no copy. */
  own?: OwnOutlet[];
}

/** The page's localStorage, or null where there is none (a service worker) or it is refused. */
function local(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function keep(key: string, value: unknown): void {
  try {
    local()?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or refused: the head script waits for the storage read instead.
  }
}

/** Keeps the families this page just read or saved. */
export const keepFamiliesForFirstPick = (families: readonly OutletFamily[]) => keep(FAMILIES_KEY, families);

/** Keeps the context this page just read or saved. */
export const keepContextForFirstPick = (context: Context) => keep(CONTEXT_KEY, context);

/** Keeps what the picker learned, as this page just read or wrote it. */
export const keepLearnedForFirstPick = (learned: Learned) => keep(LEARNED_KEY, storedLearned(learned));

/** Keeps the person's own outlets, as this page just read them. */
export const keepOwnForFirstPick = (own: readonly OwnOutlet[]) => keep(OWN_KEY, own);

/** The copy of the own outlets: the sound ones (the app checks the pick against storage anyway). */
function readOwnCopy(): OwnOutlet[] {
  const raw = local()?.getItem(OWN_KEY);
  const list: unknown = raw ? JSON.parse(raw) : [];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const parsed = v.safeParse(OwnOutletSchema, item);
    return parsed.success ? [parsed.output] : [];
  });
}

/** The copy of what the picker learned; none when missing or unsound (the pick then knows nothing yet). */
function readLearnedCopy(): Learned | undefined {
  const raw = local()?.getItem(LEARNED_KEY);
  if (!raw) return undefined;
  const parsed = parseLearned(JSON.parse(raw));
  return parsed.repaired ? undefined : parsed.value;
}

/** The cached pick input, or null when the families or the context are missing or unsound. */
export function readFirstPickCache(): PickInput | null {
  try {
    const families = local()?.getItem(FAMILIES_KEY);
    const context = local()?.getItem(CONTEXT_KEY);
    if (!families || !context) return null;
    const parsedFamilies = parseFamilies(JSON.parse(families));
    const parsedContext = v.safeParse(ContextSchema, JSON.parse(context));
    if (parsedFamilies.repaired || !parsedContext.success) return null;
    let learned: Learned | undefined;
    try {
      learned = readLearnedCopy();
    } catch {
      learned = undefined;
    }
    let own: OwnOutlet[] | undefined;
    try {
      own = readOwnCopy();
    } catch {
      own = undefined;
    }
    return {
      families: parsedFamilies.value,
      context: parsedContext.output,
      learned,
      own: own?.length ? own : undefined,
    };
  } catch {
    return null;
  }
}
