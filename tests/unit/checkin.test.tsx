import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckIn, type CheckInData } from '../../components/checkin/CheckIn';
import type { Context } from '../../core/schema';
import {
  type CheckIn as CheckInEntry,
  DEFAULT_CONTEXT_STATE,
  DEFAULT_SCHEDULE,
  DEFAULT_SETTINGS,
  parseCheckIn,
  type Settings,
} from '../../core/schema';
import { renderCheckIn } from './render-checkin';

// Tuesday 12 May 2026, 14:00 local time: inside the default active hours.
const NOW = new Date(2026, 4, 12, 14, 0).getTime();
const HOUR = 60 * 60_000;

interface Setup {
  settings?: Partial<Settings>;
  context?: Partial<Context>;
  history?: CheckInEntry[];
  random?: () => number;
  data?: Partial<CheckInData>;
}

function setup({ data = {}, ...rest }: Setup = {}) {
  return renderCheckIn({
    now: NOW,
    ...rest,
    data: {
      schedule: { ...DEFAULT_SCHEDULE, nextNudgeAt: new Date(2026, 4, 12, 14, 30).getTime() },
      ...data,
    },
  });
}

const done = (patch: Partial<CheckInEntry>): CheckInEntry => ({
  id: 'old',
  at: NOW - HOUR,
  feeling: 'stressed',
  outletId: 'walk-street',
  outcome: 'done',
  ...patch,
});

afterEach(cleanup);

describe('CheckIn', () => {
  it('asks how you are, with every feeling, "Numb" and "I can\'t tell"', () => {
    setup();
    expect(screen.getByRole('heading', { name: 'How are you right now?' })).toBeTruthy();
    expect(screen.getAllByRole('button').filter((b) => b.dataset.feeling).length).toBeGreaterThanOrEqual(18);
    expect(screen.getByRole('button', { name: 'Numb' })).toBeTruthy();
    expect(screen.getByRole('button', { name: "I can't tell" })).toBeTruthy();
  });

  it('offers exactly one outlet after one click, and records the check-in only when it ends', async () => {
    const { lastSaved, actions } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Numb' }));
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByText('Your answer: Numb')).toBeTruthy();
    // Kept as under way (a popup opened again comes back to it), not recorded.
    expect(actions.saveCheckIn).not.toHaveBeenCalled();
    expect(vi.mocked(actions.saveFlow ?? vi.fn()).mock.lastCall?.[0]).toMatchObject({
      step: { name: 'outlet', entry: { id: 'check-in-1', feeling: 'numb' } },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    await waitFor(() =>
      expect(lastSaved()).toMatchObject({ id: 'check-in-1', at: NOW, feeling: 'numb', outcome: 'skipped' }),
    );
    expect(actions.saveCheckIn).toHaveBeenCalledTimes(1);
  });

  it('records nothing for a feeling left with "Back to feelings": Sad, back, Calm, Done is one check-in', async () => {
    const { actions } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Sad' }));
    fireEvent.click(screen.getByRole('button', { name: 'Back to feelings' }));
    fireEvent.click(screen.getByRole('button', { name: 'Calm' }));
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByRole('heading', { name: 'Thanks for taking a moment for yourself.' });
    expect(vi.mocked(actions.saveCheckIn).mock.calls.map(([c]) => [c.feeling, c.outcome])).toEqual([
      ['calm', 'done'],
    ]);
  });

  it('gives another idea that differs from every one before in this check-in', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Angry' }));
    const seen = new Set([screen.getByRole('heading', { level: 1 }).textContent]);
    for (let i = 0; i < 3; i++) {
      fireEvent.click(screen.getByRole('button', { name: 'Another idea' }));
      const title = screen.getByRole('heading', { level: 1 }).textContent;
      expect(seen.has(title)).toBe(false);
      seen.add(title);
    }
  });

  it('records "Done" and thanks the person', async () => {
    const { lastSaved } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Calm' }));
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(
      await screen.findByRole('heading', { name: 'Thanks for taking a moment for yourself.' }),
    ).toBeTruthy();
    expect(lastSaved()?.outcome).toBe('done');
  });

  it('records "Not now" as skipped, without guilt', async () => {
    const { lastSaved } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Tired' }));
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(await screen.findByRole('heading', { name: "That's fine. Your check-in is noted." })).toBeTruthy();
    expect(lastSaved()?.outcome).toBe('skipped');
  });

  it('stores an optional intensity with the check-in', async () => {
    const { lastSaved } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Sad' }));
    const four = screen.getByRole('radio', { name: '4' });
    four.focus();
    fireEvent.click(four);
    // Focus stays in the strength group (it used to jump to the heading).
    expect(document.activeElement?.closest('fieldset')?.textContent).toMatch(/How strong/);
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(lastSaved()).toMatchObject({ feeling: 'sad', intensity: 4 }));
  });

  it('swaps an idea a faint strength rules out without counting it as passed over', async () => {
    // A faint feeling is no moment for a release idea: the app changes it. The person passed nothing
    // over, so the picker must not learn a "no" from it (core/learning/evidence.ts reads `shown`).
    const { lastSaved } = setup({
      settings: { families: ['release', 'movement'] },
      context: { alone: true, canStepAway: true },
      random: () => 0.99,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Angry' }));
    const first = screen.getByRole('heading', { level: 1 }).textContent;
    fireEvent.click(screen.getByRole('radio', { name: /^1\b/ }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).not.toBe(first);
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(lastSaved()).toMatchObject({ feeling: 'angry', intensity: 1 }));
    expect(lastSaved()?.shown).toEqual([lastSaved()?.outletId]);
  });

  it('saves a journal line right there, with a prompt, and refuses an empty one', async () => {
    const { lastSaved } = setup({ settings: { families: ['journaling'] } });
    fireEvent.click(screen.getByRole('button', { name: 'Sad' }));
    expect(document.querySelector('.prompt')?.textContent?.length).toBeGreaterThan(10);
    const input = screen.getByRole('textbox', { name: 'One line for your journal' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toBe('Write a few words first, or press Done.');

    fireEvent.input(input, { target: { value: 'A heavy morning, lighter now.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { name: 'Thanks for taking a moment for yourself.' });
    expect(lastSaved()).toMatchObject({
      feeling: 'sad',
      outcome: 'done',
      journal: 'A heavy morning, lighter now.',
    });
  });

  it.each([
    ['Done', 'done'],
    ['Not now', 'skipped'],
  ])('keeps a typed journal line when "%s" ends the step instead of Save', async (button, outcome) => {
    const { lastSaved, actions } = setup({ settings: { families: ['journaling'] } });
    fireEvent.click(screen.getByRole('button', { name: 'Sad' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'One line for your journal' }), {
      target: { value: 'Typed, then Done.' },
    });
    expect(actions.saveDraft).toHaveBeenLastCalledWith(
      expect.objectContaining({ id: 'check-in-1', journal: 'Typed, then Done.' }),
      'Typed, then Done.',
    );
    fireEvent.click(screen.getByRole('button', { name: button }));
    await waitFor(() => expect(lastSaved()).toMatchObject({ outcome, journal: 'Typed, then Done.' }));
  });

  it('keeps a typed journal line through "Another idea" and "Back to feelings", and offers it again', async () => {
    const { lastSaved, actions } = setup({ settings: { families: ['journaling', 'body'] } });
    fireEvent.click(screen.getByRole('button', { name: 'Sad' }));
    while (!screen.queryByRole('textbox', { name: 'One line for your journal' }))
      fireEvent.click(screen.getByRole('button', { name: 'Another idea' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'One line for your journal' }), {
      target: { value: 'Before another idea.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Another idea' }));
    // Still in view, whatever the next idea is.
    expect((screen.getByRole('textbox') as HTMLInputElement).value).toBe('Before another idea.');
    fireEvent.click(screen.getByRole('button', { name: 'Back to feelings' }));
    fireEvent.click(screen.getByRole('button', { name: 'Calm' }));
    expect((screen.getByRole('textbox') as HTMLInputElement).value).toBe('Before another idea.');
    // The draft went on with it: kept under the Calm check-in before the Sad one's goes.
    await waitFor(() =>
      expect(vi.mocked(actions.saveDraft).mock.calls.slice(-2)).toEqual([
        [
          expect.objectContaining({ feeling: 'calm', journal: 'Before another idea.' }),
          'Before another idea.',
        ],
        [expect.objectContaining({ feeling: 'sad' }), ''],
      ]),
    );
    expect(actions.saveCheckIn).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() =>
      expect(lastSaved()).toMatchObject({ feeling: 'calm', journal: 'Before another idea.' }),
    );
    expect(actions.saveCheckIn).toHaveBeenCalledTimes(1);
  });

  it('records at most 60 ideas however often "Another idea" is pressed, and the check-in stays valid', () => {
    const { lastSaved } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Calm' }));
    for (let i = 0; i < 75; i++) fireEvent.click(screen.getByRole('button', { name: 'Another idea' }));
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    const saved = lastSaved();
    expect(saved?.shown).toHaveLength(60);
    expect(parseCheckIn(saved)).not.toBeNull();
  });

  it('starts a 10-minute walk with a countdown, then asks "And now?"', async () => {
    vi.useFakeTimers();
    try {
      const { actions, setClock, lastSaved } = setup({
        settings: { families: ['movement'] },
        context: { minutes: 15 },
        data: { timer: null },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Stressed' }));
      while (!screen.queryByRole('button', { name: 'Start a 10-minute walk' })) {
        fireEvent.click(screen.getByRole('button', { name: 'Another idea' }));
      }
      fireEvent.click(screen.getByRole('button', { name: 'Start a 10-minute walk' }));
      expect(actions.startTimer).toHaveBeenCalledWith(10, 'check-in-1');
      expect(screen.getByRole('timer').textContent).toMatch(/^\d\d:\d\d$/);
      expect(screen.getByRole('button', { name: 'Stop early' })).toBeTruthy();

      fireEvent.click(screen.getByRole('button', { name: 'Stop early' }));
      expect(actions.stopTimer).toHaveBeenCalled();
      fireEvent.click(await screen.findByRole('button', { name: 'Lighter' }));
      expect(lastSaved()).toMatchObject({ id: 'check-in-1', after: 'lighter', afterAt: NOW });
      setClock(NOW);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks "did it help?" once at the next check-in, and stores the answer', () => {
    const { lastSaved, view, actions } = setup({ history: [done({})] });
    expect(screen.getByText(/Earlier: “Walk to the end of the street and back”/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes' }));
    expect(lastSaved()).toMatchObject({ id: 'old', helped: 'yes', helpAsked: true });
    expect(screen.queryByText(/Earlier:/)).toBeNull();
    view.unmount();

    setup({ history: [done({ helped: 'yes', helpAsked: true })] });
    expect(screen.queryByText(/Earlier:/)).toBeNull();
    expect(actions.saveCheckIn).toHaveBeenCalledTimes(1);
  });

  it('invites the person to add someone when nobody is saved', () => {
    const { actions } = setup({ settings: { families: ['talking'] } });
    fireEvent.click(screen.getByRole('button', { name: 'Lonely' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a trusted person' }));
    expect(actions.openSettings).toHaveBeenCalled();
  });

  it('shows a trusted person with call, message and email links, and "I reached out"', async () => {
    const { lastSaved } = setup({
      settings: {
        families: ['talking'],
        trustedPeople: [{ id: '1', name: 'Ana', phone: '+44 20 7946 0958', email: 'ana@example.org' }],
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lonely' }));
    expect(screen.getByText('Reach out to Ana')).toBeTruthy();
    // Not a phone (happy-dom's user agent): call and text are one click away.
    fireEvent.click(screen.getByRole('button', { name: 'Call or text from this computer' }));
    expect(screen.getByRole('link', { name: 'Call' }).getAttribute('href')).toBe('tel:+442079460958');
    expect(screen.getByRole('link', { name: 'Message' }).getAttribute('href')).toBe('sms:+442079460958');
    expect(screen.getByRole('link', { name: 'Email' }).getAttribute('href')).toBe('mailto:ana@example.org');
    fireEvent.click(screen.getByRole('button', { name: 'I reached out' }));
    await waitFor(() => expect(lastSaved()).toMatchObject({ reachedOut: true, outcome: 'done' }));
  });

  it('takes trusted people in turns', () => {
    const people = [
      { id: '1', name: 'Ana' },
      { id: '2', name: 'Ben' },
    ];
    setup({
      settings: { families: ['talking'], trustedPeople: people },
      history: [done({ reachedOut: true, helpAsked: true })],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lonely' }));
    expect(screen.getByText('Reach out to Ben')).toBeTruthy();
  });

  it("never offers a walk to someone who can't step away, nor yelling to someone not alone", () => {
    for (let i = 0; i < 20; i++) {
      const { view } = setup({ context: { canStepAway: false, alone: false }, random: () => (i + 0.5) / 20 });
      fireEvent.click(screen.getByRole('button', { name: 'Angry' }));
      const title = screen.getByRole('heading', { level: 1 }).textContent ?? '';
      expect(title).not.toMatch(/walk|yell|outside|stairs/i);
      view.unmount();
    }
  });

  it('remembers the context the person sets', () => {
    const { actions } = setup();
    fireEvent.click(screen.getByRole('button', { name: /^Where you are right now: / }));
    fireEvent.click(screen.getByRole('checkbox', { name: "I'm alone" }));
    expect(actions.saveContext).toHaveBeenCalledWith({ ...DEFAULT_CONTEXT_STATE, alone: true });
  });

  it('says so when the context could not be saved', async () => {
    const { actions } = setup();
    vi.mocked(actions.saveContext).mockRejectedValueOnce(new Error('Resource::kQuotaBytes quota exceeded'));
    fireEvent.click(screen.getByRole('button', { name: /^Where you are right now: / }));
    fireEvent.click(screen.getByRole('checkbox', { name: "I'm alone" }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/couldn't be saved/);
  });

  it('says when the next nudge comes, and pauses for 30 minutes, an hour or until tomorrow', () => {
    const { actions } = setup();
    expect(screen.getByText(/^Next nudge at 2:30/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pause…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Pause for 1 hour' }));
    expect(actions.pause).toHaveBeenCalledWith(NOW + HOUR, 'pause');
    fireEvent.click(screen.getByRole('button', { name: 'Pause…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Pause until tomorrow' }));
    expect(actions.pause).toHaveBeenLastCalledWith(new Date(2026, 4, 13).getTime(), 'pause');
  });

  it('holds nudges for a meeting, and refuses a time already gone', () => {
    const { actions } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Pause…' }));
    const input = screen.getByLabelText('In a meeting until');
    fireEvent.input(input, { target: { value: '13:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Hold nudges' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'That time has already passed. Pick a time later today.',
    );
    expect(actions.pause).not.toHaveBeenCalled();
    fireEvent.input(input, { target: { value: '15:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Hold nudges' }));
    expect(actions.pause).toHaveBeenCalledWith(new Date(2026, 4, 12, 15, 30).getTime(), 'meeting');
  });

  it('words a pause, a meeting and the time outside active hours', () => {
    const until = new Date(2026, 4, 12, 16, 0).getTime();
    const { view } = setup({
      data: { schedule: { ...DEFAULT_SCHEDULE, pausedUntil: until, pauseKind: 'pause' } },
    });
    expect(screen.getByText(/^Paused until 4:00/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resume nudges' })).toBeTruthy();
    view.unmount();

    const meeting = setup({
      data: { schedule: { ...DEFAULT_SCHEDULE, pausedUntil: until, pauseKind: 'meeting' } },
    });
    expect(screen.getByText(/^In a meeting until 4:00/)).toBeTruthy();
    meeting.view.unmount();

    // An hour's pause from 23:30 crosses midnight but isn't "until tomorrow": it says its end.
    const lateEvening = new Date(2026, 4, 12, 23, 30).getTime();
    const crossing = setup({
      data: {
        now: lateEvening,
        schedule: { ...DEFAULT_SCHEDULE, pausedUntil: lateEvening + HOUR, pauseKind: 'pause' },
      },
    });
    expect(screen.getByText(/^Paused until tomorrow at 12:30/)).toBeTruthy();
    crossing.view.unmount();
    const untilTomorrow = setup({
      data: {
        now: lateEvening,
        schedule: { ...DEFAULT_SCHEDULE, pausedUntil: new Date(2026, 4, 13).getTime(), pauseKind: 'pause' },
      },
    });
    expect(screen.getByText('Paused until tomorrow')).toBeTruthy();
    untilTomorrow.view.unmount();

    const evening = new Date(2026, 4, 12, 20, 0).getTime();
    const tomorrow = new Date(2026, 4, 13, 9, 45).getTime();
    setup({ data: { now: evening, schedule: { ...DEFAULT_SCHEDULE, nextNudgeAt: tomorrow } } });
    expect(screen.getByText(/^Outside your hours: next nudge tomorrow at 9:45/)).toBeTruthy();
  });

  it('mentions a missed nudge kindly, and offers a calmer pace after three ignored', () => {
    const { actions } = setup({
      data: {
        schedule: {
          ...DEFAULT_SCHEDULE,
          nextNudgeAt: NOW + HOUR,
          ignoredInRow: 3,
          missed: { day: NOW, count: 1 },
        },
      },
    });
    expect(screen.getByText(/A nudge slipped by earlier/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Every 90 minutes' }));
    expect(actions.acceptCalmerPace).toHaveBeenCalledWith(90);
    fireEvent.click(screen.getByRole('button', { name: 'Keep as is' }));
    expect(actions.dismissCalmerPace).toHaveBeenCalled();
  });

  it('shows the support card after a heavy stretch, and lets it be waved away', () => {
    const heavy = Array.from({ length: 5 }, (_, i) =>
      done({ id: `h${i}`, at: NOW - (i + 1) * 24 * HOUR, feeling: 'sad', intensity: 5, helpAsked: true }),
    );
    const { actions } = setup({ history: heavy });
    expect(screen.getByText("It's been heavy lately.")).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ways to find support' }));
    expect(actions.openSupport).toHaveBeenCalled();
    act(() => {
      fireEvent.click(screen.getAllByRole('button', { name: 'Not now' })[0] as HTMLElement);
    });
    expect(actions.dismissSupport).toHaveBeenCalled();
    expect(screen.queryByText("It's been heavy lately.")).toBeNull();
  });

  it('takes a feeling picked before the settings and context are read, and offers its outlet once they are', () => {
    const { view, actions } = setup({ data: { settings: null, context: null } });
    fireEvent.click(screen.getByRole('button', { name: 'Calm' }));
    expect(screen.getByRole('heading', { level: 1, name: 'How are you right now?' })).toBeTruthy();
    expect(actions.saveCheckIn).not.toHaveBeenCalled();
    view.rerender(
      <CheckIn
        data={{
          settings: DEFAULT_SETTINGS,
          schedule: DEFAULT_SCHEDULE,
          timer: null,
          context: DEFAULT_CONTEXT_STATE,
          history: [],
          support: { dismissedAt: null },
          now: NOW,
        }}
        actions={actions}
      />,
    );
    expect(screen.getByText('Your answer: Calm')).toBeTruthy();
  });

  it('keeps "Need more support?" one click away', () => {
    const { actions } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Need more support?' }));
    expect(actions.openSupport).toHaveBeenCalled();
  });
});
