// A journal outlet asks its own question, in a field the size of what it asks for: under "Write
// three small things that went okay today" a question about what went okay, in a few rows.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutletCard } from '../../components/checkin/OutletCard';
import { FEELING_IDS } from '../../core/feelings';
import { journalPromptKeys, OUTLETS, type Outlet, outletById, outletCopyKey } from '../../core/outlets';
import { JOURNAL_MAX_LENGTH } from '../../core/schema';
import { renderCheckIn } from './render-checkin';
import { messages } from './setup';

const NOW = new Date(2026, 4, 12, 14, 0).getTime();
const JOURNAL_OUTLETS = OUTLETS.filter((outlet) => outlet.action.kind === 'journal');
const message = (key: string) => messages[key.replaceAll('.', '_')] ?? '';
const byTitle = new Map(JOURNAL_OUTLETS.map((o) => [message(`outlet.${outletCopyKey(o.id)}.title`), o]));

function open(feeling: string, random: () => number) {
  // Room for every journal outlet: none needs more than 5 minutes, none needs to be alone.
  renderCheckIn({ now: NOW, settings: { families: ['journaling'] }, context: { minutes: 15 }, random });
  const label = feeling === 'cant-tell' ? "I can't tell" : message(`feeling.${feeling.replaceAll('-', '_')}`);
  fireEvent.click(screen.getByRole('button', { name: label }));
}

function card(outlet: Outlet, onSaveJournal = vi.fn(async (_line: string) => undefined)) {
  render(
    <OutletCard
      feeling={outlet.feelings[0] ?? 'calm'}
      outlet={outlet}
      reason={null}
      intensity={undefined}
      askStrength={false}
      person={null}
      journalPrompt={message(journalPromptKeys(outlet)[0] ?? '')}
      actions={{
        onAnother: vi.fn(),
        onDone: vi.fn(),
        onNotNow: vi.fn(),
        onBack: vi.fn(),
        onIntensity: vi.fn(),
        onSaveJournal,
        onJournalInput: vi.fn(),
        onStartTimer: vi.fn(),
        onStartBreath: vi.fn(),
        onReachedOut: vi.fn(),
        onAddPerson: vi.fn(),
      }}
    />,
  );
  return onSaveJournal;
}

afterEach(cleanup);

describe('a journal outlet in the check-in', () => {
  it('always asks one of its own questions, for every journal outlet it offers', () => {
    const offered = new Set<string>();
    let r = 0;
    // A fixed walk through [0, 1): each pick and each question choice gets different values.
    const random = () => {
      r = (r + 0.618_034) % 1;
      return r;
    };
    for (const feeling of FEELING_IDS) {
      open(feeling, random);
      for (let i = 0; i < 6; i++) {
        const title = screen.getByRole('heading', { level: 1 }).textContent ?? '';
        const outlet = byTitle.get(title);
        if (outlet) {
          offered.add(outlet.id);
          const question = document.querySelector('.journal .prompt')?.textContent;
          expect(journalPromptKeys(outlet).map(message), `${outlet.id} asked "${question}"`).toContain(
            question,
          );
        }
        fireEvent.click(screen.getByRole('button', { name: 'Another idea' }));
      }
      cleanup();
    }
    // The walk reached every journal outlet, so the check above held for each.
    expect([...offered].sort()).toEqual(JOURNAL_OUTLETS.map((o) => o.id).sort());
  });

  it.each(JOURNAL_OUTLETS.map((outlet) => [outlet.id, outlet] as const))(
    '%s gets the field its question asks for, as long as storage keeps',
    (id, outlet) => {
      if (outlet.action.kind !== 'journal') throw new Error('not a journal outlet');
      const { field } = outlet.action;
      card(outlet);
      const box = screen.getByRole('textbox') as HTMLInputElement | HTMLTextAreaElement;
      expect(box.tagName, id).toBe(field === 'line' ? 'INPUT' : 'TEXTAREA');
      if (box instanceof HTMLTextAreaElement) expect(Number(box.rows)).toBeGreaterThanOrEqual(3);
      expect(box.maxLength).toBe(JOURNAL_MAX_LENGTH);
    },
  );

  it('keeps every line of "Empty your head onto the page", saved with Ctrl+Enter', async () => {
    const save = card(outletById('journal-brain-dump') as Outlet);
    const box = screen.getByRole('textbox', { name: 'A page for your journal' });
    const text = 'the report\nthe dentist\ncall Sam back\n'.repeat(30).trim();
    expect(text.length).toBeGreaterThan(280);
    fireEvent.input(box, { target: { value: text } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(save).toHaveBeenCalledWith(text));
  });
});
