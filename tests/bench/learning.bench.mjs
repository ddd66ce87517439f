// `npm run bench:learning`: does the picker learn what helps each person? Simulated people
// (tests/bench/learning-sim.ts) with hidden preferences of four shapes, 40 check-ins each, answering
// 60% and then 30% of the time, fed to the app's own picker, to a random pick under the same rules and
// to a picker that knows each person. Prints the figures and whether each target of issue 17 is met;
// exits 1 when one is not. The TypeScript core runs as it is, through jiti (what WXT loads its config with).
import { createJiti } from 'jiti';

const PEOPLE = Number(process.env.LEARNING_PEOPLE ?? 1200);
const jiti = createJiti(import.meta.url);
const { simulate, BLOCKS } = await jiti.import('./learning-sim.ts');

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const pts = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`;
let failed = 0;
const target = (ok, text) => {
  if (!ok) failed++;
  console.log(`  ${ok ? 'PASS' : 'MISS'}  ${text}`);
};

for (const answerRate of [0.6, 0.3]) {
  const s = simulate({ people: PEOPLE, answerRate, seed: 17 });
  console.log(`\n${PEOPLE} people × 40 check-ins, answering ${pct(answerRate)} of the time`);
  const head = [
    'check-ins',
    'app',
    'random',
    'perfect',
    'lift (pts, 95% CI)',
    'share of perfect',
    '"Another idea" app / random',
  ];
  const rows = s.blocks.map((b, i) => [
    `${BLOCKS[i][0] + 1}–${BLOCKS[i][1]}`,
    pct(b.helped.app),
    pct(b.helped.random),
    pct(b.helped.perfect),
    `${pts(b.lift)} (${pts(b.lift - b.ci)} to ${pts(b.lift + b.ci)})`,
    pct(b.share),
    `${b.another.app.toFixed(3)} / ${b.another.random.toFixed(3)}`,
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells) => `| ${cells.map((x, c) => x.padEnd(widths[c])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  const shapes = Object.entries(s.blocks[2].byShape).map(([shape, share]) => `${shape} ${pct(share)}`);
  console.log(`share of the perfect lift at 21–40 by shape of preference: ${shapes.join(', ')}`);
  console.log(
    `helpful family never offered: app ${pct(s.starvation.app)}, random ${pct(s.starvation.random)}, perfect ${pct(s.starvation.perfect)}`,
  );
  console.log(
    `hard-rule violations: app ${s.violations.app}, random ${s.violations.random}, perfect ${s.violations.perfect}`,
  );
  const [first, second, third] = s.blocks;
  target(third.share >= 0.3, `≥30% of the perfect lift by check-ins 21–40 (${pct(third.share)})`);
  target(second.share >= 0.15, `≥15% of the perfect lift by check-ins 11–20 (${pct(second.share)})`);
  target(
    first.lift + first.ci >= 0,
    `no worse than random at 1–10 (${pts(first.lift)}, CI ${pts(first.lift - first.ci)} to ${pts(first.lift + first.ci)})`,
  );
  target(s.starvation.app <= s.starvation.random + 0.005, 'starvation no worse than random');
  target(s.violations.app === 0, '0 hard-rule violations');
  target(
    third.another.app < first.another.app,
    `"Another idea" falls (${first.another.app.toFixed(3)} → ${third.another.app.toFixed(3)})`,
  );
}
process.exitCode = failed > 0 ? 1 : 0;
