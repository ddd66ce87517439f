// What the picker has learned, as small running totals: for every family × kind of feeling × place a
// pair (evidence that it helped, evidence that it didn't), and the same pair per outlet. Each device
// keeps its own totals and is their only writer; the person's other browsers get them through
// storage.sync (platform/learning.ts) and the picker reads the sum of every device's. Summing totals
// that each device writes alone is what makes a merge safe: no answer is counted twice (a device's
// entry is replaced by its own newer copy, never added to it) and none is lost (every device's newest
// copy is in the sum). The check-ins themselves never leave the device and are never changed here.
//
// Old evidence fades: every total halves in HALF_LIFE_DAYS (people change, and what helped in spring
// may not in autumn). A device's totals are stored "as of" a moment (`at`) and faded to `now` on read,
// so reading is a fixed amount of work (FAMILY_CELLS pairs and at most OUTLETS_MAX per device, at most
// DEVICES_MAX devices) whatever the length of the history.
//
// Pure: `now` comes in as an argument.
import * as v from 'valibot';
import { OUTLET_FAMILIES, type OutletFamily } from '../families';
import { ID_MAX_LENGTH } from '../schema';
import { DAY } from '../time';
import { FEELING_KINDS, type FeelingKind, PLACES, type Place } from './kinds';

export const HALF_LIFE_DAYS = 30;
/** Cells of family × kind × place; each holds two numbers (helped, didn't). */
export const FAMILY_CELLS = OUTLET_FAMILIES.length * FEELING_KINDS.length * PLACES.length;
/** Outlets with their own totals, per device: the catalogue has 50; ids from older versions fade out. */
export const OUTLETS_MAX = 80;
/** Browsers whose totals are summed: the newest this many (an old device's totals have faded anyway). */
export const DEVICES_MAX = 8;
/** Totals below this are dropped: they no longer move a pick, and dropping them keeps the state small. */
const NEGLIGIBLE = 0.005;
/** Three decimals: plenty for evidence counted in tenths, and a small item in storage.sync. */
const round = (n: number) => Math.round(n * 1000) / 1000;

/** One device's totals, as of `at`. `cells[2i]` helped, `cells[2i + 1]` didn't, for cell i (cellIndex). */
export interface Totals {
  at: number;
  /** When this device began learning: check-ins made before are in its seed (learn.ts) or not at all. */
  from: number;
  cells: number[];
  outlets: Record<string, [number, number]>;
}

/** Every device's totals, by device id. */
export interface Learned {
  devices: Record<string, Totals>;
}

export const emptyTotals = (at = 0): Totals => ({
  at,
  from: at,
  cells: new Array(FAMILY_CELLS * 2).fill(0),
  outlets: {},
});
export const EMPTY_LEARNED: Learned = { devices: {} };

export function cellIndex(family: OutletFamily, kind: FeelingKind, place: Place): number {
  return (
    (OUTLET_FAMILIES.indexOf(family) * FEELING_KINDS.length + FEELING_KINDS.indexOf(kind)) * PLACES.length +
    PLACES.indexOf(place)
  );
}

/** How much evidence `age` ms old still counts: 1 when fresh (or dated ahead, a clock set back), halving. */
export function fade(age: number): number {
  return age <= 0 ? 1 : 0.5 ** (age / (HALF_LIFE_DAYS * DAY));
}

/** One piece of evidence about an outlet, from one check-in (core/learning/evidence.ts). */
export interface Evidence {
  outletId: string;
  family: OutletFamily;
  kind: FeelingKind;
  place: Place;
  /** When the check-in was made: evidence fades from then. */
  at: number;
  helped: number;
  not: number;
}

/**
 * The totals with evidence added (sign 1) or taken back (sign -1, a check-in answered again or
 * deleted), as of `now` (or the totals' own moment if later: a clock set back never un-fades them).
 * Evidence is faded from its check-in's time, so taking it back removes exactly what adding it put in.
 */
export function withEvidence(
  totals: Totals,
  evidence: readonly Evidence[],
  now: number,
  sign: 1 | -1 = 1,
): Totals {
  const at = Math.max(totals.at, now);
  const aged = fade(at - totals.at);
  const cells = totals.cells.map((n) => n * aged);
  const outlets = new Map<string, [number, number]>();
  for (const [id, [h, n]] of Object.entries(totals.outlets)) outlets.set(id, [h * aged, n * aged]);
  for (const e of evidence) {
    const weight = sign * fade(at - e.at);
    const i = cellIndex(e.family, e.kind, e.place) * 2;
    cells[i] = (cells[i] as number) + e.helped * weight;
    cells[i + 1] = (cells[i + 1] as number) + e.not * weight;
    const [h, n] = outlets.get(e.outletId) ?? [0, 0];
    outlets.set(e.outletId, [h + e.helped * weight, n + e.not * weight]);
  }
  return tidy({ at, from: totals.from, cells, outlets: Object.fromEntries(outlets) });
}

/** Rounded, never negative, negligible outlets dropped, at most OUTLETS_MAX (the most evidence kept). */
function tidy(totals: Totals): Totals {
  const clean = (n: number) => (Number.isFinite(n) && n > NEGLIGIBLE ? round(n) : 0);
  const outlets = Object.entries(totals.outlets)
    .map(([id, [h, n]]) => [id, [clean(h), clean(n)]] as [string, [number, number]])
    .filter(([, [h, n]]) => h + n > 0)
    .sort((a, b) => b[1][0] + b[1][1] - (a[1][0] + a[1][1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, OUTLETS_MAX);
  return {
    at: totals.at,
    from: totals.from,
    cells: totals.cells.map(clean),
    outlets: Object.fromEntries(outlets),
  };
}

/**
 * Two views of the same people's devices, merged: for each device, its newer copy (only that device
 * writes its totals, so a newer copy already holds everything the older one did). Commutative,
 * associative and idempotent (tests/unit/learning-merge.property.test.ts).
 */
export function mergeLearned(a: Learned, b: Learned): Learned {
  const devices: Record<string, Totals> = {};
  for (const id of new Set([...Object.keys(a.devices), ...Object.keys(b.devices)]).values()) {
    const x = Object.hasOwn(a.devices, id) ? a.devices[id] : undefined;
    const y = Object.hasOwn(b.devices, id) ? b.devices[id] : undefined;
    devices[id] = (x && y ? newer(x, y) : (x ?? y)) as Totals;
  }
  return capDevices({ devices });
}

// Copies of one device at the same moment are the same (one writer); should they differ, the larger
// in canonical order wins, so the merge doesn't depend on which side came first.
function newer(x: Totals, y: Totals): Totals {
  if (x.at !== y.at) return x.at > y.at ? x : y;
  return JSON.stringify(x) >= JSON.stringify(y) ? x : y;
}

function capDevices(learned: Learned): Learned {
  const ids = Object.keys(learned.devices);
  if (ids.length <= DEVICES_MAX) return learned;
  const kept = ids
    .sort((a, b) => (learned.devices[b] as Totals).at - (learned.devices[a] as Totals).at || (a < b ? -1 : 1))
    .slice(0, DEVICES_MAX);
  return { devices: Object.fromEntries(kept.map((id) => [id, learned.devices[id] as Totals])) };
}

/** Every device's totals faded to `now` and summed: what the picker reads (core/learning/choose.ts). */
export interface Pooled {
  cells: Float64Array;
  outlets: Map<string, [number, number]>;
  /** All the evidence there is: 0 means the picker knows nothing yet. */
  total: number;
}

export function pooled(learned: Learned, now: number): Pooled {
  const cells = new Float64Array(FAMILY_CELLS * 2);
  const outlets = new Map<string, [number, number]>();
  let total = 0;
  for (const totals of Object.values(learned.devices)) {
    const aged = fade(now - totals.at);
    totals.cells.forEach((n, i) => {
      cells[i] = (cells[i] as number) + n * aged;
      total += n * aged;
    });
    for (const [id, [h, n]] of Object.entries(totals.outlets)) {
      const [H, N] = outlets.get(id) ?? [0, 0];
      outlets.set(id, [H + h * aged, N + n * aged]);
    }
  }
  return { cells, outlets, total };
}

/**
 * Every device's totals summed into one as of `now`: the small copy the popup's first pick reads
 * (platform/first-pick-cache.ts). Fading is a factor, so the sum faded later is the same as every
 * device faded and summed then: `pooled` of this one copy gives what `pooled` of them all gives.
 */
export function summedTotals(learned: Learned, now: number): Totals {
  const { cells, outlets } = pooled(learned, now);
  return { at: now, from: now, cells: Array.from(cells), outlets: Object.fromEntries(outlets) };
}

// ## Stored shape (valibot): one definition of valid, for storage.local, storage.sync and the cache.
const amount = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1e6));
const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Date.UTC(10000, 0, 1)));
export const TotalsSchema = v.object({
  at: epochMs,
  from: epochMs,
  cells: v.pipe(v.array(amount), v.length(FAMILY_CELLS * 2)),
  outlets: v.pipe(
    v.record(v.pipe(v.string(), v.minLength(1), v.maxLength(ID_MAX_LENGTH)), v.tuple([amount, amount])),
    v.check((o) => Object.keys(o).length <= OUTLETS_MAX),
  ),
});
/** A device id: platform/learning.ts makes a UUID; read generously, capped. */
export const DeviceIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[\w-]+$/));
export const LEARNED_VERSION = 1;

/** One device's totals, validated: null when unsound (that device's evidence is then left out, never a crash). */
export function parseTotals(raw: unknown): Totals | null {
  const result = v.safeParse(TotalsSchema, raw);
  return result.success ? (result.output as Totals) : null;
}

/** A stored state: `{ v: 1, devices }`. Anything unsound reads as nothing learned (the prior), per device. */
export function parseLearned(raw: unknown): { value: Learned; repaired: boolean } {
  if (raw === undefined || raw === null) return { value: EMPTY_LEARNED, repaired: false };
  const source = raw as { v?: unknown; devices?: unknown };
  if (
    typeof raw !== 'object' ||
    source.v !== LEARNED_VERSION ||
    typeof source.devices !== 'object' ||
    !source.devices
  )
    return { value: EMPTY_LEARNED, repaired: true };
  const devices: Record<string, Totals> = {};
  let repaired = false;
  for (const [id, totals] of Object.entries(source.devices as Record<string, unknown>)) {
    const parsed = v.safeParse(DeviceIdSchema, id).success ? parseTotals(totals) : null;
    if (parsed) devices[id] = parsed;
    else repaired = true;
  }
  return { value: capDevices({ devices }), repaired };
}

export const storedLearned = (learned: Learned) => ({ v: LEARNED_VERSION, devices: learned.devices });
