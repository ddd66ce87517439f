// A big import writes a chunk at a time. Each chunk told every page that the history changed, so the
// history page re-read its days, summaries and journal and drew itself again every second of the
// import, on the page and against the import in the database. The pages now hear of the import once,
// when it ends, however it ends (finished, stopped, or a chunk that failed).
import { describe, expect, it, vi } from 'vitest';
import { JobFailed, JobStopped } from '../../platform/data-jobs';
import { applyImport, storeAccess } from '../../platform/data-transfer';
import * as history from '../../platform/history/store';
import { importFile, listen } from './import-file';

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
