// Focus is never lost (issue 16): after each action that takes away the button pressed, focus lands
// on the next thing a person would use, or on the heading of what is now shown; never on the page's
// body. And after a feeling is picked, Tab reaches the strength choices.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeelingsStep } from '../../components/checkin/FeelingsStep';
import { NudgeStatus } from '../../components/checkin/NudgeStatus';
import { OutletCard, type OutletCardActions } from '../../components/checkin/OutletCard';
import { DataPanelView } from '../../components/history/DataPanel';
import { RestoreDefaults } from '../../components/settings/RestoreDefaults';
import { TrustedPeopleSetting } from '../../components/settings/TrustedPeopleSetting';
import { OUTLETS } from '../../core/outlets';
import {
  DEFAULT_CONTEXT_STATE,
  DEFAULT_SCHEDULE,
  DEFAULT_SETTINGS,
  type TrustedPerson,
} from '../../core/schema';
import { renderCheckIn } from './render-checkin';

afterEach(cleanup);

const NOW = new Date(2026, 4, 12, 14, 0).getTime();
const HOUR = 60 * 60_000;
const MINUTE = 60_000;

/** Presses a button as a person does: it has focus, then it is clicked. */
function press(button: HTMLElement) {
  button.focus();
  expect(document.activeElement).toBe(button);
  fireEvent.click(button);
}

/** What has focus, in words a failing test can show. */
function focused(): string {
  const element = document.activeElement as HTMLElement | null;
  if (!element || element === document.body) return 'the page body';
  const role = element.tagName === 'H1' ? 'heading' : element.tagName.toLowerCase();
  return `${role} "${element.textContent?.trim() || element.getAttribute('aria-label') || ''}"`;
}

/** The feelings step as the check-in shows it: what is answered or dismissed goes from the screen. */
function FeelingsWithWaiting() {
  const [support, setSupport] = useState(true);
  const [earlier, setEarlier] = useState(true);
  const [running, setRunning] = useState(true);
  return (
    <main class="checkin">
      <FeelingsStep
        context={DEFAULT_CONTEXT_STATE}
        onContext={() => undefined}
        onPick={() => undefined}
        chosen={null}
        support={
          support
            ? { reason: 'heavy-checkins', onOpenSupport: () => undefined, onDismiss: () => setSupport(false) }
            : null
        }
        running={
          running
            ? {
                outletId: 'walk-street',
                endsAt: NOW + HOUR / 6,
                clock: () => NOW,
                onStop: () => setRunning(false),
                onOver: () => setRunning(false),
              }
            : null
        }
        earlier={earlier ? { outletId: 'doodle', onAnswer: () => setEarlier(false) } : null}
      />
    </main>
  );
}

describe('focus on the first screen', () => {
  it.each([
    ['answering "did it help?" about an earlier outlet', 'Yes'],
    ['"Rather not say" to that question', 'Rather not say'],
    ['dismissing the support card', 'Not now'],
    ['stopping a walk still going', 'Stop early'],
  ])('%s: focus goes to "How are you right now?"', (_, name) => {
    render(<FeelingsWithWaiting />);
    press(screen.getByRole('button', { name }));
    expect(screen.queryByRole('button', { name })).toBeNull();
    expect(focused()).toBe('heading "How are you right now?"');
  });
});

describe('focus in the footer', () => {
  const actions = {
    pause: vi.fn(async () => undefined),
    resume: vi.fn(async () => undefined),
    openSettings: () => undefined,
    acceptCalmerPace: () => undefined,
    dismissCalmerPace: () => undefined,
  };
  const running = { ...DEFAULT_SCHEDULE, nextNudgeAt: NOW + HOUR };
  const paused = { ...running, pausedUntil: NOW + HOUR, pauseKind: 'pause' as const };

  it('after pausing, once the pause is stored, focus is on "Resume nudges"', async () => {
    const view = render(
      <NudgeStatus settings={DEFAULT_SETTINGS} schedule={running} now={NOW} actions={actions} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Pause…' }));
    press(screen.getByRole('button', { name: 'Pause for 1 hour' }));
    await waitFor(() => expect(actions.pause).toHaveBeenCalled());
    // The background stores the pause; the popup hears it from storage.
    view.rerender(<NudgeStatus settings={DEFAULT_SETTINGS} schedule={paused} now={NOW} actions={actions} />);
    expect(focused()).toBe('button "Resume nudges"');
  });

  it('after resuming, once stored, focus is on "Pause…"', async () => {
    const view = render(
      <NudgeStatus settings={DEFAULT_SETTINGS} schedule={paused} now={NOW} actions={actions} />,
    );
    press(screen.getByRole('button', { name: 'Resume nudges' }));
    await waitFor(() => expect(actions.resume).toHaveBeenCalled());
    view.rerender(<NudgeStatus settings={DEFAULT_SETTINGS} schedule={running} now={NOW} actions={actions} />);
    expect(focused()).toBe('button "Pause…"');
  });
});

describe('focus after picking a feeling', () => {
  const outletActions = Object.fromEntries(
    [
      'onAnother',
      'onDone',
      'onNotNow',
      'onBack',
      'onIntensity',
      'onSaveJournal',
      'onJournalInput',
      'onStartTimer',
      'onStartBreath',
      'onReachedOut',
      'onAddPerson',
    ].map((name) => [name, vi.fn()]),
  ) as unknown as OutletCardActions;

  /** Where Tab goes from `from`: the next element in page order that Tab stops on (one per radio group). */
  function nextTabStop(from: Element): HTMLElement | null {
    const all = [
      ...document.querySelectorAll<HTMLElement>('button, input, textarea, select, a[href], [tabindex]'),
    ].filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled);
    return (
      all.find(
        (el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && !from.contains(el),
      ) ?? null
    );
  }

  it('Tab from the outlet heading (where focus lands) reaches the strength choices', () => {
    const outlet = OUTLETS.find((o) => o.id === 'walk-street');
    if (!outlet) throw new Error('no walk-street in the catalogue');
    render(
      <OutletCard
        feeling="sad"
        outlet={outlet}
        reason={null}
        intensity={undefined}
        askStrength={true}
        person={null}
        journalPrompt=""
        actions={outletActions}
      />,
    );
    const heading = screen.getByRole('heading', { level: 1 });
    const next = nextTabStop(heading);
    expect(next?.closest('fieldset')?.querySelector('legend')?.textContent).toMatch(/How strong/);
  });
});

describe('focus on the options page', () => {
  const sam: TrustedPerson = { id: 'sam', name: 'Sam' };
  const ana: TrustedPerson = { id: 'ana', name: 'Ana' };

  function People({ initial }: { initial: TrustedPerson[] }) {
    const [people, setPeople] = useState(initial);
    return (
      <TrustedPeopleSetting
        people={people}
        onAdd={async () => undefined}
        onRemove={async (id) => setPeople((list) => list.filter((p) => p.id !== id))}
        newId={() => 'new'}
      />
    );
  }

  it('removing a person: focus goes to the next person\'s "Remove"', async () => {
    render(<People initial={[sam, ana]} />);
    press(screen.getByRole('button', { name: 'Remove Sam' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove Sam' })).toBeNull());
    expect(focused()).toBe('button "Remove Ana"');
  });

  it('removing the last person in the list: focus goes to the one before', async () => {
    render(<People initial={[sam, ana]} />);
    press(screen.getByRole('button', { name: 'Remove Ana' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove Ana' })).toBeNull());
    expect(focused()).toBe('button "Remove Sam"');
  });

  it('removing the only person: focus goes to the name field, to add someone', async () => {
    render(<People initial={[sam]} />);
    press(screen.getByRole('button', { name: 'Remove Sam' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove Sam' })).toBeNull());
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
  });

  it('restoring the defaults: focus goes back to "Restore default settings…"', async () => {
    const onRestore = vi.fn(async () => undefined);
    render(<RestoreDefaults current={{ ...DEFAULT_SETTINGS, intervalMinutes: 45 }} onRestore={onRestore} />);
    fireEvent.click(screen.getByRole('button', { name: 'Restore default settings…' }));
    press(screen.getByRole('button', { name: 'Restore these' }));
    await waitFor(() => expect(onRestore).toHaveBeenCalled());
    await act(async () => undefined);
    expect(focused()).toBe('button "Restore default settings…"');
  });
});

describe('focus on the history page', () => {
  it('deleting everything: focus goes to the words that say it is done', async () => {
    const onDeleteAll = vi.fn(async () => undefined);
    render(
      <DataPanelView
        usage={null}
        onExport={async () => undefined}
        onImport={async () => ({ kind: 'status', text: '' }) as never}
        onSummary={async () => ({ checkIns: 3, journalLines: 1, people: 0 })}
        onDeleteAll={onDeleteAll}
        onChoose={async () => undefined}
        today="2026-12-07"
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    const confirm = await screen.findByRole('button', { name: 'Delete everything' });
    press(confirm);
    await waitFor(() => expect(onDeleteAll).toHaveBeenCalled());
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete everything' })).toBeNull());
    expect(focused()).toMatch(/^p "/);
    expect(document.activeElement?.closest('[role="status"]')).not.toBeNull();
  });
});

describe('focus in the whole check-in', () => {
  /** A breath begun and ended: "And now?" asked. */
  const breathed = () => {
    renderCheckIn({ now: NOW, settings: { families: ['body'] } });
    fireEvent.click(screen.getByRole('button', { name: 'Anxious' }));
    while (!screen.queryByRole('button', { name: 'Start one minute of slow breathing' }))
      fireEvent.click(screen.getByRole('button', { name: 'Another idea' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start one minute of slow breathing' }));
    fireEvent.click(screen.getByRole('button', { name: "That's enough for now" }));
  };

  it('"And now?" after a breath: focus on its heading; answered, on the thanks heading', () => {
    breathed();
    expect(focused()).toBe('heading "And now?"');
    press(screen.getByRole('button', { name: 'Lighter' }));
    expect(focused()).toBe('heading "Thanks for taking a moment for yourself."');
  });

  it('"And now?" skipped: focus on "How are you right now?", a new check-in at once', () => {
    breathed();
    press(screen.getByRole('button', { name: 'Skip' }));
    expect(focused()).toBe('heading "How are you right now?"');
  });

  it('answering an earlier "And now?" on the first screen: focus on "How are you right now?"', () => {
    renderCheckIn({
      now: NOW,
      history: [
        {
          id: 'wrote',
          at: NOW - 5 * MINUTE,
          feeling: 'sad',
          outletId: 'doodle',
          outcome: 'done',
          shown: ['doodle'],
        },
      ],
    });
    press(screen.getByRole('button', { name: 'About the same' }));
    expect(screen.queryByRole('button', { name: 'About the same' })).toBeNull();
    expect(focused()).toBe('heading "How are you right now?"');
  });

  it('answering the earlier "did it help?" on the first screen: focus on "How are you right now?"', () => {
    renderCheckIn({
      now: NOW,
      history: [
        {
          id: 'walked',
          at: NOW - HOUR,
          feeling: 'stressed',
          outletId: 'walk-street',
          outcome: 'done',
          shown: ['walk-street'],
        },
      ],
    });
    press(screen.getByRole('button', { name: 'Yes' }));
    expect(screen.queryByRole('button', { name: 'Yes' })).toBeNull();
    expect(focused()).toBe('heading "How are you right now?"');
  });
});
