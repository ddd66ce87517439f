// A traveller's history (issue 15, "Travelling corrupts the history"): one Chromium profile, quit and
// started again under another time zone, as a person who flies across the date line. Chromium follows
// `TZ` at launch (TOOLCHAIN.md), so each leg is a launch of the same profile folder with its own `TZ`:
// Pago Pago (UTC-11) and Kiritimati (UTC+14) are 25 hours apart, so the same moment always falls on
// different local days in the two. What must hold is what a person sees: the history page counts the
// check-in once in every view (the day list, the week chart, the year, "N check-ins in all"), lists it
// on a day and at a time that together name when it happened, and once it is deleted no view shows
// it any more, also after a reload.
// Screenshots: tests/e2e/screenshots/{light,dark}-zones-*.png.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { parseYAML } from 'confbox';
import { launchExtension, rootDir } from './harness.mjs';
import { checkIns, eventually, openPopup, parseClock, shoot } from './outlet.mjs';

const WEST = 'Pacific/Pago_Pago';
const EAST = 'Pacific/Kiritimati';

// The words as the locale file states them, so a change of copy doesn't break the tests.
const en = parseYAML(readFileSync(path.join(rootDir, 'locales/en.yml'), 'utf8'));
/** The longest a state may take to show up: generous, for a slow or busy machine (a wait ends as soon as it shows). */
const WAIT = 15_000;
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

/**
 * The moment the day list shows for its only entry: the day it is listed under (its section's
 * day key) and the clock time printed beside it, as `YYYY-MM-DD HH:MM` (24-hour).
 */
async function shownMoment(page) {
  const { day, time } = await page.evaluate(() => {
    const section = document.querySelector('.history-days .day');
    return {
      day: section.querySelector('h3').id.replace(/^day-/, ''),
      time: section.querySelector('.entry time').textContent.trim(),
    };
  });
  const clock = parseClock(time);
  const pad = (n) => String(n).padStart(2, '0');
  return `${day} ${pad(clock.hours)}:${pad(clock.minutes)}`;
}

/** The moment `at` as a clock in `zone` reads it, `YYYY-MM-DD HH:MM`. */
const momentIn = (zone, at) =>
  `${dayIn(zone, at)} ${new Date(at).toLocaleTimeString('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}`;

/**
 * A day and a time that together name when the check-in happened, in the zone the page runs in or
 * in the one it was made in (either can be right; a day from one with the clock of the other names
 * a moment 24 hours or more away from it).
 */
function assertTrueMoment(shown, at) {
  const truths = [momentIn(EAST, at), momentIn(WEST, at)];
  assert.ok(
    truths.includes(shown),
    `the list shows the check-in at ${shown}; it happened at ${truths[0]} in Kiritimati, ${truths[1]} in Pago Pago`,
  );
}

/** Deletes the only check-in listed, as a person does: Delete, then "Yes, delete". */
async function deleteOnlyEntry(page) {
  await page.locator('.history-days .entry .delete').click();
  await page.getByRole('button', { name: en.history.deleteYes }).click();
  await page.getByText(en.history.deleted).waitFor({ state: 'attached' });
}

// Each journey is a few steps that build on each other, in this order (node:test runs them so): a
// step whose journey broke earlier says so rather than testing nothing.
const needs = (value, what) => assert.ok(value, `needs the step before: ${what}`);

describe('a check-in made in Pago Pago and answered in Kiritimati (one profile, two launches)', () => {
  /** @type {Awaited<ReturnType<typeof launchExtension>>} */
  let ext;
  let made;
  let history;
  after(async () => {
    // A Chromium left running (a step failed half-way) would keep the test process from ending.
    await ext?.close();
  });

  it('is made in Pago Pago: a feeling, then Done', async () => {
    ext = await launchExtension({ env: { TZ: WEST } });
    const popup = await openPopup(ext);
    assert.equal(await zoneOf(popup), WEST, 'the first leg runs in Pago Pago');
    await popup.locator('button[data-feeling="calm"]').click();
    const done = popup.getByRole('button', { name: en.checkin.done, exact: true });
    await done.waitFor();
    const title = (await popup.getByRole('heading', { level: 1 }).textContent()).trim();
    await done.click();
    await popup.getByRole('button', { name: en.checkin.again }).waitFor();
    [made] = await eventually(
      () => checkIns(ext),
      (list) => list.length === 1 && list[0].outcome === 'done',
      { what: 'the check-in stored as done', timeout: WAIT },
    );
    made.title = title;
    await popup.close();
  });

  it('is answered ("And now?") in Kiritimati, after a relaunch of the same profile', async () => {
    needs(made, 'the check-in made in Pago Pago');
    // Quit, fly east across the date line, start the browser again on the same profile.
    ext = await ext.relaunch({ env: { TZ: EAST } });
    const again = await openPopup(ext);
    assert.equal(await zoneOf(again), EAST, 'the second leg runs in Kiritimati');
    assert.notEqual(dayIn(WEST, made.at), dayIn(EAST, made.at), 'the same moment, another local day');
    // Minutes after it was made: "And now?" (core/checkin/after.ts), whatever the local day says.
    const question = again.getByText(fill(en.checkin.afterEarlier, made.title));
    await question.waitFor();
    await again.getByRole('button', { name: en.checkin.afterLighter, exact: true }).click();
    await question.waitFor({ state: 'hidden' });
    const [answered, ...others] = await eventually(
      () => checkIns(ext),
      (list) => list[0]?.after === 'lighter',
      { what: 'the answer stored', timeout: WAIT },
    );
    assert.deepEqual(others, [], 'still one check-in');
    assert.equal(answered.id, made.id);
    await again.close();
    history = await openHistory(ext);
    await shoot(history, 'zones-answered-elsewhere');
  });

  it('is counted once on the history page: the day list, the week, the year', async () => {
    needs(history, 'the history page in Kiritimati');
    assert.deepEqual(await historyViews(history), ONE_CHECK_IN);
  });

  it('is listed on a day and at a time that name when it happened', async () => {
    needs(history, 'the history page in Kiritimati');
    assertTrueMoment(await shownMoment(history), made.at);
  });

  it('once deleted, is gone from every view, also after a reload', async () => {
    needs(history, 'the history page in Kiritimati');
    await deleteOnlyEntry(history);
    await history.reload();
    await historyLoaded(history);
    await shoot(history, 'zones-deleted-elsewhere');
    assert.deepEqual(await historyViews(history), NO_CHECK_IN, 'gone from every view');
    assert.deepEqual(await checkIns(ext), [], 'and from storage');
  });
});

describe('an import made in Pago Pago, seen in Kiritimati (one profile, two launches)', () => {
  /** @type {Awaited<ReturnType<typeof launchExtension>>} */
  let ext;
  let tempDir;
  let at;
  let there;
  after(async () => {
    await ext?.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  it('is imported in Pago Pago and counted once there', async () => {
    ext = await launchExtension({ env: { TZ: WEST } });
    const here = await openHistory(ext);
    assert.equal(await zoneOf(here), WEST);
    // A file in the format this device writes: its own export (the preferences as they are now),
    // with one check-in from an hour ago added to it.
    tempDir = mkdtempSync(path.join(tmpdir(), 'outlet-zones-e2e-'));
    const downloading = here.waitForEvent('download');
    await here.getByRole('button', { name: en.data.exportJson }).click();
    const exported = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
    at = Date.now() - 60 * 60_000;
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
  });

  it('is counted once in Kiritimati, after a relaunch of the same profile', async () => {
    needs(at, 'the import in Pago Pago');
    ext = await ext.relaunch({ env: { TZ: EAST } });
    there = await openHistory(ext);
    assert.equal(await zoneOf(there), EAST);
    assert.notEqual(dayIn(WEST, at), dayIn(EAST, at));
    await shoot(there, 'zones-imported-elsewhere');
    assert.deepEqual(await historyViews(there), ONE_CHECK_IN, 'counted once in the other zone');
  });

  it('is listed on a day and at a time that name when it happened', async () => {
    needs(there, 'the history page in Kiritimati');
    assertTrueMoment(await shownMoment(there), at);
  });

  it('once deleted, is gone from every view, also after a reload', async () => {
    needs(there, 'the history page in Kiritimati');
    await deleteOnlyEntry(there);
    await there.reload();
    await historyLoaded(there);
    assert.deepEqual(await historyViews(there), NO_CHECK_IN, 'gone from every view');
  });
});
