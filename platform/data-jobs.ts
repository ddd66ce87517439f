// The long jobs of "Your data" (importing or exporting up to 200,000 check-ins), done so the page never
// freezes: the file is read and checked in a worker (data-worker.ts), the history is written and read
// in chunks of a bounded size, each its own transaction, with the page free between them. Every job
// says how far it is and stops between two chunks when asked, keeping what was done.

import type { SetAside } from '../core/data/export-format';
import type { LabelWords } from '../core/data/export-labels';
import type { ImportResult } from '../core/data/import';
import type { ExportKind } from '../core/data/transfer';
import type { OwnOutlet } from '../core/outlets/own';
import type { CheckIn, Settings, TrustedPerson } from '../core/schema';
import type { ExportFile } from './export-file';
import type { BulkOptions } from './history/store';
import {
  type ChunkOptions,
  JobFailed,
  JobStopped,
  type MergeSoFar,
  READ_CHUNK,
  WRITE_CHUNK,
} from './job-chunks';

/** Check-ins per message from the worker: one message's copy onto the page stays short. */
export const TRANSFER_CHUNK = 1_000;

/** How far a job is: `done` of `total` check-ins. */
export type OnProgress = (done: number, total: number) => void;

export {
  type ChunkOptions,
  inChunks,
  JobFailed,
  JobStopped,
  type MergeFn,
  type MergeSoFar,
  mergeInChunks,
  type PageFn,
  READ_CHUNK,
  readAllInPages,
  WRITE_CHUNK,
  yieldToPage,
} from './job-chunks';

// --- reading and checking a file, off the page --------------------------------------------------

/** The chosen file couldn't be read at all (moved, or no longer allowed). */
export class FileUnreadable extends Error {}

/** The worker can't open the history database (a browser that refuses it there): nothing was written. */
export class NoDatabaseInWorker extends Error {}

export type WorkerRequest =
  | { type: 'parse'; file: Blob; passphrase?: string }
  | { type: 'encrypt'; file: Blob; passphrase: string }
  | { type: 'take'; from: number; count: number }
  | { type: 'merge'; chunkSize: number }
  | {
      type: 'export';
      kind: ExportKind;
      words: LabelWords;
      now: number;
      chunkSize: number;
      stored: StoredAround;
    }
  | { type: 'stop' };

export type WorkerReply =
  | { type: 'unreadable' }
  | { type: 'refused'; result: Extract<ImportResult, { ok: false }> }
  | { type: 'parsed'; result: Extract<ImportResult, { ok: true }>; checkIns: number }
  | { type: 'entries'; entries: CheckIn[] }
  | { type: 'error'; message: string }
  | { type: 'encrypted'; blob: Blob }
  | { type: 'progress'; done: number; total: number }
  | { type: 'merged'; soFar: MergeSoFar }
  | { type: 'stopped'; soFar: MergeSoFar }
  | { type: 'failed'; soFar: MergeSoFar; name: string; message: string }
  | { type: 'no-database'; message: string }
  | { type: 'exported'; file: ExportFile };

/**
 * What an export carries besides the check-ins, read on the page (the worker can't reach storage):
 * small, bounded by their own caps.
 */
export interface StoredAround {
  settings: Settings;
  trustedPeople: TrustedPerson[];
  ownOutlets: OwnOutlet[];
  setAside: SetAside[];
  keptUnreadable: unknown[];
}

/**
 * The check-ins of a sound file, still in the worker that checked it: the page never holds the whole
 * list (200,000 check-ins weigh on its heap, and each collection of that heap blocks it).
 */
export interface HeldCheckIns {
  readonly count: number;
  /**
   * Written by the worker itself into the IndexedDB history, merged by id a chunk (one transaction)
   * at a time, as mergeInChunks does on the page: progress after each chunk, a stop between chunks
   * (JobStopped), a failed chunk (JobFailed), both telling what was stored. Rejects with
   * NoDatabaseInWorker, having written nothing, when the worker can't open the database.
   */
  merge(options?: ChunkOptions): Promise<MergeSoFar>;
  /** Brought onto the page a chunk at a time, for a history the worker can't reach (storage.local). */
  take(options?: BulkOptions): Promise<CheckIn[]>;
  /** Lets the worker go (once the import has ended, however it ended). */
  close(): void;
}

/**
 * A checked file: refused with its problems, or sound. When sound and `held` is set, its check-ins
 * are in the worker (`data.checkIns` is empty); without a worker they are in `data.checkIns`.
 */
export type CheckedFile =
  | Extract<ImportResult, { ok: false }>
  | { ok: true; data: Extract<ImportResult, { ok: true }>['data']; held: HeldCheckIns | null };

/** The worker that reads and checks a file; null where the page can't start one (tests). */
function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  // This exact form (a `new URL` inside `new Worker`) is what Vite bundles as a worker of its own,
  // a file of the extension, so the pages' CSP (`script-src 'self'`) allows it in Chrome and Firefox.
  return new Worker(new URL('./data-worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Reads and checks an export file in a worker, so a file of 200,000 check-ins never blocks the page;
 * a sound file's check-ins stay in the worker (`held`), which writes them into the database itself or
 * hands them over a chunk at a time. Rejects with FileUnreadable when the file can't be read. `parse`
 * is the fallback where there is no worker: the same checks, on the page. The caller closes `held`.
 */
export async function checkFileOffPage(
  file: Blob,
  parse: (file: Blob) => Promise<ImportResult>,
  { signal }: BulkOptions = {},
  passphrase?: string,
): Promise<CheckedFile> {
  const onPage = async (): Promise<CheckedFile> => {
    const result = await parse(file);
    return result.ok ? { ...result, held: null } : result;
  };
  const worker = startWorker();
  if (!worker) return onPage();
  const replies: ((reply: WorkerReply) => void)[] = [];
  const failures: ((error: unknown) => void)[] = [];
  let progress: ((done: number, total: number) => void) | undefined;
  const ask = (request: WorkerRequest) =>
    new Promise<WorkerReply>((resolve, reject) => {
      replies.push(resolve);
      failures.push(reject);
      worker.postMessage(request);
    });
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    if (event.data.type === 'progress') {
      progress?.(event.data.done, event.data.total);
      return;
    }
    failures.shift();
    replies.shift()?.(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    replies.shift();
    failures.shift()?.(new Error(event.message || 'The file checker stopped'));
  };
  let closed = false;
  const close = () => {
    closed = true;
    worker.terminate();
  };
  let first: WorkerReply;
  const stop = () => {
    replies.length = 0;
    for (const fail of failures.splice(0)) fail(signal?.reason ?? new Error('Stopped'));
  };
  try {
    signal?.throwIfAborted();
    signal?.addEventListener('abort', stop, { once: true });
    first = await ask({ type: 'parse', file, passphrase });
  } catch (error) {
    close();
    if (signal?.aborted) throw error;
    // The worker couldn't run (a browser or policy that refuses it): the same checks on the page,
    // which block it for a while with a big file, but the file still comes in.
    return onPage();
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  if (first.type !== 'parsed') close();
  if (first.type === 'unreadable') throw new FileUnreadable();
  if (first.type === 'error') throw new Error(first.message);
  if (first.type === 'refused') return first.result;
  if (first.type !== 'parsed') throw new Error(`Unexpected reply: ${first.type}`);
  const count = first.checkIns;
  const stopped = () => {
    if (closed) throw new Error('The file checker was let go');
  };

  const held: HeldCheckIns = {
    count,
    async merge({ onProgress, signal, chunkSize = WRITE_CHUNK } = {}) {
      stopped();
      // A stop is asked of the worker, which ends the chunk under way (whole chunks only) and says
      // what was stored.
      const stop = () => worker.postMessage({ type: 'stop' } satisfies WorkerRequest);
      if (signal?.aborted) stop();
      signal?.addEventListener('abort', stop, { once: true });
      progress = onProgress;
      try {
        const reply = await ask({ type: 'merge', chunkSize });
        if (reply.type === 'merged') return reply.soFar;
        if (reply.type === 'stopped') throw new JobStopped(reply.soFar);
        if (reply.type === 'failed')
          throw new JobFailed(reply.soFar, new DOMException(reply.message, reply.name));
        if (reply.type === 'no-database') throw new NoDatabaseInWorker(reply.message);
        if (reply.type === 'error') throw new Error(reply.message);
        throw new Error(`Unexpected reply: ${reply.type}`);
      } finally {
        progress = undefined;
        signal?.removeEventListener('abort', stop);
      }
    },
    async take({ onProgress, signal } = {}) {
      stopped();
      const checkIns: CheckIn[] = [];
      onProgress?.(0, count);
      while (checkIns.length < count) {
        signal?.throwIfAborted();
        const reply = await ask({ type: 'take', from: checkIns.length, count: TRANSFER_CHUNK });
        if (reply.type !== 'entries' || reply.entries.length === 0)
          throw new Error('The file checker stopped');
        for (const entry of reply.entries) checkIns.push(entry);
        onProgress?.(checkIns.length, count);
      }
      return checkIns;
    },
    close,
  };
  return { ok: true, data: first.result.data, held };
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

/**
 * An export file of the IndexedDB history made in the worker (data-worker.ts: the same `exportFile`
 * as the page's, with the page's words): reading 200,000 check-ins and making them into a file holds the page neither in a
 * task nor in its heap, whose collections blocked it for up to a second (issue 15). `stored` is what
 * the file carries besides the check-ins. Progress as the page's; a stop ends it between two chunks
 * (rejects with the signal's reason). Resolves to null where the worker can't do it (no worker, or
 * it can't open the database): the caller makes the file on the page then.
 */
export async function exportOffPage(
  kind: ExportKind,
  words: LabelWords,
  stored: () => Promise<StoredAround>,
  { now, onProgress, signal, chunkSize = READ_CHUNK }: { now: number } & ChunkOptions,
): Promise<ExportFile | null> {
  const worker = startWorker();
  if (!worker) return null;
  try {
    signal?.throwIfAborted();
    const around = await stored();
    signal?.throwIfAborted();
    return await new Promise<ExportFile | null>((resolve, reject) => {
      const stop = () => {
        worker.postMessage({ type: 'stop' } satisfies WorkerRequest);
        reject(signal?.reason ?? new Error('Stopped'));
      };
      signal?.addEventListener('abort', stop, { once: true });
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        if (reply.type === 'progress') {
          onProgress?.(reply.done, reply.total);
          return;
        }
        signal?.removeEventListener('abort', stop);
        if (reply.type === 'exported') resolve(reply.file);
        else if (reply.type === 'no-database') resolve(null);
        else if (reply.type === 'error') reject(new Error(reply.message));
        else reject(new Error(`Unexpected reply: ${reply.type}`));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        signal?.removeEventListener('abort', stop);
        // The worker couldn't run (a browser or policy that refuses it): the page makes the file.
        resolve(null);
      };
      worker.postMessage({
        type: 'export',
        kind,
        words,
        now,
        chunkSize,
        stored: around,
      } satisfies WorkerRequest);
    });
  } finally {
    worker.terminate();
  }
}
