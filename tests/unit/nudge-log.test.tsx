// What happened to each nudge (core/nudge-log.ts) and the history's "When nudges land" view.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NudgeTiming } from '../../components/history/NudgeTiming';
import {
  appendNudge,
  logEntry,
  NUDGE_LOG_MAX,
  type NudgeFate,
  type NudgeLogEntry,
  nudgeTiming,
  parseNudgeLog,
  TIMING_ENOUGH,
} from '../../core/nudge-log';
import { DAY, HOUR, MINUTE } from '../../core/time';

afterEach(cleanup);

// Monday 4 May 2026 local; each day of the week after it.
const day = (d: number, hour: number) => new Date(2026, 4, 4 + d, hour).getTime();
const NOW = day(14, 9);

/** A nudge at `at` that ended as `fate` a minute later. */
const nudge = (at: number, fate: NudgeFate): NudgeLogEntry[] =>
  fate === 'shown'
    ? [logEntry('shown', at, at)]
    : [logEntry('shown', at, at), logEntry(fate, at, at + MINUTE)];

describe('the log of nudges', () => {
  it('keeps 90 days and at most 3,000 entries, the newest', () => {
    const old = logEntry('shown', NOW - 91 * DAY, NOW - 91 * DAY);
    const recent = logEntry('shown', NOW - 89 * DAY, NOW - 89 * DAY);
    expect(appendNudge([old, recent], logEntry('taken', NOW, NOW), NOW)).toEqual([
      recent,
      logEntry('taken', NOW, NOW),
    ]);
    const full = Array.from({ length: NUDGE_LOG_MAX }, (_, i) =>
      logEntry('shown', NOW - i * MINUTE, NOW - i * MINUTE),
    );
    const next = appendNudge(full, logEntry('taken', NOW, NOW), NOW);
    expect(next).toHaveLength(NUDGE_LOG_MAX);
    expect(next.at(-1)?.fate).toBe('taken');
  });

  it('keeps its sound entries when one is broken', () => {
    const good = logEntry('put-off', NOW, NOW);
    expect(parseNudgeLog([good, { at: 'soon' }, null]).value).toEqual([good]);
    expect(parseNudgeLog('junk').value).toEqual([]);
  });

  it('notes the hour and weekday as the clock showed them', () => {
    const entry = logEntry('shown', day(1, 15) + 20 * MINUTE, NOW);
    expect([entry.hour, entry.weekday]).toEqual([15, 2]); // Tuesday, 15:20
  });
});

describe('nudgeTiming', () => {
  it('counts each nudge once, by its last answer, at its hour and weekday', () => {
    const at = day(0, 10);
    const log = [...nudge(at, 'put-off'), logEntry('taken', at, at + 20 * MINUTE)];
    const timing = nudgeTiming(log);
    expect(timing.cells[1]?.[10]).toEqual({ taken: 1, putOff: 0, dismissed: 0, ignored: 0 });
    expect(timing.answered).toBe(1);
  });

  it(`shows nothing until ${TIMING_ENOUGH} nudges were answered`, () => {
    const some = Array.from({ length: TIMING_ENOUGH - 1 }, (_, i) =>
      nudge(day(i % 5, 11) + i * 3 * HOUR, 'taken'),
    ).flat();
    expect(nudgeTiming(some).enough).toBe(false);
    expect(nudgeTiming([...some, ...nudge(day(6, 11), 'taken')]).enough).toBe(true);
  });

  it('names the hours where most nudges were put off or closed', () => {
    const log = [
      ...[0, 1, 2, 3].flatMap((d) => nudge(day(d, 15), d === 3 ? 'dismissed' : 'put-off')),
      ...[0, 1, 2, 3].flatMap((d) => nudge(day(d, 10), 'taken')),
    ];
    expect(nudgeTiming(log).hardHours).toEqual([15]);
  });
});

describe('When nudges land, in the history', () => {
  const enough = [
    ...[0, 1, 2, 3, 4, 7, 8, 9].flatMap((d) => nudge(day(d, 15), d === 4 ? 'dismissed' : 'put-off')),
    ...[0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15].flatMap((d) => nudge(day(d, 10), 'taken')),
  ];

  it('asks for patience while there is too little to show', () => {
    render(<NudgeTiming timing={nudgeTiming(nudge(day(0, 10), 'taken'))} openSettings={vi.fn()} />);
    expect(screen.getByText(/Once a few more nudges/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows a table screen readers can read, cell by cell', () => {
    render(<NudgeTiming timing={nudgeTiming(enough)} openSettings={vi.fn()} />);
    const table = screen.getByRole('table', { name: /Nudges by hour and weekday/ });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3); // the header, 10:00 and 15:00
    expect(within(table).getAllByRole('columnheader')).toHaveLength(8);
    // Monday at 15:00: two Mondays, both put off.
    expect(within(rows[2] as HTMLElement).getAllByRole('cell')[0]?.textContent).toBe(
      '0 taken, 2 put off, 0 closed',
    );
  });

  it('offers, kindly, to move the hours or let nudges wait for a pause', () => {
    const openSettings = vi.fn();
    render(<NudgeTiming timing={nudgeTiming(enough)} openSettings={openSettings} />);
    expect(screen.getByText(/Many nudges around .* were put off or closed\. That's fine/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Change my hours' }));
    fireEvent.click(screen.getByRole('button', { name: 'Let nudges wait for a pause' }));
    expect(openSettings.mock.calls).toEqual([['hours'], ['nudges']]);
  });
});
