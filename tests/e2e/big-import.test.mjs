// A big file through the history page (issue 15, item 5): 20,000 check-ins imported with the progress
// in sight, stopped midway with Cancel (what was written stays, and the page says how much), then
// imported again: every check-in ends up stored exactly once, with its day summaries.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateCheckIns } from './big-file.mjs';
import { launchExtension, screenshotDir } from './harness.mjs';
import { checkIns, daySummaries, eventually } from './outlet.mjs';

const COUNT = 20_000;
const number = (text) => Number(text.replaceAll(',', ''));

/** The "Your data" section alone (the page above it holds 20,000 check-ins), light and dark. */
async function shootPanel(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const panel = page.locator('.data-panel');
  await panel.scrollIntoViewIfNeeded();
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await panel.screenshot({
      path: path.join(screenshotDir, `${colorScheme}-${name}.png`),
      animations: 'disabled',
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('a big file on the history page', () => {
  /** @type {Awaited<ReturnType<typeof launchExtension>>} */
  let ext;
  let tempDir;
  before(async () => {
    ext = await launchExtension();
    tempDir = mkdtempSync(path.join(tmpdir(), 'outlet-big-e2e-'));
  });
  after(async () => {
    await ext?.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  it('imports 20,000 check-ins with progress, stops on Cancel keeping what was written, and finishes on a second import', async () => {
    const page = await ext.openPage('history.html');
    await page.setViewportSize({ width: 900, height: 900 });
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    await importButton.waitFor();

    // The file: this build's own export of an empty history, with 20,000 check-ins put in.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export everything (JSON)' }).click();
    const emptyExport = path.join(tempDir, 'empty.json');
    copyFileSync(await (await downloading).path(), emptyExport);
    const entries = generateCheckIns(COUNT, Date.now() - 3_600_000);
    const filePath = path.join(tempDir, 'outlet-big.json');
    writeFileSync(
      filePath,
      `${JSON.stringify({ ...JSON.parse(readFileSync(emptyExport, 'utf8')), checkIns: entries }, null, 2)}\n`,
    );

    await page.getByLabel('File to bring back (.json)').setInputFiles(filePath);
    // Cancel is pressed from inside the page the moment the progress says 2,000 or more are in: from
    // the test process it could come after the last chunk on a fast machine, and the test would then
    // depend on the machine's speed. What the progress showed at that moment is kept for the checks.
    await page.evaluate(() => {
      const observer = new MutationObserver(() => {
        const job = document.querySelector('.job-progress');
        const text = job?.querySelector('.job-words')?.textContent ?? '';
        const done = Number((/^Importing… ([\d,]+) of 20,000$/.exec(text)?.[1] ?? '0').replaceAll(',', ''));
        if (!job || done < 2_000) return;
        observer.disconnect();
        window.__progressSeen = {
          text,
          max: job.querySelector('progress')?.getAttribute('max'),
          status: job.querySelector('[role="status"]')?.textContent,
        };
        job.querySelector('button')?.click();
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await importButton.click();

    // Progress, in words and as a bar, while the page stays live.
    const job = page.locator('.job-progress');
    const seen = await eventually(() => page.evaluate(() => window.__progressSeen ?? null), Boolean, {
      timeout: 120_000,
      what: 'the import to be 2,000 in',
    });
    assert.match(seen.text, /^Importing… [\d,]+ of 20,000$/);
    assert.equal(seen.max, String(COUNT), 'the bar measures the whole file');
    // Screen readers hear the phase, not every count: only "Importing…" is in the live region.
    assert.equal(seen.status, 'Importing…');

    const stopped = page.getByText(/^Import stopped\. Added so far and kept: [\d,]+ check-ins\./);
    await stopped.waitFor({ timeout: 60_000 });
    const kept = number((await stopped.textContent()).match(/kept: ([\d,]+)/)[1]);
    assert.match(
      await stopped.textContent(),
      /Import the same file again to add the rest; nothing is added twice\./,
    );
    assert.ok(kept > 0 && kept < COUNT, `part of the file was written (${kept})`);
    assert.equal(kept % 1_000, 0, 'whole chunks only');
    await shootPanel(page, 'data-import-stopped');
    const afterStop = await checkIns(ext);
    assert.equal(afterStop.length, kept, 'what the page says was kept is what is stored');
    assert.equal(await job.count(), 0, 'the progress is gone');

    // The same file again: the rest is added, nothing twice.
    await importButton.click();
    const done = page.getByText(/^Added: [\d,]+ check-ins\./);
    await done.waitFor({ timeout: 300_000 });
    assert.match(
      await done.textContent(),
      new RegExp(
        `^Added: ${(COUNT - kept).toLocaleString('en')} check-ins\\. Already here as in the file: ${kept.toLocaleString('en')} check-ins\\.`,
      ),
    );
    await shootPanel(page, 'data-import-finished');

    const stored = await checkIns(ext);
    assert.equal(stored.length, COUNT, 'every check-in stored');
    assert.deepEqual(
      stored.map((entry) => entry.id).sort(),
      entries.map((entry) => entry.id).sort(),
      'each check-in of the file exactly once',
    );
    // Field for field, with the local day the store gives an entry that came without one.
    const { day, offset, ...asInFile } = stored.find((entry) => entry.id === entries[12_345].id);
    assert.deepEqual(asInFile, entries[12_345], 'field for field');
    assert.match(day, /^\d{4}-\d{2}-\d{2}$/, 'placed on a day');
    assert.equal(typeof offset, 'number', 'with the clock it was placed by');
    const days = await daySummaries(ext);
    assert.equal(
      days.reduce((sum, day) => sum + day.count, 0),
      COUNT,
      'the day summaries count each check-in once',
    );
    assert.deepEqual(
      ext.errors.filter((error) => error.kind === 'uncaught'),
      [],
      'no uncaught errors',
    );
  });
});
