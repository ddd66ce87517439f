// "Your data" while a big import or export runs (issue 15, item 5): no progress was shown and nothing
// could stop it. Now the panel shows how far it is (words and a bar), only the phase is said aloud,
// Cancel stops it between chunks, and the message after says what was kept.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataPanelView } from '../../components/history/DataPanel';
import { importEnd } from '../../entrypoints/history/App';
import { JobFailed, JobStopped, type MergeSoFar } from '../../platform/data-jobs';
import type { BulkOptions } from '../../platform/history/store';

afterEach(cleanup);

const soFar = (added: number, total = 20_000): MergeSoFar => ({
  added,
  same: 0,
  differing: [],
  done: added,
  total,
});

/** An import the test drives: it reports what the test says, and ends as the test says. */
function drivenImport() {
  let job: BulkOptions = {};
  let finish: (outcome: unknown) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const onImport = vi.fn(
    (_file: File, options?: BulkOptions) =>
      new Promise<never>((resolve, reject) => {
        job = options ?? {};
        finish = resolve as (outcome: unknown) => void;
        fail = reject;
      }),
  );
  return {
    onImport,
    progress: (done: number, total: number) => job.onProgress?.(done, total),
    signal: () => job.signal as AbortSignal,
    finish: (outcome: unknown) => finish(outcome),
    // As the history page's wiring rejects: the stores' errors in the panel's terms.
    fail: (error: unknown) => fail(importEnd(error)),
  };
}

function renderPanel(overrides: Partial<Parameters<typeof DataPanelView>[0]> = {}) {
  render(
    <DataPanelView
      usage={null}
      onExport={vi.fn(async () => undefined)}
      onImport={vi.fn()}
      onSummary={vi.fn(async () => ({ checkIns: 0, journalLines: 0, people: 0 }))}
      onDeleteAll={vi.fn(async () => undefined)}
      onChoose={vi.fn(async () => undefined)}
      today="2026-12-07"
      {...overrides}
    />,
  );
}

function startImport() {
  const file = new File(['{}'], 'outlet.json', { type: 'application/json' });
  fireEvent.change(screen.getByLabelText('File to bring back (.json)'), { target: { files: [file] } });
  fireEvent.click(screen.getByRole('button', { name: 'Import' }));
}

const job = () => document.querySelector('.job-progress') as HTMLElement;

describe('Your data: a long import', () => {
  it('shows how far it is in words and as a bar, and says only the phase aloud', async () => {
    const driven = drivenImport();
    renderPanel({ onImport: driven.onImport });
    startImport();
    // Reading the file first: the bar shows work going on, without a measure yet.
    await waitFor(() => expect(job()).toBeTruthy());
    expect(within(job()).getByRole('status').textContent).toBe('Reading the file…');
    expect(within(job()).getByRole('progressbar').getAttribute('value')).toBeNull();

    driven.progress(12_000, 200_000);
    await waitFor(() =>
      expect(job().querySelector('.job-words')?.textContent).toBe('Importing… 12,000 of 200,000'),
    );
    const bar = within(job()).getByRole('progressbar') as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([12_000, 200_000]);
    expect(bar.getAttribute('aria-labelledby')).toBe(job().querySelector('.job-words')?.id);
    // The live region holds the phase, not the count: a screen reader isn't told every chunk.
    expect(within(job()).getByRole('status').textContent).toBe('Importing…');
    // One job at a time: the other buttons wait.
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
    expect(
      (screen.getByRole('button', { name: 'Export everything (JSON)' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect((screen.getByRole('button', { name: 'Delete everything…' }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    driven.finish({
      ok: true,
      counts: {
        checkIns: { added: 200_000, same: 0, differing: [] },
        people: { added: 0, kept: 0, full: 0 },
        setAside: { added: 0, same: 0 },
        unreadable: { added: 0, same: 0, full: 0 },
      },
    });
    await waitFor(() => expect(job()).toBeNull());
    expect(screen.getByRole('status').textContent).toMatch(/^Added: 200,000 check-ins\./);
  });

  it('stops on Cancel between chunks and says what was kept, and how to finish', async () => {
    const driven = drivenImport();
    renderPanel({ onImport: driven.onImport });
    startImport();
    await waitFor(() => expect(job()).toBeTruthy());
    driven.progress(12_000, 20_000);
    fireEvent.click(within(job()).getByRole('button', { name: 'Cancel' }));
    expect(driven.signal().aborted).toBe(true);
    // The chunk being written finishes first: Cancel can't be pressed twice meanwhile.
    await waitFor(() =>
      expect((within(job()).getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(
        true,
      ),
    );
    driven.fail(new JobStopped(soFar(12_000)));
    await waitFor(() => expect(job()).toBeNull());
    expect(screen.getByRole('status').textContent).toBe(
      'Import stopped. Added so far and kept: 12,000 check-ins. Import the same file again to add the rest; nothing is added twice.',
    );
  });

  it('says nothing changed when stopped while the file was still being read', async () => {
    const driven = drivenImport();
    renderPanel({ onImport: driven.onImport });
    startImport();
    await waitFor(() => expect(job()).toBeTruthy());
    fireEvent.click(within(job()).getByRole('button', { name: 'Cancel' }));
    driven.fail(driven.signal().reason);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Import stopped before anything was saved, so nothing changed.',
      ),
    );
  });

  it('tells a chunk that failed in plain words, with what was kept and that nothing is lost', async () => {
    const driven = drivenImport();
    renderPanel({ onImport: driven.onImport });
    startImport();
    await waitFor(() => expect(job()).toBeTruthy());
    driven.fail(new JobFailed(soFar(3_000), new DOMException('Quota', 'QuotaExceededError')));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Only part of the file could be saved. Added and kept: 3,000 check-ins. Nothing is lost; import the same file again to finish, and nothing is added twice.',
    );
  });

  it('keeps the old words when the first chunk failed: nothing was written', async () => {
    const driven = drivenImport();
    renderPanel({ onImport: driven.onImport });
    startImport();
    await waitFor(() => expect(job()).toBeTruthy());
    driven.fail(new JobFailed(soFar(0), new Error('write refused')));
    expect((await screen.findByRole('alert')).textContent).toBe(
      "The data couldn't be saved. Nothing is lost; try again and nothing will be added twice.",
    );
  });
});

describe('Your data: a long export', () => {
  it('shows how far the file is and stops on Cancel, saying no file was made', async () => {
    let options: BulkOptions = {};
    const onExport = vi.fn(
      (_kind: string, job?: BulkOptions) =>
        new Promise<void>((_resolve, reject) => {
          options = job ?? {};
          job?.signal?.addEventListener('abort', () => reject(job.signal?.reason));
        }),
    );
    renderPanel({ onExport });
    fireEvent.click(screen.getByRole('button', { name: 'Check-ins for a spreadsheet (CSV)' }));
    await waitFor(() => expect(job()).toBeTruthy());
    options.onProgress?.(90, 200);
    await waitFor(() => expect(job().querySelector('.job-words')?.textContent).toBe('Making your file… 45%'));
    expect(within(job()).getByRole('status').textContent).toBe('Making your file…');
    fireEvent.click(within(job()).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(job()).toBeNull());
    expect(screen.getByRole('status').textContent).toBe('Export stopped. No file was made.');
  });
});
