// The head script keeps the first screen live until the app runs (components/checkin/early-input.ts):
// the first feeling clicked is answered at once with its outlet (drawn by first-outlet.ts), and
// every click is noted for the app to replay (mountCheckIn.tsx). Nothing clicked is lost, and the
// app starts at the very outlet already on screen.
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CheckIn } from '../../components/checkin/CheckIn';
import { captureEarlyInput, type DrawOutlet, takeEarlyInput } from '../../components/checkin/early-input';
import { buildFirstOutlet } from '../../components/checkin/first-outlet';
import { buildFirstScreen } from '../../components/checkin/first-screen';
import { mountCheckIn } from '../../components/checkin/mountCheckIn';
import type { FirstPick } from '../../core/checkin/flow';
import { DEFAULT_SCHEDULE, DEFAULT_SETTINGS } from '../../core/schema';
import { firstScreenWord } from '../../platform/first-words';
import { fakeActions } from './render-checkin';

const WIDE = { canStepAway: true, alone: true, minutes: 15 as const };
const at = Date.UTC(2026, 5, 3, 9);

/** Draws the walk for whatever feeling, as the head script does with a stored copy at hand. */
const drawWalk: DrawOutlet = (feeling, clickedAt) => ({
  step: buildFirstOutlet(firstScreenWord, feeling, 'walk-street'),
  shown: { outletId: 'walk-street', checkInId: 'from-the-head', at: clickedAt },
});

function firstScreen(): HTMLElement {
  const app = document.createElement('div');
  app.id = 'app';
  app.append(buildFirstScreen(firstScreenWord));
  document.body.replaceChildren(app);
  return app;
}
const click = (selector: string) => document.querySelector<HTMLElement>(selector)?.click();
const title = () => document.getElementById('outlet-title')?.textContent;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
  vi.setSystemTime(at);
});
afterEach(() => {
  takeEarlyInput();
  cleanup();
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('a feeling clicked before the app ran', () => {
  it('is answered at once with its outlet step, the heading then focused', () => {
    firstScreen();
    captureEarlyInput(drawWalk);
    click('[data-feeling="stressed"]');
    expect(title()).toBe('Walk to the end of the street and back');
    expect(document.querySelector('[data-feeling]')).toBeNull();
    vi.runAllTimers();
    expect(document.activeElement?.id).toBe('outlet-title');
    expect(takeEarlyInput()).toMatchObject({
      shown: { feeling: 'stressed', shown: { outletId: 'walk-street', checkInId: 'from-the-head', at } },
      clicks: [],
      focused: '#outlet-title',
    });
  });

  it('notes a strength chosen on the drawn step, for the app to replay', () => {
    firstScreen();
    captureEarlyInput(drawWalk);
    click('[data-feeling="stressed"]');
    click('input[name="intensity"][value="4"]');
    expect(takeEarlyInput().clicks).toEqual(['input[name="intensity"][value="4"]']);
  });

  it('is drawn once the storage read answers, when there is no stored copy', async () => {
    firstScreen();
    let answer: (drawn: ReturnType<typeof drawWalk>) => void = () => undefined;
    captureEarlyInput(() => new Promise((resolve) => (answer = resolve)));
    click('[data-feeling="calm"]');
    expect(document.querySelector('[data-feeling="calm"]')?.classList.contains('chosen')).toBe(true);
    answer(drawWalk('calm', at));
    await vi.waitFor(() => expect(title()).toBe('Walk to the end of the street and back'));
  });

  it('is left to the app when the app took over first', async () => {
    firstScreen();
    let answer: (drawn: ReturnType<typeof drawWalk>) => void = () => undefined;
    captureEarlyInput(() => new Promise((resolve) => (answer = resolve)));
    click('[data-feeling="calm"]');
    const taken = takeEarlyInput();
    answer(drawWalk('calm', at));
    await Promise.resolve();
    await Promise.resolve();
    expect(title()).toBeUndefined();
    expect(taken).toMatchObject({ shown: null, clicks: ['[data-feeling="calm"]'] });
  });

  it('is left to the app when nothing can be drawn, or the drawing fails', () => {
    firstScreen();
    captureEarlyInput(() => null);
    click('[data-feeling="calm"]');
    expect(takeEarlyInput()).toMatchObject({ shown: null, clicks: ['[data-feeling="calm"]'] });
    firstScreen();
    captureEarlyInput(() => {
      throw new Error('no words');
    });
    click('[data-feeling="sad"]');
    expect(document.querySelector('[data-feeling="sad"]')).toBeTruthy();
    expect(takeEarlyInput()).toMatchObject({ shown: null, clicks: ['[data-feeling="sad"]'] });
  });

  it('is left to the app when something else was clicked first (the clicks replay in order)', () => {
    firstScreen();
    captureEarlyInput(drawWalk);
    click('#context-summary');
    click('[data-feeling="calm"]');
    expect(document.querySelector('[data-feeling="calm"]')).toBeTruthy();
    expect(takeEarlyInput().clicks).toEqual(['#context-summary', '[data-feeling="calm"]']);
  });
});

describe('the app, taking over from the drawn outlet', () => {
  const actions = fakeActions({ random: () => 0.99, clock: () => at + 40, newId: () => 'made-by-the-app' });
  const mount = (app: HTMLElement) =>
    mountCheckIn(app, (firstPick: FirstPick | null) => (
      <CheckIn
        data={{
          settings: DEFAULT_SETTINGS,
          schedule: DEFAULT_SCHEDULE,
          timer: null,
          context: WIDE,
          history: [],
          support: { dismissedAt: null },
          now: at,
        }}
        actions={actions}
        firstPick={firstPick}
      />
    ));

  it('shows the same outlet, replays the strength chosen meanwhile, and keeps the focus there', () => {
    const app = firstScreen();
    captureEarlyInput(drawWalk);
    click('[data-feeling="stressed"]');
    vi.runAllTimers();
    click('input[name="intensity"][value="4"]');
    mount(app);
    expect(title()).toBe('Walk to the end of the street and back');
    expect(app.querySelector<HTMLInputElement>('input[name="intensity"][value="4"]')?.checked).toBe(true);
    expect(app.querySelector('.row.actions')).toBeTruthy();
    // The check-in under way, as kept (it is recorded when it ends).
    expect(vi.mocked(actions.saveFlow ?? vi.fn()).mock.lastCall?.[0]?.step).toMatchObject({
      entry: {
        id: 'from-the-head',
        at,
        outletId: 'walk-street',
        intensity: 4,
      },
    });
    expect(document.activeElement?.id).toBe('outlet-title');
  });
});
