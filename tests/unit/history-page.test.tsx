import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckIn } from '../../core/schema';
import { App as HistoryApp } from '../../entrypoints/history/App';
import { countCheckIns, mergeCheckIns, saveCheckIn } from '../../platform/history/store';
import { entry } from './history-backends';

afterEach(cleanup);

// Wednesday 6 January 2027, 18:00 local time.
const NOW = new Date(2027, 0, 6, 18, 0).getTime();
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

async function open(entries: CheckIn[]) {
  await mergeCheckIns(entries);
  const view = render(<HistoryApp now={() => NOW} />);
  await screen.findByRole('heading', { level: 2, name: 'Check-ins' });
  return view;
}

const region = (name: string) => screen.getByRole('region', { name });
const deleteButtons = () => screen.queryAllByRole('button', { name: /^Delete the check-in from/ });

describe('the history page', () => {
  it('shows check-ins by day, newest day first, each as words', async () => {
    await open([
      entry('a', NOW - DAY - 2 * HOUR, { feeling: 'numb', outletId: 'slow-breath', outcome: 'skipped' }),
      entry('b', NOW - HOUR, { feeling: 'stressed', intensity: 4, helped: 'yes', journal: 'Long day.' }),
      entry('c', NOW - 2 * HOUR, { feeling: 'cant-tell', outletId: null }),
    ]);
    const days = within(region('Check-ins'));
    expect(days.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Today · 2 check-ins',
      'Yesterday · 1 check-in',
    ]);
    const items = days.getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items[0]).toContain('Stressed · strength 4 of 5');
    expect(items[0]).toContain('Walk to the end of the street and back · Done · It helped');
    expect(items[0]).toContain('Long day.');
    expect(items[1]).toContain("I can't tell");
    expect(items[1]).toContain('Just checked in');
    expect(items[2]).toContain('Numb');
    expect(items[2]).toContain('Not this time');
  });

  it('draws the week with numb and can’t-tell as states of their own, with a table beside it', async () => {
    await open([
      entry('a', NOW - HOUR, { feeling: 'numb' }),
      entry('b', NOW - 2 * HOUR, { feeling: 'cant-tell', helped: 'a-bit' }),
      entry('c', NOW - 3 * DAY, { feeling: 'calm' }),
    ]);
    const week = within(region('The last 7 days'));
    expect(week.getByRole('img').getAttribute('aria-label')).toBe(
      "Feelings over the last 7 days: 3 check-ins on 2 days. Pleasant 1, Numb 1, and Can't tell 1.",
    );
    const rows = within(week.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(8);
    expect(rows[7]?.textContent).toContain("Numb and I can't tell");
    expect(rows[7]?.textContent).toContain('Walk to the end of the street and back');
    expect(rows[6]?.textContent).toContain('None');
  });

  it('searches the journal as you type', async () => {
    await open([
      entry('a', NOW - HOUR, { journal: 'Walked by the river' }),
      entry('b', NOW - 2 * HOUR, { journal: 'Tired of meetings' }),
      entry('c', NOW - 3 * HOUR),
    ]);
    const journal = within(region('Journal'));
    await waitFor(() => expect(journal.getAllByRole('listitem')).toHaveLength(2));
    fireEvent.input(journal.getByRole('searchbox', { name: 'Search your journal' }), {
      target: { value: 'RIVER' },
    });
    await waitFor(() => expect(journal.getAllByRole('listitem')).toHaveLength(1));
    expect(journal.getByRole('listitem').textContent).toContain('Walked by the river');
    expect(journal.getByRole('status').textContent).toBe('Showing 1 entry.');
    fireEvent.input(journal.getByRole('searchbox'), { target: { value: 'holiday' } });
    await waitFor(() => expect(journal.getByRole('status').textContent).toBe('No lines with “holiday”.'));
    expect(journal.queryAllByRole('listitem')).toHaveLength(0);
  });

  // Issue 16: "Showing 2 lines" when one of the two entries was a page of ten lines.
  it('counts journal entries, not lines, when an entry is a list or a page', async () => {
    const page = Array.from({ length: 10 }, (_, i) => `Line ${i + 1}`).join('\n');
    await open([
      entry('a', NOW - HOUR, { journal: page }),
      entry('b', NOW - 2 * HOUR, { journal: 'One line' }),
    ]);
    const journal = within(region('Journal'));
    await waitFor(() => expect(journal.getAllByRole('listitem')).toHaveLength(2));
    expect(journal.getByRole('status').textContent).toBe('Showing 2 entries.');
  });

  it('shows a journal line that looks like markup as plain text', async () => {
    const line = '<script>alert("hi")</script><b>bold</b>';
    const { container } = await open([entry('a', NOW - HOUR, { journal: line })]);
    await waitFor(() => expect(within(region('Journal')).getByText(line)).toBeTruthy());
    expect(within(region('Check-ins')).getByText(line)).toBeTruthy();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('deletes one entry after one confirm, and moves focus to the next one', async () => {
    await open([
      entry('a', NOW - HOUR, { feeling: 'sad' }),
      entry('b', NOW - 2 * HOUR, { feeling: 'tired' }),
      entry('c', NOW - 3 * HOUR, { feeling: 'joyful' }),
    ]);
    const [first, second] = deleteButtons();
    fireEvent.click(second as HTMLElement);
    const keep = screen.getByRole('button', { name: 'Keep it' });
    expect(document.activeElement).toBe(keep);
    fireEvent.click(keep);
    expect(await countCheckIns()).toBe(3);
    expect(document.activeElement).toBe(deleteButtons()[1]);

    fireEvent.click(deleteButtons()[1] as HTMLElement);
    expect(screen.getByRole('group', { name: 'Delete this check-in for good?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    // The row leaves the list once the store has let it go (its button goes a moment before, while deleting).
    const days = within(region('Check-ins'));
    await waitFor(() => expect(days.queryByText('Tired')).toBeNull());
    expect(deleteButtons()).toHaveLength(2);
    expect(await countCheckIns()).toBe(2);
    expect(days.getByText('Sad')).toBeTruthy();
    expect(days.getByText('Joyful')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(deleteButtons()[1]));
    expect(deleteButtons()[0]).toBe(first);
    expect(days.getByRole('status').textContent).toBe('Check-in deleted.');
  });

  it('pages back with "Show older", 50 at a time, then moves focus to what came in', async () => {
    await open(Array.from({ length: 120 }, (_, i) => entry(`e${i}`, NOW - (i + 1) * HOUR)));
    expect(deleteButtons()).toHaveLength(50);
    // 4 January is only partly on the first page; its heading counts the whole day, from its summary.
    const headings = within(region('Check-ins')).getAllByRole('heading', { level: 3 });
    expect(headings.at(-1)?.textContent).toContain('· 24 check-ins');
    fireEvent.click(screen.getByRole('button', { name: 'Show older' }));
    await waitFor(() => expect(deleteButtons()).toHaveLength(100));
    fireEvent.click(screen.getByRole('button', { name: 'Show older' }));
    await waitFor(() => expect(deleteButtons()).toHaveLength(120));
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
    await waitFor(() => expect((document.activeElement as HTMLElement).textContent).toContain('Calm'));
    expect(within(region('Check-ins')).getAllByRole('heading', { level: 3 })).toHaveLength(6);
  });

  it('follows changes made elsewhere', async () => {
    await open([entry('a', NOW - HOUR)]);
    expect(deleteButtons()).toHaveLength(1);
    await saveCheckIn(entry('b', NOW - 30 * 60_000, { feeling: 'proud' }));
    await waitFor(() => expect(deleteButtons()).toHaveLength(2));
    expect(within(region('Check-ins')).getByText('Proud')).toBeTruthy();
  });

  it('says kindly when there is nothing yet, and ends with your data', async () => {
    await open([]);
    expect(
      screen.getByText('Nothing here yet. Your check-ins will show up here after the first one.'),
    ).toBeTruthy();
    expect(
      screen.getByText(
        'After check-ins on a couple of different days, a few words about your week will show up here.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Your data' })).toBeTruthy();
    expect(within(region('A year at a glance')).getByRole('img').getAttribute('aria-label')).toBe(
      'The last 365 days, one mark a day, in the colour and shape of how the day mostly felt. No check-ins in the last 365 days yet.',
    );
  });
});
