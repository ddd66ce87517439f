// A big import writes its check-ins a chunk at a time, and every chunk tells the history page that the
// history changed. Re-reading and redrawing the whole page after each chunk took the page from the
// person (and slowed the import): the page now re-reads at once, then at most once a second while
// changes keep coming, and always reads the last one.
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckIn } from '../../core/schema';
import { App as HistoryApp } from '../../entrypoints/history/App';
import * as store from '../../platform/history/store';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const NOW = new Date(2027, 0, 6, 18, 0).getTime();
const entry = (id: string, at: number, feeling = 'calm'): CheckIn => ({
  id,
  at,
  feeling,
  outletId: 'walk-street',
  outcome: 'done',
});

describe('the history page during a burst of changes', () => {
  it('re-reads a bounded number of times and ends showing the last change', async () => {
    await store.mergeCheckIns([entry('first', NOW - 3_600_000)]);
    render(<HistoryApp now={() => NOW} />);
    await screen.findByRole('heading', { level: 2, name: 'Check-ins' });
    await waitFor(() =>
      expect(screen.getAllByRole('button', { name: /^Delete the check-in from/ })).toHaveLength(1),
    );
    const reads = vi.spyOn(store, 'daySummaries');

    // Ten chunks of an import, one after the other.
    for (let i = 0; i < 10; i++) await store.mergeCheckIns([entry(`chunk-${i}`, NOW - 60_000 * (50 - i))]);
    await store.mergeCheckIns([entry('last', NOW - 60_000, 'proud')]);

    const region = () => within(screen.getByRole('region', { name: 'Check-ins' }));
    await waitFor(() => expect(region().getByText('Proud')).toBeTruthy());
    expect(screen.getAllByRole('button', { name: /^Delete the check-in from/ })).toHaveLength(12);
    // Once at the first change, once for the rest: not once per chunk.
    expect(reads.mock.calls.length).toBeLessThanOrEqual(3);
  });
});
