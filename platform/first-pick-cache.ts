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
import {
  DEVICES_MAX,
  FAMILY_CELLS,
  type Learned,
  OUTLETS_MAX,
  summedTotals,
  type Totals,
} from '../core/learning/totals';
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

/**
 * Keeps what the picker learned, as this page just read or wrote it: every browser's totals already
 * summed into one (core/learning/totals.ts `summedTotals`), so the first pick reads one small item and
 * merges nothing, and the pick it makes is the one the app would make from the same totals.
 */
export const keepLearnedForFirstPick = (learned: Learned, now = Date.now()) =>
  keep(LEARNED_KEY, summedTotals(learned, now));

const amount = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;

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

/**
 * The summed copy of what the picker learned; none when missing or unsound (the pick then knows
 * nothing yet). Checked by hand rather than by the stored shape's schema (TotalsSchema): it is read
 * the moment a feeling is clicked at first paint, where every millisecond shows, and this page's own
 * code wrote it. What the check lets through, TotalsSchema's bounds aside, is sound for the picker:
 * finite, never negative, the right number of cells (tests/unit/early-pick.test.ts).
 */
function readLearnedCopy(): Learned | undefined {
  const raw = local()?.getItem(LEARNED_KEY);
  if (!raw) return undefined;
  const copy = JSON.parse(raw) as Partial<Totals> | null;
  if (!copy || !Number.isInteger(copy.at) || (copy.at as number) < 0) return undefined;
  const { cells, outlets } = copy;
  if (!Array.isArray(cells) || cells.length !== FAMILY_CELLS * 2 || !cells.every(amount)) return undefined;
  if (typeof outlets !== 'object' || !outlets || Array.isArray(outlets)) return undefined;
  const entries = Object.entries(outlets);
  if (entries.length > OUTLETS_MAX * DEVICES_MAX) return undefined;
  for (const [, pair] of entries)
    if (!Array.isArray(pair) || pair.length !== 2 || !amount(pair[0]) || !amount(pair[1])) return undefined;
  return { devices: { summed: copy as Totals } };
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
