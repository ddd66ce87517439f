// The encrypted copy in Firefox ESR (issue 19): Firefox's WebCrypto, in the history page's module
// worker, makes an encrypted copy that, after "Delete everything", comes back with its passphrase
// into exactly the data it held (compared through the plain export before and after).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateCheckIns } from '../e2e/big-file.mjs';
import { clickButton, eventually, launchFirefoxExtension } from './harness.mjs';

const COUNT = 300;
const PASSPHRASE = 'owls drink tea at dusk';

/** The panel's last words (a status or an alert). */
const panelWords = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.data-panel [role=status], .data-panel [role=alert], .data-panel h4')]
      .map((node) => node.textContent ?? '')
      .join(' | '),
  );

/** Presses the button `name` and resolves to the text of the file the page then hands over. */
async function madeFile(page, name) {
  const before = await page.evaluate(() => window.__made.length);
  await clickButton(page, name);
  await page.waitForFunction(
    (count) => window.__made.length > count,
    { timeout: 120_000, polling: 50 },
    before,
  );
  return page.evaluate(() => window.__made.at(-1).text());
}

/** Chooses a file with `content` (as the picker would) and presses Import. */
async function chooseAndImport(page, content, name) {
  await page.evaluate(
    (text, fileName) => {
      const input = document.getElementById('data-import-file');
      const picked = new DataTransfer();
      picked.items.add(new File([text], fileName, { type: 'application/json' }));
      input.files = picked.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    content,
    name,
  );
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Import' && !b.disabled),
    { polling: 20 },
  );
  await clickButton(page, 'Import');
}

describe('the encrypted copy in Firefox ESR', () => {
  /** @type {Awaited<ReturnType<typeof launchFirefoxExtension>>} */
  let ext;
  before(async () => {
    ext = await launchFirefoxExtension();
  });
  after(async () => {
    await ext?.close();
  });

  it('encrypted export, delete everything, import with the passphrase: the same data', async () => {
    const page = await ext.openPage('history.html', { width: 900, height: 1000 });
    await page.evaluate(() => {
      const made = [];
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob) => {
        made.push(blob);
        return create(blob);
      };
      window.__made = made;
    });
    // Some history, brought in through the page's own import.
    const template = JSON.parse(await madeFile(page, 'Export everything (JSON)'));
    const entries = generateCheckIns(COUNT, Date.now() - 3_600_000);
    await chooseAndImport(page, JSON.stringify({ ...template, checkIns: entries }), 'outlet-plain.json');
    await eventually(
      () => panelWords(page),
      (words) => /Added: 300 check-ins/.test(words),
      {
        timeout: 60_000,
        what: 'the plain import',
      },
    );
    const before = JSON.parse(await madeFile(page, 'Export everything (JSON)'));
    assert.equal(before.checkIns.length, COUNT);

    // The encrypted copy.
    await clickButton(page, 'Encrypted copy (JSON)…');
    // Typed once the form has taken focus to its heading, as a person would.
    await page.waitForFunction(() => document.activeElement?.id === 'crypto-export-heading', { polling: 20 });
    await page.type('#crypto-passphrase', PASSPHRASE);
    await page.type('#crypto-passphrase-again', PASSPHRASE);
    const locked = await madeFile(page, 'Make the encrypted copy');
    const envelope = JSON.parse(locked);
    assert.equal(envelope.format, 'outlet-encrypted');
    assert.equal(envelope.kdf.iterations, 600_000);
    assert.ok(!locked.includes(entries[0].id), 'no check-in is readable in the file');

    // Delete everything.
    await clickButton(page, 'Delete everything…');
    await clickButton(page, 'Delete everything');
    await eventually(
      () => panelWords(page),
      (words) => words.includes('Everything is deleted.'),
      {
        timeout: 30_000,
        what: 'everything deleted',
      },
    );
    const emptied = JSON.parse(await madeFile(page, 'Export everything (JSON)'));
    assert.equal(emptied.checkIns.length, 0);

    // Back in with the passphrase.
    await chooseAndImport(page, locked, 'outlet-encrypted.json');
    await eventually(
      () => panelWords(page),
      (words) => words.includes('This copy is locked'),
      {
        timeout: 30_000,
        what: 'the passphrase step',
      },
    );
    await page.waitForFunction(() => document.activeElement?.id === 'crypto-import-heading', { polling: 20 });
    await page.type('#crypto-import-passphrase', PASSPHRASE);
    await clickButton(page, 'Open and import');
    await eventually(
      () => panelWords(page),
      (words) => /Added: 300 check-ins/.test(words),
      {
        timeout: 60_000,
        what: 'the encrypted import',
      },
    );
    const after = JSON.parse(await madeFile(page, 'Export everything (JSON)'));
    assert.deepEqual(after.checkIns, before.checkIns, 'the same check-ins, field for field');
    assert.deepEqual(after.preferences, before.preferences, 'the same preferences');
  });
});
