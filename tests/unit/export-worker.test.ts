// An export of the IndexedDB history is made in the data worker (issue 15, item 5): 200,000 check-ins
// read and made into a file on the page held it in long tasks and in its heap's collections. What the
// person gets must not change: the same file, byte for byte, as the page makes; progress as it goes; a
// stop that ends it; and the page making the file itself where the worker can't reach the history.
// The worker module runs here for real, in this context, behind a fake `Worker` that passes messages.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportLabels, exportWords } from '../../components/history/DataPanel';
import type { ExportKind } from '../../core/data/transfer';
import type { CheckIn } from '../../core/schema';
import { exportFile, makeExportFile, storeAccess } from '../../platform/data-transfer';
import { mergeCheckIns } from '../../platform/history/store';
import { addTrustedPerson, updateSettings } from '../../platform/storage';
import { BASE, HOUR, useBackend } from './history-backends';

const NOW = BASE + 400 * HOUR;

function entries(n: number): CheckIn[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    at: BASE + i * HOUR,
    feeling: i % 3 ? 'calm' : 'tense',
    outletId: 'walk-street',
    outcome: 'done',
    ...(i % 4 ? {} : { journal: `Line ${i}, =1+1; see https://example.org` }),
  }));
}

/** The messages the page sent the worker, by type. */
let sent: string[] = [];

/**
 * A `Worker` that runs platform/data-worker.ts in this context: each message is cloned as a real one
 * is, and the worker's replies come back the same way. `refuse` makes the worker fail to start.
 */
function installWorker({ refuse = false } = {}) {
  sent = [];
  class FakeWorker {
    onmessage: ((event: MessageEvent) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    #scope: { onmessage: ((event: MessageEvent) => void) | null; postMessage: (data: unknown) => void };
    #ready: Promise<void>;
    constructor() {
      this.#scope = {
        onmessage: null,
        postMessage: (data) => queueMicrotask(() => this.onmessage?.({ data } as MessageEvent)),
      };
      const scope = this.#scope;
      this.#ready = refuse
        ? Promise.resolve()
        : (async () => {
            // The worker's `self` is this scope for the rest of the test (its replies read it late).
            vi.resetModules();
            vi.stubGlobal('self', scope);
            await import('../../platform/data-worker');
          })();
    }
    postMessage(data: { type: string }) {
      sent.push(data.type);
      void this.#ready.then(() => {
        if (refuse) {
          this.onerror?.({ message: 'refused', preventDefault: () => undefined } as ErrorEvent);
          return;
        }
        this.#scope.onmessage?.({ data: structuredClone(data) } as MessageEvent);
      });
    }
    terminate() {
      this.#scope.onmessage = null;
    }
  }
  vi.stubGlobal('Worker', FakeWorker);
}

async function seed(n: number) {
  await updateSettings({ intervalMinutes: 90, families: ['talking', 'body'] });
  await addTrustedPerson({ id: 'p1', name: 'Ana', phone: '+1 555 0100' }, 1);
  await mergeCheckIns(entries(n));
}

afterEach(() => vi.unstubAllGlobals());

describe('an export of a history in IndexedDB', () => {
  beforeEach(() => useBackend('indexeddb'));

  it.each<ExportKind>(['json', 'csv', 'markdown'])(
    'is made in the worker, the same file as the page makes (%s)',
    async (kind) => {
      await seed(45);
      const onPage = await exportFile(kind, exportLabels(), { now: NOW });
      installWorker();
      const progress: [number, number][] = [];
      const inWorker = await makeExportFile(kind, exportWords(), {
        now: NOW,
        chunkSize: 10,
        onProgress: (done, total) => progress.push([done, total]),
      });
      expect(sent).toEqual(['export']);
      expect(inWorker.filename).toBe(onPage.filename);
      expect(inWorker.type).toBe(onPage.type);
      expect(await inWorker.blob.text()).toBe(await onPage.blob.text());
      // Progress climbs to the end: reading, then making the file (the journal's lines only, for
      // Markdown), never back.
      expect(progress.length).toBeGreaterThan(4);
      const [done, total] = progress.at(-1) as [number, number];
      expect(done).toBe(total);
      const shares = progress.map(([d, t]) => d / t);
      for (let i = 1; i < shares.length; i++)
        expect(shares[i]).toBeGreaterThanOrEqual(shares[i - 1] as number);
    },
  );

  it('stops when the person stops it, and no file comes', async () => {
    await seed(45);
    installWorker();
    const control = new AbortController();
    const made = makeExportFile('json', exportWords(), {
      now: NOW,
      chunkSize: 5,
      signal: control.signal,
      onProgress: (done) => {
        if (done >= 10) control.abort(new Error('stopped by the person'));
      },
    });
    await expect(made).rejects.toThrow('stopped by the person');
    expect(sent).toEqual(['export', 'stop']);
  });

  it('is made on the page where the worker cannot run', async () => {
    await seed(12);
    const onPage = await exportFile('csv', exportLabels(), { now: NOW });
    installWorker({ refuse: true });
    const made = await makeExportFile('csv', exportWords(), { now: NOW });
    expect(sent).toEqual(['export']);
    expect(await made.blob.text()).toBe(await onPage.blob.text());
  });
});

describe('an export of a history in storage.local', () => {
  beforeEach(() => useBackend('storage.local'));

  it('is made on the page: the worker cannot reach that storage', async () => {
    await seed(12);
    installWorker();
    const made = await makeExportFile('json', exportWords(), { now: NOW, access: storeAccess });
    expect(sent).toEqual([]);
    const file = JSON.parse(await made.blob.text());
    expect(file.checkIns).toHaveLength(12);
    expect(file.trustedPeople).toHaveLength(1);
  });
});
