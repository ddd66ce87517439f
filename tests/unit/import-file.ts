// A sound export file of `n` check-ins an hour apart, read back as an import would read it, and a page
// of this context listening for "the history changed": for the tests of how a big import is written
// and announced (import-announce.test.ts, import-worker.test.ts).
import { onTestFinished } from 'vitest';
import { buildExportJson } from '../../core/data/export';
import type { Snapshot } from '../../core/data/export-format';
import { parseImportFile } from '../../core/data/import';
import { type CheckIn, DEFAULT_SETTINGS } from '../../core/schema';
import * as history from '../../platform/history/store';

const HOUR = 3_600_000;
const base = new Date(2026, 0, 5, 8).getTime();

/** With `journals`, every fourth check-in carries a journal line. */
export function importFile(n: number, { journals = false } = {}) {
  const { trustedPeople: _, ...preferences } = DEFAULT_SETTINGS;
  const checkIns: CheckIn[] = Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    at: base + i * HOUR,
    feeling: 'calm',
    outletId: 'walk-street',
    outcome: 'done',
    ...(journals && i % 4 === 0 ? { journal: `Line ${i}` } : {}),
  }));
  const snapshot: Snapshot = { preferences, trustedPeople: [], checkIns, setAside: [], unreadable: [] };
  const parsed = parseImportFile(buildExportJson(snapshot, base));
  if (!parsed.ok) throw new Error('the file should be sound');
  return parsed.data;
}

/** How many times a page of this context hears that the history changed, until the test ends. */
export function listen(): { heard: () => number } {
  let heard = 0;
  onTestFinished(history.watchHistoryHere(() => heard++));
  return { heard: () => heard };
}
