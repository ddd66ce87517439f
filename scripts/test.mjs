// `npm test`: build the Chrome extension, check its size budgets (scripts/budgets.mjs), run the unit
// tests (vitest), the time tests again in five time zones, and the end-to-end tests (node:test +
// Chromium), then print one plain line
// `N passed, N failed` counting them all. Chromium is installed first when it is missing
// (scripts/chromium.mjs). The build goes to $OUTLET_OUT_DIR when set (.output/ otherwise), and the
// end-to-end tests run on that build. Exits non-zero if anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBudgets } from './budgets.mjs';
import { ensureChromium } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
      shell: process.platform === 'win32',
    });
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const heading = (text) => console.log(`\n── ${text} ${'─'.repeat(Math.max(0, 60 - text.length))}`);

const extensionDir = path.resolve(root, process.env.OUTLET_OUT_DIR || '.output', 'chrome-mv3');

let chromium;
try {
  chromium = ensureChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const reports = mkdtempSync(path.join(tmpdir(), 'outlet-test-'));
let passed = 0;
let failed = 0;
const problems = [];

heading('build (wxt build)');
const buildCode = await run(bin('wxt'), ['build']);
if (buildCode !== 0) {
  problems.push('build failed');
  failed += 1; // so the summary line never reads "0 failed" when the run failed
}

if (buildCode === 0) {
  heading('bundle-size budgets (scripts/budgets.mjs)');
  for (const budget of measureBudgets(extensionDir)) {
    const ok = budget.bytes <= budget.budgetBytes;
    const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(
      `${ok ? 'ok  ' : 'OVER'} ${budget.name}: ${kb(budget.bytes)} of ${kb(budget.budgetBytes)} (gzip -9)`,
    );
    if (ok) passed += 1;
    else {
      failed += 1;
      problems.push(`${budget.name} is over its size budget`);
    }
  }
}

heading('unit tests (vitest)');
const vitestJson = path.join(reports, 'vitest.json');
const vitestCode = await run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
{
  let unitFailed = 0;
  if (existsSync(vitestJson)) {
    const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
    passed += report.numPassedTests;
    unitFailed = report.numFailedTests;
    // A file that cannot even load fails its suite without failing a test: count it once.
    if (vitestCode !== 0 && unitFailed === 0) unitFailed = Math.max(1, report.numFailedTestSuites);
  } else if (vitestCode !== 0) {
    unitFailed = 1;
  }
  failed += unitFailed;
  if (vitestCode !== 0) problems.push('unit tests failed');
}

heading('time tests in five time zones (scripts/test-zones.mjs)');
{
  const zonesLog = path.join(reports, 'zones.log');
  const zonesCode = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/test-zones.mjs'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const chunks = [];
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      chunks.push(chunk);
    });
    child.on('exit', (code) => {
      writeFileSync(zonesLog, Buffer.concat(chunks));
      resolve(code ?? 1);
    });
  });
  const summary = /^zones: (\d+) passed, (\d+) failed$/m.exec(readFileSync(zonesLog, 'utf8'));
  passed += summary ? Number(summary[1]) : 0;
  const zonesFailed = summary ? Number(summary[2]) : 1;
  failed += zonesCode !== 0 && zonesFailed === 0 ? 1 : zonesFailed;
  if (zonesCode !== 0) problems.push('time-zone tests failed');
}

if (buildCode === 0) {
  heading('end-to-end tests (node --test, Chromium)');
  const tap = path.join(reports, 'e2e.tap');
  const e2eCode = await run(
    process.execPath,
    [
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      'tests/e2e/',
    ],
    { CHROMIUM_PATH: chromium, E2E_EXTENSION_DIR: process.env.E2E_EXTENSION_DIR || extensionDir },
  );
  let e2eFailed = 0;
  if (existsSync(tap)) {
    // node's summary is at the end of the TAP stream: `# pass N`, `# fail N`, `# cancelled N`.
    const text = readFileSync(tap, 'utf8');
    const count = (key) => {
      const all = [...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
      return all.length ? Number(all.at(-1)[1]) : 0;
    };
    passed += count('pass');
    e2eFailed = count('fail') + count('cancelled');
  }
  if (e2eCode !== 0 && e2eFailed === 0) e2eFailed = 1;
  failed += e2eFailed;
  if (e2eCode !== 0) problems.push('end-to-end tests failed');
} else {
  console.log('\nend-to-end tests skipped: the build failed');
}

rmSync(reports, { recursive: true, force: true });
if (problems.length) console.log(`\n${problems.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(problems.length ? 1 : 0);
