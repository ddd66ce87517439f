// Big export files for the e2e test and the bench (tests/e2e/big-import.test.mjs,
// tests/bench/data.bench.mjs): many check-ins that read like real ones, the same every run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rootDir } from './harness.mjs';
import { feelingIds } from './outlet.mjs';

// The catalogue's outlet ids, so the generated check-ins name real outlets.
const OUTLET_IDS = [
  ...readFileSync(path.join(rootDir, 'core', 'outlets', 'catalogue.ts'), 'utf8').matchAll(
    /\bid: '([a-z0-9-]+)'/g,
  ),
].map(([, id]) => id);
const FEELINGS = feelingIds();
const WORDS = (
  'today work meeting tired slept walk coffee friend call mum rain sun deadline calm again better ' +
  'worse ok quiet loud bus train lunch late early email kind small win lost found breathe garden kids'
).split(' ');

/** `count` check-ins, one every 43 minutes back from `endAt`, one in four with a journal line. */
export function generateCheckIns(count, endAt) {
  let state = 20_261_207;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const journalOutlets = OUTLET_IDS.filter((id) => id.startsWith('journal'));
  const entries = [];
  for (let i = 0; i < count; i++) {
    const at = endAt - (count - i) * 43 * 60_000 - Math.floor(random() * 60_000);
    const journal = random() < 0.25;
    const outletId = journal ? pick(journalOutlets) : random() < 0.06 ? null : pick(OUTLET_IDS);
    const entry = {
      id: `big-${i.toString(36)}-${Math.floor(random() * 1e9).toString(36)}`,
      at,
      feeling: pick(FEELINGS),
      outletId,
      outcome: journal || (outletId && random() < 0.6) ? 'done' : 'skipped',
    };
    if (journal) {
      const n = 3 + Math.floor(random() * 20);
      entry.journal = Array.from({ length: n }, () => pick(WORDS)).join(' ');
    }
    if (random() < 0.4) entry.intensity = 1 + Math.floor(random() * 5);
    if (random() < 0.9)
      entry.context = { canStepAway: random() < 0.7, alone: random() < 0.4, minutes: pick([2, 5, 15]) };
    if (outletId) entry.shown = [outletId];
    if (outletId && entry.outcome === 'done' && random() < 0.35) {
      entry.helped = pick(['yes', 'a-bit', 'no']);
      entry.helpAsked = true;
    }
    entries.push(entry);
  }
  return entries;
}
