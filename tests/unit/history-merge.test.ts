// An import's merge: one call (one transaction) per chunk of the file, thousands of entries at once.
// Whatever the way the store finds the ids already there, the counts, the differing entries and the
// day summaries must be exactly what one entry at a time would give, and a call stores all or nothing.
import { describe, expect, it } from 'vitest';
import { summarizeDay } from '../../core/data/days';
import type { CheckIn } from '../../core/schema';
import { localDayKey } from '../../core/time';
import { db } from '../../platform/history/db';
import {
  allCheckIns,
  countCheckIns,
  daySummaries,
  getCheckIn,
  mergeCheckIns,
  putCheckIns,
  saveCheckIn,
} from '../../platform/history/store';
import { BASE as base, canonical, describeEachBackend, entry, HOUR } from './history-backends';

/** Every day's stored summary next to one made afresh from the stored entries of that day. */
async function summariesAndRebuild(fromDay: string, toDay: string) {
  const { entries } = await allCheckIns();
  const byDay = new Map<string, CheckIn[]>();
  for (const stored of entries)
    byDay.set(stored.day as string, [...(byDay.get(stored.day as string) ?? []), stored]);
  const rebuilt = [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, list]) => summarizeDay(day, list));
  return { stored: canonical(await daySummaries(fromDay, toDay)), rebuilt: canonical(rebuilt) };
}

describeEachBackend('merging an import', (_backend) => {
  it('counts each entry once: new, repeated within the file, stored alike, stored with other content', async () => {
    await saveCheckIn(entry('a', base, { helped: 'yes' }));
    await saveCheckIn(entry('b', base + 1));
    const result = await mergeCheckIns([
      entry('c', base + 2),
      entry('a', base, { journal: 'other' }),
      entry('b', base + 1),
      entry('c', base + 2),
      entry('c', base + 2, { feeling: 'sad' }),
      entry('d', base + 3),
      entry('d', base + 3),
    ]);
    expect(result.added).toBe(2);
    expect(result.same).toBe(3);
    expect(
      result.differing.map(({ stored, incoming }) => [stored.id, stored.feeling, incoming.feeling]),
    ).toEqual([
      ['a', 'calm', 'calm'],
      ['c', 'calm', 'sad'],
    ]);
    expect(result.differing[0]?.stored.helped).toBe('yes');
    expect(result.differing[0]?.incoming.journal).toBe('other');
    // Stored ones are left as they were; the first of a new id is the one kept.
    const stored = (await allCheckIns()).entries;
    expect(stored.map((e) => [e.id, e.feeling, e.helped ?? null, e.journal ?? null])).toEqual([
      ['a', 'calm', 'yes', null],
      ['b', 'calm', null, null],
      ['c', 'calm', null, null],
      ['d', 'calm', null, null],
    ]);
  });

  it('leaves day summaries equal to a rebuild from the entries, after a big merge over stored days', async () => {
    const feelings = ['calm', 'sad', 'numb', 'cant-tell', 'angry'];
    const many = Array.from({ length: 2_500 }, (_, i) =>
      entry(`m${i}`, base - i * 3 * HOUR, {
        feeling: feelings[i % feelings.length] as string,
        outcome: i % 3 ? 'done' : 'skipped',
        ...(i % 4 === 0 ? { journal: `line ${i}` } : {}),
        ...(i % 5 === 0 ? { helped: 'a-bit' as const } : {}),
      }),
    );
    // Some are stored already (one of them differently), some days have entries of their own.
    for (const stored of many.slice(0, 30)) await saveCheckIn(stored);
    await saveCheckIn({ ...(many[40] as CheckIn), feeling: 'sad' });
    await saveCheckIn(entry('own', base - 2 * HOUR));
    const result = await mergeCheckIns(many);
    expect(result).toMatchObject({ added: 2_500 - 31, same: 30 });
    expect(result.differing.map((d) => d.stored.id)).toEqual(['m40']);
    expect(await countCheckIns()).toBe(2_501);
    const { stored, rebuilt } = await summariesAndRebuild(
      localDayKey(base - 2_500 * 3 * HOUR),
      localDayKey(base),
    );
    expect(stored).toEqual(rebuilt);
  });
});

describe('merging an import into IndexedDB', () => {
  it('puts the file’s entry in place of a stored one that can’t be read, and counts it on its day', async () => {
    const database = await db();
    await database.put('checkins', { id: 'broken', at: 'not a time' } as unknown as CheckIn);
    const result = await mergeCheckIns([entry('broken', base), entry('fine', base + 1)]);
    expect(result).toEqual({ added: 2, same: 0, differing: [] });
    expect((await allCheckIns()).entries.map((e) => e.id)).toEqual(['broken', 'fine']);
    const day = localDayKey(base);
    expect((await daySummaries(day, day))[0]?.count).toBe(2);
  });

  it('stores nothing of a call that fails part-way: no entry is ever left without its day', async () => {
    await saveCheckIn(entry('kept', base));
    const day = localDayKey(base);
    const before = canonical(await daySummaries(day, day));
    // A value the database can't store (refused as the request is made, not later).
    const unstorable = { ...entry('bad', base + 2), journal: (() => 'x') as unknown as string };
    const call = [
      ...Array.from({ length: 300 }, (_, i) => entry(`n${i}`, base + 10 + i)),
      unstorable,
      entry('after', base + 5),
    ];
    await expect(mergeCheckIns(call)).rejects.toThrow();
    expect(await countCheckIns()).toBe(1);
    expect(canonical(await daySummaries(day, day))).toEqual(before);
  });

  it('stores nothing of a chosen list that fails part-way: what was stored stays as it was', async () => {
    // The person's choice after an import ("keep the file's") writes one list: all of it or none.
    await saveCheckIn(entry('kept', base, { helped: 'yes' }));
    const day = localDayKey(base);
    const before = canonical(await daySummaries(day, day));
    const unstorable = { ...entry('bad', base + 2), journal: (() => 'x') as unknown as string };
    const call = [
      entry('kept', base, { journal: 'from the file' }),
      ...Array.from({ length: 300 }, (_, i) => entry(`n${i}`, base + 10 + i)),
      unstorable,
    ];
    await expect(putCheckIns(call)).rejects.toThrow();
    expect(await countCheckIns()).toBe(1);
    expect((await getCheckIn('kept'))?.journal).toBeUndefined();
    expect(canonical(await daySummaries(day, day))).toEqual(before);
  });
});

describeEachBackend('writing a chosen list', () => {
  it('leaves day summaries equal to a rebuild, over stored entries, new ones and repeats of one id', async () => {
    for (let i = 0; i < 40; i++)
      await saveCheckIn(entry(`s${i}`, base + i * 5 * HOUR, { helped: i % 2 ? 'yes' : 'no' }));
    await putCheckIns([
      ...Array.from({ length: 40 }, (_, i) =>
        entry(`s${i}`, base + i * 5 * HOUR, { feeling: 'sad', journal: `line ${i}` }),
      ),
      ...Array.from({ length: 30 }, (_, i) => entry(`n${i}`, base + i * 3 * HOUR)),
      entry('n1', base + 3 * HOUR, { feeling: 'tired' }),
    ]);
    expect(await countCheckIns()).toBe(70);
    expect((await getCheckIn('n1'))?.feeling).toBe('tired');
    expect((await getCheckIn('s3'))?.journal).toBe('line 3');
    const { stored, rebuilt } = await summariesAndRebuild('2026-10-01', '2026-12-31');
    expect(stored).toEqual(rebuilt);
  });
});
