// A big import's check-ins stay in the worker that checked the file, which writes them into the
// IndexedDB history itself (issue 15, item 5): the page held all 200,000 and made their requests,
// and its heap and its adds blocked it. What the page then notices must not change: the same counts,
// the same whole chunks on a stop, one announcement, every check-in once. Where the worker can't
// reach the history (storage.local, or a database it can't open), the check-ins come onto the page
// and are written from there, as before.
import { describe, expect, it, vi } from 'vitest';
import type { CheckIn } from '../../core/schema';
import { type HeldCheckIns, JobStopped, NoDatabaseInWorker } from '../../platform/data-jobs';
import { applyImport, storeAccess } from '../../platform/data-transfer';
import { db } from '../../platform/history/db';
import { idbHistory } from '../../platform/history/idb';
import * as history from '../../platform/history/store';
import { mergeInChunks } from '../../platform/job-chunks';
import { useBackend } from './history-backends';
import { importFile, listen } from './import-file';

/**
 * The check-ins as the worker holds them: `merge` runs what data-worker.ts runs (the chunk loop over
 * the database's own merge, in a connection of its own), `take` hands them over.
 */
function heldByWorker(checkIns: readonly CheckIn[], { noDatabase = false } = {}) {
  const calls = { merge: 0, take: 0 };
  const held: HeldCheckIns = {
    count: checkIns.length,
    merge: async (options) => {
      calls.merge++;
      if (noDatabase) throw new NoDatabaseInWorker('refused');
      return mergeInChunks(checkIns, idbHistory(await db()).merge, options);
    },
    take: async () => {
      calls.take++;
      return [...checkIns];
    },
    close: () => undefined,
  };
  return { held, calls };
}

const storedIds = async () => (await history.allCheckIns()).entries.map((entry) => entry.id).sort();

describe('an import whose check-ins the worker holds', () => {
  it('is written by the worker into the database, never brought onto the page, and announced once', async () => {
    const file = importFile(45, { journals: true });
    const { held, calls } = heldByWorker(file.checkIns);
    const page = listen();
    const progress: number[] = [];
    const counts = await applyImport(
      { ...file, checkIns: [] },
      storeAccess,
      { chunkSize: 10, onProgress: (done) => progress.push(done) },
      held,
    );
    expect(counts.checkIns).toEqual({ added: 45, same: 0, differing: [] });
    expect(calls).toEqual({ merge: 1, take: 0 });
    expect(await storedIds()).toEqual(file.checkIns.map((entry) => entry.id).sort());
    expect(progress).toEqual([0, 10, 20, 30, 40, 45]);
    expect(page.heard()).toBe(1);
    // The day summaries count each check-in once, as a page's own import makes them.
    const days = await history.daySummaries('2026-01-01', '2026-01-31');
    expect(days.reduce((sum, day) => sum + day.count, 0)).toBe(45);
  });

  it('stopped, keeps whole chunks, says how many, and a second import adds only the rest', async () => {
    const file = importFile(45, { journals: true });
    const stop = new AbortController();
    const page = listen();
    const stopped = await applyImport(
      { ...file, checkIns: [] },
      storeAccess,
      {
        chunkSize: 10,
        signal: stop.signal,
        onProgress: (done) => {
          if (done === 20) stop.abort();
        },
      },
      heldByWorker(file.checkIns).held,
    ).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(JobStopped);
    expect((stopped as JobStopped).soFar).toMatchObject({ added: 20, done: 20 });
    expect(await history.countCheckIns()).toBe(20);
    expect(page.heard()).toBe(1);
    const again = await applyImport(
      { ...file, checkIns: [] },
      storeAccess,
      {},
      heldByWorker(file.checkIns).held,
    );
    expect(again.checkIns).toEqual({ added: 25, same: 20, differing: [] });
    expect(await history.countCheckIns()).toBe(45);
  });

  it('is brought onto the page and written from there when the worker cannot open the database', async () => {
    const file = importFile(15, { journals: true });
    const { held, calls } = heldByWorker(file.checkIns, { noDatabase: true });
    const counts = await applyImport({ ...file, checkIns: [] }, storeAccess, { chunkSize: 10 }, held);
    expect(counts.checkIns.added).toBe(15);
    expect(calls).toEqual({ merge: 1, take: 1 });
    expect(await history.countCheckIns()).toBe(15);
  });

  it('is brought onto the page when the history lives in storage.local, which a worker cannot reach', async () => {
    useBackend('storage.local');
    const file = importFile(15, { journals: true });
    const { held, calls } = heldByWorker(file.checkIns);
    const merge = vi.spyOn(held, 'merge');
    const counts = await applyImport({ ...file, checkIns: [] }, storeAccess, { chunkSize: 10 }, held);
    expect(counts.checkIns.added).toBe(15);
    expect(merge).not.toHaveBeenCalled();
    expect(calls.take).toBe(1);
    expect(await history.historyPlace()).toBe('storage.local');
    expect(await history.countCheckIns()).toBe(15);
  });
});
