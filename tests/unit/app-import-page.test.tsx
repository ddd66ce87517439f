// Bringing entries in from another mood app, as a person goes through it on the history page
// (components/history/AppImport.tsx) with the real stores behind it (platform/app-import.ts): a
// preview, the mood names placed and remembered, a second import that adds nothing, a store that
// fails storing nothing, and a CSV of another app read through the columns the person names.
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppImport, type AppImportActions } from '../../components/history/AppImport';
import { buildExportJson } from '../../core/data/export';
import { parseImportFile } from '../../core/data/import';
import { browserAppImport } from '../../entrypoints/history/App';
import { loadPlacements, storeImported } from '../../platform/app-import';
import { takeSnapshot } from '../../platform/data-transfer';
import * as history from '../../platform/history/store';
import { allCheckIns } from '../../platform/history/store';

afterEach(cleanup);

const fixture = (name: string) => readFileSync(`tests/fixtures/imports/${name}`, 'utf8');
const fileOf = (name: string) => new File([fixture(name)], name, { type: 'text/csv' });

function pick(name: string) {
  fireEvent.change(screen.getByLabelText('File from another app (.csv or .json)'), {
    target: { files: [fileOf(name)] },
  });
}

/** Places the person's own mood names of daylio-title.csv; Daylio's `good` and `sad` are guessed. */
async function placeAndBringIn() {
  await screen.findByRole('heading', { name: 'Where do your moods go?' });
  fireEvent.change(screen.getByLabelText(/ok but sleepy/), { target: { value: 'tired' } });
  fireEvent.change(screen.getByLabelText(/Refreshed/), { target: { value: 'energised' } });
  fireEvent.click(screen.getByRole('button', { name: 'Bring them in' }));
}

describe('bringing in a Daylio file', () => {
  it('previews it, asks for the mood names the person made up, stores them with their own words', async () => {
    render(<AppImport actions={browserAppImport} />);
    pick('daylio-title.csv');
    const heading = await screen.findByRole('heading', { name: "What's in this file" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading.nextElementSibling?.textContent).toBe(
      '5 check-ins from Daylio, March 2021 to November 2024; 2 mood names to place.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { name: 'Where do your moods go?' });
    // Daylio's own `good` and a feeling's own name (`sad `, its trailing space aside) come placed.
    expect((screen.getByLabelText(/^good/) as HTMLSelectElement).value).toBe('content');
    expect((screen.getByLabelText(/^sad/) as HTMLSelectElement).value).toBe('sad');
    // Unplaced names stop the import, with focus on the first of them.
    fireEvent.click(screen.getByRole('button', { name: 'Bring them in' }));
    expect(await screen.findByText('Pick a feeling for each mood name first.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/ok but sleepy/));
    expect((await allCheckIns()).entries).toEqual([]);

    await placeAndBringIn();
    await screen.findByText('Brought in: 5 check-ins.');
    const stored = (await allCheckIns()).entries;
    expect(stored.map((e) => [e.day, e.feeling, e.imported?.mood])).toEqual([
      ['2021-03-01', 'content', 'good'],
      ['2024-11-01', 'tired', 'ok but sleepy'],
      ['2024-11-01', 'tired', 'ok but sleepy'],
      ['2024-11-02', 'sad', 'sad'],
      ['2024-11-02', 'energised', 'Refreshed'],
    ]);
    expect(stored[4]).toMatchObject({
      journal: 'A good day\nWe swam, then "the usual" tea.',
      imported: { from: 'daylio', activities: 'swim | friends' },
    });
    expect(await loadPlacements('daylio')).toMatchObject({
      'ok but sleepy': 'tired',
      refreshed: 'energised',
    });
  });

  it('adds nothing the second time, and remembers where the names went', async () => {
    render(<AppImport actions={browserAppImport} />);
    pick('daylio-title.csv');
    fireEvent.click(await screen.findByRole('button', { name: 'Continue' }));
    await placeAndBringIn();
    await screen.findByText('Brought in: 5 check-ins.');

    pick('daylio-title.csv');
    const heading = await screen.findByRole('heading', { name: "What's in this file" });
    expect(heading.nextElementSibling?.textContent).toContain('every mood name already has its place');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Bring them in' }));
    await screen.findByText('Nothing new: every entry in this file is already here.');
    expect((await allCheckIns()).entries).toHaveLength(5);
  });

  it('stores nothing when the write fails, says so, and a try again stores everything', async () => {
    const merge = vi.spyOn(history, 'mergeCheckIns').mockRejectedValueOnce(new Error('QuotaExceededError'));
    render(<AppImport actions={browserAppImport} />);
    pick('daylio-title.csv');
    fireEvent.click(await screen.findByRole('button', { name: 'Continue' }));
    await placeAndBringIn();
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      "Your entries couldn't be saved, so none were added. Nothing is lost: try again, and nothing will be added twice.",
    );
    expect((await allCheckIns()).entries).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Bring them in' }));
    await screen.findByText('Brought in: 5 check-ins.');
    expect((await allCheckIns()).entries).toHaveLength(5);
    expect(merge).toHaveBeenCalledTimes(2);
  });

  it('refuses a file with a bad line, naming it, and stores nothing', async () => {
    render(<AppImport actions={browserAppImport} />);
    pick('daylio-bad.csv');
    const alert = await screen.findByRole('alert');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      "Line 3: the date “2021-02-31” isn't a real day",
      "Line 4: the time “25:00” can't be read",
      "Line 5: there's no mood",
    ]);
    expect((await allCheckIns()).entries).toEqual([]);
  });
});

describe('storing imported entries', () => {
  it('writes 5,000 entries in one write (one transaction: all or none)', async () => {
    const merge = vi.spyOn(history, 'mergeCheckIns');
    const checkIns = Array.from({ length: 5000 }, (_, i) => ({
      id: `daylio-${i}`,
      at: Date.UTC(2024, 0, 1) + i * 60_000,
      feeling: 'calm',
      outletId: null,
      outcome: 'skipped' as const,
      imported: { from: 'daylio' as const, mood: 'good' },
    }));
    expect(await storeImported(checkIns)).toEqual({ added: 5000, same: 0, differing: 0 });
    expect(merge).toHaveBeenCalledTimes(1);
  });

  it('go out with an Outlet export and come back in with their own words', async () => {
    const actions: AppImportActions = { ...browserAppImport };
    render(<AppImport actions={actions} />);
    pick('daylio-title.csv');
    fireEvent.click(await screen.findByRole('button', { name: 'Continue' }));
    await placeAndBringIn();
    await screen.findByText('Brought in: 5 check-ins.');
    const parsed = parseImportFile(buildExportJson(await takeSnapshot(), Date.UTC(2026, 11, 7)));
    expect(parsed.ok && parsed.data.checkIns).toEqual((await allCheckIns()).entries);
  });
});

describe('a CSV from another app', () => {
  it('asks which column is which, then previews what it read', async () => {
    render(<AppImport actions={browserAppImport} />);
    pick('other-app-good.csv');
    await screen.findByRole('heading', { name: 'Which column is which?' });
    expect((screen.getByLabelText('Mood') as HTMLSelectElement).value).toBe('2');
    fireEvent.change(screen.getByLabelText('Mood'), { target: { value: '-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('choose the column for “Mood”'),
    );
  });

  it('reads it with the columns guessed', async () => {
    render(<AppImport actions={browserAppImport} />);
    pick('other-app-good.csv');
    await screen.findByRole('heading', { name: 'Which column is which?' });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const heading = await screen.findByRole('heading', { name: "What's in this file" });
    expect(heading.nextElementSibling?.textContent).toBe(
      '13 check-ins from your CSV file, March 2021 to March 2021; 2 mood names to place.',
    );
  });
});
