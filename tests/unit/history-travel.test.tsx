// The history page of a traveller (issue 15): a check-in made in Pago Pago and answered in Kiritimati,
// 25 hours apart, is one check-in in every view; deleted there, it is gone from every view. Node
// applies a change of `process.env.TZ` at once, so the page is drawn in the other zone.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { DaySummary } from '../../core/data/days';
import type { CheckIn } from '../../core/schema';
import { App as HistoryApp } from '../../entrypoints/history/App';
import { db } from '../../platform/history/db';
import { recentCheckIns, saveCheckIn } from '../../platform/history/store';

const startZone = process.env.TZ;
afterEach(() => {
  cleanup();
  if (startZone === undefined) delete process.env.TZ;
  else process.env.TZ = startZone;
});

// Made on Saturday 5 December, 20:00 in Pago Pago; seen on Sunday 6 December, 21:30 in Kiritimati.
const AT = Date.UTC(2026, 11, 6, 7);
const NOW = AT + 30 * 60_000;

const region = (name: string) => screen.getByRole('region', { name });

describe('the history page of a traveller', () => {
  it('counts a check-in answered across the date line once, and forgets it everywhere once deleted', async () => {
    process.env.TZ = 'Pacific/Pago_Pago';
    const made: CheckIn = { id: 'trip', at: AT, feeling: 'calm', outletId: 'walk-street', outcome: 'done' };
    await saveCheckIn(made);
    process.env.TZ = 'Pacific/Kiritimati';
    const [read] = await recentCheckIns({ since: 0, limit: 5 });
    await saveCheckIn({ ...(read as CheckIn), helped: 'yes', helpAsked: true });

    render(<HistoryApp now={() => NOW} />);
    await screen.findByRole('heading', { level: 2, name: 'Check-ins' });
    const days = within(region('Check-ins'));
    expect(days.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Yesterday · 1 check-in',
    ]);
    expect(screen.getByText('Check-ins on 1 of the last 365 days, 1 check-in in all.')).toBeTruthy();

    fireEvent.click(days.getByRole('button', { name: /^Delete the check-in from/ }));
    expect(screen.getByRole('group', { name: 'Delete this check-in for good?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    // The page reads the summaries again after the delete (a busy machine can take a while).
    await waitFor(() => expect(screen.getByText('No check-ins in the last 365 days yet.')).toBeTruthy());
    expect(
      days.getByText('Nothing here yet. Your check-ins will show up here after the first one.'),
    ).toBeTruthy();
    // Not in the week's chart or table, nor in the list.
    expect(screen.queryAllByText('Calm')).toEqual([]);
  });
});

describe('the history page with a summary that drifted from its entries', () => {
  it('shows the day as its entries have it once the page has checked the summaries', async () => {
    const made: CheckIn = { id: 'one', at: AT, feeling: 'calm', outletId: 'walk-street', outcome: 'done' };
    await saveCheckIn(made);
    const [stored] = await recentCheckIns({ since: 0, limit: 5 });
    const day = (stored as CheckIn).day as string;
    // Left behind by something outside Outlet: three check-ins counted where there is one.
    const database = await db();
    const summary = await database.get('days', day);
    await database.put('days', { ...(summary as DaySummary), count: 3, feelings: { calm: 3 } });

    render(<HistoryApp now={() => NOW} />);
    await waitFor(() =>
      expect(screen.getByText('Check-ins on 1 of the last 365 days, 1 check-in in all.')).toBeTruthy(),
    );
  });
});
