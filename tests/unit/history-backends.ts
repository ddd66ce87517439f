// The two places the history can live, for tests that must hold in both: IndexedDB (fake-indexeddb),
// and storage.local when the browser refuses IndexedDB (Firefox's "never remember history" mode, where
// `indexedDB.open` fails with InvalidStateError).
import { IDBFactory, IDBOpenDBRequest } from 'fake-indexeddb';
import { beforeEach, describe } from 'vitest';
import type { CheckIn } from '../../core/schema';

export type BackendKind = 'indexeddb' | 'storage.local';
export const BACKENDS: BackendKind[] = ['indexeddb', 'storage.local'];

/** An IndexedDB whose every open fails as Firefox's does in permanent private browsing. */
export class RefusingIDBFactory extends IDBFactory {
  opens = 0;
  override open(): IDBOpenDBRequest {
    this.opens++;
    const request = new IDBOpenDBRequest();
    setTimeout(() => {
      const settable = request as unknown as { readyState: string; error: DOMException };
      settable.readyState = 'done';
      settable.error = new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
      // fake-indexeddb's own event class is not exported: call the listeners as an error event would.
      const listeners = (
        request as unknown as { listeners: { type: string; callback: (e: unknown) => void }[] }
      ).listeners;
      const event = { type: 'error', target: request, preventDefault: () => undefined };
      for (const listener of listeners.filter((l) => l.type === 'error')) listener.callback(event);
      request.onerror?.(event as unknown as Event);
    });
    return request;
  }
}

export const HOUR = 60 * 60_000;
/** Where the history tests' entries start: 2 Nov 2026, 09:00 local. */
export const BASE = new Date(2026, 10, 2, 9).getTime();

/** A `describe` for each backend (its name gets the backend's), every test's history living there. */
export function describeEachBackend(name: string, body: (backend: BackendKind) => void): void {
  describe.each(BACKENDS)(`${name} (%s)`, (backend) => {
    beforeEach(() => useBackend(backend));
    body(backend);
  });
}

/** Makes the history of the next context live where `kind` says (call before the first history call). */
export function useBackend(kind: BackendKind): void {
  if (kind === 'storage.local') globalThis.indexedDB = new RefusingIDBFactory();
}

/**
 * A shared Web Locks API (`navigator.locks`), as every page and the worker of one extension see it:
 * `request(name, callback)` runs callbacks for one name one at a time, in the order asked.
 * happy-dom has none.
 */
export function installFakeLocks(): { granted: () => number; remove: () => void } {
  const queues = new Map<string, Promise<unknown>>();
  let granted = 0;
  const locks = {
    request(name: string, ...args: unknown[]) {
      const callback = args[args.length - 1] as () => Promise<unknown>;
      const previous = queues.get(name) ?? Promise.resolve();
      const run = previous.then(
        () => {
          granted++;
          return callback();
        },
        () => {
          granted++;
          return callback();
        },
      );
      queues.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
  const descriptor = Object.getOwnPropertyDescriptor(navigator, 'locks');
  Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
  return {
    granted: () => granted,
    remove: () => {
      if (descriptor) Object.defineProperty(navigator, 'locks', descriptor);
      else delete (navigator as { locks?: unknown }).locks;
    },
  };
}

/** A value as JSON with every object's keys sorted: equal summaries give equal strings, whatever their order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** A stored check-in for the history tests: calm, a walk, done, unless `extra` says otherwise. */
export const entry = (id: string, at: number, extra: Partial<CheckIn> = {}): CheckIn => ({
  id,
  at,
  feeling: 'calm',
  outletId: 'walk-street',
  outcome: 'done',
  ...extra,
});
