// A dedicated worker of the history page: reads an export file and checks it with the one parser
// (core/data/import.ts), off the page (an encrypted copy opened first: data-crypto.ts), so JSON.parse and the checks of 200,000 check-ins never block
// a click. It keeps the sound file's check-ins and writes them into the IndexedDB history itself, a
// chunk (one transaction) at a time, with the same code as the page (job-chunks.ts, history/idb.ts):
// the page never holds the list, nor makes its 200,000 requests. Where the history isn't in IndexedDB
// (storage.local, which a worker can't reach) it hands them to the page a chunk at a time instead
// (data-jobs.ts, checkFileOffPage). It also makes export files of the IndexedDB history (exportOffPage).
// No browser API here: a worker of an extension page has none.
import { labelsFrom } from '../core/data/export-labels';
import type { CheckIn } from '../core/schema';
import { encryptFile, readExportText } from './data-crypto';
import type { StoredAround, WorkerReply, WorkerRequest } from './data-jobs';
import { type ExportAccess, exportFile } from './export-file';
import { db } from './history/db';
import { idbHistory } from './history/idb';
import { JobFailed, JobStopped, mergeInChunks } from './job-chunks';

let checkIns: CheckIn[] = [];
/** The write or export under way, stopped between two chunks when the page asks. */
let writing: AbortController | null = null;

const reply = (message: WorkerReply) => (self as unknown as Worker).postMessage(message);

async function merge(chunkSize: number): Promise<void> {
  const control = new AbortController();
  writing = control;
  try {
    let database: Awaited<ReturnType<typeof db>>;
    try {
      database = await db();
    } catch (error) {
      reply({ type: 'no-database', message: String(error) });
      return;
    }
    const soFar = await mergeInChunks(checkIns, idbHistory(database).merge, {
      chunkSize,
      signal: control.signal,
      onProgress: (done, total) => reply({ type: 'progress', done, total }),
    });
    reply({ type: 'merged', soFar });
  } catch (error) {
    if (error instanceof JobStopped) reply({ type: 'stopped', soFar: error.soFar });
    else if (error instanceof JobFailed) {
      const cause = error.cause as { name?: unknown; message?: unknown } | null | undefined;
      reply({
        type: 'failed',
        soFar: error.soFar,
        name: typeof cause?.name === 'string' ? cause.name : 'Error',
        message: typeof cause?.message === 'string' ? cause.message : String(cause),
      });
    } else reply({ type: 'error', message: String(error) });
  } finally {
    writing = null;
  }
}

/**
 * An export file of the IndexedDB history, made here with the page's own `exportFile`: the check-ins
 * read from the database in pages, the rest (`stored`) as the page read it.
 */
async function exportHistory(request: Extract<WorkerRequest, { type: 'export' }>): Promise<void> {
  const control = new AbortController();
  writing = control;
  try {
    let database: Awaited<ReturnType<typeof db>>;
    try {
      database = await db();
    } catch (error) {
      reply({ type: 'no-database', message: String(error) });
      return;
    }
    const history = idbHistory(database);
    const stored: StoredAround = request.stored;
    const access: ExportAccess = {
      loadSettings: async () => stored.settings,
      loadTrustedPeople: async () => stored.trustedPeople,
      loadOwnOutlets: async () => stored.ownOutlets,
      loadSetAside: async () => stored.setAside,
      loadKeptUnreadable: async () => stored.keptUnreadable,
      allCheckIns: () => history.all(),
      checkInsPage: (query) => history.page(query),
      countCheckIns: () => history.count(),
    };
    const file = await exportFile(request.kind, labelsFrom(request.words), {
      access,
      now: request.now,
      chunkSize: request.chunkSize,
      signal: control.signal,
      onProgress: (done, total) => reply({ type: 'progress', done, total }),
    });
    reply({ type: 'exported', file });
  } catch (error) {
    // A stop: the page has already said so and lets the worker go.
    if (!control.signal.aborted) reply({ type: 'error', message: String(error) });
  } finally {
    writing = null;
  }
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'stop') {
    writing?.abort();
    return;
  }
  if (request.type === 'merge') {
    await merge(request.chunkSize);
    return;
  }
  if (request.type === 'export') {
    await exportHistory(request);
    return;
  }
  if (request.type === 'take') {
    reply({ type: 'entries', entries: checkIns.slice(request.from, request.from + request.count) });
    return;
  }
  if (request.type === 'encrypt') {
    // An encrypted copy: the key's derivation and the encryption of a big file, off the page.
    try {
      reply({ type: 'encrypted', blob: await encryptFile(request.file, request.passphrase) });
    } catch (error) {
      reply({ type: 'error', message: String(error) });
    }
    return;
  }
  let text: string;
  try {
    text = await request.file.text();
  } catch {
    reply({ type: 'unreadable' });
    return;
  }
  try {
    const result = await readExportText(text, request.passphrase);
    if (!result.ok) {
      reply({ type: 'refused', result });
      return;
    }
    checkIns = result.data.checkIns;
    reply({
      type: 'parsed',
      result: { ok: true, data: { ...result.data, checkIns: [] } },
      checkIns: checkIns.length,
    });
  } catch (error) {
    reply({ type: 'error', message: String(error) });
  }
};
