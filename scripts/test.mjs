// `npm test`: build the Chrome and the Firefox (MV3) extension, check the Chrome build's size budgets
// (scripts/budgets.mjs), run the unit tests (vitest), the time tests again in five time zones, the
// end-to-end tests in Chromium (node:test + playwright-core) and in Firefox ESR (node:test +
// puppeteer-core), then print one plain line `N passed, N failed` counting them all. Chromium and
// Firefox ESR are installed first when they are missing (scripts/chromium.mjs, scripts/firefox.mjs).
// The builds go to $OUTLET_OUT_DIR when set (.output/ otherwise: chrome-mv3/ and firefox-mv3/), and
// the end-to-end tests run on them. Exits non-zero if anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBudgets, withinBudget } from './budgets.mjs';
import { ensureChromium } from './chromium.mjs';
import { ensureFirefox } from './firefox.mjs';

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

const outDir = path.resolve(root, process.env.OUTLET_OUT_DIR || '.output');
const extensionDir = path.join(outDir, 'chrome-mv3');
const firefoxExtensionDir = path.join(outDir, 'firefox-mv3');

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

// Without Firefox everything else still runs; the missing browser is one failure, said in one line.
let firefox = null;
try {
  firefox = ensureFirefox();
} catch (error) {
  console.error(error.message);
  problems.push('Firefox ESR is missing');
  failed += 1;
}

heading('build (wxt build)');
const buildCode = await run(bin('wxt'), ['build']);
if (buildCode !== 0) {
  problems.push('build failed');
  failed += 1; // so the summary line never reads "0 failed" when the run failed
}

if (buildCode === 0) {
  heading('bundle-size budgets (scripts/budgets.mjs)');
  for (const budget of measureBudgets(extensionDir)) {
    const ok = withinBudget(budget);
    const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(
      `${ok ? 'ok  ' : 'OVER'} ${budget.name}: ${kb(budget.bytes)} of ${kb(budget.budgetBytes)} (gzip -9)`,
    );
    if (ok) passed += 1;
    else {
      failed += 1;
      problems.push(
        budget.files.length
          ? `${budget.name} is over its size budget`
          : `${budget.name}: no file found to measure`,
      );
    }
  }
}

heading('Firefox build (wxt build -b firefox --mv3)');
const firefoxBuildCode = await run(bin('wxt'), ['build', '-b', 'firefox', '--mv3']);
if (firefoxBuildCode !== 0) {
  problems.push('Firefox build failed');
  failed += 1;
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

/**
 * Runs the node:test files in `dir` one at a time and adds their results to the counts; node's
 * summary is read from the end of a TAP copy of the report (`# pass N`, `# fail N`, `# cancelled N`).
 */
async function nodeTests(dir, name, env) {
  const tap = path.join(reports, `${name}.tap`);
  const code = await run(
    process.execPath,
    [
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      dir,
    ],
    env,
  );
  let testsFailed = 0;
  if (existsSync(tap)) {
    const text = readFileSync(tap, 'utf8');
    const count = (key) => {
      const all = [...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
      return all.length ? Number(all.at(-1)[1]) : 0;
    };
    passed += count('pass');
    testsFailed = count('fail') + count('cancelled');
  }
  if (code !== 0 && testsFailed === 0) testsFailed = 1;
  failed += testsFailed;
  return code;
}

if (buildCode === 0) {
  heading('end-to-end tests (node --test, Chromium)');
  const e2eCode = await nodeTests('tests/e2e/', 'e2e', {
    CHROMIUM_PATH: chromium,
    E2E_EXTENSION_DIR: process.env.E2E_EXTENSION_DIR || extensionDir,
  });
  if (e2eCode !== 0) problems.push('end-to-end tests failed');
} else {
  console.log('\nend-to-end tests skipped: the build failed');
}

if (firefoxBuildCode === 0 && firefox) {
  heading('end-to-end tests in Firefox ESR (node --test, puppeteer-core)');
  const started = Date.now();
  const firefoxCode = await nodeTests('tests/e2e-firefox/', 'e2e-firefox', {
    FIREFOX_PATH: firefox,
    E2E_FIREFOX_EXTENSION_DIR: process.env.E2E_FIREFOX_EXTENSION_DIR || firefoxExtensionDir,
  });
  console.log(`Firefox end-to-end tests: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (firefoxCode !== 0) problems.push('Firefox end-to-end tests failed');
} else {
  console.log(`\nFirefox end-to-end tests skipped: ${firefox ? 'the Firefox build failed' : 'no Firefox'}`);
}

rmSync(reports, { recursive: true, force: true });
if (problems.length) console.log(`\n${problems.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(problems.length ? 1 : 0);
