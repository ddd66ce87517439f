// What a pick needs (the settings and the check-in context), read from storage by the popup's head
// script (entrypoints/first-screen.ts) while the app's modules are still loading, so that a feeling
// clicked at first paint is acted on as soon as the app runs instead of one storage round trip (or
// three) later. The app takes the promises (platform/settings.ts `settingsFromEarlyRead`,
// platform/storage.ts `contextFromEarlyRead`) and reads from storage itself when they are missing.
//
// Kept tiny and free of imports: it runs in a classic script, before the polyfill. Both Chrome's
// `chrome.storage` (MV3) and Firefox's `browser.storage` return promises.

export interface EarlyRead {
  /** Everything in storage.sync: only Outlet's preferences live there (`pref:<name>`). */
  sync: Promise<Record<string, unknown>>;
  /** storage.local: the migration flag, the people (`person:<id>`) and the context. */
  local: Promise<Record<string, unknown>>;
}

declare global {
  interface Window {
    __outletEarlyRead?: EarlyRead;
  }
}

interface StorageArea {
  get(keys: null): Promise<Record<string, unknown>>;
}

/** Starts both reads at once; does nothing where there is no extension storage (a plain page, a test). */
export function startEarlyRead(): void {
  const api = globalThis as { browser?: unknown; chrome?: unknown } as {
    browser?: { storage?: { sync: StorageArea; local: StorageArea } };
    chrome?: { storage?: { sync: StorageArea; local: StorageArea } };
  };
  const storage = (api.browser ?? api.chrome)?.storage;
  if (!storage) return;
  try {
    const read: EarlyRead = { sync: storage.sync.get(null), local: storage.local.get(null) };
    // Never an unhandled rejection: the app reads again on its own if these fail.
    read.sync.catch(() => undefined);
    read.local.catch(() => undefined);
    window.__outletEarlyRead = read;
  } catch {
    // No storage here after all: the app reads on its own.
  }
}

/**
 * Hands the reads over once (a second take, e.g. after a re-render, reads storage afresh). Starts
 * them now if the head script's task hasn't yet.
 */
export function takeEarlyRead(): EarlyRead | undefined {
  if (!window.__outletEarlyRead) startEarlyRead();
  const read = window.__outletEarlyRead;
  delete window.__outletEarlyRead;
  return read;
}
