// "Your data" with an encrypted copy (issue 19): the export's passphrase form (typed twice, a gentle
// hint that never refuses, the plain truth about a forgotten passphrase) and the import's passphrase
// step, through the panel's real import path (importChosenFile → readExportText, on the page here).
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataPanelView } from '../../components/history/DataPanel';
import type { ExportV2 } from '../../core/data/export-format';
import { parseImportFile } from '../../core/data/import';
import { importChosenFile } from '../../entrypoints/history/App';
import type { ImportCounts } from '../../platform/data-transfer';

afterEach(cleanup);

const PASSPHRASE = 'L\u00f6we, tea and 42 paper boats';
const locked = readFileSync('tests/fixtures/encrypted/valid-v2.encrypted.json', 'utf8');
const plain = parseImportFile(readFileSync('tests/fixtures/import/valid-v2.json', 'utf8'));

const counts = (added: number): ImportCounts => ({
  checkIns: { added, same: 0, differing: [] },
  people: { added: 0, kept: 0, full: 0 },
  setAside: { added: 0, same: 0 },
  unreadable: { added: 0, same: 0, full: 0 },
});

function renderView(overrides: Partial<Parameters<typeof DataPanelView>[0]> = {}) {
  const apply = vi.fn(async (data: ExportV2) => counts(data.checkIns.length));
  const props = {
    usage: null,
    onExport: vi.fn(async () => undefined),
    onExportEncrypted: vi.fn(async () => undefined),
    onImport: vi.fn((file: File, job?: object, passphrase?: string) =>
      importChosenFile(file, apply, job, passphrase),
    ),
    onSummary: vi.fn(async () => ({ checkIns: 0, journalLines: 0, people: 0 })),
    onDeleteAll: vi.fn(async () => undefined),
    onChoose: vi.fn(async () => undefined),
    today: '2026-12-07',
    ...overrides,
  };
  render(<DataPanelView {...props} />);
  return { props, apply };
}

const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('the encrypted copy: export', () => {
  it('asks for the passphrase twice and says a forgotten one cannot be recovered', async () => {
    const { props } = renderView();
    fireEvent.click(screen.getByRole('button', { name: 'Encrypted copy (JSON)…' }));
    const heading = screen.getByRole('heading', { name: 'Lock this copy with a passphrase' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByLabelText('Passphrase')).toBeTruthy();
    expect(screen.getByLabelText('The same passphrase again')).toBeTruthy();
    expect(
      screen.getByText(
        'If you forget the passphrase, no one can open this copy: not you, not Outlet. Keep it somewhere safe.',
      ),
    ).toBeTruthy();
    type('Passphrase', 'red owl tea sky');
    type('The same passphrase again', 'red owl tea sky');
    fireEvent.click(screen.getByRole('button', { name: 'Make the encrypted copy' }));
    await waitFor(() =>
      expect(props.onExportEncrypted).toHaveBeenCalledWith(
        'red owl tea sky',
        expect.objectContaining({ signal: expect.any(AbortSignal) }),
      ),
    );
    expect((await screen.findByRole('status')).textContent).toBe(
      'Your encrypted copy is saved. Keep the passphrase somewhere safe.',
    );
    // The form closes; focus goes back to the button that opened it.
    expect(screen.queryByLabelText('Passphrase')).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Encrypted copy (JSON)…' })),
    );
  });

  it('hints gently at a short passphrase, and still makes the copy with it', async () => {
    const { props } = renderView();
    fireEvent.click(screen.getByRole('button', { name: 'Encrypted copy (JSON)…' }));
    type('Passphrase', 'owl4');
    expect(screen.getByText(/^Short passphrases are easier to guess/)).toBeTruthy();
    type('Passphrase', 'an owl at dusk, tea');
    expect(screen.getByText("That's a strong passphrase.")).toBeTruthy();
    type('Passphrase', 'owl4');
    type('The same passphrase again', 'owl4');
    fireEvent.click(screen.getByRole('button', { name: 'Make the encrypted copy' }));
    await waitFor(() => expect(props.onExportEncrypted).toHaveBeenCalledWith('owl4', expect.anything()));
  });

  it.each([
    ['', '', 'Type a passphrase to lock the copy with.'],
    ['red owl tea sky', 'red owl tea', 'The two passphrases differ. Type the same one twice.'],
  ])('refuses “%s” and “%s” in plain words, making nothing', (first, again, words) => {
    const { props } = renderView();
    fireEvent.click(screen.getByRole('button', { name: 'Encrypted copy (JSON)…' }));
    type('Passphrase', first);
    type('The same passphrase again', again);
    fireEvent.click(screen.getByRole('button', { name: 'Make the encrypted copy' }));
    expect(screen.getByRole('alert').textContent).toBe(words);
    expect(props.onExportEncrypted).not.toHaveBeenCalled();
  });

  it('closes on Cancel or Escape, making nothing', () => {
    const { props } = renderView();
    fireEvent.click(screen.getByRole('button', { name: 'Encrypted copy (JSON)…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByLabelText('Passphrase')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Encrypted copy (JSON)…' }));
    fireEvent.keyDown(screen.getByLabelText('Passphrase'), { key: 'Escape' });
    expect(screen.queryByLabelText('Passphrase')).toBeNull();
    expect(props.onExportEncrypted).not.toHaveBeenCalled();
  });
});

async function chooseAndImport(text: string, name = 'outlet-encrypted-2026-12-07.json') {
  fireEvent.change(screen.getByLabelText('File to bring back (.json)'), {
    target: { files: [new File([text], name, { type: 'application/json' })] },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Import' }));
}

describe('the encrypted copy: import', () => {
  it('asks for the passphrase, says a wrong one plainly with nothing stored, then merges like the plain file', async () => {
    const { apply } = renderView();
    await chooseAndImport(locked);
    await screen.findByRole('heading', { name: 'This copy is locked' });
    expect(
      screen.getByText(
        '“outlet-encrypted-2026-12-07.json” was saved with a passphrase. Type it to open the copy and bring it back.',
      ),
    ).toBeTruthy();
    expect(apply).not.toHaveBeenCalled();

    type('Passphrase', 'not it');
    fireEvent.click(screen.getByRole('button', { name: 'Open and import' }));
    expect((await screen.findByRole('alert', {}, { timeout: 30_000 })).textContent).toBe(
      "That passphrase doesn't open this copy, or the file was changed since it was made. Nothing was changed here.",
    );
    expect(apply).not.toHaveBeenCalled();

    type('Passphrase', PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Open and import' }));
    await screen.findByText(/^Added: 3 check-ins\./, {}, { timeout: 30_000 });
    expect(apply).toHaveBeenCalledTimes(1);
    // The very data the plain file gives: the same merge path.
    if (!plain.ok) throw new Error('the plain fixture is refused');
    expect(apply.mock.calls[0]?.[0]).toEqual(plain.data);
    expect(screen.queryByRole('heading', { name: 'This copy is locked' })).toBeNull();
  });

  it.each([
    [1, "This file asks for a much weaker lock than Outlet ever makes, so it wasn't opened."],
    [
      1e12,
      "This file asks for so much work to open that it would hold up your browser for a very long time, so it wasn't opened.",
    ],
  ])(
    'refuses a file asking for %s iterations at once, without asking for a passphrase',
    async (iterations, words) => {
      const { apply } = renderView();
      const file = JSON.parse(locked);
      file.kdf.iterations = iterations;
      await chooseAndImport(JSON.stringify(file));
      const alert = await screen.findByRole('alert');
      expect(alert.querySelector('p')?.textContent).toBe("This file wasn't imported, so nothing changed.");
      expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([words]);
      expect(screen.queryByRole('heading', { name: 'This copy is locked' })).toBeNull();
      expect(apply).not.toHaveBeenCalled();
    },
  );
});
