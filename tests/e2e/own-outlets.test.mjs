// A person's own outlets in the real extension (issue 18, item 4): added on the options page (a
// refusal said next to its field first), offered in the check-in when the family and the moment fit
// it and never when they don't, changed, shown in the history by its title, removed (the history
// then names it kindly), and brought back by an export and an import. Screenshots of the form,
// light and dark, with and without a refusal, and of the check-in offering one.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { screenshotDir } from './harness.mjs';
import { ALWAYS_ON_HOURS, anotherIdeaUntil, extensionSuite, openPopup, shoot } from './outlet.mjs';

/** The options page's "Your own ideas" section alone, light and dark: light-<name>.png, dark-<name>.png. */
async function shootSection(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await page
      .locator('section#own')
      .screenshot({ path: path.join(screenshotDir, `${colorScheme}-${name}.png`), animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const TITLE = 'Hum one song you love';
const CHANGED = 'Hum two songs you love';
const HOW = 'Out loud if you can, under your breath if not.';

describe('own outlets', () => {
  const ext = extensionSuite({
    once: true,
    started: true,
    // Only creative ideas, alone at the desk with 2 minutes: the own idea is one of few that fit.
    settings: { hours: ALWAYS_ON_HOURS, families: ['creative'] },
    storage: { context: { canStepAway: false, alone: true, minutes: 2 } },
  });
  const tempDir = mkdtempSync(path.join(tmpdir(), 'outlet-own-'));
  after(() => rmSync(tempDir, { recursive: true, force: true }));

  const ownStored = async () => {
    const local = await ext.getStorage();
    return Object.entries(local)
      .filter(([key]) => key.startsWith('ownOutlet:'))
      .map(([, value]) => value);
  };

  async function optionsAtOwn() {
    const page = await ext.openPage('options.html#own');
    await page.setViewportSize({ width: 900, height: 1000 });
    await page.getByRole('heading', { name: 'Your own ideas' }).waitFor();
    return page;
  }

  it('is added on the options page, a refusal said next to its field first', async () => {
    const page = await optionsAtOwn();
    const section = page.locator('section#own');
    await section.getByText('No ideas of your own yet.').waitFor();
    await page.getByLabel('What to do').fill(TITLE);
    await page.getByLabel('How, in a line (if you like)').fill(HOW);
    await page.getByLabel('What kind of idea').selectOption({ label: 'Creative' });
    await page.getByLabel('Minutes it takes (1 to 15)').fill('30');
    await page.getByLabel("Only when I'm on my own").check();
    await shootSection(page, 'own-form');
    await page.getByRole('button', { name: 'Add this idea' }).click();
    const refusal = section.getByRole('alert');
    await refusal.waitFor();
    assert.equal((await refusal.textContent()).trim(), 'From 1 to 15 minutes: a check-in offers up to 15.');
    assert.equal(await page.getByLabel('What to do').inputValue(), TITLE, 'what was typed stays');
    assert.deepEqual(await ownStored(), [], 'nothing stored');
    await shootSection(page, 'own-form-refused');

    await page.getByLabel('Minutes it takes (1 to 15)').fill('2');
    await page.getByRole('button', { name: 'Add this idea' }).click();
    await section.getByText(TITLE).waitFor();
    await section.getByText('Saved.').waitFor();
    await section.getByText('Creative · 2 min · on your own').waitFor();
    const stored = await ownStored();
    assert.equal(stored.length, 1);
    assert.match(stored[0].id, /^own-creative-[a-z0-9]+$/);
    assert.equal(stored[0].how, HOW);
    await shootSection(page, 'own-list');
    await page.close();
  });

  it('is offered in the check-in when its family and the moment fit, never when they do not', async () => {
    let page = await openPopup(ext);
    await page.locator('button[data-feeling="numb"]').click();
    await anotherIdeaUntil(page, page.getByRole('heading', { name: TITLE }));
    await page.getByText(HOW).waitFor();
    await shoot(page, 'own-offered');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.close();

    // Not alone: an idea for when you're on your own never comes, however often "Another idea".
    await ext.setStorage({ context: { canStepAway: false, alone: false, minutes: 2 } });
    page = await openPopup(ext);
    await page.locator('button[data-feeling="numb"]').click();
    await page.locator('#outlet-title').waitFor();
    for (let i = 0; i < 12; i++) {
      assert.notEqual((await page.locator('#outlet-title').textContent()).trim(), TITLE);
      await page.getByRole('button', { name: 'Another idea' }).click();
    }
    await page.close();
    await ext.setStorage({ context: { canStepAway: false, alone: true, minutes: 2 } });
  });

  it('is changed in place, and the history names the check-in by its title', async () => {
    const page = await optionsAtOwn();
    const section = page.locator('section#own');
    await section.getByRole('button', { name: 'Edit' }).click();
    await section.getByText(`Changing “${TITLE}”`).waitFor();
    await shootSection(page, 'own-form-editing');
    await page.getByLabel('What to do').fill(CHANGED);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await section.getByText(CHANGED).waitFor();
    assert.equal((await ownStored())[0].title, CHANGED);
    await page.close();

    const history = await ext.openPage('history.html');
    await history.locator('.history-days').getByText(CHANGED).first().waitFor();
    await history.close();
  });

  it('goes out with an export, and an import brings it back once removed', async () => {
    const history = await ext.openPage('history.html');
    await history.setViewportSize({ width: 900, height: 900 });
    await history.locator('.history-days').getByText(CHANGED).first().waitFor();
    const downloading = history.waitForEvent('download');
    await history.getByRole('button', { name: 'Export everything (JSON)' }).click();
    const download = await downloading;
    const exported = path.join(tempDir, download.suggestedFilename());
    copyFileSync(await download.path(), exported);
    const file = JSON.parse(readFileSync(exported, 'utf8'));
    assert.deepEqual(
      file.ownOutlets.map((o) => o.title),
      [CHANGED],
    );
    const [kept] = await ownStored();

    // Removed: gone from the list, and the history names its check-in kindly.
    const options = await optionsAtOwn();
    await options.locator('section#own').getByRole('button', { name: 'Remove' }).click();
    await options.getByText('No ideas of your own yet.').waitFor();
    assert.deepEqual(await ownStored(), []);
    await history.reload();
    await history
      .locator('.history-days')
      .getByText('One of your own ideas, since removed')
      .first()
      .waitFor();

    await history.getByLabel('File to bring back (.json)').setInputFiles(exported);
    await history.getByRole('button', { name: 'Import', exact: true }).click();
    await history.getByText(/^Added: 1 idea of your own\./).waitFor();
    await history.locator('.history-days').getByText(CHANGED).first().waitFor();
    const [back] = await ownStored();
    assert.deepEqual({ ...back, addedAt: 0 }, { ...kept, addedAt: 0 }, 'the same idea, field for field');
    await options.reload();
    await options.locator('section#own').getByText(CHANGED).waitFor();
    await options.close();
    await history.close();
  });
});
