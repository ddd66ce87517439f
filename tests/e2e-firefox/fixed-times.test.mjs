// A fixed clock time in Firefox ESR (issue 18, item 3): set in the options editor, made due this
// minute with no active hours at all, it comes with its own words and its family, and the next one is
// tomorrow's. One Firefox for the file. Screenshot: tests/e2e/screenshots/firefox-fixed-times.png.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clickButton, eventually, launchFirefoxExtension } from './harness.mjs';

const NO_HOURS = { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] };

describe('Firefox: a fixed time', () => {
  /** @type {Awaited<ReturnType<typeof launchFirefoxExtension>>} */
  let ext;
  before(async () => {
    ext = await launchFirefoxExtension();
  });
  after(async () => {
    await ext?.close();
  });

  it('set in the editor, comes at its minute outside active hours, with its family, once', async () => {
    // Started, as the welcome page's "Start Outlet" does, and no active hours.
    const [welcome] = await eventually(
      () => ext.pagesAt('welcome.html'),
      (pages) => pages.length >= 1,
      {
        what: 'the welcome tab',
      },
    );
    await ext.loaded(welcome, `${ext.origin}welcome.html`);
    await clickButton(welcome, 'Start Outlet');
    await eventually(
      () => ext.getStorage(),
      (all) => all['welcome:pending'] === undefined,
      { what: 'Outlet started' },
    );
    await ext.patchSettings({ hours: NO_HOURS });

    const options = await ext.openPage('options.html');
    await clickButton(options, 'Add a time');
    await options.waitForSelector('input[type=time][id^="fixed-time-"]');
    const now = Date.now();
    const d = new Date(now);
    const clock = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    // Typed as a person would leave the field: the value, then focus moves on (the editor keeps a
    // time when its field is left).
    await options.evaluate((value) => {
      const field = document.querySelector('input[type=time][id^="fixed-time-"]');
      field.focus();
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.blur();
    }, clock);
    await options.evaluate(() => {
      const select = document.querySelector('.fixed-time select');
      select.value = 'body';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    for (const day of ['Saturday', 'Sunday']) {
      await options.evaluate(
        (name) => document.querySelector(`.fixed-days input[aria-label="${name}"]`).click(),
        day,
      );
    }
    const minute = d.getHours() * 60 + d.getMinutes();
    const stored = await eventually(
      () => ext.evaluate(() => browser.storage.sync.get('pref:fixedTimes')),
      (all) => all['pref:fixedTimes']?.[0]?.days?.length === 7 && all['pref:fixedTimes'][0].offer === 'body',
      { what: 'the fixed time kept' },
    );
    assert.equal(stored['pref:fixedTimes'][0].minute, minute);
    await ext.screenshot(options, 'fixed-times');

    // Headless Firefox keeps no notifications: listen at the background (an event page) instead.
    await ext.evaluate(async () => {
      const bg = await browser.runtime.getBackgroundPage();
      const create = bg.browser.notifications.create;
      bg.e2eNotifications = [];
      bg.browser.notifications.create = function (...args) {
        bg.e2eNotifications.push({ title: args[1]?.title, message: args[1]?.message });
        return create.apply(this, args);
      };
    });
    // This minute's fixed moment, made due as the other e2e make a nudge due: the stored plan says
    // it, and its alarm rings in half a second.
    const moment = new Date(now).setSeconds(0, 0);
    // First the plan the last change made, tomorrow's (this minute's is already past), so no change
    // still on its way can overwrite the one made due here.
    const tomorrow = new Date(
      d.getFullYear(),
      d.getMonth(),
      d.getDate() + 1,
      d.getHours(),
      d.getMinutes(),
    ).getTime();
    const { schedule } = await eventually(
      () => ext.getStorage(),
      (all) => all.schedule?.nextNudgeAt === tomorrow,
      { what: 'tomorrow’s fixed time planned' },
    );
    await ext.setStorage({ schedule: { ...schedule, nextNudgeAt: moment, lastNudgeAt: null } });
    await ext.evaluate((when) => browser.alarms.create('nudge', { when }), Date.now() + 500);

    const [shown] = await eventually(
      // As JSON: the background's array, handed across compartments, reads as empty otherwise.
      () =>
        ext
          .evaluate(async () => JSON.stringify((await browser.runtime.getBackgroundPage()).e2eNotifications))
          .then(JSON.parse),
      (calls) => calls?.length >= 1,
      { what: 'the fixed time’s notification', timeout: 8000 },
    );
    assert.match(shown.title, /: your moment$/);
    assert.equal(shown.message, 'You planned this one. First idea: Body and breath.');
    const after = await eventually(
      () => ext.getStorage(),
      (all) => all.schedule.lastNudgeAt >= moment,
      { what: 'the nudge recorded' },
    );
    assert.equal(after.schedule.fixedOffer?.family, 'body');
    assert.ok(
      after.schedule.nextNudgeAt > moment + 23 * 3_600_000,
      'the next one is tomorrow’s, not this one again',
    );
    await options.close();
  });
});
