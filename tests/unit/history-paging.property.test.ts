// Paging the history must show every stored entry exactly once, newest first, whatever the page size,
// the filter, and however many entries share one time (imports can hold such groups).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckIn } from '../../core/schema';
import { checkInsPage, deleteAllHistory, mergeCheckIns } from '../../platform/history/store';
import { PROPERTY_BUDGET_MS } from './budgets';

const BASE = new Date(2026, 10, 2, 9).getTime();

describe('checkInsPage', () => {
  it(
    'pages through every entry exactly once, newest first',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ offset: fc.integer({ min: 0, max: 40 }), journal: fc.boolean() }), {
            maxLength: 60,
          }),
          fc.integer({ min: 1, max: 9 }),
          fc.boolean(),
          async (rows, limit, journalOnly) => {
            await deleteAllHistory();
            const entries: CheckIn[] = rows.map((row, i) => ({
              id: `e${String(i).padStart(3, '0')}`,
              at: BASE + row.offset * 1000,
              feeling: 'calm',
              outletId: null,
              outcome: 'skipped',
              ...(row.journal ? { journal: `line ${i}` } : {}),
            }));
            await mergeCheckIns(entries);
            const seen: CheckIn[] = [];
            let before: number | undefined;
            for (let pages = 0; pages < 100; pages++) {
              const page = await checkInsPage({
                limit,
                journalOnly,
                ...(before === undefined ? {} : { before }),
              });
              seen.push(...page.entries);
              if (page.next === null) break;
              before = page.next;
            }
            const expected = entries.filter((e) => !journalOnly || e.journal);
            expect(seen.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
            const times = seen.map((e) => e.at);
            expect(times).toEqual([...times].sort((a, b) => b - a));
          },
        ),
        { numRuns: 150 },
      );
    },
    PROPERTY_BUDGET_MS,
  );
});
