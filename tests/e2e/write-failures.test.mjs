// Forced IndexedDB write failures, then recovery: every journal line kept (issue 15, "A kept draft is
// thrown away when it is recovered"). Three check-ins, each with its own journal line, are made in the
// real popup while the browser refuses every write to the history database; each "Done" says plainly
// that it couldn't save. Once writes work again, opening the popup and the history page must bring
// back all three lines, exactly as typed, each in its own check-in.
//
// How writes are refused: a script Chromium runs first in every extension page (playwright's
// addInitScript; not in the service worker) lets each IDBObjectStore put / add through and then aborts
// its transaction, so the request fails and the transaction ends with nothing written, the way a
// write the browser refuses (a full disk: QuotaExceededError) ends. Filling the real quota isn't an
// option: the extension has `unlimitedStorage`, and Chromium's quota is a share of the free disk. Only
// IndexedDB is touched: storage.local, where a line being typed waits (platform/history/draft.ts),
// works as it does when a disk has a little room left. The switch is a localStorage key of the
// extension's origin, read at each page load, so "writes work again" is one removeItem away and
// affects only pages opened after it.
// Screenshots: tests/e2e/screenshots/{light,dark}-write-failures-*.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parseYAML } from 'confbox';
import { rootDir } from './harness.mjs';
import {
  anotherIdeaUntil,
  checkIns,
  eventually,
  extensionSuite,
  openPopup,
  patchSettings,
  shoot,
} from './outlet.mjs';

const en = parseYAML(readFileSync(path.join(rootDir, 'locales/en.yml'), 'utf8'));

const REFUSE = 'e2e:refuse-indexeddb-writes';

/** Runs first in every page of the context: with the switch on, every IndexedDB write fails. */
function refuseWritesWhenSwitchedOn(key) {
  let on = false;
  try {
    on = globalThis.localStorage?.getItem(key) === 'on';
  } catch {
    // A page without localStorage (about:blank): nothing to refuse there.
  }
  if (!on) return;
  for (const method of ['put', 'add']) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (...args) {
      const request = original.apply(this, args);
      // The request fails with AbortError and the transaction's complete never comes: nothing of
      // it is written, as with a write the browser refuses.
      this.transaction.abort();
      return request;
    };
  }
}

/** Three lines with what a line can hold: punctuation, quotes, markup, other scripts, emoji. */
const LINES = [
  ['frustrated', 'The meeting ran long again; I said nothing.'],
  ['tired', 'Zwei Tassen Kaffee, ça va — 静かな朝。😴'],
  ['hopeful', 'Tomorrow: ask Ana about "the plan" <b>first</b> & breathe.'],
];

describe('forced IndexedDB write failures, then recovery', () => {
  const ext = extensionSuite({ once: true, clear: false, settings: null });
  before(async () => {
    await ext.context.addInitScript(refuseWritesWhenSwitchedOn, REFUSE);
  });

  /** Turns the refusal on or off for the extension pages opened from now on. */
  async function refuseWrites(on) {
    const page = await ext.openPage('manifest.json');
    await page.evaluate(
      ({ key, value }) => (value ? localStorage.setItem(key, 'on') : localStorage.removeItem(key)),
      { key: REFUSE, value: on },
    );
    await page.close();
  }

  it('three journal lines whose saves failed are all in the history once writes work again', async () => {
    await patchSettings(ext, { families: ['journaling'] });
    await refuseWrites(true);

    const popup = await openPopup(ext);
    // The refusal is in place: a write from this page fails (and nothing is stored by trying).
    const probe = await popup.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('e2e-probe');
          open.onupgradeneeded = () => open.result.createObjectStore('s');
          open.onsuccess = () => {
            const tx = open.result.transaction('s', 'readwrite');
            tx.objectStore('s').put(1, 'k');
            tx.oncomplete = () => resolve('written');
            tx.onabort = () => resolve('refused');
          };
        }),
    );
    assert.equal(probe, 'refused', 'the page is refused IndexedDB writes');

    const alert = popup.getByRole('alert').filter({ hasText: en.checkin.saveFailed });
    for (const [i, [feeling, line]] of LINES.entries()) {
      await popup.locator(`button[data-feeling="${feeling}"]`).click();
      const journal = popup.getByRole('textbox', { name: 'One line for your journal' });
      await anotherIdeaUntil(popup, journal);
      await journal.pressSequentially(line);
      await popup.getByRole('button', { name: en.checkin.done, exact: true }).click();
      // Said plainly, and the step waits (its "Done" couldn't finish).
      await alert.waitFor();
      if (i === 0) await shoot(popup, 'write-failures-said');
      await popup.getByRole('button', { name: en.checkin.back }).click();
      await popup.getByRole('heading', { name: en.checkin.title }).waitFor();
    }
    assert.deepEqual(await checkIns(ext), [], 'nothing reached the history database');
    await popup.close();

    // Writes work again; the next popup and the history page bring the lines back.
    await refuseWrites(false);
    const again = await openPopup(ext);
    const history = await ext.openPage('history.html');
    await history.setViewportSize({ width: 900, height: 900 });
    const shown = history.locator('.history-journal .journal-line');
    const lines = await eventually(
      () => shown.allTextContents(),
      (texts) => texts.length >= LINES.length,
      { what: 'the three journal lines on the history page', timeout: 15_000 },
    ).catch(async (error) => {
      await shoot(history, 'write-failures-recovered');
      throw error;
    });
    await shoot(history, 'write-failures-recovered');
    assert.deepEqual(
      lines.map((text) => text.trim()).sort(),
      LINES.map(([, line]) => line).sort(),
      'every line, exactly as typed',
    );
    const stored = await checkIns(ext);
    assert.deepEqual(
      stored.map((entry) => [entry.feeling, entry.journal]),
      LINES,
      'each line in its own check-in, with the feeling it was written for',
    );
    await again.close();
    await history.close();
  });
});
