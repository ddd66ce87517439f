// Whatever a traveller does (check in, answer, add a line, delete, import, in any order, across zones
// 25 hours apart and across daylight saving changes), every day's summary is the summary of that
// day's entries, and no day without entries keeps one. In both places the history can live.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summarizeDay } from '../../core/data/days';
import type { CheckIn } from '../../core/schema';
import {
  allCheckIns,
  countCheckIns,
  daySummaries,
  deleteAllHistory,
  deleteCheckIn,
  getCheckIn,
  mergeCheckIns,
  putCheckIns,
  saveCheckIn,
} from '../../platform/history/store';
import { BACKENDS, canonical, useBackend } from './history-backends';

// Around 1 November 2026: New York falls back that morning; Lord Howe moved half an hour a month
// before; Pago Pago and Kiritimati are always a local day apart.
const ZONES = [
  'Pacific/Pago_Pago',
  'Pacific/Kiritimati',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'UTC',
];
const BASE = Date.UTC(2026, 10, 1, 6);
const HALF_HOUR = 30 * 60_000;
const FEELINGS = ['calm', 'numb', 'cant-tell', 'sad', '__proto__'];

const startZone = process.env.TZ;
const restoreZone = () => {
  if (startZone === undefined) delete process.env.TZ;
  else process.env.TZ = startZone;
};
afterEach(restoreZone);

const content = fc.record({
  feeling: fc.constantFrom(...FEELINGS),
  outcome: fc.constantFrom('done' as const, 'skipped' as const),
  helped: fc.constantFrom(undefined, 'yes' as const, 'a-bit' as const, 'no' as const),
  journal: fc.option(fc.constantFrom('a line', 'another'), { nil: undefined }),
});
const id = fc.constantFrom('a', 'b', 'c', 'd', 'e');
const at = fc.integer({ min: -100, max: 100 }).map((n) => BASE + n * HALF_HOUR);
const step = fc.oneof(
  fc.record({ kind: fc.constant('zone' as const), zone: fc.constantFrom(...ZONES) }),
  fc.record({ kind: fc.constant('save' as const), id, at, content }),
  // The popup's answer, on the entry it read back; or a page that kept an entry without its day.
  fc.record({ kind: fc.constant('update' as const), id, content, readBack: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), id }),
  fc.record({
    kind: fc.constant('import' as const),
    entries: fc.array(fc.record({ id, at, content, day: fc.boolean() }), { maxLength: 3 }),
    overwrite: fc.boolean(),
  }),
);

const made = (entryId: string, time: number, extra: Partial<CheckIn>): CheckIn => ({
  id: entryId,
  at: time,
  outletId: 'walk-street',
  feeling: 'calm',
  outcome: 'done',
  ...Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined)),
});

describe.each(BACKENDS)('day summaries under travel (%s)', (backend) => {
  beforeEach(() => useBackend(backend));

  it('always equal the summaries of each day’s entries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        restoreZone();
        await deleteAllHistory();
        for (const s of steps) {
          if (s.kind === 'zone') process.env.TZ = s.zone;
          else if (s.kind === 'save') await saveCheckIn(made(s.id, s.at, s.content));
          else if (s.kind === 'update') {
            const stored = await getCheckIn(s.id);
            if (!stored) continue;
            const { day: _day, ...withoutDay } = stored;
            await saveCheckIn({ ...(s.readBack ? stored : withoutDay), ...made(s.id, stored.at, s.content) });
          } else if (s.kind === 'delete') await deleteCheckIn(s.id);
          else {
            const byId = new Map(
              s.entries.map((e) => [
                e.id,
                made(e.id, e.at, { ...e.content, ...(e.day ? { day: '2026-10-31' } : {}) }),
              ]),
            );
            if (s.overwrite) await putCheckIns([...byId.values()]);
            else await mergeCheckIns([...byId.values()]);
          }
        }
        const { entries } = await allCheckIns();
        const summaries = await daySummaries('2026-10-01', '2026-12-01');
        const days = [...new Set(entries.map((entry) => entry.day as string))].sort();
        expect(entries.every((entry) => typeof entry.day === 'string')).toBe(true);
        expect(summaries.map((summary) => summary.day)).toEqual(days);
        for (const summary of summaries)
          expect(canonical(summary)).toBe(
            canonical(
              summarizeDay(
                summary.day,
                entries.filter((entry) => entry.day === summary.day),
              ),
            ),
          );
        expect(await countCheckIns()).toBe(entries.length);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
