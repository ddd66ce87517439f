// A small versioned storage item in `storage.local`, laid out like WXT's `storage.defineItem`
// (the value under `key`, `{ v: version }` under `key$`), so either can read what the other wrote.
//
// Hand-written rather than @wxt-dev/storage: that package (with its lock library) cost ~2.8 KB
// gzipped in both the popup and the background, past the size budgets of issue 2, and Outlet needs
// only get / set / remove / watch and step-by-step migrations.
import { browser } from 'wxt/browser';

export type Migrations = Record<number, (old: unknown) => unknown>;

export interface StoredItem<T> {
  readonly key: string;
  readonly fallback: T;
  /** The stored value (migrated to the current version), or the fallback when nothing is stored. */
  getValue(): Promise<T | unknown>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /**
   * The value from a read of the whole area (`storage.local.get(null)`), as getValue gives it, when
   * that read finds it current; null when it needs a migration step first (then use getValue).
   */
  fromStored(stored: Record<string, unknown>): { value: T | unknown } | null;
  /** Calls back with the new and the old raw values whenever the item changes; returns an unsubscribe. */
  watch(onChange: (next: unknown, previous: unknown) => void): () => void;
}

/** Defining an item has no side effects: unused ones are left out of a bundle. */
export /* @__NO_SIDE_EFFECTS__ */ function defineItem<T>(
  key: string,
  options: { fallback: T; version: number; migrations?: Migrations },
): StoredItem<T> {
  const metaKey = `${key}$`;
  const { fallback, version, migrations = {} } = options;
  // Once the stored value is known to be current, this context stops checking.
  let upToDate = false;

  // Runs each missing step once, in order. Every step must be deterministic and idempotent: more
  // than one page (and the background) may run it at the same moment. Resolves to whether the
  // stored value is now current (false while nothing is stored yet).
  const storedVersion = (stored: Record<string, unknown>) => {
    const meta = stored[metaKey] as { v?: unknown } | undefined;
    return typeof meta?.v === 'number' ? meta.v : 1;
  };
  const migrate = async (): Promise<boolean> => {
    const stored = await browser.storage.local.get([key, metaKey]);
    if (stored[key] === undefined) return false;
    const from = storedVersion(stored);
    if (from >= version) return true;
    let value: unknown = stored[key];
    for (let step = from + 1; step <= version; step++) {
      const run = migrations[step];
      if (run) value = run(value);
    }
    const update: Record<string, unknown> = { [key]: value, [metaKey]: { v: version } };
    await browser.storage.local.set(update);
    return true;
  };

  return {
    key,
    fallback,
    async getValue() {
      if (!upToDate) {
        upToDate = await migrate().catch((error) => {
          console.warn(`Outlet: could not upgrade the stored ${key}; reading it as it is.`, error);
          return true;
        });
      }
      const stored = await browser.storage.local.get(key);
      return stored[key] ?? fallback;
    },
    fromStored(stored) {
      if (stored[key] === undefined) return { value: fallback };
      if (storedVersion(stored) < version) return null;
      upToDate = true;
      return { value: stored[key] };
    },
    async setValue(value) {
      await browser.storage.local.set({ [key]: value, [metaKey]: { v: version } });
    },
    async removeValue() {
      await browser.storage.local.remove([key, metaKey]);
    },
    watch(onChange) {
      const listener = (
        changes: Record<string, { newValue?: unknown; oldValue?: unknown }>,
        area: string,
      ) => {
        const change = changes[key];
        if (area === 'local' && change) onChange(change.newValue ?? null, change.oldValue ?? null);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
