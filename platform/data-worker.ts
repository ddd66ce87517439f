// A dedicated worker of the history page: reads an export file and checks it with the one parser
// (core/data/import.ts), off the page, so JSON.parse and the checks of 200,000 check-ins never block
// a click. It keeps the sound file's check-ins and writes them into the IndexedDB history itself, a
// chunk (one transaction) at a time, with the same code as the page (job-chunks.ts, history/idb.ts):
// the page never holds the list, nor makes its 200,000 requests. Where the history isn't in IndexedDB
// (storage.local, which a worker can't reach) it hands them to the page a chunk at a time instead
// (data-jobs.ts, checkFileOffPage). No browser API here: a worker of an extension page has none.
import { parseImportFile } from '../core/data/import';
import type { CheckIn } from '../core/schema';
import type { WorkerReply, WorkerRequest } from './data-jobs';
import { db } from './history/db';
import { idbHistory } from './history/idb';
import { JobFailed, JobStopped, mergeInChunks } from './job-chunks';

let checkIns: CheckIn[] = [];
/** The write under way, stopped between two chunks when the page asks. */
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
  if (request.type === 'take') {
    reply({ type: 'entries', entries: checkIns.slice(request.from, request.from + request.count) });
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
    const result = parseImportFile(text);
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
