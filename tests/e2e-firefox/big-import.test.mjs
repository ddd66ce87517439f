// The file checker in Firefox (issue 15, item 5): an import is read and checked in a module worker
// of the history page, which must load under Firefox MV3's extension CSP; the check-ins are then
// written in chunks and the page says how many were added. An export made a piece at a time comes out
// whole. Screenshot: tests/e2e/screenshots/firefox-data-import.png (git-ignored).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateCheckIns } from '../e2e/big-file.mjs';
import { eventually, launchFirefoxExtension, screenshotDir } from './harness.mjs';

const COUNT = 3_500;

describe('a big file in Firefox ESR', () => {
  /** @type {Awaited<ReturnType<typeof launchFirefoxExtension>>} */
  let ext;
  before(async () => {
    ext = await launchFirefoxExtension();
  });
  after(async () => {
    await ext?.close();
  });

  it('checks the file in a worker, imports it in chunks, and exports it back whole', async () => {
    const page = await ext.openPage('history.html', { width: 900, height: 1000 });
    const entries = generateCheckIns(COUNT, Date.now() - 3_600_000);
    // The page's own export of an empty history is the file around the check-ins.
    const text = await page.evaluate(async (checkIns) => {
      const made = [];
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob) => {
        made.push(blob);
        return create(blob);
      };
      window.__made = made;
      const button = () =>
        [...document.querySelectorAll('button')].find(
          (b) => b.textContent.trim() === 'Export everything (JSON)',
        );
      while (!button()) await new Promise((resolve) => setTimeout(resolve, 50));
      button().click();
      while (made.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      const file = JSON.parse(await made[0].text());
      return JSON.stringify({ ...file, checkIns });
    }, entries);

    // Choose the file (as the file picker would) and press Import.
    await page.evaluate(async (content) => {
      const input = document.getElementById('data-import-file');
      const picked = new DataTransfer();
      picked.items.add(new File([content], 'outlet-big.json', { type: 'application/json' }));
      input.files = picked.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      // The panel takes the file on its next render, which enables Import: press it then.
      const importButton = () =>
        [...document.querySelectorAll('button')].find(
          (b) => b.textContent.trim() === 'Import' && !b.disabled,
        );
      while (!importButton()) await new Promise((resolve) => setTimeout(resolve, 20));
      importButton().click();
    }, text);

    const said = await eventually(
      () =>
        page.evaluate(
          () =>
            document.querySelector('.data-panel [role=status], .data-panel [role=alert]')?.textContent ?? '',
        ),
      (words) => /^Added|couldn't|wasn't/.test(words),
      { timeout: 120_000, what: 'the import to end' },
    );
    assert.match(said, /^Added: 3,500 check-ins\./);
    await page.evaluate(() => document.querySelector('.data-panel').scrollIntoView());
    await page.screenshot({ path: path.join(screenshotDir, 'firefox-data-import.png'), fullPage: false });

    // The export reads the history back a page at a time and makes the file in pieces: whole.
    const exported = await page.evaluate(async () => {
      const made = window.__made;
      const before = made.length;
      [...document.querySelectorAll('button')]
        .find((b) => b.textContent.trim() === 'Export everything (JSON)')
        .click();
      while (made.length === before) await new Promise((resolve) => setTimeout(resolve, 50));
      return JSON.parse(await made.at(-1).text()).checkIns;
    });
    assert.deepEqual(
      exported.map((entry) => entry.id).sort(),
      entries.map((entry) => entry.id).sort(),
      'every check-in is in the export, once',
    );
  });
});
