// `npm run bench`: how fast the popup is ready, next to an empty extension page, and how big the
// popup and the background are. Prints a table; never fails on a target (PASS / OVER per line).
//
// One headless Chromium run. In a COPY of the Chrome build (the app build stays clean) this adds
// bench-empty.html, an empty page, then opens alternately, 30 times each, in a fresh tab:
//   (a) popup.html: from navigation start until the first feeling button is visible and enabled,
//   (b) bench-empty.html: from navigation start until its load event has finished.
// Both are measured inside the page with performance.now() (0 = navigation start), the same way.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { findChromium, launchExtension, rootDir } from '../e2e/harness.mjs';

const RUNS = 30;
const READY_TIMEOUT_MS = 5000;
const TARGETS = { ratio: 1.25, popupKb: 20, backgroundKb: 10 };
const FEELING_BUTTON = 'button[data-feeling]';

// Optional argument: another Chrome build to measure (default: this project's).
const buildDir = path.resolve(process.argv[2] ?? path.join(rootDir, '.output', 'chrome-mv3'));

try {
  findChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

// Always measure the code as it is now: build it first (unless another build was named).
if (!process.argv[2]) {
  console.log('Building (wxt build)…');
  const result = spawnSync(path.join(rootDir, 'node_modules', '.bin', 'wxt'), ['build'], {
    cwd: rootDir,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// --- sizes -------------------------------------------------------------------------------------

const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'`]([^"'`]+\.js)["'`]/g;

/** `entries` (paths in the build) and every chunk they import statically, recursively. */
function withImports(dir, entries) {
  const seen = new Set();
  const resolveFrom = (fromFile, ref) =>
    ref.startsWith('/') ? path.join(dir, ref) : path.resolve(path.dirname(fromFile), ref);
  const pending = entries.map((ref) => resolveFrom(path.join(dir, 'index'), ref));
  while (pending.length) {
    const file = pending.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    // Static imports and re-exports, minified or not: import{a}from"./x.js"; import "./y.js"
    for (const [, ref] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT))
      pending.push(resolveFrom(file, ref));
  }
  return [...seen].sort();
}

/** Files a page loads at start: its scripts, module preloads and styles, and what they import. */
function pageFiles(dir, htmlFile) {
  const html = readFileSync(path.join(dir, htmlFile), 'utf8');
  const refs = [...html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/g)].map(([, src]) => src);
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = /\brel=["']([^"']+)["']/.exec(tag)?.[1] ?? '';
    const href = /\bhref=["']([^"']+)["']/.exec(tag)?.[1];
    if (href && /\b(stylesheet|modulepreload)\b/.test(rel)) refs.push(href);
  }
  return withImports(dir, refs);
}

const gzipBytes = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const sumGzip = (files) => files.reduce((total, file) => total + gzipBytes(file), 0);

// --- timing ------------------------------------------------------------------------------------

// Runs in every page before its own scripts. Notes three moments:
// - ready: the first feeling button is visible (it has a layout box and isn't hidden, the way
//   Playwright defines visible) and enabled; checked at every DOM change and every frame;
// - frame: the first animation frame in which it is so (the page can paint it by then);
// - app: the app itself has rendered (its status footer is not part of the prerendered screen).
function watchForFeelingButton(selector) {
  const usable = () => {
    const button = document.querySelector(selector);
    return (
      button &&
      !button.disabled &&
      button.getClientRects().length > 0 &&
      getComputedStyle(button).visibility !== 'hidden'
    );
  };
  window.__benchReadyAt = null;
  window.__benchFrameAt = null;
  window.__benchAppAt = null;
  const check = () => {
    if (window.__benchReadyAt === null && usable()) window.__benchReadyAt = performance.now();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  const poll = (now) => {
    check();
    if (window.__benchFrameAt === null && usable()) window.__benchFrameAt = now;
    if (window.__benchAppAt === null && document.querySelector('.status')) window.__benchAppAt = now;
    if (window.__benchFrameAt === null || window.__benchAppAt === null) requestAnimationFrame(poll);
    else observer.disconnect();
  };
  requestAnimationFrame(poll);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function measurePopup(ext) {
  const page = await ext.context.newPage();
  try {
    await page.goto(`${ext.origin}popup.html`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => window.__benchReadyAt !== null && window.__benchFrameAt !== null && window.__benchAppAt !== null,
      null,
      { timeout: READY_TIMEOUT_MS },
    );
    return await page.evaluate(() => [window.__benchReadyAt, window.__benchFrameAt, window.__benchAppAt]);
  } finally {
    await page.close();
  }
}

async function measureEmpty(ext) {
  const page = await ext.context.newPage();
  try {
    await page.goto(`${ext.origin}bench-empty.html`, { waitUntil: 'load' });
    return await page.evaluate(() => {
      const [entry] = performance.getEntriesByType('navigation');
      return entry.loadEventEnd;
    });
  } finally {
    await page.close();
  }
}

// --- run ---------------------------------------------------------------------------------------

const copyDir = mkdtempSync(path.join(tmpdir(), 'outlet-bench-'));
cpSync(buildDir, copyDir, { recursive: true });
writeFileSync(
  path.join(copyDir, 'bench-empty.html'),
  '<!doctype html>\n<html lang="en"><head><meta charset="UTF-8" /><title>empty</title></head><body></body></html>\n',
);

const popupFiles = pageFiles(copyDir, 'popup.html');
// The outlet step, imported by the popup right after its first screen (import("./outlet-flow-….js")).
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;
const lazyFiles = withImports(
  copyDir,
  popupFiles
    .filter((file) => file.endsWith('.js'))
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(DYNAMIC_IMPORT)].map(
        ([, ref]) => `/${path.relative(copyDir, path.resolve(path.dirname(file), ref))}`,
      ),
    ),
).filter((file) => !popupFiles.includes(file));
// Styles that come with the lazy chunk, listed in Vite's preload map: `m.f=["assets/….css"]`.
for (const file of popupFiles.filter((f) => f.endsWith('.js'))) {
  const map = /m\.f=\[([^\]]*)\]/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  for (const [, ref] of map.matchAll(/["'`]([^"'`]+\.css)["'`]/g)) {
    const css = path.join(copyDir, ref);
    if (!popupFiles.includes(css) && !lazyFiles.includes(css)) lazyFiles.push(css);
  }
}
const manifest = JSON.parse(readFileSync(path.join(copyDir, 'manifest.json'), 'utf8'));
const backgroundFiles = withImports(copyDir, [`/${manifest.background.service_worker}`]);

const ext = await launchExtension({ extensionDir: copyDir });
const popupTimes = [];
const frameTimes = [];
const appTimes = [];
const emptyTimes = [];
let failure = null;
try {
  await ext.context.addInitScript(watchForFeelingButton, FEELING_BUTTON);
  for (let i = 0; i < RUNS; i++) {
    const [ready, frame, app] = await measurePopup(ext);
    popupTimes.push(ready);
    frameTimes.push(frame);
    appTimes.push(app);
    emptyTimes.push(await measureEmpty(ext));
  }
} catch (error) {
  failure = error;
} finally {
  await ext.close();
}

const popupGzip = sumGzip(popupFiles);
const lazyGzip = sumGzip(lazyFiles);
const backgroundGzip = sumGzip(backgroundFiles);
const rel = (file) => path.relative(copyDir, file);
rmSync(copyDir, { recursive: true, force: true });

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok) => (ok ? 'PASS' : 'OVER');
const rows = [['measure', 'value', 'target', '']];
if (failure) {
  console.error(
    `\nTiming stopped after ${popupTimes.length} popup run(s): ${failure.message.split('\n')[0]}`,
  );
  console.error(`(is there a visible, enabled ${FEELING_BUTTON} in popup.html?)`);
} else {
  const popupMedian = median(popupTimes);
  const emptyMedian = median(emptyTimes);
  const ratio = median(popupTimes.map((t, i) => t / emptyTimes[i]));
  rows.push(
    [
      'popup ready / empty page, median ratio',
      ratio.toFixed(2),
      `≤ ${TARGETS.ratio}`,
      verdict(ratio <= TARGETS.ratio),
    ],
    ['popup ready (first feeling button), median', `${popupMedian.toFixed(1)} ms`, '', ''],
    ['popup first frame showing it, median', `${median(frameTimes).toFixed(1)} ms`, '', ''],
    [
      'popup first frame / empty page, median ratio',
      median(frameTimes.map((t, i) => t / emptyTimes[i])).toFixed(2),
      '',
      '',
    ],
    ['popup app rendered (interactive), median', `${median(appTimes).toFixed(1)} ms`, '', ''],
    [
      'popup app rendered / empty page, median ratio',
      median(appTimes.map((t, i) => t / emptyTimes[i])).toFixed(2),
      '',
      '',
    ],
    ['empty extension page loaded, median', `${emptyMedian.toFixed(1)} ms`, '', ''],
  );
}
rows.push(
  [
    'popup JS+CSS for the first screen, gzip -9',
    kb(popupGzip),
    `≤ ${TARGETS.popupKb} KB`,
    verdict(popupGzip <= TARGETS.popupKb * 1024),
  ],
  ['  + outlet step loaded after the first screen', kb(lazyGzip), '', ''],
  ['  = popup in all', kb(popupGzip + lazyGzip), '', ''],
  [
    'background.js, gzip -9',
    kb(backgroundGzip),
    `≤ ${TARGETS.backgroundKb} KB`,
    verdict(backgroundGzip <= TARGETS.backgroundKb * 1024),
  ],
);

const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
console.log(
  `\n${RUNS} runs each, alternating, fresh tab per run. KB = 1024 bytes, each file gzipped on its own.`,
);
for (const row of rows)
  console.log(
    row
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd(),
  );
console.log(`\npopup files: ${popupFiles.map(rel).join(', ')}`);
console.log(`outlet step files: ${lazyFiles.map(rel).join(', ')}`);
console.log(`background files: ${backgroundFiles.map(rel).join(', ')}`);
if (failure) process.exitCode = 1;
