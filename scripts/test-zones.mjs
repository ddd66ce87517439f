// `node scripts/test-zones.mjs`: run the time tests (tests/unit/hours*.test.ts, schedule*.test.ts and any
// tests/unit/*.zones.test.ts) once under each time zone below, with TZ set, then print one line per
// zone and a last line `zones: N passed, N failed` counting tests over all runs.
// A test skipped in every zone (a zone-only group whose zone is not in the list) counts as failed:
// a test that never runs proves nothing. Exits non-zero if anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const unit = path.join(root, 'tests', 'unit');
const files = readdirSync(unit)
  .filter((name) => /^(hours|schedule).*\.test\.ts$/.test(name) || /\.zones\.test\.ts$/.test(name))
  .sort()
  .map((name) => `tests/unit/${name}`);
if (files.length === 0) {
  console.error('no time tests found in tests/unit');
  process.exit(1);
}

function run(args, env) {
  return new Promise((resolve) => {
    const child = spawn('npx', args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
      shell: process.platform === 'win32',
    });
    child.on('error', (error) => {
      console.error(`npx: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const reports = mkdtempSync(path.join(tmpdir(), 'outlet-zones-'));
const summary = [];
/** Test name → whether it ran (passed or failed) in at least one zone. */
const ran = new Map();
let passed = 0;
let failed = 0;

for (const zone of ZONES) {
  console.log(`\n── TZ=${zone} ${'─'.repeat(Math.max(0, 56 - zone.length))}`);
  const json = path.join(reports, `${zone.replaceAll('/', '_')}.json`);
  const code = await run(
    ['vitest', 'run', ...files, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`],
    { TZ: zone },
  );
  let zonePassed = 0;
  let zoneFailed = 0;
  let zoneSkipped = 0;
  if (existsSync(json)) {
    const report = JSON.parse(readFileSync(json, 'utf8'));
    zonePassed = report.numPassedTests;
    zoneFailed = report.numFailedTests;
    zoneSkipped = report.numPendingTests + report.numTodoTests;
    // A file that cannot even load fails its suite without failing a test: count it once.
    if (code !== 0 && zoneFailed === 0) zoneFailed = Math.max(1, report.numFailedTestSuites);
    for (const file of report.testResults) {
      const name = path.relative(root, file.name);
      for (const test of file.assertionResults) {
        const key = `${name} › ${test.fullName}`;
        const didRun = test.status === 'passed' || test.status === 'failed';
        ran.set(key, (ran.get(key) ?? false) || didRun);
      }
    }
  } else if (code !== 0) {
    zoneFailed = 1;
  }
  passed += zonePassed;
  failed += zoneFailed;
  const ok = code === 0 && zoneFailed === 0;
  summary.push(
    `${ok ? 'ok  ' : 'FAIL'} TZ=${zone.padEnd(20)} ${zonePassed} passed, ${zoneFailed} failed, ${zoneSkipped} skipped`,
  );
}
rmSync(reports, { recursive: true, force: true });

const neverRan = [...ran].filter(([, didRun]) => !didRun).map(([key]) => key);
failed += neverRan.length;

console.log(`\n── zones ${'─'.repeat(55)}`);
console.log(`files: ${files.join(', ')}`);
for (const line of summary) console.log(line);
if (neverRan.length) {
  console.log(`skipped in every zone (${neverRan.length}):`);
  for (const key of neverRan) console.log(`  ${key}`);
}
console.log(`zones: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || summary.some((line) => line.startsWith('FAIL')) ? 1 : 0);
