// A dedicated worker of the history page: reads an export file and checks it with the one parser
// (core/data/import.ts), off the page, opening an encrypted copy first (platform/data-crypto.ts), so JSON.parse and the checks of 200,000 check-ins never block
// a click. It keeps the sound file and hands its check-ins to the page a chunk at a time
// (data-jobs.ts, checkFileOffPage). No browser API here: a worker of an extension page has none.
import type { CheckIn } from '../core/schema';
import { encryptFile, readExportText } from './data-crypto';
import type { WorkerReply, WorkerRequest } from './data-jobs';

let checkIns: CheckIn[] = [];

const reply = (message: WorkerReply) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
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
