// The person's own outlets (core/outlets/own.ts) stay on this device, in `storage.local`, one key each
// (`ownOutlet:<id>`), like trusted people: adding one writes one key, so two tabs adding at once both
// keep theirs, and a change rewrites only the outlet changed. Read entry by entry: an entry that isn't
// sound is left where it is, untouched, and the others are read. They go out with an export and come
// back with an import (platform/data-transfer.ts).
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { OWN_OUTLETS_MAX, type OwnOutlet, OwnOutletSchema, OwnOutletsFull } from '../core/outlets/own';
import { keepOwnForFirstPick } from './first-pick-cache';
import { ownOutletsFrom } from './own-outlets-read';
import { SaveFailed } from './settings';
import { OWN_OUTLET_PREFIX } from './storage-keys';
import { readStored, storedKeys } from './storage-read';

export { OwnOutletsFull, ownOutletsFrom };

interface Stored extends OwnOutlet {
  addedAt: number;
}

const keyOf = (id: string) => `${OWN_OUTLET_PREFIX}${id}`;

async function readWithOrder(): Promise<Record<string, unknown>> {
  return readStored(browser.storage.local, { prefixes: [OWN_OUTLET_PREFIX] });
}

/** The person's own outlets, oldest first. Every read refreshes the popup's copy for its first pick. */
export async function loadOwnOutlets(): Promise<OwnOutlet[]> {
  const { outlets } = ownOutletsFrom(await readWithOrder());
  keepOwnForFirstPick(outlets);
  return outlets;
}

/** Calls back on any change to them (here, or in another page). */
export function watchOwnOutlets(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((key) => key.startsWith(OWN_OUTLET_PREFIX))) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export const ownOutletsSource = { load: loadOwnOutlets, watch: watchOwnOutlets };

function checked(outlet: OwnOutlet): OwnOutlet {
  const parsed = v.safeParse(OwnOutletSchema, outlet);
  if (!parsed.success) throw new TypeError('Not a valid outlet of your own');
  return parsed.output;
}

async function write(items: Record<string, Stored>, remove: string[] = []): Promise<void> {
  try {
    await browser.storage.local.set(items);
    if (remove.length > 0) await browser.storage.local.remove(remove);
  } catch (error) {
    throw new SaveFailed(error);
  }
}

/** Adds one under its own key. Rejects with OwnOutletsFull at the limit, SaveFailed on a refusal. */
export async function addOwnOutlet(outlet: OwnOutlet, now = Date.now()): Promise<void> {
  const sound = checked(outlet);
  const { outlets } = ownOutletsFrom(await readWithOrder());
  if (outlets.length >= OWN_OUTLETS_MAX) throw new OwnOutletsFull();
  await write({ [keyOf(sound.id)]: { ...sound, addedAt: now } });
}

/**
 * Keeps a changed outlet in its place. A new id (its family changed: core/outlets/own.ts
 * editedOwnOutlet) is written first and the old key removed after, so a refusal never loses it.
 */
export async function updateOwnOutlet(
  previousId: string,
  outlet: OwnOutlet,
  now = Date.now(),
): Promise<void> {
  const sound = checked(outlet);
  const stored = (await readWithOrder())[keyOf(previousId)] as { addedAt?: unknown } | undefined;
  const addedAt = typeof stored?.addedAt === 'number' ? stored.addedAt : now;
  await write(
    { [keyOf(sound.id)]: { ...sound, addedAt } },
    sound.id === previousId ? [] : [keyOf(previousId)],
  );
}

export async function removeOwnOutlet(id: string): Promise<void> {
  try {
    await browser.storage.local.remove(keyOf(id));
  } catch (error) {
    throw new SaveFailed(error);
  }
}

/**
 * Adds the outlets whose id is not stored yet (an import), up to the limit. Returns how many were
 * added, how many were already here, and how many didn't fit.
 */
export async function mergeOwnOutlets(
  incoming: readonly OwnOutlet[],
  now = Date.now(),
): Promise<{ added: number; kept: number; full: number }> {
  const { outlets } = ownOutletsFrom(await readWithOrder());
  const ids = new Set(outlets.map((outlet) => outlet.id));
  const fresh: Record<string, Stored> = {};
  let added = 0;
  let kept = 0;
  let full = 0;
  for (const outlet of incoming) {
    if (ids.has(outlet.id)) kept++;
    else if (outlets.length + added >= OWN_OUTLETS_MAX) full++;
    else {
      ids.add(outlet.id);
      fresh[keyOf(outlet.id)] = { ...checked(outlet), addedAt: now + added };
      added++;
    }
  }
  if (added > 0) await write(fresh);
  return { added, kept, full };
}

/** Every own outlet's key, for "delete everything" and the tests. */
export const storedOwnOutletKeys = () => storedKeys(browser.storage.local, [OWN_OUTLET_PREFIX]);

/**
 * Removes every one ("delete everything"), unsound entries too: they are the person's words as well.
 * The popup's copy for its first pick goes with them.
 */
export async function removeAllOwnOutlets(): Promise<void> {
  await browser.storage.local.remove(await storedOwnOutletKeys());
  keepOwnForFirstPick([]);
}
