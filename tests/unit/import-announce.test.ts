// A big import writes a chunk at a time. Each chunk told every page that the history changed, so the
// history page re-read its days, summaries and journal and drew itself again every second of the
// import, on the page and against the import in the database. The pages now hear of the import once,
// when it ends, however it ends (finished, stopped, or a chunk that failed).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildExportJson } from '../../core/data/export';
import type { Snapshot } from '../../core/data/export-format';
import { parseImportFile } from '../../core/data/import';
import { type CheckIn, DEFAULT_SETTINGS } from '../../core/schema';
import { JobFailed, JobStopped } from '../../platform/data-jobs';
import { applyImport, storeAccess } from '../../platform/data-transfer';
import * as history from '../../platform/history/store';

const HOUR = 3_600_000;
const base = new Date(2026, 0, 5, 8).getTime();

function importFile(n: number) {
  const { trustedPeople: _, ...preferences } = DEFAULT_SETTINGS;
  const checkIns: CheckIn[] = Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    at: base + i * HOUR,
    feeling: 'calm',
    outletId: 'walk-street',
    outcome: 'done',
  }));
  const snapshot: Snapshot = { preferences, trustedPeople: [], checkIns, setAside: [], unreadable: [] };
  const parsed = parseImportFile(buildExportJson(snapshot, base));
  if (!parsed.ok) throw new Error('the file should be sound');
  return parsed.data;
}

let unwatch: (() => void) | null = null;
afterEach(() => unwatch?.());

/** How many times a page of this context hears that the history changed. */
function listen(): { heard: () => number } {
  let heard = 0;
  unwatch = history.watchHistoryHere(() => heard++);
  return { heard: () => heard };
}

describe('a big import, as the pages hear of it', () => {
  it('is announced once when it is done, not once per chunk', async () => {
    const page = listen();
    await applyImport(importFile(45), storeAccess, { chunkSize: 10 });
    expect(await history.countCheckIns()).toBe(45);
    expect(page.heard()).toBe(1);
  });

  it('is announced once when stopped, so the page shows the chunks kept', async () => {
    const page = listen();
    const stop = new AbortController();
    const stopped = await applyImport(importFile(45), storeAccess, {
      chunkSize: 10,
      signal: stop.signal,
      onProgress: (done) => {
        if (done === 20) stop.abort();
      },
    }).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(JobStopped);
    expect(await history.countCheckIns()).toBe(20);
    expect(page.heard()).toBe(1);
  });

  it('is announced when a chunk fails after others were stored, and not when none was', async () => {
    const page = listen();
    const real = history.mergeCheckIns;
    let chunk = 0;
    vi.spyOn(history, 'mergeCheckIns').mockImplementation(async (entries, options) => {
      chunk++;
      if (chunk === 2) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return real(entries, options);
    });
    // The second chunk fails: the first is kept, and shown.
    const failed = await applyImport(importFile(45), storeAccess, { chunkSize: 10 }).catch(
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(JobFailed);
    expect(await history.countCheckIns()).toBe(10);
    expect(page.heard()).toBe(1);
    // Failing at its first chunk, an import changed nothing: no page re-reads.
    chunk = 1;
    const again = await applyImport(importFile(45), storeAccess, { chunkSize: 10 }).catch(
      (error: unknown) => error,
    );
    expect(again).toBeInstanceOf(JobFailed);
    expect(page.heard()).toBe(1);
  });
});
