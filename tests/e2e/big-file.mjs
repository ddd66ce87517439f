// Big histories for the e2e tests and the benches (tests/e2e/big-import.test.mjs, the Firefox one,
// tests/bench/data.bench.mjs, tests/bench/scale.bench.mjs): many check-ins that read like real ones,
// the same every run, from one generator.
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
/**
 * A generated history that reads like a real one, the same every run (a seeded random): `total`
 * check-ins, `journals` of them with a line, over the `days` days before `endAt`, between 8:00 and
 * 21:00 local and none in its last hour; feelings, outlets (a third with another idea shown first),
 * strength, where the person was, "did it help?" answers, reaching out. Oldest first, without `day`.
 * Self-contained, so a page can run it too: the scale bench passes it along as source.
 */
export function historyEntries({ total, journals, days, endAt, outlets, feelings, seed = 20_241_201 }) {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const journalOutlets = outlets.filter((id) => id.startsWith('journal'));
  const vocabulary = (
    'today work meeting tired slept walk coffee friend call mum rain sun deadline calm again ' +
    'better worse ok quiet loud bus train lunch late early email kind small win lost found ' +
    'breathe garden kids dog cat music sorry thanks hope worry plan tomorrow body head heavy light'
  ).split(' ');
  const line = () => {
    const n = 3 + Math.floor(random() * 30);
    const text = Array.from({ length: n }, () => pick(vocabulary)).join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`.slice(0, 280);
  };
  const start = new Date(endAt - days * 86_400_000);
  const times = [];
  for (let i = 0; i < total; i++) {
    const d = new Date(start.getFullYear(), start.getMonth(), start.getDate() + Math.floor(random() * days));
    d.setHours(8 + Math.floor(random() * 13), Math.floor(random() * 60), Math.floor(random() * 60));
    times.push(Math.min(d.getTime(), endAt - 3_600_000 - i));
  }
  times.sort((a, b) => a - b);
  const withLine = new Set();
  while (withLine.size < Math.min(journals, total)) withLine.add(Math.floor(random() * total));
  return times.map((at, i) => {
    const journal = withLine.has(i);
    const outletId = journal ? pick(journalOutlets) : random() < 0.06 ? null : pick(outlets);
    const outcome = journal || (outletId && random() < 0.6) ? 'done' : 'skipped';
    const entry = {
      id: `gen-${i.toString(36)}-${Math.floor(random() * 1e9).toString(36)}`,
      at,
      feeling: pick(feelings),
      outletId,
      outcome,
    };
    if (journal) entry.journal = line();
    if (random() < 0.4) entry.intensity = 1 + Math.floor(random() * 5);
    if (random() < 0.9)
      entry.context = { canStepAway: random() < 0.7, alone: random() < 0.4, minutes: pick([2, 5, 15]) };
    if (outletId) {
      const shown = random() < 0.7 ? [] : [pick(outlets)];
      entry.shown = [...shown.filter((id) => id !== outletId), outletId];
    }
    if (outletId && outcome === 'done' && random() < 0.35) {
      entry.helped = pick(['yes', 'yes', 'a-bit', 'no']);
      entry.helpAsked = true;
    } else if (random() < 0.1) entry.helpAsked = true;
    if (outletId?.startsWith('talk') && outcome === 'done' && random() < 0.5) entry.reachedOut = true;
    return entry;
  });
}

/** `count` check-ins, about one every 43 minutes before `endAt`, one in four with a journal line. */
export function generateCheckIns(count, endAt) {
  return historyEntries({
    total: count,
    journals: Math.round(count / 4),
    days: Math.max(1, Math.ceil((count * 43) / 1440)),
    endAt,
    outlets: OUTLET_IDS,
    feelings: FEELINGS,
    seed: 20_261_207,
  });
}
