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
import { keepLearnedForFirstPick } from './first-pick-cache';
import { learnedFromAreas } from './learned-areas';
import { LEARN_SYNC_PREFIX, LEARNING_DEVICE_KEY, LEARNING_KEY } from './storage-keys';

const LOCK = 'outlet-learning';

/** This browser's id among the person's browsers, made once. */
async function deviceId(): Promise<string> {
  const stored = (await browser.storage.local.get(LEARNING_DEVICE_KEY))[LEARNING_DEVICE_KEY];
  if (typeof stored === 'string' && /^[\w-]{1,64}$/.test(stored)) return stored;
  const id = crypto.randomUUID();
  await browser.storage.local.set({ [LEARNING_DEVICE_KEY]: id });
  return id;
}

/** What the picker learned, from every browser of the person's (a copy is kept for the first pick). */
export async function readLearned(): Promise<Learned> {
  const [local, sync] = await Promise.all([
    browser.storage.local.get(LEARNING_KEY),
    browser.storage.sync.get(null).catch(() => ({})),
  ]);
  const learned = learnedFromAreas(local, sync);
  keepLearnedForFirstPick(learned);
  return learned;
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

/** One writer at a time across this browser's pages and worker (read, add, write). */
function locked<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks || typeof locks.request !== 'function') return task();
  return locks.request(LOCK, task) as Promise<T>;
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
  return locked(async () => {
    const device = await deviceId();
    const local = await browser.storage.local.get(LEARNING_KEY);
    const sync = await browser.storage.sync.get(null).catch(() => ({}));
    let learned = learnedFromAreas(local, sync);
    if (!Object.hasOwn(learned.devices, device)) {
      // The first time: what the recent history already says (the change itself is in it, as stored).
      const seed = seedTotals(await recent(), now);
      learned = { devices: { ...learned.devices, [device]: seed } };
    } else learned = learn(learned, device, before, after, now);
    const own = learned.devices[device] as Totals;
    await browser.storage.local.set({ [LEARNING_KEY]: storedLearned(learned) });
    await browser.storage.sync.set({ [`${LEARN_SYNC_PREFIX}${device}`]: own }).catch((error: unknown) => {
      console.info('Outlet: what the picker learned could not reach your other browsers this time.', error);
    });
    keepLearnedForFirstPick(learned);
  }).catch((error: unknown) => {
    console.warn('Outlet: what this check-in taught the picker could not be kept.', error);
  });
}

/** Forgets what this browser learned (with "delete everything"): its totals here and in sync. */
export async function forgetLearned(): Promise<void> {
  await locked(async () => {
    const device = await deviceId();
    const learned = parseLearned((await browser.storage.local.get(LEARNING_KEY))[LEARNING_KEY]).value;
    const { [device]: _mine, ...others } = learned.devices;
    await browser.storage.local.set({ [LEARNING_KEY]: storedLearned({ devices: others }) });
    await browser.storage.sync.remove(`${LEARN_SYNC_PREFIX}${device}`).catch(() => undefined);
    keepLearnedForFirstPick({ devices: others });
  });
}

export { EMPTY_LEARNED };
