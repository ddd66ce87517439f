// What the picker learned (core/learning), kept and shared. Each browser keeps its own running totals
// and is their only writer: in storage.local (`learning:totals`, with every other browser's totals as
// last seen) and in storage.sync under `learn:<device id>` (about 2 KB, well within sync's 8 KB an
// item), so the person's other browsers sum them in (core/learning/totals.ts mergeLearned: newest copy
// per device, never added twice). Only these totals travel; the check-ins and the journal stay here.
// A write to sync that fails (sync off, a quota) costs nothing here: the local copy is the truth for
// this browser, and the next write tries again.
import { browser } from 'wxt/browser';
import {
  EMPTY_LEARNED,
  type Learned,
  learn,
  parseLearned,
  seedTotals,
  storedLearned,
  type Totals,
} from '../core/learning';
import type { CheckIn } from '../core/schema';
import type { EarlyRead } from './early-read';
import { keepLearnedForFirstPick } from './first-pick-cache';
import { learnedFromAreas } from './learned-areas';
import { LEARN_SYNC_PREFIX, LEARN_WAITING_PREFIX, LEARNING_DEVICE_KEY, LEARNING_KEY } from './storage-keys';
import { readStored } from './storage-read';

const LOCK = 'outlet-learning';
/** What of storage.sync holds learning: every browser's `learn:<id>`, and nothing else (no `get(null)`). */
const SYNC_LEARNING = { prefixes: [LEARN_SYNC_PREFIX] };

/** Every browser's `learn:` items; none when sync is off or fails (this browser's own copy still counts). */
const readSyncLearning = (): Promise<Record<string, unknown>> =>
  readStored(browser.storage.sync, SYNC_LEARNING).catch(() => ({}));

/** This browser's id among the person's browsers, made once; `local` holds what was read of it. */
async function deviceId(local: Record<string, unknown>): Promise<string> {
  const stored = local[LEARNING_DEVICE_KEY];
  if (typeof stored === 'string' && /^[\w-]{1,64}$/.test(stored)) return stored;
  const id = crypto.randomUUID();
  await browser.storage.local.set({ [LEARNING_DEVICE_KEY]: id });
  return id;
}

/** What the picker learned, from every browser of the person's (a copy is kept for the first pick). */
export async function readLearned(): Promise<Learned> {
  const [local, sync] = await Promise.all([browser.storage.local.get(LEARNING_KEY), readSyncLearning()]);
  const learned = learnedFromAreas(local, sync);
  keepLearnedForFirstPick(learned);
  return learned;
}

/**
 * What the picker learned, from what the popup's head script already read (platform/early-read.ts
 * holds `learning:totals` and every `learn:` item): null when that read is missing or failed.
 */
export async function learnedFromEarlyRead(read: EarlyRead | undefined): Promise<Learned | null> {
  if (!read) return null;
  try {
    const [sync, local] = await Promise.all([read.sync, read.local]);
    const learned = learnedFromAreas(local, sync);
    keepLearnedForFirstPick(learned);
    return learned;
  } catch {
    return null;
  }
}

export const learnedSource = {
  load: readLearned,
  watch: (onChange: () => void) => {
    const listener = (changes: Record<string, unknown>, area: string) => {
      const keys = Object.keys(changes);
      if (
        (area === 'local' && keys.includes(LEARNING_KEY)) ||
        (area === 'sync' && keys.some((key) => key.startsWith(LEARN_SYNC_PREFIX)))
      )
        onChange();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};

/**
 * The same source for a page that already read what was learned (`first`, from learnedFromEarlyRead):
 * its first load gives that, not a second read of both areas; every load after a change reads afresh.
 * (Other values are read once more after an early read, in case they changed meanwhile; what was
 * learned changes only when a check-in is saved, and a change missed in those few milliseconds only
 * waits for the next save or the next open: nothing a person entered depends on it.)
 */
export function learnedSourceFrom(first: Learned | null | undefined): typeof learnedSource {
  let early = first ?? null;
  return {
    load: () => {
      const value = early;
      early = null;
      return value ? Promise.resolve(value) : readLearned();
    },
    watch: learnedSource.watch,
  };
}

/** One writer at a time across this browser's pages and worker (read, add, write). */
export function locked<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks || typeof locks.request !== 'function') return task();
  return locks.request(LOCK, task) as Promise<T>;
}

/** A check-in's change: `before` what was stored (null: new), `after` what is stored now (null: deleted). */
export interface Lesson {
  before: CheckIn | null;
  after: CheckIn | null;
}

/**
 * Takes lessons into this browser's totals, in one read and one write, inside the lock. `recent`
 * gives the first totals their seed, the first time (the changes are in it, as stored). `also` goes
 * into storage.local in the same write as the totals (learning-later.ts marks its lessons taken so).
 */
export async function takeLessons(
  lessons: readonly Lesson[],
  recent: () => Promise<CheckIn[]>,
  now: number,
  also: Record<string, unknown> = {},
): Promise<void> {
  // One read of each area: this browser's id and totals, and the others' `learn:` items.
  const [local, sync] = await Promise.all([
    browser.storage.local.get([LEARNING_DEVICE_KEY, LEARNING_KEY]),
    readSyncLearning(),
  ]);
  const device = await deviceId(local);
  let learned = learnedFromAreas(local, sync);
  if (!Object.hasOwn(learned.devices, device)) {
    // The first time: what the recent history already says (the change itself is in it, as stored).
    const seed = seedTotals(await recent(), now);
    learned = { devices: { ...learned.devices, [device]: seed } };
  } else for (const { before, after } of lessons) learned = learn(learned, device, before, after, now);
  const own = learned.devices[device] as Totals;
  await browser.storage.local.set({ ...also, [LEARNING_KEY]: storedLearned(learned) });
  await browser.storage.sync.set({ [`${LEARN_SYNC_PREFIX}${device}`]: own }).catch((error: unknown) => {
    console.info('Outlet: what the picker learned could not reach your other browsers this time.', error);
  });
  keepLearnedForFirstPick(learned);
}

/**
 * Takes a check-in's change into this browser's totals: `before` is what was stored (null: new),
 * `after` what is stored now (null: deleted). `recent` gives the first totals their seed, the first time.
 * Never rejects: learning is a help, and a failure here must not look like a failed save.
 */
export function learnFromCheckIn(
  before: CheckIn | null,
  after: CheckIn | null,
  recent: () => Promise<CheckIn[]>,
  now = Date.now(),
): Promise<void> {
  return locked(() => takeLessons([{ before, after }], recent, now)).catch((error: unknown) => {
    console.warn('Outlet: what this check-in taught the picker could not be kept.', error);
  });
}

/** Every key of storage.local: the keys alone where the browser can list them (Chrome 130, Firefox 143). */
export async function storageKeys(): Promise<string[]> {
  const local = browser.storage.local as typeof browser.storage.local & { getKeys?: () => Promise<string[]> };
  try {
    return await (local.getKeys as () => Promise<string[]>)();
  } catch {
    return Object.keys(await local.get(null));
  }
}

/** Forgets what this browser learned (with "delete everything"): its totals here and in sync. */
export async function forgetLearned(): Promise<void> {
  await locked(async () => {
    const local = await browser.storage.local.get([LEARNING_DEVICE_KEY, LEARNING_KEY]);
    const device = await deviceId(local);
    const learned = parseLearned(local[LEARNING_KEY]).value;
    const { [device]: _mine, ...others } = learned.devices;
    // Lessons still waiting go too: taken in later, they would bring back what was forgotten.
    const waiting = (await storageKeys()).filter((key) => key.startsWith(LEARN_WAITING_PREFIX));
    if (waiting.length > 0) await browser.storage.local.remove(waiting);
    await browser.storage.local.set({ [LEARNING_KEY]: storedLearned({ devices: others }) });
    await browser.storage.sync.remove(`${LEARN_SYNC_PREFIX}${device}`).catch(() => undefined);
    keepLearnedForFirstPick({ devices: others });
  });
}

export { EMPTY_LEARNED };
