// Every language Outlet has, seen in the real browser: for each locales/<locale>.yml, a copy of the
// build that holds only that language (Debian's Chromium ships the en-US UI only, so --lang can't
// pick one: TOOLCHAIN.md), its manifest's default_locale naming it (scripts/one-language.mjs).
// Options, history and the popup must say their language and direction on <html>, show that file's
// own words (read from it, never written here) and dates in that language.
// Screenshots: tests/e2e/screenshots/lang-<locale>-<page>.png.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseYAML } from 'confbox';
import { oneLanguageCopy } from '../../scripts/one-language.mjs';
import { launchExtension, rootDir } from './harness.mjs';
import { eventually, seedHistory, startOutlet } from './outlet.mjs';

const builtDir = path.resolve(
  rootDir,
  process.env.E2E_EXTENSION_DIR || path.join(process.env.OUTLET_OUT_DIR || '.output', 'chrome-mv3'),
);
const localesDir = path.join(rootDir, 'locales');
const locales = readdirSync(localesDir)
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => file.replace(/\.ya?ml$/, ''))
  .sort();

const DAY = 24 * 60 * 60 * 1000;
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur']);
const directionOf = (language) => (RIGHT_TO_LEFT.has(language.split('-')[0]) ? 'rtl' : 'ltr');

/** What a page says about its language: <html lang>, dir, the direction it lays out in. */
const pageLanguage = (page) =>
  page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    direction: getComputedStyle(document.documentElement).direction,
  }));

/** lang names the words' language: "de" for German words, "en-US" (or "en") for English ones. */
function assertLanguage(page, { lang, direction }, language) {
  assert.ok(
    lang === language || lang.toLowerCase().startsWith(`${language.toLowerCase()}-`),
    `${page}: <html lang="${lang}"> around words in ${language}` +
      (page === 'popup.html' ? ' (the popup must call setPageLanguage() from platform/i18n.ts)' : ''),
  );
  const expected = directionOf(language);
  assert.equal(direction, expected, `${page}: laid out ${direction}, words in ${language} run ${expected}`);
}

before(() => {
  assert.ok(existsSync(path.join(builtDir, 'manifest.json')), `No build at ${builtDir} (run: npx wxt build)`);
  for (const locale of locales)
    assert.ok(
      existsSync(path.join(builtDir, '_locales', locale, 'messages.json')),
      `locales/${locale}.yml has no _locales/${locale}/ in ${builtDir}: build again (npx wxt build)`,
    );
});

for (const locale of locales) {
  const words = parseYAML(readFileSync(path.join(localesDir, `${locale}.yml`), 'utf8'));
  const language = words.messagesLanguage;
  const weekdays = Array.from({ length: 7 }, (_, d) =>
    new Intl.DateTimeFormat(language, { weekday: 'long' }).format(new Date(2026, 0, 4 + d)),
  );

  describe(`in ${locale} (${language})`, () => {
    /** @type {Awaited<ReturnType<typeof launchExtension>>} */
    let ext;
    let tempDir;
    /** Keys a page asked for that this language's file has no words for. */
    const unsaid = new Set();
    before(async () => {
      tempDir = mkdtempSync(path.join(tmpdir(), `outlet-lang-${locale}-`));
      ext = await launchExtension({
        extensionDir: oneLanguageCopy(builtDir, locale, path.join(tempDir, 'extension')),
      });
      // platform/i18n.ts warns for a key with no words: on screen, a blank label.
      ext.context.on('console', (message) => {
        const key = /^Outlet: no message for "(.+)"$/.exec(message.text())?.[1];
        if (key) unsaid.add(key);
      });
      await startOutlet(ext);
    });
    after(async () => {
      await ext?.close();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    });

    it('the browser picked this language’s words', async () => {
      const page = await ext.openPage('manifest.json');
      const picked = await page.evaluate(() => ({
        messagesLanguage: chrome.i18n.getMessage('messagesLanguage'),
        name: chrome.i18n.getMessage('extName'),
      }));
      assert.deepEqual(picked, { messagesLanguage: language, name: words.extName });
      await page.close();
    });

    it('options: its lang and direction, its own heading, weekdays in its language', async () => {
      const page = await ext.openPage('options.html');
      await page.setViewportSize({ width: 900, height: 900 });
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      assert.equal((await heading.textContent()).trim(), words.options.title);
      assertLanguage('options.html', await pageLanguage(page), language);
      assert.equal((await pageLanguage(page)).dir, directionOf(language));
      assert.equal(await page.title(), words.options.title, 'the tab says it too');
      // "Different hours each day" lists the days by name: "Add hours on Montag" was the bug.
      await page.getByRole('radio', { name: words.options.hoursEachDay }).check();
      const days = (await page.locator('fieldset.day > legend').allInnerTexts()).map((t) => t.trim());
      assert.deepEqual([...days].sort(), [...weekdays].sort(), `the days in ${language}`);
      await page.locator('#hours').scrollIntoViewIfNeeded();
      await ext.screenshot(page, `lang-${locale}-options`);
      await page.close();
    });

    it('history: its lang and direction, its own heading, a day’s date in its language', async () => {
      // A check-in ten days ago, at noon: its day is headed by its date, not "today".
      const at = new Date(Date.now() - 10 * DAY);
      at.setHours(12, 0, 0, 0);
      await seedHistory(ext, [
        {
          id: 'lang-1',
          at: at.getTime(),
          feeling: 'calm',
          outletId: 'walk-street',
          outcome: 'done',
          context: { canStepAway: true, alone: false, minutes: 5 },
          shown: ['walk-street'],
        },
      ]);
      const page = await ext.openPage('history.html');
      await page.setViewportSize({ width: 900, height: 900 });
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      assert.equal((await heading.textContent()).trim(), words.history.title);
      assertLanguage('history.html', await pageLanguage(page), language);
      assert.equal((await pageLanguage(page)).dir, directionOf(language));
      const sameYear = at.getFullYear() === new Date().getFullYear();
      const date = new Intl.DateTimeFormat(language, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        ...(sameYear ? {} : { year: 'numeric' }),
      }).format(at);
      const pad = (n) => String(n).padStart(2, '0');
      const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
      const dayHeading = page.locator(`[id="day-${day}"]`);
      await dayHeading.waitFor();
      const said = (await dayHeading.textContent()).trim();
      assert.ok(said.startsWith(date), `the day is headed "${said}", in ${language} "${date}"`);
      await ext.screenshot(page, `lang-${locale}-history`);
      await page.close();
    });

    it('popup, once the app runs: its lang and direction, its own question', async () => {
      const page = await ext.openPage('popup.html');
      await page.setViewportSize({ width: 360, height: 600 });
      // The status line is the app's, not the first screen's: it fills in once the app has run.
      await eventually(
        () => page.locator('.status-line').textContent(),
        (text) => (text ?? '').trim() !== '',
        { what: 'the popup’s status line' },
      );
      // Saved first, so there is one to look at when an assertion below fails.
      await ext.screenshot(page, `lang-${locale}-popup`);
      const heading = page.getByRole('heading', { level: 1 });
      assert.equal((await heading.textContent()).trim(), words.checkin.title);
      assertLanguage('popup.html', await pageLanguage(page), language);
      await page.close();
    });

    it('says no error on any page, and leaves no word blank', () => {
      assert.deepEqual(ext.errors, []);
      assert.deepEqual([...unsaid].sort(), [], `keys with no words in locales/${locale}.yml`);
    });
  });
}
