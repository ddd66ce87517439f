// Writing a long list of check-ins a chunk at a time, each chunk its own transaction, with a stop
// between chunks and progress after each: the history page's import (data-transfer.ts) and the worker
// that writes a checked file straight into the database (data-worker.ts) run the same loop. Apart from
// data-jobs.ts so the worker can import it without importing the module that starts it.
import type { BulkOptions, Page } from '../core/data/transfer';
import type { CheckIn } from '../core/schema';
import type { MergeResult } from './history/backend';

/** Check-ins per read of the history, and per piece of an export file. */
export const READ_CHUNK = 1_000;
/** Check-ins per write: small enough that one chunk's work on the page stays far below 50 ms. */
export const WRITE_CHUNK = 1_000;
/** Lets the page run (input, rendering) before the next chunk. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** What a chunked merge wrote before it ended, whole chunks only. */
export interface MergeSoFar extends MergeResult {
  /** Entries of the list gone through (written, or found already stored). */
  done: number;
  total: number;
}

/** The person stopped the job between two chunks; everything in `soFar` is stored. */
export class JobStopped extends Error {
  constructor(readonly soFar: MergeSoFar) {
    super('Stopped');
    this.name = 'JobStopped';
  }
}

/** A chunk couldn't be written: its transaction stored nothing; the chunks before it are stored. */
export class JobFailed extends Error {
  constructor(
    readonly soFar: MergeSoFar,
    cause: unknown,
  ) {
    super('A chunk could not be written', { cause });
    this.name = 'JobFailed';
  }
}

export type MergeFn = (entries: readonly CheckIn[], options?: BulkOptions) => Promise<MergeResult>;

/** Progress, a stop between chunks, and how many check-ins a chunk holds (tests make it small). */
export type ChunkOptions = BulkOptions & { chunkSize?: number };

/**
 * Merges `entries` by id in chunks of `chunkSize`, each its own call (and transaction), the page free
 * between them. Stops between chunks once `signal` aborts (JobStopped), or at a chunk that fails
 * (JobFailed), telling what was stored so far. Merging by id adds nothing twice, so running it again
 * on the same entries finishes a stopped or failed job.
 */
export async function mergeInChunks(
  entries: readonly CheckIn[],
  merge: MergeFn,
  { onProgress, signal, chunkSize = WRITE_CHUNK }: ChunkOptions = {},
): Promise<MergeSoFar> {
  const soFar: MergeSoFar = { added: 0, same: 0, differing: [], done: 0, total: entries.length };
  onProgress?.(0, entries.length);
  for (let from = 0; from < entries.length; from += chunkSize) {
    if (signal?.aborted) throw new JobStopped(soFar);
    const chunk = entries.slice(from, from + chunkSize);
    let result: MergeResult;
    try {
      result = await merge(chunk);
    } catch (cause) {
      throw new JobFailed(soFar, cause);
    }
    soFar.added += result.added;
    soFar.same += result.same;
    soFar.differing.push(...result.differing);
    soFar.done += chunk.length;
    onProgress?.(soFar.done, entries.length);
    if (soFar.done < entries.length) await yieldToPage();
  }
  return soFar;
}

export type PageFn = (options: { before?: number; limit: number }) => Promise<Page<CheckIn>>;

/**
 * Every readable check-in, oldest first, read newest first a page at a time (`before` the last one
 * seen): each read is bounded, and the page is free between them. `total` is what progress counts to.
 */
export async function readAllInPages(
  page: PageFn,
  {
    onProgress,
    signal,
    total = 0,
    pageSize = READ_CHUNK,
  }: BulkOptions & { total?: number; pageSize?: number } = {},
): Promise<CheckIn[]> {
  const pages: CheckIn[][] = [];
  let count = 0;
  let before: number | undefined;
  onProgress?.(0, total);
  for (;;) {
    signal?.throwIfAborted();
    const { entries, next } = await page({ before, limit: pageSize });
    // Newest first within the page: turned round here, the pages put in order below.
    pages.push(entries.reverse());
    count += entries.length;
    onProgress?.(count, Math.max(total, count));
    if (next === null) break;
    before = next;
  }
  return pages.reverse().flat();
}

/** Runs `each` on `items` a chunk at a time, the page free between chunks; stops when `signal` aborts. */
export async function inChunks<T>(
  items: readonly T[],
  each: (chunk: readonly T[]) => void,
  { chunkSize = READ_CHUNK, signal }: { chunkSize?: number; signal?: AbortSignal } = {},
): Promise<void> {
  for (let from = 0; from < items.length; from += chunkSize) {
    signal?.throwIfAborted();
    each(items.slice(from, from + chunkSize));
    await yieldToPage();
  }
}
