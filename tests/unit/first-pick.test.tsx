// A feeling clicked on the first screen the head script drew, before the app ran, reaches the app as
// its `firstPick` (components/checkin/mountCheckIn.tsx): the check-in must start at that feeling's
// outlet, keep it as under way (recorded only when it ends), and never show the feelings a second time on the way.
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { feelingOfKey } from '../../components/checkin/early-input';
import { type FlowResult, INITIAL_FLOW } from '../../core/checkin/flow';
import { outletFamilyOf, outletPool } from '../../core/outlets';
import { DEFAULT_SCHEDULE, DEFAULT_SETTINGS } from '../../core/schema';
import { MINUTE } from '../../core/time';
import { renderCheckIn } from './render-checkin';

afterEach(cleanup);
const now = new Date(2026, 5, 3, 10, 0).getTime();

describe('a feeling picked before the app ran', () => {
  it('starts the check-in at its outlet, heading focused, and keeps it as under way', async () => {
    const { actions, underWay } = renderCheckIn({ now, firstPick: { feeling: 'stressed' } });
    expect(screen.queryByText('How are you right now?')).toBeNull();
    const heading = document.getElementById('outlet-title');
    expect(heading).toBeTruthy();
    expect(document.activeElement).toBe(heading);
    await vi.waitFor(() => expect(actions.saveFlow).toHaveBeenCalled());
    expect(actions.saveCheckIn).not.toHaveBeenCalled();
    expect(underWay()).toMatchObject({ feeling: 'stressed', outcome: 'skipped' });
  });

  it('counts even when a walk turns out to be under way: a new check-in, and the walk recorded', async () => {
    // The head script draws the feelings only when it knows of no check-in under way
    // (platform/checkin-handover.ts); if it was wrong, the click a person made is still not dropped.
    const walk = {
      id: 'walk-1',
      at: now - 5 * MINUTE,
      feeling: 'stressed',
      outletId: 'walk-street',
      outcome: 'done' as const,
      shown: ['walk-street'],
    };
    const resumed: FlowResult = [
      {
        ...INITIAL_FLOW,
        focusTurn: 1,
        step: {
          name: 'timer',
          entry: walk,
          startedAt: now - 4 * MINUTE,
          endsAt: now + 6 * MINUTE,
          started: false,
        },
      },
      [],
    ];
    const { actions, underWay } = renderCheckIn({ now, firstPick: { feeling: 'calm' }, resumed });
    expect(document.getElementById('outlet-title')).toBeTruthy();
    expect(screen.getByText('Your answer: Calm')).toBeTruthy();
    await vi.waitFor(() => expect(actions.saveCheckIn).toHaveBeenCalledWith(walk));
    expect(underWay()).toMatchObject({ feeling: 'calm' });
  });

  it('waits on the feelings, shown as chosen, while the settings are still on their way', async () => {
    const { actions, rerender, underWay } = renderCheckIn({
      now,
      firstPick: { feeling: 'calm' },
      data: { settings: null },
    });
    expect(screen.getByText('How are you right now?')).toBeTruthy();
    expect(actions.saveCheckIn).not.toHaveBeenCalled();
    rerender({ settings: DEFAULT_SETTINGS });
    await vi.waitFor(() => expect(document.getElementById('outlet-title')).toBeTruthy());
    expect(actions.saveCheckIn).not.toHaveBeenCalled();
    expect(underWay()).toMatchObject({ feeling: 'calm' });
  });

  it('is read only from a feeling button, never from another control', () => {
    expect(feelingOfKey('[data-feeling="cant-tell"]')).toBe('cant-tell');
    expect(feelingOfKey('#context-summary')).toBeNull();
    expect(feelingOfKey('[data-feeling="calm"] button')).toBeNull();
  });
});

describe('the outlet the head script already showed for a feeling clicked at first paint', () => {
  const clickedAt = now - 900;
  const shown = { outletId: 'walk-street', checkInId: 'drawn-before-the-app', at: clickedAt };
  const wide = { canStepAway: true, alone: true, minutes: 15 as const };

  it('stays on screen: the same outlet, in the check-in begun at the click, kept as under way', async () => {
    const { actions, underWay } = renderCheckIn({
      now,
      context: wide,
      random: () => 0.99,
      firstPick: { feeling: 'stressed', shown },
    });
    expect(document.getElementById('outlet-title')?.textContent).toBe(
      'Walk to the end of the street and back',
    );
    expect(document.activeElement).toBe(document.getElementById('outlet-title'));
    await vi.waitFor(() => expect(actions.saveFlow).toHaveBeenCalled());
    expect(actions.saveCheckIn).not.toHaveBeenCalled();
    expect(underWay()).toMatchObject({
      id: 'drawn-before-the-app',
      at: clickedAt,
      feeling: 'stressed',
      outletId: 'walk-street',
      shown: ['walk-street'],
      outcome: 'skipped',
    });
  });

  it("gives way to one that fits when the person's stored settings no longer allow it", () => {
    // The copy the head script picked from said "can step away"; storage says otherwise.
    const { underWay } = renderCheckIn({
      now,
      context: { canStepAway: false, alone: false, minutes: 5 },
      firstPick: { feeling: 'stressed', shown },
    });
    const picked = underWay()?.outletId;
    expect(picked).not.toBe('walk-street');
    const fits = outletPool('stressed', DEFAULT_SETTINGS.families, {
      canStepAway: false,
      alone: false,
      minutes: 5,
    });
    expect(fits.map((o) => o.id)).toContain(picked);
    // Still the check-in begun at the click.
    expect(underWay()).toMatchObject({ id: 'drawn-before-the-app', at: clickedAt });
  });

  it('gives way too when the families it came from are no longer offered', () => {
    const { underWay } = renderCheckIn({
      now,
      context: wide,
      settings: { families: ['journaling'] },
      firstPick: { feeling: 'stressed', shown },
    });
    expect(underWay()?.outletId).not.toBe('walk-street');
  });

  it('is kept while the settings are still on their way, and shown once they arrive', async () => {
    const { rerender, underWay } = renderCheckIn({
      now,
      context: wide,
      random: () => 0.99,
      firstPick: { feeling: 'stressed', shown },
      data: { settings: null },
    });
    rerender({ settings: DEFAULT_SETTINGS });
    await vi.waitFor(() => expect(document.getElementById('outlet-title')).toBeTruthy());
    expect(underWay()).toMatchObject({ id: 'drawn-before-the-app', outletId: 'walk-street' });
  });

  it('is used once: "Another idea" and the next check-in pick afresh', async () => {
    const { actions } = renderCheckIn({
      now,
      context: wide,
      random: () => 0.99,
      firstPick: { feeling: 'stressed', shown },
    });
    screen.getByRole('button', { name: 'Another idea' }).click();
    await vi.waitFor(() =>
      expect(document.getElementById('outlet-title')?.textContent).not.toBe(
        'Walk to the end of the street and back',
      ),
    );
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Done' })).toBeTruthy());
    screen.getByRole('button', { name: 'Done' }).click();
    await vi.waitFor(() => expect(actions.saveCheckIn).toHaveBeenCalledTimes(1));
    const saved = vi.mocked(actions.saveCheckIn).mock.calls.map(([entry]) => entry);
    expect(saved.at(-1)).toMatchObject({
      id: 'drawn-before-the-app',
      shown: ['walk-street', expect.any(String)],
    });
  });
});

// A fixed time can offer a family ("11:00: a walk"): the check-in opened from its nudge suggests that
// family first (core/schedule.ts fixedOfferFamily). The schedule that says so is read with the rest;
// a feeling clicked before it is known must not be offered something else.
describe('a feeling clicked before the schedule is read', () => {
  const fixedJournal = {
    ...DEFAULT_SCHEDULE,
    fixedOffer: { family: 'journaling' as const, at: now - MINUTE },
  };

  it("waits for it, and offers the fixed time's family", async () => {
    const { rerender, underWay } = renderCheckIn({ now, data: { schedule: null } });
    fireEvent.click(screen.getByRole('button', { name: 'Stressed' }));
    expect(document.getElementById('outlet-title')).toBeNull();
    rerender({ schedule: fixedJournal });
    await vi.waitFor(() => expect(document.getElementById('outlet-title')).toBeTruthy());
    expect(outletFamilyOf(underWay()?.outletId ?? '')).toBe('journaling');
  });

  it('waits for it after a click on the first screen too', async () => {
    const { rerender, underWay } = renderCheckIn({
      now,
      firstPick: { feeling: 'stressed' },
      data: { schedule: null },
    });
    rerender({ schedule: fixedJournal });
    await vi.waitFor(() => expect(document.getElementById('outlet-title')).toBeTruthy());
    expect(outletFamilyOf(underWay()?.outletId ?? '')).toBe('journaling');
  });

  it('offers at once when the schedule is there', () => {
    const { underWay } = renderCheckIn({
      now,
      firstPick: { feeling: 'stressed' },
      data: { schedule: fixedJournal },
    });
    expect(document.getElementById('outlet-title')).toBeTruthy();
    expect(outletFamilyOf(underWay()?.outletId ?? '')).toBe('journaling');
  });
});
