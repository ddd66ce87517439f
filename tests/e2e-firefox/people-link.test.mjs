// "Add a trusted person" in the check-in's talk step, in Firefox: settings open with People in view
// and focus inside it, in a new tab, and again when that settings tab is already open (scrolled to
// the top). Chromium has the same case (tests/e2e/options-fit.test.mjs); Firefox opens extension
// pages and focuses an open options page its own way (runtime.openOptionsPage with open_in_tab).
// One Firefox for the file. Screenshots: tests/e2e/screenshots/firefox-people-link*.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseYAML } from 'confbox';
import { clickButton as click, eventually, launchFirefoxExtension, rootDir } from './harness.mjs';

const en = parseYAML(readFileSync(path.join(rootDir, 'locales/en.yml'), 'utf8'));
/** Active hours around the clock, every day. */
const ALWAYS_ON_HOURS = Object.fromEntries(
  [0, 1, 2, 3, 4, 5, 6].map((day) => [day, [{ start: 0, end: 0, nextDay: true }]]),
);
const WIDTH = 1280;
const HEIGHT = 800;

/** Where People is in the window, and whether focus is inside it. */
const peopleInView = (page) =>
  page
    .evaluate(() => {
      const people = document.getElementById('people');
      const heading = people?.querySelector('h2');
      return {
        hash: location.hash,
        top: heading ? heading.getBoundingClientRect().top : null,
        focusInPeople: people?.contains(document.activeElement) === true,
      };
    })
    .catch(() => null);

describe('Firefox: "Add a trusted person" lands on People', () => {
  /** @type {Awaited<ReturnType<typeof launchFirefoxExtension>>} */
  let ext;
  before(async () => {
    ext = await launchFirefoxExtension();
    await ext.patchSettings({ hours: ALWAYS_ON_HOURS, families: ['talking'] });
    await ext.setStorage({ context: { canStepAway: true, alone: false, minutes: 5 } });
  });
  after(async () => {
    await ext?.close();
  });

  /** The popup's talk step with nobody saved, and its "Add a trusted person" pressed. */
  async function addFromCheckIn() {
    const popup = await ext.openPage('popup.html', { width: 360, height: 600 });
    // A check-in already under way (the popup closed on it) comes back at the talk step.
    if ((await ext.getStorage()).checkinFlow === undefined)
      await (await popup.waitForSelector('button[data-feeling="lonely"]')).click();
    await click(popup, en.checkin.talkAdd);
    return popup;
  }

  /** People's heading in the top half of the window and focus inside People, waited for. */
  async function assertPeopleInView(page, what) {
    const seen = await eventually(
      () => peopleInView(page),
      (at) => at !== null && at.top !== null && at.top >= 0 && at.top < HEIGHT / 2 && at.focusInPeople,
      { what: `People in view and focused (${what})`, timeout: 20_000 },
    );
    assert.equal(seen.hash, '#people');
  }

  it('opens settings at People in a new tab, and brings that tab back to People', async () => {
    const popup = await addFromCheckIn();
    const [options] = await eventually(
      () => ext.pagesAt('options.html#people'),
      (pages) => pages.length === 1,
      { what: 'one settings tab at #people', timeout: 20_000 },
    );
    await options.setViewport({ width: WIDTH, height: HEIGHT });
    await assertPeopleInView(options, 'a new tab');
    await ext.screenshot(options, 'people-link');
    await popup.close();

    // Scrolled to the top and the link used again: the open settings come back to People.
    await options.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelector('h1')?.setAttribute('tabindex', '-1');
      document.querySelector('h1')?.focus();
    });
    const again = await addFromCheckIn();
    await assertPeopleInView(options, 'the tab already open');
    assert.equal((await ext.pagesAt('options.html#people')).length, 1, 'no second settings tab');
    await ext.screenshot(options, 'people-link-again');
    await again.close();
    await options.close();
  });

  it('never logged an error', () => {
    assert.deepEqual(ext.errors(), []);
  });
});
