// A traveller's history (issue 15, "Travelling corrupts the history"): one Chromium profile, quit and
// started again under another time zone, as a person who flies across the date line. Chromium follows
// `TZ` at launch (TOOLCHAIN.md), so each leg is a launch of the same profile folder with its own `TZ`:
// Pago Pago (UTC-11) and Kiritimati (UTC+14) are 25 hours apart, so the same moment always falls on
// different local days in the two. What must hold is what a person sees: the history page counts the
// check-in once in every view (the day list, the week chart, the year, "N check-ins in all"), and once
// it is deleted no view shows it any more, also after a reload.
// Screenshots: tests/e2e/screenshots/{light,dark}-zones-*.png.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { parseYAML } from 'confbox';
import { launchExtension, rootDir } from './harness.mjs';
import { checkIns, eventually, openPopup, shoot } from './outlet.mjs';

const WEST = 'Pacific/Pago_Pago';
const EAST = 'Pacific/Kiritimati';

// The words as the locale file states them, so a change of copy doesn't break the tests.
const en = parseYAML(readFileSync(path.join(rootDir, 'locales/en.yml'), 'utf8'));
const fill = (text, ...values) => values.reduce((out, value, i) => out.replace(`$${i + 1}`, value), text);
const plural = (forms, n) => fill(n === 1 ? forms.one : forms.other, String(n));

/** What the history page says when it holds exactly one check-in, of a pleasant feeling. */
const ONE_CHECK_IN = {
  entries: 1,
  dayCounts: [plural(en.history.checkIns, 1)],
  empty: false,
  week: fill(
    en.history.weekSummary,
    plural(en.history.checkIns, 1),
    plural(en.history.days, 1),
    `${fill(en.history.weekStateCount, en.history.state.pleasant, '1')}.`,
  ),
  year: fill(en.history.yearSummary, '1', plural(en.history.checkIns, 1)),
};

/** What it says when it holds none. */
const NO_CHECK_IN = {
  entries: 0,
  dayCounts: [],
  empty: true,
  week: en.history.weekSummaryNone,
  year: en.history.yearSummaryNone,
};

/** The history page, loaded (its day list and summaries read). */
async function openHistory(ext) {
  const page = await ext.openPage('history.html');
  await page.setViewportSize({ width: 900, height: 900 });
  await historyLoaded(page);
  return page;
}

async function historyLoaded(page) {
  await page.getByRole('heading', { name: en.history.yearHeading }).waitFor();
  await page.locator('main[aria-busy="false"]').waitFor();
}

/**
 * Every view of the history page that counts check-ins, as a person reads them: entries listed, the
 * count beside each day's heading, "Nothing here yet", the week chart's summary (its accessible
 * name, which the chart draws) and the year's line ("… N check-ins in all").
 */
function historyViews(page) {
  return page.evaluate(() => {
    const days = document.querySelector('.history-days');
    return {
      entries: days.querySelectorAll('.entry').length,
      dayCounts: [...days.querySelectorAll('.day > h3 .muted')]
        .filter((el) => el.closest('.entry') === null)
        .map((el) => el.textContent.replace(/^\s*·\s*/, '').trim()),
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered
      empty: days.innerText.includes('Nothing here yet'),
      week: document.querySelector('.history-week svg[role="img"]').getAttribute('aria-label'),
      year: document.querySelector('.history-year > p').textContent.trim(),
    };
  });
}

/** The zone the browser's pages run in, to be sure the launch took `TZ`. */
const zoneOf = (page) => page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);

/** The local day of `at` in `zone`, as YYYY-MM-DD. */
const dayIn = (zone, at) => new Date(at).toLocaleDateString('en-CA', { timeZone: zone });

/** Deletes the only check-in listed, as a person does: Delete, then "Yes, delete". */
async function deleteOnlyEntry(page) {
  await page.locator('.history-days .entry .delete').click();
  await page.getByRole('button', { name: en.history.deleteYes }).click();
  await page.getByText(en.history.deleted).waitFor({ state: 'attached' });
}

describe("a traveller's history, across zones 25 hours apart", () => {
  /** @type {Awaited<ReturnType<typeof launchExtension>>} */
  let ext;
  let tempDir;
  // Whatever a test left open (it failed half-way) is closed: a Chromium left running would keep the
  // test process from ever ending.
  afterEach(async () => {
    await ext?.close();
    ext = undefined;
  });
  after(() => {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  it('a check-in made in Pago Pago and answered in Kiritimati is counted once; deleted, it is gone from every view', {
    timeout: 180_000,
  }, async () => {
    ext = await launchExtension({ env: { TZ: WEST } });
    const popup = await openPopup(ext);
    assert.equal(await zoneOf(popup), WEST, 'the first leg runs in Pago Pago');
    await popup.locator('button[data-feeling="calm"]').click();
    const done = popup.getByRole('button', { name: en.checkin.done, exact: true });
    await done.waitFor();
    const title = (await popup.getByRole('heading', { level: 1 }).textContent()).trim();
    await done.click();
    await popup.getByRole('button', { name: en.checkin.again }).waitFor();
    const [made] = await eventually(
      () => checkIns(ext),
      (list) => list.length === 1 && list[0].outcome === 'done',
      { what: 'the check-in stored as done' },
    );
    await popup.close();

    // Quit, fly east across the date line, start the browser again on the same profile.
    ext = await ext.relaunch({ env: { TZ: EAST } });
    const again = await openPopup(ext);
    assert.equal(await zoneOf(again), EAST, 'the second leg runs in Kiritimati');
    assert.notEqual(dayIn(WEST, made.at), dayIn(EAST, made.at), 'the same moment, another local day');
    const question = again.getByText(fill(en.checkin.helpedEarlier, title));
    await question.waitFor();
    await again.getByRole('button', { name: en.checkin.helpedYes, exact: true }).click();
    await question.waitFor({ state: 'hidden' });
    const [answered, ...others] = await eventually(
      () => checkIns(ext),
      (list) => list[0]?.helped === 'yes',
      { what: 'the answer stored' },
    );
    assert.deepEqual(others, [], 'still one check-in');
    assert.equal(answered.id, made.id);
    await again.close();

    const history = await openHistory(ext);
    await shoot(history, 'zones-answered-elsewhere');
    assert.deepEqual(await historyViews(history), ONE_CHECK_IN, 'one check-in, counted once everywhere');

    await deleteOnlyEntry(history);
    await history.reload();
    await historyLoaded(history);
    await shoot(history, 'zones-deleted-elsewhere');
    assert.deepEqual(await historyViews(history), NO_CHECK_IN, 'gone from every view');
    assert.deepEqual(await checkIns(ext), [], 'and from storage');
    await history.close();
  });

  it('an import made in Pago Pago, seen in Kiritimati, is counted once; deleted, it is gone from every view', {
    timeout: 180_000,
  }, async () => {
    ext = await launchExtension({ env: { TZ: WEST } });
    const here = await openHistory(ext);
    assert.equal(await zoneOf(here), WEST);
    // A file in the format this device writes: its own export (the preferences as they are now),
    // with one check-in from an hour ago added to it.
    tempDir = mkdtempSync(path.join(tmpdir(), 'outlet-zones-e2e-'));
    const downloading = here.waitForEvent('download');
    await here.getByRole('button', { name: en.data.exportJson }).click();
    const exported = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
    const at = Date.now() - 60 * 60_000;
    exported.checkIns.push({
      id: 'zones-import-1',
      at,
      feeling: 'content',
      outletId: 'slow-breath',
      outcome: 'done',
    });
    const file = path.join(tempDir, 'outlet-export.json');
    writeFileSync(file, JSON.stringify(exported));

    await here.getByLabel(en.data.importFile, { exact: true }).setInputFiles(file);
    await here.getByRole('button', { name: en.data.importButton, exact: true }).click();
    await here.getByText(fill(en.data.importAddedList, plural(en.data.checkIns, 1))).waitFor();
    await here.reload();
    await historyLoaded(here);
    assert.deepEqual(await historyViews(here), ONE_CHECK_IN, 'counted once where it was imported');
    await here.close();

    ext = await ext.relaunch({ env: { TZ: EAST } });
    const there = await openHistory(ext);
    assert.equal(await zoneOf(there), EAST);
    assert.notEqual(dayIn(WEST, at), dayIn(EAST, at));
    await shoot(there, 'zones-imported-elsewhere');
    assert.deepEqual(await historyViews(there), ONE_CHECK_IN, 'counted once in the other zone');

    await deleteOnlyEntry(there);
    await there.reload();
    await historyLoaded(there);
    assert.deepEqual(await historyViews(there), NO_CHECK_IN, 'gone from every view');
    await there.close();
  });
});
