// Where the browser refuses IndexedDB (Firefox's "never remember history" mode), the history lives in
// storage.local behind the same functions (tests/unit/history-store.test.ts runs every one of them in
// both places). These are the promises particular to it: it is chosen once, writes are bounded and
// whole, writers in several pages take turns, the popup's read stays bounded, and once IndexedDB
// opens again every entry moves into it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CheckIn } from '../../core/schema';
import { localDayKey, localOffsetMinutes } from '../../core/time';
import * as store from '../../platform/history/store';
import { lessonsSettled } from '../../platform/learning-later';
import { LEARN_WAITING_PREFIX, LEARNING_KEY } from '../../platform/storage-keys';
import { entry, installFakeLocks, RefusingIDBFactory } from './history-backends';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const base = new Date(2026, 10, 2, 9).getTime();

let refusing: RefusingIDBFactory;
let realIndexedDB: IDBFactory;
beforeEach(() => {
  realIndexedDB = globalThis.indexedDB;
  refusing = new RefusingIDBFactory();
  globalThis.indexedDB = refusing;
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
});

/** Another page (or the worker) of the same extension: its own module state, the same storage. */
async function anotherContext(): Promise<typeof store> {
  vi.resetModules();
  return import('../../platform/history/store');
}

const localKeys = async () =>
  Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.startsWith('history:'));

describe('the history in storage.local', () => {
  it('is chosen once per context, and keeps a check-in with its journal line', async () => {
    expect(await store.historyPlace()).toBe('storage.local');
    await store.saveCheckIn(entry('a', base, { journal: 'Kept, even here.' }));
    await store.saveCheckIn(entry('a', base, { journal: 'Kept, even here.', helped: 'yes' }));
    expect(refusing.opens).toBe(1);
    // A browser restart: a new context reads it back.
    const next = await anotherContext();
    expect((await next.checkInsPage({ limit: 10 })).entries).toEqual([
      entry('a', base, {
        journal: 'Kept, even here.',
        helped: 'yes',
        day: localDayKey(base),
        offset: localOffsetMinutes(base),
      }),
    ]);
  });

  it('writes a few small keys per check-in, never one that grows with the history', async () => {
    for (let i = 0; i < 60; i++) await store.saveCheckIn(entry(`e${i}`, base + i * 6 * HOUR));
    await lessonsSettled();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await store.saveCheckIn(entry('last', base + 61 * 6 * HOUR, { journal: 'one more' }));
    await lessonsSettled();
    // One write for the history; the picker's running totals are written apart, in a size of their own
    // that does not grow with the history (tests/unit/learning.test.ts holds them under sync's 8 KB),
    // and so is the check-in's change they wait on (one check-in, without its words).
    const writes = set.mock.calls.map((call) => call[0] as Record<string, unknown>);
    const lessons = writes.filter((written) =>
      Object.keys(written).every((key) => key.startsWith(LEARN_WAITING_PREFIX)),
    );
    expect(lessons).toHaveLength(1);
    expect(JSON.stringify(lessons[0])).not.toContain('one more');
    const history = writes.filter(
      (written) => !Object.hasOwn(written, LEARNING_KEY) && !lessons.includes(written),
    );
    expect(history).toHaveLength(1);
    const written = history[0] as Record<string, unknown>;
    expect(Object.keys(written).length).toBeLessThanOrEqual(6);
    // The largest key written holds one day, not the history.
    expect(Math.max(...Object.values(written).map((value) => JSON.stringify(value).length))).toBeLessThan(
      600,
    );
    // The totals, with the word that the lesson waiting under its key is in them (learning-later.ts).
    expect(writes.filter((keys) => Object.hasOwn(keys, LEARNING_KEY)).map(Object.keys)).toEqual([
      [...Object.keys(lessons[0] ?? {}), LEARNING_KEY],
    ]);
  });

  it('reads what the popup needs in a bounded amount, whatever the history’s size', async () => {
    await store.mergeCheckIns(
      Array.from({ length: 400 }, (_, i) => entry(`old${i}`, base - 400 * DAY + i * DAY)),
    );
    await store.mergeCheckIns(Array.from({ length: 20 }, (_, i) => entry(`new${i}`, base + i * HOUR)));
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const recent = await store.recentCheckIns({ since: base - 60 * DAY, limit: 10 });
    expect(recent.map((c) => c.id)).toEqual(Array.from({ length: 10 }, (_, i) => `new${i + 10}`));
    const keysRead = get.mock.calls.flatMap(([keys]) => (keys === null ? ['everything'] : [keys].flat()));
    expect(keysRead).not.toContain('everything');
    expect(keysRead.length).toBeLessThan(30);
  });

  it('counts what it keeps in the storage the history page reports', async () => {
    const before = (await store.storageUse())?.usage ?? 0;
    await store.saveCheckIn(entry('a', base, { journal: 'x'.repeat(1500) }));
    expect(((await store.storageUse())?.usage ?? 0) - before).toBeGreaterThan(1500);
  });

  it('rejects a write the browser refuses (its quota), and keeps what was there', async () => {
    await store.saveCheckIn(entry('a', base));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(
      new Error('Resource::kQuotaBytes quota exceeded'),
    );
    await expect(store.saveCheckIn(entry('b', base + HOUR, { journal: 'too much' }))).rejects.toThrow(
      /quota/,
    );
    await expect(store.deleteCheckIn('a')).rejects.toThrow(/quota/);
    vi.mocked(fakeBrowser.storage.local.set).mockRestore();
    expect((await store.allCheckIns()).entries.map((c) => c.id)).toEqual(['a']);
    expect((await store.daySummaries(localDayKey(base), localDayKey(base)))[0]?.count).toBe(1);
  });

  it('loses nothing when pages and the worker save at once (they take turns through navigator.locks)', async () => {
    const locks = installFakeLocks();
    try {
      const contexts = [store, await anotherContext(), await anotherContext()];
      // Each has found where the history lives, so their saves overlap step by step.
      for (const context of contexts) expect(await context.historyPlace()).toBe('storage.local');
      await Promise.all(
        contexts.flatMap((context, c) =>
          Array.from({ length: 20 }, (_, i) =>
            context.saveCheckIn(entry(`c${c}-${i}`, base + (i % 3) * HOUR, { journal: `line ${i}` })),
          ),
        ),
      );
      expect(await store.countCheckIns()).toBe(60);
      const [summary] = await store.daySummaries(localDayKey(base), localDayKey(base));
      expect(summary).toMatchObject({ count: 60, journal: 60 });
      expect((await store.checkInsPage({ limit: 100 })).entries).toHaveLength(60);
      expect(locks.granted()).toBeGreaterThanOrEqual(60);
    } finally {
      locks.remove();
    }
  });
});

describe('when IndexedDB opens again', () => {
  afterEach(() => {
    globalThis.indexedDB = realIndexedDB;
  });

  it('moves every entry into it, by id, and empties storage.local', async () => {
    await store.saveCheckIn(entry('a', base, { journal: 'written in private mode' }));
    await store.saveCheckIn(entry('b', base + DAY, { helped: 'a-bit' }));
    globalThis.indexedDB = realIndexedDB;
    const next = await anotherContext();
    expect(await next.historyPlace()).toBe('indexeddb');
    expect((await next.allCheckIns()).entries.map((c) => [c.id, c.journal ?? c.helped])).toEqual([
      ['a', 'written in private mode'],
      ['b', 'a-bit'],
    ]);
    expect(await localKeys()).toEqual([]);
    const summaries = await next.daySummaries(localDayKey(base), localDayKey(base + DAY));
    expect(summaries.map((s) => s.count)).toEqual([1, 1]);
  });

  it('keeps the later state of an entry found in both places, and the other aside', async () => {
    // The pages take turns as a browser's do (Web Locks): without them, the first page's picker
    // lesson, run after its step showed, could open the database while `back` moves the entries
    // into it, and both would set the stored version aside (one failure in five, seen on main).
    const locks = installFakeLocks();
    try {
      globalThis.indexedDB = realIndexedDB;
      const first = await anotherContext();
      await first.saveCheckIn(entry('a', base));
      await first.resetHistoryForTests();
      globalThis.indexedDB = refusing;
      const privateMode = await anotherContext();
      await privateMode.saveCheckIn(entry('a', base, { journal: 'answered in private mode' }));
      globalThis.indexedDB = realIndexedDB;
      const back = await anotherContext();
      expect((await back.getCheckIn('a'))?.journal).toBe('answered in private mode');
      const local = await fakeBrowser.storage.local.get(null);
      const aside = Object.entries(local).filter(([key]) => key.startsWith('aside:'));
      expect(aside.map(([, value]) => (value as { value: CheckIn }).value)).toEqual([
        { ...entry('a', base), day: localDayKey(base), offset: localOffsetMinutes(base) },
      ]);
      expect((await back.daySummaries(localDayKey(base), localDayKey(base)))[0]).toMatchObject({
        count: 1,
        journal: 1,
      });
    } finally {
      locks.remove();
    }
  });

  it('moves them once when two pages open at the same moment', async () => {
    const locks = installFakeLocks();
    try {
      for (let i = 0; i < 10; i++) await store.saveCheckIn(entry(`e${i}`, base + i * HOUR));
      globalThis.indexedDB = realIndexedDB;
      const [one, two] = [await anotherContext(), await anotherContext()];
      const [a, b] = await Promise.all([one.countCheckIns(), two.countCheckIns()]);
      expect([a, b]).toEqual([10, 10]);
      expect(await localKeys()).toEqual([]);
      expect((await one.daySummaries(localDayKey(base), localDayKey(base)))[0]?.count).toBe(10);
    } finally {
      locks.remove();
    }
  });

  it('tells the person once where their words are kept, and again after they moved back and out', async () => {
    expect(await store.shouldTellHistoryPlace()).toBe(true);
    await store.markHistoryPlaceTold(base);
    expect(await store.shouldTellHistoryPlace()).toBe(false);
    expect(await (await anotherContext()).shouldTellHistoryPlace()).toBe(false);
    await store.saveCheckIn(entry('a', base));
    globalThis.indexedDB = realIndexedDB;
    const back = await anotherContext();
    expect(await back.shouldTellHistoryPlace()).toBe(false);
    globalThis.indexedDB = new RefusingIDBFactory();
    expect(await (await anotherContext()).shouldTellHistoryPlace()).toBe(true);
  });
});

describe('writers taking turns', () => {
  it('still save where the lock manager refuses its lock', async () => {
    Object.defineProperty(navigator, 'locks', {
      value: { request: () => Promise.reject(new DOMException('Not here', 'SecurityError')) },
      configurable: true,
    });
    try {
      await store.saveCheckIn(entry('a', base, { journal: 'kept anyway' }));
      expect((await store.getCheckIn('a'))?.journal).toBe('kept anyway');
    } finally {
      delete (navigator as { locks?: unknown }).locks;
    }
  });
});

describe('a move into IndexedDB that fails', () => {
  it('keeps every entry in storage.local for the next page, and the database still works', async () => {
    await store.saveCheckIn(entry('a', base, { journal: 'waits for the next try' }));
    globalThis.indexedDB = realIndexedDB;
    const next = await anotherContext();
    // The first write into the database is refused.
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('Refused', 'QuotaExceededError');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await next.historyPlace()).toBe('indexeddb');
    expect(warn).toHaveBeenCalled();
    expect(await localKeys()).not.toEqual([]);
    put.mockRestore();
    await next.saveCheckIn(entry('b', base + HOUR));
    const again = await anotherContext();
    expect((await again.allCheckIns()).entries.map((c) => [c.id, c.journal])).toEqual([
      ['a', 'waits for the next try'],
      ['b', undefined],
    ]);
    expect(await localKeys()).toEqual([]);
  });
});

describe('unreadable values kept in storage.local', () => {
  it('go along into the database, or aside, and still go out with an export', async () => {
    await store.saveCheckIn(entry('a', base));
    await fakeBrowser.storage.local.set({
      'history:c:broken': { id: 'broken', at: 'soon' },
      'history:c:nameless': { feeling: 'calm' },
    });
    expect((await store.allCheckIns()).unreadable).toHaveLength(2);
    globalThis.indexedDB = realIndexedDB;
    const back = await anotherContext();
    const { entries, unreadable } = await back.allCheckIns();
    expect(entries.map((c) => c.id)).toEqual(['a']);
    expect(unreadable).toEqual([{ id: 'broken', at: 'soon' }]);
    const local = await fakeBrowser.storage.local.get(null);
    expect(
      Object.values(local).filter((value) => (value as { key?: string }).key === 'history:c:nameless'),
    ).toEqual([expect.objectContaining({ value: { feeling: 'calm' } })]);
    expect(await localKeys()).toEqual([]);
  });
});
