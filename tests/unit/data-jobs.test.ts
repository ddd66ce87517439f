// Big imports and exports a chunk at a time (issue 15, item 5): the history page showed no progress,
// couldn't stop an import, wrote 200,000 check-ins in one transaction and read them all in one go for
// an export. These tests hold the chunked jobs to what a person would notice: how far it is, a stop
// that keeps what was written, a failed chunk that loses nothing, and a second import that finishes.
import { describe, expect, it, vi } from 'vitest';
import { exportLabels } from '../../components/history/DataPanel';
import { placeOnDay } from '../../core/data/days';
import { buildExportJson, checkInsCsv, journalMarkdown } from '../../core/data/export';
import { csvPieces, exportJsonPieces, markdownPieces } from '../../core/data/export-chunks';
import type { Snapshot } from '../../core/data/export-format';
import { parseImportFile } from '../../core/data/import';
import { type CheckIn, DEFAULT_SETTINGS } from '../../core/schema';
import { JobFailed, JobStopped, mergeInChunks, readAllInPages } from '../../platform/data-jobs';
import { applyImport, type DataAccess, exportFile, storeAccess } from '../../platform/data-transfer';
import * as history from '../../platform/history/store';

const HOUR = 3_600_000;
const base = new Date(2026, 0, 5, 8).getTime();
/** `n` check-ins an hour apart (so several days), every third with a journal line. */
const entries = (n: number, prefix = 'e'): CheckIn[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    at: base + i * HOUR,
    feeling: i % 2 ? 'calm' : 'tired',
    outletId: i % 3 ? 'walk-street' : 'journal-weight',
    outcome: 'done',
    ...(i % 3 ? {} : { journal: `Line ${i}: *not* a [link] <b>` }),
  }));

const storedIds = async () => (await history.allCheckIns()).entries.map((entry) => entry.id).sort();

describe('mergeInChunks', () => {
  it('writes a chunk at a time and says how far it is after each', async () => {
    const list = entries(25);
    const progress: [number, number][] = [];
    const result = await mergeInChunks(list, history.mergeCheckIns, {
      chunkSize: 10,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual([
      [0, 25],
      [10, 25],
      [20, 25],
      [25, 25],
    ]);
    expect(result).toMatchObject({ added: 25, same: 0, done: 25, total: 25 });
    expect(await storedIds()).toEqual(list.map((entry) => entry.id).sort());
  });

  it('stops between chunks when asked, keeping exactly the chunks written', async () => {
    const list = entries(25);
    const stop = new AbortController();
    const merge = vi.fn(history.mergeCheckIns);
    const stopped = await mergeInChunks(list, merge, {
      chunkSize: 10,
      signal: stop.signal,
      onProgress: (done) => {
        if (done === 10) stop.abort();
      },
    }).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(JobStopped);
    expect((stopped as JobStopped).soFar).toMatchObject({ added: 10, done: 10, total: 25 });
    expect(merge).toHaveBeenCalledTimes(1);
    expect(await storedIds()).toEqual(
      list
        .slice(0, 10)
        .map((entry) => entry.id)
        .sort(),
    );
  });

  it('reports a chunk that failed with what was stored before it, and loses nothing', async () => {
    const list = entries(25);
    let calls = 0;
    const failing = async (chunk: readonly CheckIn[]) => {
      calls++;
      if (calls === 2) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return history.mergeCheckIns(chunk);
    };
    const failed = await mergeInChunks(list, failing, { chunkSize: 10 }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(JobFailed);
    expect((failed as JobFailed).soFar).toMatchObject({ added: 10, done: 10 });
    expect((failed as JobFailed).cause).toBeInstanceOf(DOMException);
    // Nothing after the failed chunk was tried: the person is told, and imports again.
    expect(calls).toBe(2);
    expect(await storedIds()).toEqual(
      list
        .slice(0, 10)
        .map((entry) => entry.id)
        .sort(),
    );
  });

  it('finishes a stopped job when run again, with every entry stored exactly once', async () => {
    const list = entries(25);
    const stop = new AbortController();
    await mergeInChunks(list, history.mergeCheckIns, {
      chunkSize: 10,
      signal: stop.signal,
      onProgress: (done) => {
        if (done === 20) stop.abort();
      },
    }).catch(() => undefined);
    expect(await history.countCheckIns()).toBe(20);
    const again = await mergeInChunks(list, history.mergeCheckIns, { chunkSize: 10 });
    expect(again).toMatchObject({ added: 5, same: 20, done: 25 });
    expect(await storedIds()).toEqual(list.map((entry) => entry.id).sort());
    const days = await history.daySummaries('2026-01-01', '2026-01-31');
    expect(days.reduce((sum, day) => sum + day.count, 0)).toBe(25);
  });
});

describe('applyImport, a big file', () => {
  it('stops between chunks; the people and preferences wait for the import that finishes', async () => {
    const { trustedPeople: _, ...preferences } = DEFAULT_SETTINGS;
    const snapshot: Snapshot = {
      preferences: { ...preferences, intervalMinutes: 75 },
      trustedPeople: [{ id: 'p1', name: 'Kim' }],
      checkIns: entries(250),
      setAside: [],
      unreadable: [],
    };
    const parsed = parseImportFile(buildExportJson(snapshot, base));
    if (!parsed.ok) throw new Error('the file should be sound');
    const stop = new AbortController();
    const seen: number[] = [];
    const stopped = await applyImport(parsed.data, storeAccess, {
      chunkSize: 100,
      signal: stop.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done === 100) stop.abort();
      },
    }).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(JobStopped);
    expect(seen).toEqual([0, 100]);
    expect(await history.countCheckIns()).toBe(100);
    expect(await storeAccess.loadTrustedPeople()).toEqual([]);

    expect(await applyImport(parsed.data)).toEqual({
      checkIns: { added: 150, kept: 100 },
      people: { added: 1, kept: 0, full: 0 },
    });
    expect(await history.countCheckIns()).toBe(250);
    expect((await storeAccess.loadSettings()).intervalMinutes).toBe(75);
  });
});

describe('export, a page at a time', () => {
  it('reads the history in bounded pages, never all of it at once, oldest first', async () => {
    const list = entries(450);
    await history.mergeCheckIns(list);
    const pages: number[] = [];
    const access: DataAccess = {
      ...storeAccess,
      allCheckIns: () => Promise.reject(new Error('read everything at once')),
      checkInsPage: async (options) => {
        const page = await history.checkInsPage(options);
        pages.push(page.entries.length);
        return page;
      },
    };
    const file = await exportFile('json', exportLabels(), { access, now: base, chunkSize: 100 });
    const parsed = parseImportFile(await file.blob.text());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    // As stored: each with the local day it is counted on.
    expect(parsed.data.checkIns).toEqual(list.map((entry) => placeOnDay(entry, null)));
    expect(pages).toEqual([100, 100, 100, 100, 50]);
  });

  it('still carries the stored values that can’t be read, as they are', async () => {
    await history.mergeCheckIns(entries(3));
    const access: DataAccess = {
      ...storeAccess,
      countCheckIns: async () => 4,
      allCheckIns: async () => ({ entries: [], unreadable: [{ id: 'broken', at: 'soon' }] }),
    };
    const file = await exportFile('json', exportLabels(), { access, now: base });
    const parsed = parseImportFile(await file.blob.text());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.data.checkIns).toHaveLength(3);
    expect(parsed.data.unreadable).toEqual([{ id: 'broken', at: 'soon' }]);
  });

  it('says how far it is, reading then making the file, and stops when asked', async () => {
    await history.mergeCheckIns(entries(250));
    const progress: [number, number][] = [];
    await exportFile('csv', exportLabels(), {
      chunkSize: 100,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual([
      [0, 500],
      [100, 500],
      [200, 500],
      [250, 500],
      [350, 500],
      [450, 500],
      [500, 500],
    ]);
    const stop = new AbortController();
    const made = vi.fn();
    const stopped = exportFile('markdown', exportLabels(), {
      chunkSize: 100,
      signal: stop.signal,
      onProgress: (done) => {
        made(done);
        if (done >= 100) stop.abort();
      },
    });
    await expect(stopped).rejects.toThrow();
    // Stopped at the next chunk: nothing more was read or made.
    expect(made.mock.calls.map(([done]) => done)).toEqual([0, 100]);
  });

  it('keeps the order across pages when many entries share one time', async () => {
    const same = entries(230).map((entry, i) => ({ ...entry, at: base + Math.floor(i / 70) }));
    await history.mergeCheckIns(same);
    const read = await readAllInPages((options) => history.checkInsPage(options), { pageSize: 50 });
    expect(read.map((entry) => entry.id)).toEqual((await history.allCheckIns()).entries.map((e) => e.id));
  });
});

describe('export files made in pieces', () => {
  const { trustedPeople: _, ...preferences } = DEFAULT_SETTINGS;
  const labels = exportLabels();
  const split = (list: CheckIn[], size: number) =>
    Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

  it.each([
    [0, 7],
    [1, 7],
    [50, 7],
    [50, 24],
    [50, 100],
  ])('are the whole-file text, %i check-ins in pieces of %i', (count, size) => {
    const list = entries(count);
    const rest = {
      preferences,
      trustedPeople: [{ id: 'p', name: 'Kim' }],
      setAside: [{ key: 'pref:hours', at: 5, value: { checkIns: [] } }],
      unreadable: [{ id: 7 }],
    };
    const json = exportJsonPieces(rest, 1000);
    const pieces = split(list, size);
    const jsonText =
      json.head + pieces.map((piece, i) => json.entries(piece, i === 0)).join('') + json.tail(count === 0);
    expect(jsonText).toBe(buildExportJson({ ...rest, checkIns: list }, 1000));

    const csv = csvPieces(labels.csv);
    expect(csv.head + pieces.map(csv.piece).join('')).toBe(checkInsCsv(list, labels.csv));

    const markdown = markdownPieces(labels.journal);
    expect(markdown.head + pieces.map(markdown.piece).join('')).toBe(journalMarkdown(list, labels.journal));
  });
});
