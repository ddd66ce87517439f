// Words that must be true of the moment: "Welcome back" only after a real absence, "lately" only
// after several answers, and the feeling named in a sentence that reads well for every feeling.
import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reasonText } from '../../components/shared/copy';
import { wasAway } from '../../core/away';
import { FEELING_IDS } from '../../core/feelings';
import { outletPool, type PickReason, pick } from '../../core/outlets';
import type { CheckIn } from '../../core/schema';
import { renderCheckIn } from './render-checkin';
import { messages } from './setup';

const NOW = new Date(2026, 4, 12, 14, 0).getTime();
const MINUTE = 60_000;

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('wasAway', () => {
  it.each([
    [6 / 60, 5, false],
    [1, 5, false],
    [4.99, 5, false],
    [5, 5, true],
    [15, 5, true],
    [2, 1, true],
    [20, 30, false],
  ])('%d minutes with breaks from %d minutes: %s', (minutes, breakMinutes, away) => {
    expect(wasAway(NOW, NOW + minutes * MINUTE, breakMinutes)).toBe(away);
  });
});

describe('"Welcome back"', () => {
  /** How "And now?" greets the person: "Welcome back." only after a real absence. */
  const greeting = () => document.querySelector('fieldset.after legend')?.textContent;
  const HERE = 'Compared with before:';
  const BACK = 'Welcome back. Compared with before:';

  it('is not said after a few seconds of breathing', () => {
    const { setClock } = renderCheckIn({ now: NOW, settings: { families: ['body'] } });
    fireEvent.click(screen.getByRole('button', { name: 'Anxious' }));
    while (!screen.queryByRole('button', { name: 'Start one minute of slow breathing' }))
      fireEvent.click(screen.getByRole('button', { name: 'Another idea' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start one minute of slow breathing' }));
    setClock(NOW + 6_000);
    fireEvent.click(screen.getByRole('button', { name: "That's enough for now" }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('And now?');
    expect(greeting()).toBe(HERE);
  });

  it.each([
    ['a whole minute of breathing, with breaks counted from 1 minute', 1, 0],
    ['a minute of breathing after a few minutes on the suggestion', 5, 4.5],
  ])('is not said after %s', (_what, breakMinutes, readMinutes) => {
    const { setClock } = renderCheckIn({ now: NOW, settings: { families: ['body'], breakMinutes } });
    fireEvent.click(screen.getByRole('button', { name: 'Anxious' }));
    while (!screen.queryByRole('button', { name: 'Start one minute of slow breathing' }))
      fireEvent.click(screen.getByRole('button', { name: 'Another idea' }));
    setClock(NOW + readMinutes * MINUTE);
    fireEvent.click(screen.getByRole('button', { name: 'Start one minute of slow breathing' }));
    // The person stays at the screen with the pacer the whole minute: never away.
    setClock(NOW + (readMinutes + 1) * MINUTE);
    fireEvent.click(screen.getByRole('button', { name: "That's enough for now" }));
    expect(greeting()).toBe(HERE);
  });

  /** A check-in at NOW, "Stressed", with "Another idea" until the 10-minute walk is on offer. */
  const offeredTheWalk = () => {
    const rendered = renderCheckIn({
      now: NOW,
      settings: { families: ['movement'] },
      context: { minutes: 15 },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Stressed' }));
    while (!screen.queryByRole('button', { name: 'Start a 10-minute walk' }))
      fireEvent.click(screen.getByRole('button', { name: 'Another idea' }));
    return rendered;
  };

  it('counts a walk from its start, not from the feeling picked before it', () => {
    const { setClock } = offeredTheWalk();
    setClock(NOW + 4 * MINUTE); // four minutes reading the suggestion, at the desk
    fireEvent.click(screen.getByRole('button', { name: 'Start a 10-minute walk' }));
    setClock(NOW + 6 * MINUTE); // stopped after two
    fireEvent.click(screen.getByRole('button', { name: 'Stop early' }));
    expect(greeting()).toBe(HERE);
  });

  it.each([
    [2, HERE],
    [10, BACK],
  ])(
    'a %d-minute walk from an earlier check-in, ending while the popup is open: "%s"',
    async (minutes, heading) => {
      vi.useFakeTimers();
      const walk: CheckIn = {
        id: 'walk-1',
        at: NOW - minutes * MINUTE,
        feeling: 'stressed',
        outletId: 'walk-street',
        outcome: 'skipped',
      };
      // Opened a second before the walk's end: the walk began its minutes before that end.
      const { setClock } = renderCheckIn({
        now: NOW,
        history: [walk],
        data: { timer: { endsAt: NOW + 1000, minutes, checkInId: walk.id } },
      });
      setClock(NOW + 1000);
      await act(() => {
        vi.advanceTimersByTime(1000);
      });
      expect(greeting()).toBe(heading);
    },
  );

  it.each([
    [1, HERE],
    [11, BACK],
  ])('after a walk stopped at %d minutes, "And now?" is asked as "%s"', (minutes, heading) => {
    const { setClock } = offeredTheWalk();
    fireEvent.click(screen.getByRole('button', { name: 'Start a 10-minute walk' }));
    setClock(NOW + minutes * MINUTE);
    fireEvent.click(screen.getByRole('button', { name: 'Stop early' }));
    expect(greeting()).toBe(heading);
  });
});

describe('why an outlet was picked', () => {
  const answered = (helped: CheckIn['helped'], daysAgo: number, outletId = 'walk-street'): CheckIn => ({
    id: `c-${outletId}-${daysAgo}`,
    at: NOW - daysAgo * 24 * 60 * MINUTE,
    feeling: 'stressed',
    outletId,
    outcome: 'done',
    helped,
    helpAsked: true,
  });
  const reasonAfter = (history: CheckIn[]) =>
    pick({
      feeling: 'stressed',
      enabledFamilies: ['movement'],
      context: { canStepAway: true, alone: false, minutes: 15 },
      // Only the walk is left to offer: the reason is about it.
      exclude: outletPool('stressed', ['movement'], { canStepAway: true, alone: false, minutes: 15 })
        .map((o) => o.id)
        .filter((id) => id !== 'walk-street'),
      history,
      random: () => 0.5,
    }).reason;
  const told = (value: CheckIn['after'], daysAgo: number, outletId = 'walk-street', feeling = 'anxious') => ({
    ...answered(undefined, daysAgo, outletId),
    helped: undefined,
    feeling,
    after: value,
  });

  it('says nothing after a single good answer', () => {
    expect(reasonAfter([answered('yes', 1)])).toBeNull();
  });

  it('says how many times it lifted the person, with this kind of feeling, once there are several answers', () => {
    const history = [told('lighter', 1), told('lighter', 3), told('same', 5), told('lighter', 8)];
    expect(reasonText(reasonAfter(history) as PickReason)).toBe(
      'This lifted you 3 of 4 times when you felt tense.',
    );
  });

  it('counts only answers given with the same kind of feeling', () => {
    // Three "lighter" when low say nothing about when tense.
    const history = [1, 2, 3].map((d) => told('lighter', d, 'walk-street', 'sad'));
    expect(reasonAfter(history)).toBeNull();
  });

  it('speaks of ideas like it when the family, not the idea itself, has the answers', () => {
    const history = [
      told('lighter', 1, 'stairs'),
      told('lighter', 2, 'stairs'),
      told('lighter', 3),
      told('heavier', 4, 'stairs'),
    ];
    expect(reasonText(reasonAfter(history) as PickReason)).toBe(
      'Ideas like this lifted you 3 of 4 times when you felt tense.',
    );
  });

  it('says nothing when most answers were not good', () => {
    const history = [told('lighter', 1), told('same', 3), told('heavier', 5), told('lighter', 8)];
    expect(reasonAfter(history)).toBeNull();
  });

  it.each<[PickReason, string]>([
    [{ kind: 'helped-before', outletId: 'doodle', answers: 1 }, 'You said this helped once before.'],
    [{ kind: 'helped-before', outletId: 'doodle', answers: 4 }, "You've said this helped more than once."],
    [{ kind: 'helped-before', outletId: 'doodle' }, 'You said this helped before.'],
    [{ kind: 'family-helped', family: 'movement', answers: 1 }, 'Moving helped you once before.'],
    [{ kind: 'family-helped', family: 'movement', answers: 3 }, 'Moving has helped you lately.'],
    [{ kind: 'family-helped', family: 'movement' }, 'Moving has helped you before.'],
  ])('%o reads "%s"', (reason, text) => {
    expect(reasonText(reason)).toBe(text);
  });
});

describe('the feeling on the outlet card', () => {
  it.each(FEELING_IDS)('reads as a whole phrase for %s', (id) => {
    const label = messages[`feeling_${id.replaceAll('-', '_')}`] ?? '';
    const line = (messages.checkin_forFeeling ?? '').replace('$1', label);
    // "For feeling I can't tell" was the trouble: a sentence where the label can't sit.
    expect(line).not.toMatch(/feeling (I|Numb)/i);
    expect(line).toContain(label);
  });
});
