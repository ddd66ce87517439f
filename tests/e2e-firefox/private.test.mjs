// Outlet in Firefox ESR set to "never remember history" (issue 15): private browsing always on
// (`browser.privatebrowsing.autostart`), Outlet allowed in private windows. There Firefox refuses
// IndexedDB (`indexedDB.open` fails with InvalidStateError) while storage.local works and lasts. A
// check-in with a journal line made in the popup page must be saved without a word of failure, and
// after Firefox is quit and started again on the same profile the history page must show the line.
// Two Firefox launches on one profile. Screenshots: tests/e2e/screenshots/firefox-private-*.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseYAML } from 'confbox';
import { eventually, launchFirefoxExtension, rootDir } from './harness.mjs';

const en = parseYAML(readFileSync(path.join(rootDir, 'locales/en.yml'), 'utf8'));
/** The longest a state may take to show up: generous, for a slow or busy machine (a wait ends as soon as it shows). */
const WAIT = 15_000;

const LINE = 'Walked to the river; nobody needs to know. 🌊 <i>still</i> "mine"';

/** The text a person sees on the page (hidden elements left out). */
// biome-ignore lint/performance/useDomNodeTextContent: what is rendered, not what is in the DOM
const visibleText = (page) => page.evaluate(() => document.body.innerText);

/** Clicks the visible button whose text is exactly `name`, once there is one. */
async function click(page, name) {
  const found = await page.waitForFunction(
    (wanted) =>
      [...document.querySelectorAll('button')].find(
        (el) => el.textContent.trim() === wanted && el.getClientRects().length > 0 && !el.disabled,
      ),
    { timeout: WAIT, polling: 100 },
    name,
  );
  await found.asElement().click();
}

/** The id of the field labelled `label`, if it is on the page. */
const fieldLabelled = (page, label) =>
  page.evaluate(
    (wanted) =>
      [...document.querySelectorAll('label')].find((el) => el.textContent.trim() === wanted)?.htmlFor ?? null,
    label,
  );

describe('Outlet in Firefox ESR with "never remember history"', () => {
  /** @type {Awaited<ReturnType<typeof launchFirefoxExtension>>} */
  let ext;
  /** What the history page showed after the restart. */
  let historyText;
  before(async () => {
    ext = await launchFirefoxExtension({
      prefs: { 'browser.privatebrowsing.autostart': true },
      allowPrivateBrowsing: true,
    });
  });
  after(async () => {
    await ext?.close();
  });

  it('a check-in with a journal line is saved, and after a restart the history page shows the line', async () => {
    assert.equal(
      await ext.chromeEvaluate(
        `ChromeUtils.importESModule('resource://gre/modules/PrivateBrowsingUtils.sys.mjs')
          .PrivateBrowsingUtils.permanentPrivateBrowsing`,
      ),
      true,
      'Firefox runs in "never remember history" mode',
    );
    await ext.patchSettings({ families: ['journaling'] });

    const popup = await ext.openPage('popup.html', { width: 360, height: 600 });
    await eventually(
      () => popup.evaluate(() => document.querySelector('h1')?.textContent.trim()),
      (h1) => h1 === en.checkin.title,
      { what: 'the feelings step', timeout: WAIT },
    );
    await (await popup.waitForSelector('button[data-feeling="frustrated"]')).click();
    // "Another idea" until the outlet asks for one line (each click shows another outlet's title).
    const title = () => popup.evaluate(() => document.querySelector('h1')?.textContent.trim());
    let field = await fieldLabelled(popup, en.checkin.journalLabel);
    for (let tries = 0; tries < 25 && !field; tries++) {
      const before = await title();
      await click(popup, en.checkin.another);
      await eventually(title, (now) => now !== before, { what: 'another outlet', timeout: WAIT });
      field = await fieldLabelled(popup, en.checkin.journalLabel);
    }
    assert.ok(field, 'a journal outlet with one line is offered');
    await popup.type(`[id="${field}"]`, LINE);
    await ext.screenshot(popup, 'private-line');
    await click(popup, en.checkin.done);

    // What follows Done: the thanks step, or the words of a failed save.
    const after = await eventually(
      () => visibleText(popup),
      (text) => text.includes(en.checkin.again) || text.includes(en.checkin.saveFailed),
      { what: 'the step after Done, or a failed save', timeout: WAIT },
    );
    await ext.screenshot(popup, 'private-after-done');
    if (after.includes(en.checkin.saveFailed)) {
      // Say why, in the failure: can this origin open IndexedDB at all here? (A database of its own,
      // so the app's is never created by the test.)
      const idb = await popup.evaluate(
        () =>
          new Promise((resolve) => {
            const open = indexedDB.open('e2e-probe');
            open.onsuccess = () => {
              open.result.close();
              resolve('opens');
            };
            open.onerror = () => resolve(`open fails: ${open.error?.name}`);
          }),
      );
      assert.fail(`the popup said: "${en.checkin.saveFailed}" (IndexedDB here: ${idb})`);
    }
    assert.ok(after.includes(en.checkin.again), 'Done finished the check-in');
    await popup.close().catch(() => {});

    // Quit Firefox and start it again on the same profile.
    ext = await ext.relaunch();
    const history = await ext.openPage('history.html', { width: 900, height: 1000 });
    const text = await eventually(
      () => visibleText(history),
      (t) => t.includes(LINE) || t.includes(en.history.loadFailed),
      { what: 'the history page to show the line, or say it could not read', timeout: WAIT },
    );
    await ext.screenshot(history, 'private-history');
    assert.ok(!text.includes(en.history.loadFailed), `the history page said: "${en.history.loadFailed}"`);
    assert.ok(text.includes(LINE), 'the line, exactly as typed');
    historyText = text;
    await history.close();
  });

  it('the history page says plainly where the check-ins are kept', () => {
    assert.ok(historyText, 'needs the step before: the history page after the restart');
    assert.ok(
      historyText.includes(en.history.keptInExtensionStorage),
      'the words of history.keptInExtensionStorage',
    );
  });

  it('no page and not the background logged an error (in the last launch)', (t) => {
    for (const line of ext.firefoxErrors()) t.diagnostic(`Firefox's own, not counted: ${line}`);
    assert.deepEqual(ext.errors(), []);
  });
});
