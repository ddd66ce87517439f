// `npm run bench` (second part): does Outlet stay quick with years of history? Prints a table; never
// fails on a target (PASS / OVER per line).
//
// ONE headless Chromium, one profile, with THREE copies of the Chrome build loaded side by side: being
// at different paths they are three extensions with their own ids, so origins with their own
// IndexedDB and storage. Copy "full" gets a generated history of 20,000 check-ins over two years
// (5,000 of them with a journal line), copy "huge" 200,000 (50,000 with a line); copy "empty" keeps
// an empty store. All run in the same browser at the same time, so the comparison is load against
// load, not one browser start against another.
//
// Seeding: straight into each copy's IndexedDB from one of its own pages (manifest.json, which
// runs none of the app's code), in read-write transactions of SEED_CHUNK check-ins, then the per-day
// summaries, made the way core/data/days.ts makes them; importing a generated file through the history page would also make the app compute the
// summaries, but takes longer and is what tests/e2e/data.test.mjs checks for correctness.
//
// Then, in turns (which copy goes first rotates), RUNS times each, every load in a fresh tab, all
// measured inside the page with performance.now() (0 = navigation start):
// - popup interactive: a feeling button is clicked as soon as one exists (again each time the DOM
//   changes, since a click on the build-time first screen before the app takes over is not acted
//   on), until the outlet step's heading (#outlet-title) has a layout box;
// - Done → next step, what a person waits for after "Done": in that same popup, a click on "Done"
//   until the next step's heading (#thanks-title) has a layout box. DONE_ROUNDS times per popup
//   with the popup settled (SETTLED_MS after its outlet step showed, nothing in flight), then as
//   often BUSY_MS after the step showed ("Check in again", a feeling, then "Done"), while the popup
//   still handles the save of the check-in just offered. The save itself is part of the wait, as it is for a person;
//   what follows it must read a bounded, small amount whatever the history's size (issue 15);
// - history first screen: until the page has rendered its day list, `section.history-days` (it is
//   rendered together with the week, month and year views, once the first page of check-ins and
//   the year of day summaries are read; with an empty store it holds "Nothing here yet").
// The check-ins the popup runs add are deleted after each run (and their days' summaries put back),
// so every run sees the same store.
// Export: on the full history page, from the click on "Export everything (JSON)" until the page
// hands the finished file to URL.createObjectURL (takeSnapshot + buildExportJson + the Blob).
//
// Usage: node tests/bench/scale.bench.mjs [chrome build dir]. Without a dir it builds first
// (`wxt build`, into $OUTLET_OUT_DIR or .output) and measures that build. BENCH_RUNS=n measures n
// rounds instead of 17 (a quicker look). BENCH_RAW=1 also prints
// every run's figures as JSON.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { historyEntries } from '../e2e/big-file.mjs';
import { chromiumArgs, findChromium, rootDir, unpackedExtensionId } from '../e2e/harness.mjs';
import { feelingIds, summarizeDays } from '../e2e/outlet.mjs';

const RUNS = Number(process.env.BENCH_RUNS) || 17;
const EXPORT_RUNS = 5;
/** The seeded copies: how many check-ins, how many with a journal line. */
const SIZES = { full: { checkIns: 20_000, journals: 5_000 }, huge: { checkIns: 200_000, journals: 50_000 } };
const COPIES = ['full', 'huge', 'empty'];
const DAYS = 730;
const SEED_CHUNK = 10_000;
const TIMEOUT_MS = 15_000;
// Once its first screen is drawn, the history page checks every day's summary against its entries
// (HistoryApp, store.ts): with 200,000 entries on a busy machine a page has taken longer than
// TIMEOUT_MS. A slow page is a figure for the table, not a reason to stop the run.
const HISTORY_TIMEOUT_MS = 60_000;
// "Done" is measured DONE_ROUNDS times per popup with the popup settled (SETTLED_MS after its outlet
// step showed, nothing in flight), then as often BUSY_MS after the next outlet step showed, while the
// popup still handles the save of the check-in it has just offered. A wait of ~15 ms is a few
// scheduler slices on a busy machine: the medians need many samples.
const SETTLED_MS = 400;
const BUSY_MS = 50;
const DONE_ROUNDS = 3;
const TARGETS = { popup: 1.05, history: 1.5, exportMs: 1000, done: 1.1 };

let executablePath;
try {
  executablePath = findChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const outDir = path.resolve(rootDir, process.env.OUTLET_OUT_DIR || '.output');
const buildDir = path.resolve(process.argv[2] ?? path.join(outDir, 'chrome-mv3'));
if (!process.argv[2]) {
  console.log('Building (wxt build)…');
  const result = spawnSync(path.join(rootDir, 'node_modules', '.bin', 'wxt'), ['build'], {
    cwd: rootDir,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The catalogue's outlet ids, so the generated check-ins name real outlets.
const OUTLET_IDS = [
  ...readFileSync(path.join(rootDir, 'core', 'outlets', 'catalogue.ts'), 'utf8').matchAll(
    /\bid: '([a-z0-9-]+)'/g,
  ),
].map(([, id]) => id);
const FEELINGS = feelingIds();

// --- in the pages ----------------------------------------------------------------------------------

/** Runs in every page before its own scripts: notes the moments the bench reads. */
function benchProbe() {
  const bench = {
    interactiveAt: null,
    firstClickAt: null,
    clicks: 0,
    firstScreenAt: null,
    blobAt: null,
    blobBytes: 0,
  };
  window.__bench = bench;
  const page = location.pathname;
  if (page.endsWith('/popup.html')) {
    const shown = () => document.getElementById('outlet-title')?.getClientRects().length > 0;
    let clicked = null;
    const check = () => {
      if (bench.interactiveAt !== null) return;
      if (shown()) {
        bench.interactiveAt = performance.now();
        console.log('outlet-bench:interactive');
        observer.disconnect();
        clearInterval(retry);
        return;
      }
      const button = document.querySelector('button[data-feeling]');
      if (button && button !== clicked) {
        clicked = button;
        bench.firstClickAt ??= performance.now();
        bench.clicks++;
        button.click();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true });
    // The same button may come to life without a DOM change (its handler attached in place).
    const retry = setInterval(() => {
      clicked = null;
      check();
    }, 20);
  }
  if (page.endsWith('/history.html')) {
    const observer = new MutationObserver(() => {
      if (bench.firstScreenAt === null && document.querySelector('section.history-days')) {
        bench.firstScreenAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob) => {
      bench.blobAt = performance.now();
      bench.blobBytes = blob.size;
      return create(blob);
    };
  }
}

/**
 * Installed in a helper page of each copy (its manifest.json): seeding and cleaning the database.
 * Day summaries are made here as core/data/days.ts makes them; the history is tests/e2e/big-file.mjs's.
 */
function installDbTools(summarizeDays, historyEntries) {
  const pad = (n) => String(n).padStart(2, '0');
  const dayOf = (at) => {
    const d = new Date(at);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  };
  const boundsOf = (day) => {
    const [y, m, d] = day.split('-').map(Number);
    return [new Date(y, m - 1, d).getTime(), new Date(y, m - 1, d + 1).getTime()];
  };
  // One day's summary, made by the e2e helpers' summarizeDays (passed in as source).
  const summarize = (_day, entries) => summarizeDays(entries)[0];
  // Seeding makes the database as the app's version 2 has it (platform/history/db.ts: entries by id,
  // indexed by time and by the local day they carry): the app then starts from there, as it would
  // with a history of its own, rather than upgrading 200,000 entries while it is being measured.
  // Without a version, the database as it is (the app may have upgraded it since).
  const open = (version) =>
    new Promise((resolve, reject) => {
      const request = version ? indexedDB.open('outlet', version) : indexedDB.open('outlet');
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore('checkins', { keyPath: 'id' });
        store.createIndex('at', 'at');
        store.createIndex('day', 'day');
        request.result.createObjectStore('days', { keyPath: 'day' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const done = (tx) =>
    new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  const result = (request) =>
    new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });

  window.__db = {
    /** A generated history: `total` check-ins, `journals` of them with a line, over `days` days. */
    async seed({ total, journals, days, endAt, outlets, feelings, chunk }) {
      const entries = historyEntries({ total, journals, days, endAt, outlets, feelings }).map((entry) => ({
        ...entry,
        day: dayOf(entry.at),
      }));
      const byDay = new Map();
      for (const entry of entries) {
        const day = dayOf(entry.at);
        if (!byDay.has(day)) byDay.set(day, []);
        byDay.get(day).push(entry);
      }
      const began = performance.now();
      const db = await open(2);
      try {
        // In transactions of SEED_CHUNK entries, each committed before the next starts: one
        // transaction of 200,000 took ~95 s here (Chromium holds it whole until it commits).
        for (let from = 0; from < entries.length; from += chunk) {
          const tx = db.transaction('checkins', 'readwrite', { durability: 'relaxed' });
          for (const entry of entries.slice(from, from + chunk)) tx.objectStore('checkins').add(entry);
          await done(tx);
        }
        const tx = db.transaction('days', 'readwrite', { durability: 'relaxed' });
        for (const [day, list] of byDay) tx.objectStore('days').put(summarize(day, list));
        await done(tx);
      } finally {
        db.close();
      }
      return {
        checkIns: entries.length,
        journalLines: entries.filter((e) => e.journal).length,
        days: byDay.size,
        ms: performance.now() - began,
        bytes: JSON.stringify(entries).length,
      };
    },
    /** Deletes every check-in at or after `since` and remakes the summaries of the days it touched. */
    async cleanSince(since) {
      const db = await open();
      try {
        const tx = db.transaction(['checkins', 'days'], 'readwrite');
        const checkins = tx.objectStore('checkins');
        const added = await result(checkins.index('at').getAll(IDBKeyRange.lowerBound(since)));
        for (const entry of added) checkins.delete(entry.id);
        for (const day of new Set(added.map((entry) => dayOf(entry.at)))) {
          const [from, to] = boundsOf(day);
          const rest = (
            await result(checkins.index('at').getAll(IDBKeyRange.bound(from, to, false, true)))
          ).filter((entry) => entry.at < since);
          if (rest.length) tx.objectStore('days').put(summarize(day, rest));
          else tx.objectStore('days').delete(day);
        }
        await done(tx);
        return added.length;
      } finally {
        db.close();
      }
    },
    async count() {
      const db = await open();
      try {
        return await result(db.transaction('checkins').objectStore('checkins').count());
      } finally {
        db.close();
      }
    },
  };
}

/**
 * In the popup, on the outlet step: `settleMs` later a click on "Done", until the next step's heading
 * (#thanks-title) has a layout box: what the person waits for. With `again`, first "Check in again"
 * and a feeling, then `settleMs` after that outlet step showed. Returns the wait.
 */
async function measureDone({ settleMs, again }) {
  const byText = (text) =>
    [...document.querySelectorAll('button')].find((button) => button.textContent.trim() === text);
  const shown = (selector) => document.querySelector(selector)?.getClientRects().length > 0;
  const until = async (find, what) => {
    const end = performance.now() + 5000;
    for (;;) {
      const found = find();
      if (found) return found;
      if (performance.now() > end) throw new Error(`No ${what} after 5 s`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };
  if (again) {
    (await until(() => byText('Check in again'), '"Check in again"')).click();
    (await until(() => document.querySelector('button[data-feeling="tired"]'), 'feelings')).click();
  }
  await until(() => shown('#outlet-title'), 'outlet step');
  const done = await until(() => byText('Done'), '"Done"');
  await new Promise((resolve) => setTimeout(resolve, Number(settleMs)));
  // Heard as the DOM changes (before the frame is painted), the way the interactive probe hears it.
  const next = new Promise((resolve, reject) => {
    const check = () => {
      if (!shown('#thanks-title')) return;
      observer.disconnect();
      clearTimeout(timeout);
      resolve(performance.now());
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true });
    const timeout = setTimeout(() => {
      observer.disconnect();
      reject(new Error('No next step after 5 s'));
    }, 5000);
  });
  const started = performance.now();
  done.click();
  return (await next) - started;
}

// --- run -------------------------------------------------------------------------------------------

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const tempDir = mkdtempSync(path.join(tmpdir(), 'outlet-scale-'));
const dirs = Object.fromEntries(COPIES.map((name) => [name, path.join(tempDir, name)]));
for (const dir of Object.values(dirs)) cpSync(buildDir, dir, { recursive: true });
const origin = Object.fromEntries(
  Object.entries(dirs).map(([name, dir]) => [name, `chrome-extension://${unpackedExtensionId(dir)}/`]),
);

const context = await chromium.launchPersistentContext(path.join(tempDir, 'profile'), {
  executablePath,
  headless: true,
  acceptDownloads: false,
  args: chromiumArgs(COPIES.map((name) => dirs[name]).join(',')),
});
const perCopy = () => Object.fromEntries(COPIES.map((name) => [name, []]));
const results = { popup: perCopy(), done: perCopy(), doneBusy: perCopy(), history: perCopy() };
const exportTimes = [];
let exportBytes = 0;
const seeded = {};
let failure = null;
const started = Date.now();
try {
  // Every worker up (each copy opens its welcome page on install: closed, it plays no part).
  const deadline = Date.now() + TIMEOUT_MS;
  while (
    context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://')).length < COPIES.length
  ) {
    if (Date.now() > deadline) throw new Error('the service workers did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const page of context.pages()) if (page.url().includes('welcome.html')) await page.close();

  const tools = {};
  for (const name of COPIES) {
    tools[name] = await context.newPage();
    await tools[name].goto(`${origin[name]}manifest.json`);
    await tools[name].evaluate(`(${installDbTools})(${summarizeDays}, ${historyEntries})`);
  }
  const benchStart = Date.now();
  for (const [name, size] of Object.entries(SIZES)) {
    seeded[name] = await tools[name].evaluate((options) => window.__db.seed(options), {
      total: size.checkIns,
      journals: size.journals,
      days: DAYS,
      endAt: benchStart,
      outlets: OUTLET_IDS,
      feelings: FEELINGS,
      chunk: SEED_CHUNK,
    });
    // A fresh tool page: the one that seeded still holds what it generated, in the heap its
    // extension's pages share (one renderer process), where its collection would weigh on that
    // copy's pages only.
    await tools[name].reload();
    await tools[name].evaluate(`(${installDbTools})(${summarizeDays}, ${historyEntries})`);
  }
  await context.addInitScript(benchProbe);

  const popupRun = async (name) => {
    const page = await context.newPage();
    try {
      await page.setViewportSize({ width: 360, height: 600 });
      // Heard as a console message: page.waitForFunction would evaluate Playwright's own injected
      // script in the page while it loads, on its main thread (see popup.bench.mjs, measure).
      const interactiveSeen = page.waitForEvent('console', {
        predicate: (message) => message.text() === 'outlet-bench:interactive',
        timeout: TIMEOUT_MS,
      });
      await page.goto(`${origin[name]}popup.html`, { waitUntil: 'commit' });
      await interactiveSeen.catch(async (error) => {
        const state = await page.evaluate(() => JSON.stringify(window.__bench)).catch(() => '?');
        throw new Error(`popup (${name}) not interactive: ${state} ${error.message}`);
      });
      const interactive = await page.evaluate(() => window.__bench.interactiveAt);
      const done = [];
      const doneBusy = [];
      for (let i = 0; i < DONE_ROUNDS; i++)
        done.push(await page.evaluate(measureDone, { settleMs: SETTLED_MS, again: i > 0 }));
      for (let i = 0; i < DONE_ROUNDS; i++)
        doneBusy.push(await page.evaluate(measureDone, { settleMs: BUSY_MS, again: true }));
      return { interactive, done, doneBusy };
    } finally {
      await page.close();
      await tools[name].evaluate((since) => window.__db.cleanSince(since), benchStart);
    }
  };
  const historyRun = async (name) => {
    const page = await context.newPage();
    try {
      await page.setViewportSize({ width: 900, height: 900 });
      await page.goto(`${origin[name]}history.html`, { waitUntil: 'commit' });
      await page
        .waitForFunction(() => window.__bench?.firstScreenAt != null, null, { timeout: HISTORY_TIMEOUT_MS })
        .catch((error) => {
          throw new Error(`history page (${name}) first screen: ${error.message}`);
        });
      return await page.evaluate(() => window.__bench.firstScreenAt);
    } finally {
      await page.close();
    }
  };

  // One unmeasured round first: the first open of each page does one-time work (database opened
  // and upgraded in the empty copy, the legacy-storage check, disk caches).
  for (const name of COPIES) {
    await popupRun(name);
    await historyRun(name);
  }
  for (let i = 0; i < RUNS; i++) {
    const order = COPIES.map((_, j) => COPIES[(i + j) % COPIES.length]);
    for (const name of order) {
      const { interactive, done, doneBusy } = await popupRun(name);
      results.popup[name].push(interactive);
      results.done[name].push(...done);
      results.doneBusy[name].push(...doneBusy);
    }
    for (const name of order) results.history[name].push(await historyRun(name));
  }

  // Export of everything from the full history page, EXPORT_RUNS times in one page.
  const page = await context.newPage();
  await page.goto(`${origin.full}history.html`);
  await page.waitForFunction(() => window.__bench?.firstScreenAt != null, null, { timeout: TIMEOUT_MS });
  const button = page.getByRole('button', { name: 'Export everything (JSON)' }).first();
  for (let i = 0; i < EXPORT_RUNS; i++) {
    await button.waitFor();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.data-panel button')].some(
          (b) => b.textContent.trim() === 'Export everything (JSON)' && !b.disabled,
        ),
      null,
      { timeout: TIMEOUT_MS },
    );
    const { ms, bytes } = await page.evaluate(async () => {
      const bench = window.__bench;
      bench.blobAt = null;
      const target = [...document.querySelectorAll('.data-panel button')].find(
        (b) => b.textContent.trim() === 'Export everything (JSON)',
      );
      const t0 = performance.now();
      target.click();
      while (bench.blobAt === null) {
        if (performance.now() - t0 > 30_000) throw new Error('no export file after 30 s');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return { ms: bench.blobAt - t0, bytes: bench.blobBytes };
    });
    exportTimes.push(ms);
    exportBytes = bytes;
  }
  await page.close();
  for (const [name, size] of Object.entries(SIZES)) {
    const left = await tools[name].evaluate(() => window.__db.count());
    if (left !== size.checkIns)
      throw new Error(`the ${name} store holds ${left} check-ins after the runs, not ${size.checkIns}`);
  }
} catch (error) {
  failure = error;
} finally {
  await context.close().catch(() => {});
  rmSync(tempDir, { recursive: true, force: true });
}

// --- table -----------------------------------------------------------------------------------------

const ms = (value) => `${value.toFixed(1)} ms`;
const verdict = (ok) => (ok ? 'PASS' : 'OVER');
for (const [name, seed] of Object.entries(seeded))
  console.log(
    `${name === 'full' ? '\n' : ''}Seeded "${name}": ${seed.checkIns.toLocaleString('en')} check-ins (${seed.journalLines.toLocaleString('en')} with a journal line) ` +
      `over ${seed.days} days, ~${(seed.bytes / 1024 / 1024).toFixed(1)} MB as JSON, in ${ms(seed.ms)}.`,
  );
if (failure) {
  console.error(`\nThe scale run stopped: ${failure.message.split('\n')[0]}`);
  process.exitCode = 1;
} else {
  const rows = [['measure (median)', 'seeded', 'empty', 'value', 'target', '']];
  const ratioRow = (label, key, target, name = 'full') => {
    const full = median(results[key][name]);
    const empty = median(results[key].empty);
    const ratio = full / empty;
    rows.push([
      `${label}, ${(SIZES[name].checkIns / 1000).toLocaleString('en')}k`,
      ms(full),
      ms(empty),
      `${ratio.toFixed(2)}×`,
      target ? `≤ ${target}` : '',
      target ? verdict(ratio <= target) : '',
    ]);
  };
  for (const name of Object.keys(SIZES)) {
    ratioRow('popup interactive (feeling click → outlet heading)', 'popup', TARGETS.popup, name);
    ratioRow('history first screen (section.history-days)', 'history', TARGETS.history, name);
    ratioRow('Done → next step (click → #thanks-title laid out)', 'done', TARGETS.done, name);
    ratioRow(`  the same, ${BUSY_MS} ms after the outlet step showed`, 'doneBusy', TARGETS.done, name);
  }
  const exportMedian = median(exportTimes);
  rows.push([
    'export everything, JSON built (click → file)',
    ms(exportMedian),
    '',
    ms(exportMedian),
    `< ${TARGETS.exportMs} ms`,
    verdict(exportMedian < TARGETS.exportMs),
  ]);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  console.log(
    `\n${RUNS} runs each for the popup and the history page, in turns (${COPIES.join(' / ')}), fresh tab per run, ` +
      `"Done" ${DONE_ROUNDS * 2} times per popup; ` +
      `export ${EXPORT_RUNS} times (worst ${ms(Math.max(...exportTimes))}, file ${(exportBytes / 1024 / 1024).toFixed(1)} MB).`,
  );
  for (const row of rows)
    console.log(
      row
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd(),
    );
  if (process.env.BENCH_RAW) console.log(JSON.stringify(results));
  console.log(`\nScale run: ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}
