// Reads from an extension storage area only what is asked for: named keys, and the keys under some
// prefixes (`person:`, `aside:`…), found by listing the area's keys rather than by reading every value
// with `get(null)`. storage.local may hold the whole history, one key per entry, where the browser
// refuses IndexedDB (Firefox with "never remember history": platform/history/local.ts), and these
// reads run at every page's open. Listing keys alone is `getKeys()` (Chrome 130, Firefox 143); a
// browser without it (Firefox 140 to 142, which Outlet supports) is read whole, as before.
//
// Free of imports: the popup's head script (platform/early-read.ts) uses it before the polyfill has
// loaded, with Chrome's `chrome.storage` or Firefox's `browser.storage`, so the area is passed in.

/** What of a storage area this needs: `get`, and `getKeys` where the browser has it. */
export interface ReadableArea {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  getKeys?: () => Promise<string[]>;
}

/** What to read: exact keys, and every key starting with one of the prefixes. */
export interface Wanted {
  keys?: readonly string[];
  prefixes?: readonly string[];
}

const matches = (key: string, { keys = [], prefixes = [] }: Wanted) =>
  keys.includes(key) || prefixes.some((prefix) => key.startsWith(prefix));

/** The area's keys, without their values; null where the browser can't list them. */
async function listKeys(area: ReadableArea): Promise<string[] | null> {
  if (typeof area.getKeys !== 'function') return null;
  try {
    return await area.getKeys();
  } catch {
    return null;
  }
}

/** The stored keys under `prefixes` (values not read where the browser can list keys). */
export async function storedKeys(area: ReadableArea, prefixes: readonly string[]): Promise<string[]> {
  const keys = (await listKeys(area)) ?? Object.keys(await area.get(null));
  return keys.filter((key) => matches(key, { prefixes }));
}

/** The stored values of the keys wanted (a key not stored is left out, as `get` leaves it). */
export async function readStored(area: ReadableArea, wanted: Wanted): Promise<Record<string, unknown>> {
  const exact = [...(wanted.keys ?? [])];
  if (!wanted.prefixes?.length) return exact.length > 0 ? area.get(exact) : {};
  const listed = await listKeys(area);
  if (listed === null) {
    const everything = await area.get(null);
    return Object.fromEntries(Object.entries(everything).filter(([key]) => matches(key, wanted)));
  }
  const keys = [...new Set([...exact, ...listed.filter((key) => matches(key, wanted))])];
  return keys.length > 0 ? area.get(keys) : {};
}
