// How long a slow test may take before it counts as hung. No test measures speed (speed is for
// `npm run bench`); a budget only catches a hang, so it is set far above what the test takes on one
// busy core: `taskset -c 0 npx vitest run <file>` while the machine's load was 17 on 2 cores.
// vitest's 5 s default is no such budget: "gives the same next nudge after a restart at any moment"
// took 8.4 s on a busy 2-core machine and failed there. vitest.config.ts now gives every test 60 s;
// the property tests name theirs, beside the run count that sets their work, so neither changes
// without the other being seen.
//
// The slowest property on one core at load 17 (2026-12-07), with the run counts now in the files:
//   schedule.property "gives the same next nudge after a restart" (500 runs)     ~4.4 s
//   picker.property "never breaks a hard rule" (1,000 runs)                      ~3.4 s
//   picker.property "another idea … never repeats one within a round" (100 runs) ~1.5 s
//   import-roundtrip.property (150 runs)                                          ~3 s

/** For one property test: over ten times the slowest seen on one busy core. */
export const PROPERTY_BUDGET_MS = 60_000;
