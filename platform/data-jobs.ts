// The long jobs of "Your data" (importing or exporting up to 200,000 check-ins), done so the page never
// freezes: the file is read and checked in a worker (data-worker.ts), the history is written and read
// in chunks of a bounded size, each its own transaction, with the page free between them. Every job
// says how far it is and stops between two chunks when asked, keeping what was done.
import type { ImportResult } from '../core/data/import';
import type { CheckIn } from '../core/schema';
import type { BulkOptions, MergeResult, Page } from './history/store';

/** Check-ins per write: small enough that one chunk's work on the page stays far below 50 ms. */
export const WRITE_CHUNK = 1_000;
/** Check-ins per read of the history, and per piece of an export file. */
export const READ_CHUNK = 1_000;
/** Check-ins per message from the worker: one message's copy onto the page stays short. */
export const TRANSFER_CHUNK = 1_000;

/** How far a job is: `done` of `total` check-ins. */
export type OnProgress = (done: number, total: number) => void;

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

// --- reading and checking a file, off the page --------------------------------------------------

/** The chosen file couldn't be read at all (moved, or no longer allowed). */
export class FileUnreadable extends Error {}

export type WorkerRequest =
  | { type: 'parse'; file: Blob; passphrase?: string }
  | { type: 'take'; from: number; count: number }
  | { type: 'encrypt'; file: Blob; passphrase: string };

export type WorkerReply =
  | { type: 'unreadable' }
  | { type: 'refused'; result: Extract<ImportResult, { ok: false }> }
  | { type: 'parsed'; result: Extract<ImportResult, { ok: true }>; checkIns: number }
  | { type: 'entries'; entries: CheckIn[] }
  | { type: 'encrypted'; blob: Blob }
  | { type: 'error'; message: string };

/** The worker that reads and checks a file; null where the page can't start one (tests). */
function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  // This exact form (a `new URL` inside `new Worker`) is what Vite bundles as a worker of its own,
  // a file of the extension, so the pages' CSP (`script-src 'self'`) allows it in Chrome and Firefox.
  return new Worker(new URL('./data-worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Reads and checks an export file in a worker, so a file of 200,000 check-ins never blocks the page,
 * then brings its check-ins over a chunk at a time. Rejects with FileUnreadable when the file can't be
 * read. `parse` is the fallback where there is no worker: the same checks, on the page.
 */
export async function checkFileOffPage(
  file: Blob,
  parse: (file: Blob) => Promise<ImportResult>,
  { signal, onProgress }: BulkOptions = {},
  passphrase?: string,
): Promise<ImportResult> {
  const worker = startWorker();
  if (!worker) return parse(file);
  const replies: ((reply: WorkerReply) => void)[] = [];
  const failures: ((error: unknown) => void)[] = [];
  const ask = (request: WorkerRequest) =>
    new Promise<WorkerReply>((resolve, reject) => {
      replies.push(resolve);
      failures.push(reject);
      worker.postMessage(request);
    });
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    failures.shift();
    replies.shift()?.(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    replies.shift();
    failures.shift()?.(new Error(event.message || 'The file checker stopped'));
  };
  const stop = () => {
    replies.length = 0;
    for (const fail of failures.splice(0)) fail(signal?.reason ?? new Error('Stopped'));
  };
  signal?.addEventListener('abort', stop, { once: true });
  try {
    signal?.throwIfAborted();
    let first: WorkerReply;
    try {
      first = await ask({ type: 'parse', file, passphrase });
    } catch (error) {
      if (signal?.aborted) throw error;
      // The worker couldn't run (a browser or policy that refuses it): the same checks on the page,
      // which block it for a while with a big file, but the file still comes in.
      return await parse(file);
    }
    if (first.type === 'unreadable') throw new FileUnreadable();
    if (first.type === 'error') throw new Error(first.message);
    if (first.type === 'refused') return first.result;
    if (first.type !== 'parsed') throw new Error(`Unexpected reply: ${first.type}`);
    const checkIns: CheckIn[] = [];
    onProgress?.(0, first.checkIns);
    while (checkIns.length < first.checkIns) {
      const reply = await ask({ type: 'take', from: checkIns.length, count: TRANSFER_CHUNK });
      if (reply.type !== 'entries' || reply.entries.length === 0) throw new Error('The file checker stopped');
      for (const entry of reply.entries) checkIns.push(entry);
      onProgress?.(checkIns.length, first.checkIns);
    }
    return { ok: true, data: { ...first.result.data, checkIns } };
  } finally {
    signal?.removeEventListener('abort', stop);
    worker.terminate();
  }
}

/**
 * An encrypted copy of `file` (platform/data-crypto.ts) made in the worker: deriving the key takes
 * 600,000 rounds of SHA-256, and a big file's encryption and base64 would otherwise hold the page.
 * `encrypt` is the fallback where there is no worker: the same, on the page.
 */
export async function encryptOffPage(
  file: Blob,
  passphrase: string,
  encrypt: (file: Blob, passphrase: string) => Promise<Blob>,
): Promise<Blob> {
  const worker = startWorker();
  if (!worker) return encrypt(file, passphrase);
  try {
    const reply = await new Promise<WorkerReply | null>((resolve) => {
      worker.onmessage = (event: MessageEvent<WorkerReply>) => resolve(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        resolve(null);
      };
      worker.postMessage({ type: 'encrypt', file, passphrase } satisfies WorkerRequest);
    });
    // The worker couldn't run (a browser or policy that refuses it): the same on the page.
    if (reply === null) return await encrypt(file, passphrase);
    if (reply.type === 'encrypted') return reply.blob;
    throw new Error(reply.type === 'error' ? reply.message : `Unexpected reply: ${reply.type}`);
  } finally {
    worker.terminate();
  }
}
