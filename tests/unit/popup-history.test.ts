// The popup's recent history: read once, its own saves applied in memory (no re-read between "Done"
// and the next step, issue 15), and read again only when the history changed elsewhere.
import { describe, expect, it, vi } from 'vitest';
import { DAY, RECENT_HISTORY_DAYS, RECENT_HISTORY_LIMIT } from '../../core/history';
import type { CheckIn } from '../../core/schema';
import { localDayKey } from '../../core/time';
import { recentHistory } from '../../platform/history/popup';
import { recentCheckIns, saveCheckIn, watchHistory, watchHistoryHere } from '../../platform/history/store';

const NOW = 1_780_000_000_000;
const entry = (id: string, at: number, patch: Partial<CheckIn> = {}): CheckIn => ({
  id,
  at,
  // As the check-in makes it: with the local day it is written on (the store keeps that day).
  day: localDayKey(at),
  feeling: 'calm',
  outletId: 'walk-street',
  outcome: 'skipped',
  ...patch,
});

function setup(stored: CheckIn[]) {
  let elsewhere: (() => void) | null = null;
  const read = vi.fn(async () => structuredClone(stored));
  const source = recentHistory({
    read,
    watchOthers: (onChange) => {
      elsewhere = onChange;
    },
    now: () => NOW,
    later: (run) => run(),
  });
  const changed = vi.fn();
  source.watch(changed);
  return { source, read, changed, changeElsewhere: () => elsewhere?.() };
}

describe("the popup's recent history", () => {
  it('takes its own save in memory: no second read, and the entry is there', async () => {
    const { source, read, changed } = setup([entry('a', NOW - 2 * DAY), entry('b', NOW - DAY)]);
    expect((await source.load()).map((c) => c.id)).toEqual(['a', 'b']);

    source.apply([entry('c', NOW - 1000, { outcome: 'done', journal: 'A line' })]);
    source.apply([entry('b', NOW - DAY, { helped: 'yes', helpAsked: true })]);
    expect(changed).toHaveBeenCalledTimes(2);
    const now = await source.load();
    expect(read).toHaveBeenCalledTimes(1);
    expect(now.map((c) => [c.id, c.helped ?? null, c.journal ?? null])).toEqual([
      ['a', null, null],
      ['b', 'yes', null],
      ['c', null, 'A line'],
    ]);
  });

  it('reads again when another page changed the history', async () => {
    const { source, read, changed, changeElsewhere } = setup([entry('a', NOW - DAY)]);
    await source.load();
    changeElsewhere();
    expect(changed).toHaveBeenCalledTimes(1);
    await source.load();
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('a save made while the first read is in flight is not lost when that read lands', async () => {
    const { source } = setup([entry('a', NOW - DAY)]);
    const first = source.load();
    source.apply([entry('new', NOW)]);
    expect((await first).map((c) => c.id)).toEqual(['a', 'new']);
    expect((await source.load()).map((c) => c.id)).toEqual(['a', 'new']);
  });

  it('stays what a read would give: the window and the limit', async () => {
    const many = Array.from({ length: RECENT_HISTORY_LIMIT }, (_, i) => entry(`e${i}`, NOW - DAY + i));
    const { source } = setup(many);
    await source.load();
    source.apply([entry('new', NOW), entry('too-old', NOW - (RECENT_HISTORY_DAYS + 1) * DAY)]);
    const now = await source.load();
    expect(now).toHaveLength(RECENT_HISTORY_LIMIT);
    expect(now.at(-1)?.id).toBe('new');
    expect(now[0]?.id).toBe('e1');
    expect(now.some((c) => c.id === 'too-old')).toBe(false);
  });

  it('in memory equals a fresh read after the same saves, in the same order', async () => {
    const saved = [entry('b', NOW - 5000), entry('a', NOW - 5000), entry('c', NOW - 9000)];
    for (const c of saved) await saveCheckIn(c);
    const read = (since: number) => recentCheckIns({ since, limit: RECENT_HISTORY_LIMIT });
    const source = recentHistory({
      read,
      watchOthers: () => undefined,
      now: () => NOW,
      later: (run) => run(),
    });
    await source.load();
    const more = [entry('d', NOW - 5000), entry('a', NOW - 5000, { outcome: 'done' })];
    for (const c of more) await saveCheckIn(c);
    source.apply(more);
    expect(await source.load()).toEqual(await read(NOW - RECENT_HISTORY_DAYS * DAY));
  });
});

describe('history change notices', () => {
  it("a page doesn't hear its own writes as another page's, and hears them once locally", async () => {
    const others = vi.fn();
    const here = vi.fn();
    const stopOthers = watchHistory(others);
    const stopHere = watchHistoryHere(here);
    await saveCheckIn(entry('a', NOW));
    await new Promise((resolve) => setTimeout(resolve, 50));
    stopOthers();
    stopHere();
    expect(others).not.toHaveBeenCalled();
    expect(here).toHaveBeenCalledTimes(1);
  });
});
