import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataPanel, DataPanelView } from '../../components/history/DataPanel';
import type { CheckIn, Settings, TrustedPerson } from '../../core/schema';
import { DEFAULT_SETTINGS } from '../../core/schema';
import { dataActions, importChosenFile } from '../../entrypoints/history/App';
import type { DataAccess, ImportCounts } from '../../platform/data-transfer';

afterEach(cleanup);

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');
const fileOf = (text: string, name = 'outlet.json') => new File([text], name, { type: 'application/json' });

const counts = (
  checkIns: [number, number],
  people: [number, number, number?],
  more: Partial<ImportCounts> = {},
): ImportCounts => ({
  checkIns: { added: checkIns[0], same: checkIns[1], differing: [] },
  people: { added: people[0], kept: people[1], full: people[2] ?? 0 },
  setAside: { added: 0, same: 0 },
  unreadable: { added: 0, same: 0, full: 0 },
  ...more,
});

function renderView(overrides: Partial<Parameters<typeof DataPanelView>[0]> = {}) {
  const props = {
    usage: null,
    onExport: vi.fn(async () => undefined),
    onImport: vi.fn((file: File) => importChosenFile(file, async () => counts([3, 0], [2, 0]))),
    onSummary: vi.fn(async () => ({ checkIns: 120, journalLines: 1, people: 2 })),
    onDeleteAll: vi.fn(async () => undefined),
    onChoose: vi.fn(async () => undefined),
    today: '2026-12-07',
    ...overrides,
  };
  render(<DataPanelView {...props} />);
  return props;
}

async function importText(text: string) {
  fireEvent.change(screen.getByLabelText('File to bring back (.json)'), {
    target: { files: [fileOf(text)] },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Import' }));
}

describe('DataPanelView: export', () => {
  it.each([
    ['Export everything (JSON)', 'json'],
    ['Check-ins for a spreadsheet (CSV)', 'csv'],
    ['Journal to read (Markdown)', 'markdown'],
  ])('"%s" exports %s', (name, kind) => {
    const props = renderView();
    fireEvent.click(screen.getByRole('button', { name }));
    expect(props.onExport).toHaveBeenCalledWith(
      kind,
      expect.objectContaining({ signal: expect.any(AbortSignal) }),
    );
  });

  it('says so in plain words when the file could not be made', async () => {
    renderView({ onExport: vi.fn(async () => Promise.reject(new Error('quota'))) });
    fireEvent.click(screen.getByRole('button', { name: 'Export everything (JSON)' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      "That file couldn't be made. Nothing was changed; please try again.",
    );
  });

  it('shows how much the person’s data takes', () => {
    renderView({ usage: 4.2 * 1024 * 1024 });
    expect(screen.getByText('Your data on this device takes about 4.2 MB.')).toBeTruthy();
  });
});

describe('DataPanelView: import', () => {
  it('keeps Import off until a file is chosen', () => {
    renderView();
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('lists every problem in plain words, and stores nothing', async () => {
    const apply = vi.fn(async () => counts([0, 0], [0, 0]));
    renderView({ onImport: (file) => importChosenFile(file, apply) });
    const file = JSON.parse(fixture('valid-v2.json'));
    file.checkIns[1].at = 'soon';
    file.checkIns[2].mood = 'grey';
    file.trustedPeople[0].name = '';
    await importText(JSON.stringify(file));
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe("This file wasn't imported, so nothing changed.");
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      "Trusted person 1, “name”: this can't be empty.",
      "Check-in 2: the time isn't a valid date.",
      "Check-in 3, “mood”: there's something here Outlet doesn't know.",
    ]);
    expect(apply).not.toHaveBeenCalled();
  });

  it.each([
    ['future-version.json', 'This file comes from a newer Outlet. Update Outlet, then try again.'],
    ['truncated.txt', 'This file seems cut off before its end. Try exporting it again.'],
    ['empty.txt', 'This file is empty.'],
    // Issue 15: the journal's Markdown was called "cut off".
    [
      'journal.md',
      'This is a Markdown file (perhaps the journal you exported), which is for reading. To bring your data back, pick the JSON file from “Export everything”.',
    ],
    [
      'check-ins.csv',
      'This is a spreadsheet file (CSV), which is for reading. To bring your data back, pick the JSON file from “Export everything”.',
    ],
    ['notes.txt', 'This is plain text, not an Outlet export. Pick the JSON file from “Export everything”.'],
    [
      'page.html',
      'This is a web page (HTML), not an Outlet export. Pick the JSON file from “Export everything”.',
    ],
    ['image.png', 'This is an image, not an Outlet export. Pick the JSON file from “Export everything”.'],
    [
      'archive.zip',
      "This isn't a text file, so it can't be an Outlet export. Pick the JSON file from “Export everything”.",
    ],
    [
      'other.json',
      'This is a JSON file, but not one Outlet made. Pick the JSON file from “Export everything”.',
    ],
  ])('says what is wrong with %s as a whole', async (name, text) => {
    renderView();
    await importText(fixture(name));
    const alert = await screen.findByRole('alert');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([text]);
  });

  it('shows ids from a hostile file as text, never as markup', async () => {
    renderView();
    const file = JSON.parse(fixture('valid-v2.json'));
    const id = '<img src=x onerror="alert(1)">';
    file.checkIns[0].id = id;
    file.checkIns[1].id = id;
    file.checkIns[1].at = -1;
    await importText(JSON.stringify(file));
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('img')).toBeNull();
    expect(alert.textContent).toContain('Check-in 2: the time isn');
    expect(alert.textContent).toContain('Check-in 2, “id”: another entry in the file has the same id.');
  });

  it.each([
    [
      counts([40, 10], [2, 0]),
      'Added: 40 check-ins and 2 people. Already here as in the file: 10 check-ins. Your preferences now match the file.',
    ],
    // Issue 16: "Added 134 check-ins and 0 people. 19 were already here." said nothing of what the 19 were.
    [
      counts([134, 19], [0, 0]),
      'Added: 134 check-ins. Already here as in the file: 19 check-ins. Your preferences now match the file.',
    ],
    [
      counts([1, 0], [0, 1]),
      'Added: 1 check-in. Already here as in the file: 1 person. Your preferences now match the file.',
    ],
    [
      counts([0, 12], [0, 2]),
      'Nothing new to add: everything in this file is already here. Your preferences now match the file.',
    ],
    [
      counts([3, 0], [1, 19, 2]),
      "Added: 3 check-ins and 1 person. Already here as in the file: 19 people. 2 people didn't fit: Outlet keeps up to 20 trusted people. Your preferences now match the file.",
    ],
    [
      counts([0, 0], [0, 0], {
        setAside: { added: 2, same: 0 },
        unreadable: { added: 1, same: 0, full: 4 },
      }),
      'Back again: 2 set-aside values and 1 unreadable entry. Not kept: 4 unreadable entries, past the 10,000 Outlet keeps. They are still in your file. Your preferences now match the file.',
    ],
  ])('tells what was added: %j', async (result, text) => {
    renderView({ onImport: (file) => importChosenFile(file, async () => result) });
    await importText(fixture('valid-v2.json'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(text));
  });

  it('says so when storing failed, and that trying again is safe', async () => {
    renderView({ onImport: (file) => importChosenFile(file, () => Promise.reject(new Error('quota'))) });
    await importText(fixture('valid-v2.json'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      "The data couldn't be saved. Nothing is lost; try again and nothing will be added twice.",
    );
  });
});

// Issue 15: a check-in stored with other content than in the file was kept silently ("2 were already here").
describe('DataPanelView: a check-in that differs from the file', () => {
  const checkIn = (id: string, journal: string, hour = 9): CheckIn => ({
    id,
    at: new Date(2026, 11, 7, hour, 30).getTime(),
    feeling: 'calm',
    outletId: 'walk-street',
    outcome: 'done',
    journal,
  });
  const pair = (id: string, mine: string, theirs: string) => ({
    stored: checkIn(id, mine),
    incoming: checkIn(id, theirs),
  });

  it('names both versions, and saves the choice made for each', async () => {
    const differing = [
      pair('a', 'Rain all day', 'Rain all day, then sun'),
      pair('b', 'Tired', 'Tired and cold'),
    ];
    const props = renderView({
      onImport: (file) =>
        importChosenFile(file, async () =>
          counts([2, 0], [0, 0], { checkIns: { added: 2, same: 0, differing } }),
        ),
    });
    await importText(fixture('valid-v2.json'));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Added: 2 check-ins. Different in the file: 2 check-ins. Yours stay as they are unless you choose below. Your preferences now match the file.',
      ),
    );
    const region = screen.getByRole('region', { name: 'Which one to keep?' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Which one to keep?'));
    const groups = within(region).getAllByRole('group');
    expect(groups.map((group) => group.querySelector('legend')?.textContent)).toEqual([
      'Today, 9:30 AM · Calm',
      'Today, 9:30 AM · Calm',
    ]);
    expect(within(groups[0] as HTMLElement).getByText(/^Here:/).textContent).toBe(
      'Here: Today, 9:30 AM · Calm · Walk to the end of the street and back · “Rain all day”',
    );
    expect(within(groups[0] as HTMLElement).getByText(/^In the file:/).textContent).toBe(
      'In the file: Today, 9:30 AM · Calm · Walk to the end of the street and back · “Rain all day, then sun”',
    );
    // Nothing chosen yet: each keeps the one stored here.
    for (const group of groups)
      expect((within(group).getByRole('radio', { name: 'Keep mine' }) as HTMLInputElement).checked).toBe(
        true,
      );

    fireEvent.click(within(groups[0] as HTMLElement).getByRole('radio', { name: 'Keep the file’s' }));
    fireEvent.click(within(groups[1] as HTMLElement).getByRole('radio', { name: 'Keep both' }));
    fireEvent.click(within(region).getByRole('button', { name: 'Save my choice' }));
    await waitFor(() => expect(props.onChoose).toHaveBeenCalledWith(differing, ['file', 'both']));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Saved. Each check-in is now as you chose.'),
    );
    expect(screen.queryByRole('region', { name: 'Which one to keep?' })).toBeNull();
  });

  it('lists 20 one by one and lets one choice cover the rest', async () => {
    const differing = Array.from({ length: 23 }, (_, i) => pair(`id${i}`, `mine ${i}`, `theirs ${i}`));
    const props = renderView({
      onImport: (file) =>
        importChosenFile(file, async () =>
          counts([0, 0], [0, 0], { checkIns: { added: 0, same: 0, differing } }),
        ),
    });
    await importText(fixture('valid-v2.json'));
    const region = await screen.findByRole('region', { name: 'Which one to keep?' });
    const rest = within(region).getByRole('group', { name: 'The other 3 check-ins' });
    expect(within(region).getAllByRole('group')).toHaveLength(21);
    fireEvent.click(within(rest).getByRole('radio', { name: 'Keep the file’s' }));
    fireEvent.click(within(region).getByRole('button', { name: 'Save my choice' }));
    await waitFor(() => expect(props.onChoose).toHaveBeenCalledTimes(1));
    const choices = vi.mocked(props.onChoose).mock.calls[0]?.[1];
    expect(choices).toEqual([...Array(20).fill('mine'), 'file', 'file', 'file']);
  });

  it('says so when the choice could not be saved, and keeps the choice on screen', async () => {
    const differing = [pair('a', 'mine', 'theirs')];
    renderView({
      onImport: (file) =>
        importChosenFile(file, async () =>
          counts([0, 0], [0, 0], { checkIns: { added: 0, same: 0, differing } }),
        ),
      onChoose: vi.fn(async () => Promise.reject(new Error('quota'))),
    });
    await importText(fixture('valid-v2.json'));
    fireEvent.click(await screen.findByRole('button', { name: 'Save my choice' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      "Your choice couldn't be saved. Everything is still as it was; please try again.",
    );
    expect(screen.getByRole('region', { name: 'Which one to keep?' })).toBeTruthy();
  });
});

describe('DataPanelView: delete everything', () => {
  it('names what will go, asks to export first, and deletes only once confirmed', async () => {
    const props = renderView();
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    const group = await screen.findByRole('group', { name: 'Delete everything?' });
    expect(group.textContent).toContain(
      "This deletes from this device: 120 check-ins, 1 journal line, and 2 people. It can't be undone. Your preferences stay as they are.",
    );
    expect(group.textContent).toContain('You might like to export a copy first.');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Delete everything?'));
    expect(props.onDeleteAll).not.toHaveBeenCalled();

    fireEvent.click(within(group).getByRole('button', { name: 'Export everything (JSON)' }));
    expect(props.onExport).toHaveBeenCalledWith('json', expect.anything());
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Everything is deleted. Your preferences are still here.',
      ),
    );
    expect(props.onDeleteAll).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('group')).toBeNull();
  });

  it("names the person's own ideas and the mood names kept from other apps, when there are some", async () => {
    renderView({
      onSummary: vi.fn(async () => ({
        checkIns: 120,
        journalLines: 1,
        people: 0,
        ownOutlets: 3,
        moodNames: 1,
      })),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    const group = await screen.findByRole('group', { name: 'Delete everything?' });
    expect(group.textContent).toContain(
      "This deletes from this device: 120 check-ins, 1 journal line, 0 people, 3 ideas of your own, and 1 mood name from another app. It can't be undone.",
    );
  });

  it('keeps everything on "Keep everything" or Escape', async () => {
    const props = renderView();
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Keep everything' }));
    expect(screen.queryByRole('group')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    fireEvent.keyDown(await screen.findByRole('group'), { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(props.onDeleteAll).not.toHaveBeenCalled();
  });

  it('says so when deleting failed', async () => {
    renderView({ onDeleteAll: vi.fn(async () => Promise.reject(new Error('blocked'))) });
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete everything' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not everything could be deleted. Please try again.',
    );
  });
});

/** Stores in memory, to see the panel's wiring end to end. */
function memoryAccess(): DataAccess & { people: TrustedPerson[]; entries: CheckIn[]; settings: Settings } {
  const state = {
    settings: { ...DEFAULT_SETTINGS },
    people: [] as TrustedPerson[],
    entries: [] as CheckIn[],
  };
  return Object.assign(state, {
    loadSettings: async () => ({ ...state.settings, trustedPeople: state.people }),
    updateSettings: async (patch: Partial<Settings>) => void Object.assign(state.settings, patch),
    loadTrustedPeople: async () => [...state.people],
    mergeTrustedPeople: async (people: TrustedPerson[]) => {
      const fresh = people.filter((p) => !state.people.some((q) => q.id === p.id));
      state.people.push(...fresh);
      return { added: fresh.length, kept: people.length - fresh.length };
    },
    removeAllTrustedPeople: async () => {
      state.people = [];
    },
    loadSetAside: async () => [],
    removeSetAsideAndDraft: async () => undefined,
    allCheckIns: async () => ({ entries: [...state.entries], unreadable: [] }),
    mergeCheckIns: async (entries: readonly CheckIn[]) => {
      const fresh = entries.filter((e) => !state.entries.some((f) => f.id === e.id));
      const differing = entries.flatMap((incoming) => {
        const stored = state.entries.find((f) => f.id === incoming.id);
        return stored && JSON.stringify(stored) !== JSON.stringify(incoming) ? [{ stored, incoming }] : [];
      });
      state.entries.push(...fresh);
      return { added: fresh.length, same: entries.length - fresh.length - differing.length, differing };
    },
    putCheckIns: async (entries: readonly CheckIn[]) => {
      for (const entry of entries) {
        state.entries = [...state.entries.filter((e) => e.id !== entry.id), entry];
      }
      return { written: entries.length };
    },
    mergeSetAside: async () => ({ added: 0, same: 0 }),
    loadKeptUnreadable: async () => [],
    keepUnreadable: async () => undefined,
    deleteAllHistory: async () => {
      state.entries = [];
    },
    countCheckIns: async () => state.entries.length,
    areaBytes: async () => ({ bytes: 2048, historyInside: false }),
  });
}

describe('DataPanel (wired)', () => {
  it('renders with the browser stores, as the history page mounts it', () => {
    render(<DataPanel actions={dataActions()} />);
    expect(screen.getByRole('heading', { name: 'Your data' })).toBeTruthy();
  });

  it('imports a file into the stores, then deletes the history and people but not the preferences', async () => {
    const access = memoryAccess();
    render(<DataPanel actions={dataActions(access)} />);
    expect(await screen.findByText('Your data on this device takes about 2 kB.')).toBeTruthy();
    await importText(fixture('script-journal.json'));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Added: 1 check-in and 2 people. Your preferences now match the file.',
      ),
    );
    expect(access.entries[0]?.journal).toContain('<script>');
    expect(access.settings.intervalMinutes).toBe(45);

    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    const group = await screen.findByRole('group');
    expect(group.textContent).toContain(
      'This deletes from this device: 1 check-in, 1 journal line, and 2 people',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    await waitFor(() => expect(access.entries).toEqual([]));
    expect(access.people).toEqual([]);
    expect(access.settings.intervalMinutes).toBe(45);
  });

  // The wiring turns the stores' FileUnreadable into the panel's own words (entrypoints/history).
  it('says plainly when the chosen file cannot be opened, and stores nothing', async () => {
    const access = memoryAccess();
    render(<DataPanel actions={dataActions(access)} />);
    const file = fileOf('{}');
    Object.defineProperty(file, 'text', {
      value: () => Promise.reject(new DOMException('gone', 'NotReadableError')),
    });
    fireEvent.change(screen.getByLabelText('File to bring back (.json)'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      "That file couldn't be opened. Please try again, or pick another one.",
    );
    expect(access.entries).toEqual([]);
  });

  // Issue 16: the figure went up after "Delete everything" (92.8 → 111.8 kB).
  it('shows the figure fall once everything is deleted', async () => {
    const access = memoryAccess();
    access.entries.push(
      ...Array.from({ length: 134 }, (_, i) => ({
        id: `c${i}`,
        at: i * 3_600_000,
        feeling: 'calm',
        outletId: 'walk-street',
        outcome: 'done' as const,
        journal: `Line ${i}, a few words long.`,
      })),
    );
    render(<DataPanel actions={dataActions(access)} />);
    const figure = await screen.findByText(/^Your data on this device takes about/);
    const before = figure.textContent;
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete everything' }));
    await screen.findByText('Everything is deleted. Your preferences are still here.');
    await waitFor(() =>
      expect(screen.getByText(/^Your data on this device takes about/).textContent).toBe(
        'Your data on this device takes about 2 kB.',
      ),
    );
    expect(before).not.toBe('Your data on this device takes about 2 kB.');
  });

  it('imports a file with a changed check-in, and writes the file’s version once chosen', async () => {
    const access = memoryAccess();
    const file = JSON.parse(fixture('valid-v2.json'));
    access.entries.push({ ...file.checkIns[0], journal: 'my own words' });
    render(<DataPanel actions={dataActions(access)} />);
    await importText(JSON.stringify(file));
    const region = await screen.findByRole('region', { name: 'Which one to keep?' });
    expect(access.entries.find((e) => e.id === file.checkIns[0].id)?.journal).toBe('my own words');
    fireEvent.click(within(region).getByRole('radio', { name: 'Keep both' }));
    fireEvent.click(within(region).getByRole('button', { name: 'Save my choice' }));
    await waitFor(() => expect(access.entries).toHaveLength(file.checkIns.length + 1));
    expect(access.entries.filter((e) => e.at === file.checkIns[0].at).map((e) => e.journal ?? '')).toEqual(
      expect.arrayContaining(['my own words', file.checkIns[0].journal ?? '']),
    );
  });

  it('downloads the export through a Blob URL and a temporary link, and lets the URL go', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const access = memoryAccess();
    access.entries.push({
      id: 'x',
      at: 0,
      feeling: 'calm',
      outletId: null,
      outcome: 'done',
      journal: '<b>hi</b>',
    });
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:outlet/1');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { download: string; href: string; text: Promise<string> }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const blob = create.mock.calls.at(-1)?.[0] as Blob;
      clicked.push({ download: this.download, href: this.href, text: blob.text() });
    });
    render(<DataPanel actions={dataActions(access)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Journal to read (Markdown)' }));
    await vi.waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]?.download).toMatch(/^outlet-journal-\d{4}-\d\d-\d\d\.md$/);
    expect(await clicked[0]?.text).toContain('\\<b\\>hi\\</b\\>');
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(revoke).toHaveBeenCalledWith('blob:outlet/1');
    vi.useRealTimers();
  });
});
