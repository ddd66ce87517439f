// Renders the whole check-in with fake actions, for tests that follow a person through it.
import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import { CheckIn, type CheckInActions, type CheckInData } from '../../components/checkin/CheckIn';
import type { FirstPick, FlowResult } from '../../core/checkin/flow';
import {
  type CheckIn as CheckInEntry,
  type Context,
  DEFAULT_CONTEXT_STATE,
  DEFAULT_SCHEDULE,
  DEFAULT_SETTINGS,
  type Settings,
} from '../../core/schema';

export interface RenderCheckIn {
  now: number;
  settings?: Partial<Settings>;
  context?: Partial<Context>;
  history?: CheckInEntry[];
  random?: () => number;
  /** Any other part of the data, taken as it is. */
  data?: Partial<CheckInData>;
  /** A feeling clicked on the first screen before the app ran (and the outlet shown for it). */
  firstPick?: FirstPick | null;
  /** The check-in under way when the page opened (core/checkin/resume.ts). */
  resumed?: FlowResult | null;
}

/** `check-in-1`, `check-in-2`…: each new check-in its own id, as crypto.randomUUID gives. */
function counter(prefix: string) {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** Every action the check-in takes, as mocks; `random`, `clock` and `newId` as given. */
export function fakeActions({
  random = () => 0,
  clock = () => 0,
  newId = counter('check-in-'),
}: {
  random?: () => number;
  clock?: () => number;
  newId?: () => string;
}): CheckInActions {
  return {
    saveCheckIn: vi.fn(async () => undefined),
    saveDraft: vi.fn(),
    saveFlow: vi.fn(),
    saveContext: vi.fn(),
    pause: vi.fn(),
    resume: vi.fn(),
    startTimer: vi.fn(),
    stopTimer: vi.fn(),
    openSettings: vi.fn(),
    openSupport: vi.fn(),
    openHistory: vi.fn(),
    dismissSupport: vi.fn(),
    acceptCalmerPace: vi.fn(),
    dismissCalmerPace: vi.fn(),
    random,
    newId,
    clock,
  };
}

export function renderCheckIn({
  now,
  settings = {},
  context = {},
  history = [],
  random = () => 0,
  data: more = {},
  firstPick = null,
  resumed,
}: RenderCheckIn) {
  let clock = now;
  const actions = fakeActions({ random, clock: () => clock });
  const data: CheckInData = {
    settings: { ...DEFAULT_SETTINGS, ...settings },
    schedule: DEFAULT_SCHEDULE,
    timer: null,
    context: { ...DEFAULT_CONTEXT_STATE, ...context },
    history,
    support: { dismissedAt: null },
    now,
    ...more,
  };
  const view = render(<CheckIn data={data} actions={actions} firstPick={firstPick} resumed={resumed} />);
  return {
    actions,
    view,
    setClock: (t: number) => {
      clock = t;
    },
    /** Renders again with other data, as a page does when storage answers. */
    rerender: (next: Partial<CheckInData>) =>
      view.rerender(
        <CheckIn data={{ ...data, ...next }} actions={actions} firstPick={firstPick} resumed={resumed} />,
      ),
    /** The last check-in the page asked to store. */
    lastSaved: () => vi.mocked(actions.saveCheckIn).mock.lastCall?.[0],
    /** The check-in under way as last kept (a popup opened again comes back to it), not recorded. */
    underWay: () => {
      const flow = vi.mocked(actions.saveFlow ?? vi.fn()).mock.lastCall?.[0];
      return flow && 'entry' in flow.step ? flow.step.entry : undefined;
    },
  };
}
