// `npm run bench` (third part): big files on the history page. Imports a generated export file of
// 20,000 and of 200,000 check-ins through the page's own Import button, exports it again in the three
// kinds (JSON, CSV, Markdown), and refuses a file of 200,000 unsound check-ins. For each it prints
// how long the person waits and the longest task that blocked the page meanwhile (a long task is one
// of 50 ms or more: the page can't answer a click or a key until it ends). Never fails on a target:
// PASS / OVER per line.
//
// Measured inside the history page (performance.now(), 0 = the page's start):
// - import: from the click on "Import" until the page says what was added (or refused);
// - export: from the click on an export button until the page hands the file to
//   URL.createObjectURL (the file is whole then: reading, building, the Blob);
// - blocked: the longest 'longtask' entry (PerformanceObserver, buffered) that started in that window.
//
// One Chromium, one copy of the Chrome build; the history is cleared between sizes from a helper page
// of the extension (its manifest.json, which runs none of the app's code).
//
// Usage: node tests/bench/data.bench.mjs [chrome build dir]. Without a dir it measures
// .output/chrome-mv3 (build first). BENCH_DATA_SIZES=20000 measures one size only; BENCH_RAW=1 prints
// every figure as JSON.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchExtension, rootDir } from '../e2e/harness.mjs';
import { feelingIds } from '../e2e/outlet.mjs';

const SIZES = (process.env.BENCH_DATA_SIZES || '20000,200000').split(',').map(Number);
/** Targets: the floor (20,000 imported in under 3 s; no task over 200 ms) and ours. */
const TARGETS = {
  blockedMs: 200,
  importMs: { 20000: 3000, 200000: 30000 },
  exportMs: { 20000: 2000, 200000: 15000 },
  refuseMs: { 20000: 3000, 200000: 15000 },
};
const TIMEOUT_MS = 10 * 60_000;

const buildDir = path.resolve(rootDir, process.argv[2] ?? path.join('.output', 'chrome-mv3'));

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

/** `count` check-ins, 20 a day back from `endAt`, one in four with a journal line; deterministic. */
function generateCheckIns(count, endAt) {
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
      id: `bench-${i.toString(36)}-${Math.floor(random() * 1e9).toString(36)}`,
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

// --- in the pages ----------------------------------------------------------------------------------

/** Runs in the history page before its own scripts: long tasks and the moment a file is handed over. */
function probe() {
  const bench = { longTasks: [], blobs: [] };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const create = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob) => {
    bench.blobs.push({ at: performance.now(), size: blob.size });
    bench.lastBlob = blob;
    return create(blob);
  };
}

/** Clicks the button named `name`, waits until `done()` says so; returns the wait and the worst task. */
async function timeClick({ name, until, timeout }) {
  const bench = window.__bench;
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
  if (!button) throw new Error(`no button "${name}"`);
  const blobsBefore = bench.blobs.length;
  const texts = () =>
    [...document.querySelectorAll('.data-panel [role=status], .data-panel [role=alert]')].map(
      (node) => node.textContent ?? '',
    );
  const done = () => {
    if (until === 'blob') return bench.blobs.length > blobsBefore ? bench.blobs.at(-1).at : null;
    const text = texts().join(' ');
    return new RegExp(until).test(text) ? performance.now() : null;
  };
  const started = performance.now();
  button.click();
  for (;;) {
    const at = done();
    if (at !== null) {
      // Let a long task that ended the wait be reported.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const tasks = bench.longTasks.filter((t) => t.start + t.duration >= started && t.start <= at);
      return {
        ms: at - started,
        blockedMs: Math.max(0, ...tasks.map((t) => t.duration)),
        longTasks: tasks.length,
        text: texts().join(' ').slice(0, 200),
        bytes: until === 'blob' ? bench.blobs.at(-1).size : undefined,
      };
    }
    if (performance.now() - started > timeout) throw new Error(`"${name}": no end after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** In a helper page: empties the history database. */
async function clearHistory() {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('outlet');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    if (!db.objectStoreNames.contains('checkins')) return 0;
    const tx = db.transaction(['checkins', 'days'], 'readwrite');
    tx.objectStore('checkins').clear();
    tx.objectStore('days').clear();
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

async function countHistory() {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('outlet');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const request = db.transaction('checkins').objectStore('checkins').count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

// --- run -------------------------------------------------------------------------------------------

const tempDir = mkdtempSync(path.join(tmpdir(), 'outlet-data-bench-'));
const ext = await launchExtension({ extensionDir: buildDir, timeout: 20_000 });
const rows = [];
const raw = [];
let failure = null;
try {
  for (const page of ext.context.pages()) if (page.url().includes('welcome.html')) await page.close();
  await ext.context.addInitScript(probe);
  const tool = await ext.openPage('manifest.json');

  const openHistory = async () => {
    const page = await ext.openPage('history.html');
    await page.getByRole('button', { name: 'Import', exact: true }).waitFor();
    return page;
  };

  // The file around the check-ins: this build's own export of an empty history.
  const template = await (async () => {
    const page = await openHistory();
    await page.evaluate(timeClick, { name: 'Export everything (JSON)', until: 'blob', timeout: 10_000 });
    const text = await page.evaluate(() => window.__bench.lastBlob.text());
    await page.close();
    return JSON.parse(text);
  })();

  for (const size of SIZES) {
    const entries = generateCheckIns(size, Date.now() - 3_600_000);
    const filePath = path.join(tempDir, `outlet-${size}.json`);
    writeFileSync(filePath, `${JSON.stringify({ ...template, checkIns: entries }, null, 2)}\n`);
    const megabytes = statSync(filePath).size / 1024 / 1024;
    // The same check-ins, every one unsound (a feeling that is a number): the whole file is checked,
    // and refused with its first problems listed.
    const badPath = path.join(tempDir, `outlet-${size}-bad.json`);
    const bad = entries.map((entry) => ({ ...entry, feeling: 42 }));
    writeFileSync(badPath, `${JSON.stringify({ ...template, checkIns: bad }, null, 2)}\n`);

    await tool.evaluate(clearHistory);
    const label = size.toLocaleString('en');

    const measure = async (what, run, target) => {
      const result = await run();
      raw.push({ size, what, megabytes, ...result });
      rows.push({ size: label, what, ...result, target });
      console.log(
        `  ${label} ${what}: ${Math.round(result.ms)} ms, blocked ${Math.round(result.blockedMs)} ms` +
          (result.bytes ? `, ${(result.bytes / 1024 / 1024).toFixed(1)} MB` : ''),
      );
    };

    console.log(`${label} check-ins (file ${megabytes.toFixed(1)} MB)…`);
    let page = await openHistory();
    await page.getByLabel('Export file').setInputFiles(badPath);
    await measure(
      'refuse unsound file',
      () => page.evaluate(timeClick, { name: 'Import', until: "wasn't imported", timeout: TIMEOUT_MS }),
      TARGETS.refuseMs[size],
    );
    await page.close();

    page = await openHistory();
    await page.getByLabel('Export file').setInputFiles(filePath);
    await measure(
      'import',
      () =>
        page.evaluate(timeClick, {
          name: 'Import',
          until: "^Added|Nothing new|wasn't imported|couldn't",
          timeout: TIMEOUT_MS,
        }),
      TARGETS.importMs[size],
    );
    const stored = await tool.evaluate(countHistory);
    if (stored !== size) throw new Error(`import of ${size}: ${stored} stored`);
    await page.close();

    page = await openHistory();
    for (const [what, name] of [
      ['export JSON', 'Export everything (JSON)'],
      ['export CSV', 'Check-ins for a spreadsheet (CSV)'],
      ['export Markdown', 'Journal to read (Markdown)'],
    ]) {
      await measure(
        what,
        () => page.evaluate(timeClick, { name, until: 'blob', timeout: TIMEOUT_MS }),
        TARGETS.exportMs[size],
      );
    }
    await page.close();
    await tool.evaluate(clearHistory);
  }
} catch (error) {
  failure = error;
} finally {
  await ext.close();
  rmSync(tempDir, { recursive: true, force: true });
}

if (rows.length > 0) {
  const verdict = (ok) => (ok ? 'PASS' : 'OVER');
  const table = [
    ['check-ins', 'what', 'wait', 'target', '', 'longest task', 'target', ''],
    ...rows.map((row) => [
      row.size,
      row.what,
      `${Math.round(row.ms).toLocaleString('en')} ms`,
      `${row.target.toLocaleString('en')} ms`,
      verdict(row.ms <= row.target),
      row.blockedMs === 0 ? '< 50 ms' : `${Math.round(row.blockedMs).toLocaleString('en')} ms`,
      `${TARGETS.blockedMs} ms`,
      verdict(row.blockedMs <= TARGETS.blockedMs),
    ]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  console.log('\nBig files on the history page (Chromium, headless)');
  for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  if (process.env.BENCH_RAW === '1') console.log(JSON.stringify(raw, null, 2));
}
if (failure) {
  console.error(failure);
  process.exit(1);
}
