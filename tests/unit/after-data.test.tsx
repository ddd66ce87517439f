// Issue 17, item 1's data side: the answer to "And now?" (`after`, `afterAt`) is shown in the history,
// carried by every export, and comes back whole from the JSON.
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { exportLabels } from '../../components/history/DataPanel';
import { buildExportJson, checkInsCsv, journalMarkdown } from '../../core/data/export';
import { parseImportFile } from '../../core/data/import';
import type { CheckIn } from '../../core/schema';
import { App as HistoryApp } from '../../entrypoints/history/App';
import { applyImport, takeSnapshot } from '../../platform/data-transfer';
import { deleteAllHistory, mergeCheckIns } from '../../platform/history/store';

afterEach(cleanup);

const NOW = new Date(2027, 0, 6, 18, 0).getTime();
const MINUTE = 60_000;

const withAfter: CheckIn[] = [
  {
    id: 'lighter',
    at: NOW - 60 * MINUTE,
    feeling: 'stressed',
    outletId: 'walk-street',
    outcome: 'done',
    after: 'lighter',
    afterAt: NOW - 45 * MINUTE,
    journal: 'Cold air, clear head.',
  },
  {
    id: 'heavier',
    at: NOW - 30 * MINUTE,
    feeling: 'sad',
    outletId: 'slow-breath',
    outcome: 'done',
    after: 'heavier',
  },
  { id: 'none', at: NOW - 10 * MINUTE, feeling: 'calm', outletId: 'slow-breath', outcome: 'done' },
];

/** One CSV row's cells (RFC 4180 quotes). */
const cells = (row = '') =>
  [...row.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, cell = '']) =>
    cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell,
  );

const clock = (at: number) =>
  new Date(at).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' }).replace(/\s/g, ' ');

describe('the answer to "And now?"', () => {
  it('shows on each check-in in the history, with when it was given', async () => {
    await mergeCheckIns(withAfter);
    render(<HistoryApp now={() => NOW} />);
    await screen.findByRole('heading', { level: 2, name: 'Check-ins' });
    const items = within(screen.getByRole('region', { name: 'Check-ins' }))
      .getAllByRole('listitem')
      .map((li) => (li.textContent ?? '').replace(/\s/g, ' '));
    const byFeeling = (word: string) => items.find((text) => text.includes(word)) ?? '';
    expect(byFeeling('Stressed')).toMatch(/Felt lighter after \(.+\)/);
    expect(byFeeling('Stressed')).toContain(clock(NOW - 45 * MINUTE).split(' ')[0] ?? '');
    expect(byFeeling('Sad')).toContain('Felt heavier after');
    expect(byFeeling('Sad')).not.toContain('(');
    expect(byFeeling('Calm')).not.toMatch(/after/i);
  });

  it('has its own CSV columns: the answer in words and when it was given', () => {
    const [header, lighter, heavier, none] = checkInsCsv(withAfter, exportLabels().csv).split('\r\n');
    const columns = cells(header);
    const cell = (row: string | undefined, name: string) => cells(row)[columns.indexOf(name)];
    expect(columns).toContain('And after?');
    expect(cell(lighter, 'And after?')).toBe('Lighter');
    expect(Date.parse(cell(lighter, 'When I said') ?? '')).toBe(NOW - 45 * MINUTE);
    expect(cell(heavier, 'And after?')).toBe('Heavier');
    expect(cell(heavier, 'When I said')).toBe('');
    expect(cell(none, 'And after?')).toBe('');
  });

  it('is mentioned beside its journal line in the Markdown', () => {
    const text = journalMarkdown(withAfter, exportLabels().journal);
    expect(text).toMatch(/- .+ · Stressed · Felt lighter after: Cold air, clear head\./);
  });

  it('comes back whole from an exported JSON file', async () => {
    await mergeCheckIns(withAfter);
    const text = buildExportJson(await takeSnapshot(), NOW);
    await deleteAllHistory();
    expect((await takeSnapshot()).checkIns).toEqual([]);

    const parsed = parseImportFile(text);
    if (!parsed.ok) throw new Error('the file was refused');
    await applyImport(parsed.data);
    const back = (await takeSnapshot()).checkIns;
    const pick = ({ id, after, afterAt }: CheckIn) => ({ id, after, afterAt });
    expect(back.map(pick)).toEqual([
      { id: 'lighter', after: 'lighter', afterAt: NOW - 45 * MINUTE },
      { id: 'heavier', after: 'heavier', afterAt: undefined },
      { id: 'none', after: undefined, afterAt: undefined },
    ]);
  });

  it('is refused in a file when it is not one of the three answers', async () => {
    await mergeCheckIns(withAfter);
    const file = JSON.parse(buildExportJson(await takeSnapshot(), NOW));
    file.checkIns[0].after = 'much better';
    expect(parseImportFile(JSON.stringify(file)).ok).toBe(false);
  });
});
