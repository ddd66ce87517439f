// Bringing entries in from another mood app, in the real extension (issue 19): a Daylio file with
// mood names the person made up, placed on Outlet's feelings in the mapping step, shows in the
// history in the person's own words; the same file again adds nothing. Screenshots of the preview
// and the mapping step, light and dark.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { rootDir } from './harness.mjs';
import { checkIns, eventually, extensionSuite, shoot } from './outlet.mjs';

const DAYLIO = path.join(rootDir, 'tests/fixtures/imports/daylio-title.csv');

describe('a Daylio file with its own mood names', () => {
  const ext = extensionSuite({ once: true });

  it('is previewed, its mood names placed, and its entries shown in the history', async () => {
    const page = await ext.openPage('history.html');
    await page.setViewportSize({ width: 800, height: 900 });
    await page.getByLabel('File from another app (.csv or .json)').setInputFiles(DAYLIO);
    await page.getByRole('heading', { name: "What's in this file" }).waitFor();
    await page
      .getByText('5 check-ins from Daylio, March 2021 to November 2024; 2 mood names to place.')
      .waitFor();
    await page.getByRole('heading', { name: 'From another mood app' }).scrollIntoViewIfNeeded();
    await shoot(page, 'app-import-preview');

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Where do your moods go?' }).waitFor();
    await page.getByLabel(/ok but sleepy/).selectOption('tired');
    await page.getByLabel(/Refreshed/).selectOption('energised');
    await shoot(page, 'app-import-mapping');
    await page.getByRole('button', { name: 'Bring them in' }).click();
    await page.getByText('Brought in: 5 check-ins.').waitFor();

    const stored = await eventually(
      () => checkIns(ext),
      (list) => list.length === 5,
      { what: 'the five imported check-ins' },
    );
    assert.deepEqual(stored.map((entry) => [entry.day, entry.feeling, entry.imported.mood]).sort(), [
      ['2021-03-01', 'content', 'good'],
      ['2024-11-01', 'tired', 'ok but sleepy'],
      ['2024-11-01', 'tired', 'ok but sleepy'],
      ['2024-11-02', 'energised', 'Refreshed'],
      ['2024-11-02', 'sad', 'sad'],
    ]);
    // The history lists them as the person wrote them: their mood word, activities and note.
    const refreshed = page.locator('li.entry', { hasText: 'From Daylio: “Refreshed”' });
    await refreshed.waitFor();
    assert.match(await refreshed.textContent(), /Energised/);
    assert.match(await refreshed.textContent(), /swim \| friends/);
    assert.match(await refreshed.textContent(), /We swam, then "the usual" tea\./);
    assert.equal(await page.locator('li.entry', { hasText: 'From Daylio: “ok but sleepy”' }).count(), 2);
    await shoot(page, 'app-import-history');

    // The same file again: every name has its place already, and nothing is added.
    await page.getByLabel('File from another app (.csv or .json)').setInputFiles(DAYLIO);
    await page.getByText(/every mood name already has its place/).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Bring them in' }).click();
    await page.getByText('Nothing new: every entry in this file is already here.').waitFor();
    assert.equal((await checkIns(ext)).length, 5);
    await page.close();
  });
});
