// The encrypted copy and the year in feelings (issue 19), end to end in the real extension, one
// browser: an encrypted export → delete everything → import with the passphrase gives back exactly
// what was there (a wrong passphrase first changes nothing); the year at a glance drawn in feelings.
// Screenshots, light and dark: the export's passphrase form, the import's passphrase step, the year.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { screenshotDir } from './harness.mjs';
import { extensionSuite, feelingIds, MINUTE, patchSettings, seedHistory, storedData } from './outlet.mjs';
import { sampleHistory, storeEverything } from './your-data.mjs';

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PASSPHRASE = 'owls drink tea at dusk';

/** A light and a dark picture of one part of the page. */
async function shootPart(page, locator, name) {
  mkdirSync(screenshotDir, { recursive: true });
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await locator.screenshot({
      path: path.join(screenshotDir, `${colorScheme}-${name}.png`),
      animations: 'disabled',
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Most days of the last year, one to three check-ins each, feelings of every kind (seeded). */
function aYear(now = Date.now()) {
  const feelings = feelingIds();
  let seed = 20_261_207;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const entries = [];
  for (let daysAgo = 340; daysAgo >= 1; daysAgo--) {
    if (random() < 0.3) continue;
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      const feeling = feelings[Math.floor(random() * feelings.length)];
      entries.push({
        id: `y-${daysAgo}-${i}`,
        at: now - daysAgo * DAY + i * HOUR,
        feeling,
        outletId: null,
        outcome: 'skipped',
      });
    }
  }
  return entries;
}

describe('the encrypted copy and the year in feelings, in the real extension', () => {
  const ext = extensionSuite({ settings: null, once: true });
  let tempDir;
  before(() => {
    tempDir = mkdtempSync(path.join(tmpdir(), 'outlet-crypto-e2e-'));
  });
  after(() => rmSync(tempDir, { recursive: true, force: true }));

  it('encrypted export, delete everything, import with the passphrase: the same data', async () => {
    const entries = sampleHistory();
    const original = await storeEverything(ext, entries);
    assert.equal(original.checkIns.length, entries.length);

    const page = await ext.openPage('history.html');
    await page.setViewportSize({ width: 900, height: 900 });
    await page
      .locator('.history-days')
      .getByText(/Ein ruhiger Morgen/)
      .waitFor();
    const panel = page.locator('.data-panel');

    // The form: the passphrase twice, the hint, the sentence about a forgotten passphrase.
    await page.getByRole('button', { name: 'Encrypted copy (JSON)…' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('The same passphrase again').fill(PASSPHRASE);
    await page.getByText("That's a strong passphrase.").waitFor();
    await page.getByText(/If you forget the passphrase, no one can open this copy/).waitFor();
    await shootPart(page, panel, 'crypto-export');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Make the encrypted copy' }).click();
    const download = await downloading;
    assert.match(download.suggestedFilename(), /^outlet-encrypted-\d{4}-\d{2}-\d{2}\.json$/);
    const locked = path.join(tempDir, download.suggestedFilename());
    copyFileSync(await download.path(), locked);
    const text = readFileSync(locked, 'utf8');
    const file = JSON.parse(text);
    assert.equal(file.format, 'outlet-encrypted');
    assert.equal(file.kdf.iterations, 600_000);
    assert.equal(file.cipher.name, 'AES-GCM');
    for (const words of ['Ein ruhiger Morgen', 'Aïcha', 'journal', 'calm'])
      assert.ok(!text.includes(words), `“${words}” isn't readable in the file`);
    await page.getByText('Your encrypted copy is saved. Keep the passphrase somewhere safe.').waitFor();

    // Delete everything.
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('button', { name: 'Delete everything', exact: true }).click();
    await page.getByText('Everything is deleted. Your preferences are still here.').waitFor();
    await patchSettings(ext, { intervalMinutes: 90 });

    // Import: the file asks for its passphrase; a wrong one changes nothing.
    await page.getByLabel('File to bring back (.json)').setInputFiles(locked);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'This copy is locked' }).waitFor();
    const step = page.locator('form.crypto-import');
    await step.getByLabel('Passphrase').fill('owls drink coffee at dusk');
    await step.getByRole('button', { name: 'Open and import' }).click();
    await page
      .getByText(
        "That passphrase doesn't open this copy, or the file was changed since it was made. Nothing was changed here.",
      )
      .waitFor();
    const untouched = await storedData(ext);
    assert.deepEqual(untouched.checkIns, [], 'nothing stored after a wrong passphrase');
    assert.equal(untouched.settings.intervalMinutes, 90, 'the preferences untouched');
    await shootPart(page, panel, 'crypto-import');

    await step.getByLabel('Passphrase').fill(PASSPHRASE);
    await step.getByRole('button', { name: 'Open and import' }).click();
    await page.getByText(/^Added: 13 check-ins and 2 people\./).waitFor();
    const restored = await storedData(ext);
    assert.deepEqual(restored.checkIns, original.checkIns, 'the same check-ins, field for field');
    assert.deepEqual(restored.days, original.days, 'the same day summaries');
    // Every preference and person stored before (an import also writes the preferences this test
    // never set, as their defaults, so those aren't compared).
    for (const [key, value] of Object.entries(original.settings))
      assert.deepEqual(restored.settings[key], value, `the same ${key}`);
    assert.deepEqual(
      ext.errors.filter((error) => error.kind === 'uncaught'),
      [],
      'no uncaught errors in any page',
    );
    await page.close();
  });

  it('the year at a glance shows how the days felt, with a legend and a table', async () => {
    await seedHistory(ext, aYear());
    const page = await ext.openPage('history.html');
    await page.setViewportSize({ width: 900, height: 900 });
    const year = page.locator('.history-year');
    await year.getByRole('img').waitFor();
    for (const words of [
      'Pleasant',
      'Tense or stirred up',
      'Low or tired',
      'Numb',
      "Can't tell",
      'No check-in',
    ])
      await year.locator('.year-legend').getByText(words, { exact: true }).waitFor();
    assert.ok((await year.locator('circle.fill-pleasant').count()) > 20, 'pleasant days as circles');
    assert.ok((await year.locator('rect.fill-numb').count()) > 0, 'numb days as their own');
    assert.ok((await year.locator('rect.fill-cantTell').count()) > 0, "can't-tell days as their own");
    await year.getByText('The year in words').click();
    await year.getByRole('columnheader', { name: 'How the days felt' }).waitFor();
    await shootPart(page, year, 'year-feelings');
    await page.close();
  });
});
