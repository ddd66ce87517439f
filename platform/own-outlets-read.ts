// Reading the person's own outlets out of stored values, apart from the store (own-outlets.ts) and
// free of `browser`: the popup's head script reads them from its early read (early-read.ts) before the
// polyfill has loaded.
import * as v from 'valibot';
import { type OwnOutlet, OwnOutletSchema } from '../core/outlets/own';
import { OWN_OUTLET_PREFIX } from './storage-keys';

export interface StoredOwnOutlet extends OwnOutlet {
  /** Keeps the order they were added in. */
  addedAt: number;
}

/** The sound own outlets among stored values (any keys: those not `ownOutlet:` are passed over), oldest first. */
export function ownOutletsFrom(local: Record<string, unknown>): { outlets: OwnOutlet[]; unreadable: number } {
  const found: StoredOwnOutlet[] = [];
  let unreadable = 0;
  for (const [key, raw] of Object.entries(local)) {
    if (!key.startsWith(OWN_OUTLET_PREFIX)) continue;
    const parsed = v.safeParse(OwnOutletSchema, raw);
    if (!parsed.success || `${OWN_OUTLET_PREFIX}${parsed.output.id}` !== key) {
      unreadable++;
      continue;
    }
    const addedAt = (raw as { addedAt?: unknown }).addedAt;
    found.push({ ...parsed.output, addedAt: typeof addedAt === 'number' ? addedAt : 0 });
  }
  found.sort((a, b) => a.addedAt - b.addedAt || a.id.localeCompare(b.id));
  return { outlets: found.map(({ addedAt: _, ...outlet }) => outlet), unreadable };
}
