import { useEffect, useState } from 'preact/hooks';

export interface StoredSource<T> {
  load: () => Promise<T>;
  /** Calls back whenever the stored value changes; returns an unsubscribe function. */
  watch: (onChange: () => void) => () => void;
}

/**
 * A stored value kept fresh while the page is open. `null` until the first read completes, unless the
 * page already read it (`initial`, e.g. the popup's early read): then it is there at the first render,
 * and read once more after it, so a change made meanwhile is not missed.
 */
export function useStoredValue<T>(source: StoredSource<T>, initial: T | null = null): T | null {
  const [value, setValue] = useState<T | null>(initial);
  useEffect(() => {
    let alive = true;
    // A read that fails keeps the value last read (a page closing while its read runs ends here too):
    // never an unhandled rejection.
    const refresh = () =>
      void source.load().then(
        (next) => {
          if (alive) setValue(next);
        },
        (error) => {
          if (alive) console.warn('Outlet: a stored value could not be read; the last one stays.', error);
        },
      );
    refresh();
    const unwatch = source.watch(refresh);
    return () => {
      alive = false;
      unwatch();
    };
  }, [source]);
  return value;
}
