// "On this day" on the history page, as a person meets it: shown on a light day, never on a heavy one,
// a heavy day's words only when asked, put away for today, turned off and on again.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HistoryApp } from '../../components/history/HistoryApp';
import type { CheckIn } from '../../core/schema';
import { App, browserHistory, dataActions } from '../../entrypoints/history/App';
import { mergeCheckIns } from '../../platform/history/store';
import { findMemory, loadMemoryPrefs, saveMemoryPrefs } from '../../platform/memories';
import { entry } from './history-backends';

afterEach(cleanup);

// Wednesday 6 January 2027, 18:00 local time; a year ago to the day: 6 January 2026.
const NOW = new Date(2027, 0, 6, 18, 0).getTime();
const YEAR_AGO = new Date(2026, 0, 6, 9, 30).getTime();
const HOUR = 60 * 60_000;

async function open(entries: CheckIn[]) {
  await mergeCheckIns(entries);
  const view = render(<App now={() => NOW} />);
  await screen.findByRole('heading', { level: 2, name: 'Check-ins' });
  return view;
}
const memoryHeading = () => screen.queryByRole('heading', { level: 2, name: 'On this day' });

describe('on this day, on the history page', () => {
  it('gives back a good moment from a year ago, with its words', async () => {
    await open([entry('old', YEAR_AGO, { feeling: 'grateful', journal: 'Soup with Ana.' })]);
    expect(await screen.findByRole('heading', { level: 2, name: 'On this day' })).toBeTruthy();
    const card = screen.getByRole('region', { name: 'On this day' });
    expect(card.textContent).toContain('A year ago today');
    expect(card.textContent).toContain('You felt: Grateful.');
    expect(card.textContent).toContain('Soup with Ana.');
  });

  it('shows nothing while the latest check-in was heavy', async () => {
    await mergeCheckIns([
      entry('old', YEAR_AGO, { feeling: 'grateful', journal: 'Soup with Ana.' }),
      entry('now', NOW - HOUR, { feeling: 'sad' }),
    ]);
    const find = vi.fn(findMemory);
    render(
      <HistoryApp
        now={() => NOW}
        history={browserHistory}
        data={dataActions()}
        memories={{ find, loadPrefs: loadMemoryPrefs, savePrefs: saveMemoryPrefs }}
      />,
    );
    await screen.findByRole('heading', { level: 2, name: 'Check-ins' });
    await waitFor(() => expect(find).toHaveResolved());
    await expect(find.mock.results[0]?.value).resolves.toEqual({ shown: null, reason: 'heavy-now' });
    expect(memoryHeading()).toBeNull();
  });

  it("keeps a heavy day's words until asked", async () => {
    await open([entry('old', YEAR_AGO, { feeling: 'sad', helped: 'yes', journal: 'Everything is grey.' })]);
    await screen.findByRole('heading', { level: 2, name: 'On this day' });
    const card = screen.getByRole('region', { name: 'On this day' });
    expect(card.textContent).toContain('This helped: Walk to the end of the street and back.');
    expect(card.textContent).not.toContain('Everything is grey.');
    fireEvent.click(screen.getByRole('button', { name: 'Read what you wrote' }));
    expect(card.textContent).toContain('Everything is grey.');
  });

  it('puts it away for today only', async () => {
    const tomorrow = NOW + 24 * HOUR;
    const view = await open([
      entry('old', YEAR_AGO, { feeling: 'calm' }),
      entry('older', new Date(2026, 0, 7, 9).getTime(), { feeling: 'proud' }),
    ]);
    await screen.findByRole('heading', { level: 2, name: 'On this day' });
    fireEvent.click(screen.getByRole('button', { name: 'Not today' }));
    const line = await screen.findByText('Put away for today.');
    await waitFor(() => expect(document.activeElement).toBe(line));
    expect(memoryHeading()).toBeNull();
    view.unmount();

    render(<App now={() => NOW} />);
    await screen.findByText('Put away for today.');
    cleanup();

    render(<App now={() => tomorrow} />);
    const card = await screen.findByRole('region', { name: 'On this day' });
    expect(card.textContent).toContain('You felt: Proud.');
  });

  it('turns memories off and on again, and the choice is kept', async () => {
    const view = await open([entry('old', YEAR_AGO, { feeling: 'calm' })]);
    await screen.findByRole('heading', { level: 2, name: 'On this day' });
    fireEvent.click(screen.getByRole('button', { name: 'Turn off memories' }));
    const turnOn = await screen.findByRole('button', { name: 'Turn them on' });
    await waitFor(() => expect(document.activeElement).toBe(turnOn));
    expect(memoryHeading()).toBeNull();
    view.unmount();
    render(<App now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Turn them on' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'On this day' })).toBeTruthy();
    expect((await loadMemoryPrefs()).onHistory).toBe(true);
  });
});
