// Outlet in Firefox ESR, end to end, in one launch: it installs and opens its welcome page; "Start
// Outlet" plans the first nudge (stored plan and alarm agree); a check-in made in popup.html is stored
// and shows on the history page; a due nudge is shown; and no page, nor the background, logged an
// error meanwhile. The tests run in this order and build on each other (one Firefox, ~10 s).
// Screenshots: tests/e2e/screenshots/firefox-*.png (git-ignored).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseYAML } from 'confbox';
import { clockParts, parseClock } from '../e2e/outlet.mjs';
import { eventually, launchFirefoxExtension, rootDir } from './harness.mjs';

const MINUTE = 60_000;
/** Active hours around the clock, every day, so a nudge is due whatever time the tests run. */
const ALWAYS_ON_HOURS = Object.fromEntries(
  [0, 1, 2, 3, 4, 5, 6].map((day) => [day, [{ start: 0, end: 0, nextDay: true }]]),
);

// The words as the locale file states them, so a change of copy doesn't break the tests.
const en = parseYAML(readFileSync(path.join(rootDir, 'locales/en.yml'), 'utf8'));

/** The first button (or link) whose visible text or aria-label is exactly `name`, once there is one. */
async function button(page, name, { timeout = 5000 } = {}) {
  const found = await page.waitForFunction(
    (wanted) =>
      [...document.querySelectorAll('button, a, [role="button"]')].find(
        (el) =>
          (el.getAttribute('aria-label') ?? el.textContent).trim() === wanted &&
          el.getClientRects().length > 0,
      ),
    { timeout, polling: 100 },
    name,
  );
  return found.asElement();
}

/** The text a person sees on the page (hidden elements left out), as lines. */
const visibleText = (page) =>
  // biome-ignore lint/performance/useDomNodeTextContent: what is rendered, not what is in the DOM
  page.evaluate(() => document.body.innerText);

/** The page's main heading text, once it is `text`. */
const headingIs = (page, text) =>
  eventually(
    () => page.evaluate(() => document.querySelector('h1')?.textContent.trim() ?? ''),
    (h1) => h1 === text,
    { what: `the heading "${text}"` },
  );

describe('Outlet in Firefox ESR', () => {
  /** @type {Awaited<ReturnType<typeof launchFirefoxExtension>>} */
  let ext;
  /** The check-in stored by the popup test, looked for again on the history page. */
  let stored;

  before(async () => {
    ext = await launchFirefoxExtension();
  });
  after(async () => {
    await ext?.close();
  });

  it('installs, opens one welcome tab, and plans nothing before the person starts', async () => {
    assert.equal(ext.geckoId, 'outlet@outlet.invalid');
    const [welcome] = await eventually(
      () => ext.pagesAt('welcome.html'),
      (pages) => pages.length >= 1,
      { what: 'the welcome tab the extension opens on install' },
    );
    await ext.loaded(welcome, `${ext.origin}welcome.html`);
    await welcome.setViewport({ width: 800, height: 900 });
    await headingIs(welcome, en.welcome.title);
    await ext.screenshot(welcome, 'welcome');
    assert.equal((await ext.pagesAt('welcome.html')).length, 1, 'exactly one welcome tab');

    const all = await ext.getStorage();
    assert.equal(all['welcome:pending'], true, 'the install is noted as not started');
    assert.equal(all.schedule?.nextNudgeAt ?? null, null, 'no nudge planned on install');
    assert.deepEqual(
      (await ext.getAlarms()).filter((a) => a.name === 'nudge'),
      [],
      'no nudge alarm on install',
    );
  });

  it('"Start Outlet" on the welcome page plans the first nudge, one interval away, with its alarm', async () => {
    // Around the clock, so the first nudge is one interval away whenever the tests run (the
    // welcome's own step sets the hours the same way); a change of settings alone plans nothing.
    await ext.patchSettings({ hours: ALWAYS_ON_HOURS });
    // An absence: a change of settings must plan nothing, and nothing marks that it didn't.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await ext.getStorage()).schedule?.nextNudgeAt ?? null, null, 'still nothing planned');
    const [welcome] = await ext.pagesAt('welcome.html');
    const clicked = Date.now();
    await (await button(welcome, en.welcome.start)).click();
    // What the person sees: the page says it's done.
    await eventually(
      () => visibleText(welcome),
      (text) => text.includes(en.welcome.finishedTitle),
      { what: 'the welcome page to say Outlet is started' },
    );
    await ext.screenshot(welcome, 'welcome-started');

    const { schedule, ...rest } = await eventually(
      () => ext.getStorage(),
      (all) => typeof all.schedule?.nextNudgeAt === 'number',
      { what: 'a planned nudge in storage' },
    );
    assert.equal(rest['welcome:pending'], undefined, 'no longer waiting to be started');
    const interval = 60 * MINUTE; // the default (core/schema.ts DEFAULT_SETTINGS)
    assert.ok(
      schedule.nextNudgeAt >= clicked + interval - 1000 &&
        schedule.nextNudgeAt <= Date.now() + interval + 1000,
      `the first nudge is one interval after the click (${new Date(schedule.nextNudgeAt).toISOString()})`,
    );
    const nudges = (await ext.getAlarms()).filter((a) => a.name === 'nudge');
    assert.equal(nudges.length, 1, 'one nudge alarm');
    assert.ok(
      Math.abs(nudges[0].scheduledTime - schedule.nextNudgeAt) < 1000,
      'the alarm rings at the stored time',
    );
    await welcome.close();
  });

  it('a check-in made in popup.html (a feeling, then Done) is stored and shows on the history page', async () => {
    const popup = await ext.openPage('popup.html', { width: 360, height: 600 });
    await headingIs(popup, en.checkin.title);
    await ext.screenshot(popup, 'popup-feelings');
    const before = Date.now();
    await (await popup.waitForSelector('button[data-feeling="calm"]')).click();
    const done = await button(popup, en.checkin.done);
    const outletTitle = await popup.evaluate(() => document.querySelector('h1')?.textContent.trim());
    assert.notEqual(outletTitle, en.checkin.title, 'the feelings made way for one outlet');
    await ext.screenshot(popup, 'popup-outlet');
    await done.click();

    // Read back where the app keeps it: IndexedDB `outlet`, store `checkins` (platform/history/).
    const entries = await eventually(
      () =>
        ext.evaluate(
          () =>
            new Promise((resolve, reject) => {
              const open = indexedDB.open('outlet');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const db = open.result;
                if (!db.objectStoreNames.contains('checkins')) {
                  db.close();
                  resolve([]);
                  return;
                }
                const all = db.transaction('checkins').objectStore('checkins').getAll();
                all.onsuccess = () => {
                  db.close();
                  resolve(all.result);
                };
                all.onerror = () => reject(all.error);
              };
            }),
        ),
      (list) => list.length === 1 && list[0].outcome === 'done',
      { what: 'one check-in, done, in the history database' },
    );
    [stored] = entries;
    assert.equal(stored.feeling, 'calm');
    assert.ok(stored.at >= before - 1000 && stored.at <= Date.now(), 'stamped with the time of the check-in');
    assert.equal(
      en.outlet[stored.outletId.replaceAll('-', '_')]?.title,
      outletTitle,
      'the outlet stored is the one that was on screen',
    );
    if ((await ext.locationOf(popup)) !== null) await popup.close().catch(() => {});

    // What a person would see: the history page lists it, with its feeling and its outlet.
    const history = await ext.openPage('history.html', { width: 900, height: 1000 });
    const text = await eventually(
      () => visibleText(history),
      (t) => t.includes(outletTitle),
      { what: `the history page to list "${outletTitle}"` },
    );
    assert.match(text, new RegExp(en.feeling.calm, 'i'), 'with the feeling');
    await ext.screenshot(history, 'history');
    await history.close();
  });

  it('a due nudge is shown: the background asks Firefox for the notification and records it', async () => {
    // Right away: the offer's wait for a moment has its own test (offer.test.mjs).
    await ext.patchSettings({ intervalMinutes: 45, nudgeMode: 'at-once' });
    // Headless Firefox keeps no notifications (getAll() stays empty), so the test listens at the
    // background itself: every notifications.create it makes, and whether Firefox accepted it.
    // The background is an event page; an extension page reaches its window.
    await ext.evaluate(async () => {
      const bg = await browser.runtime.getBackgroundPage();
      const create = bg.browser.notifications.create;
      bg.e2eNotifications = [];
      bg.browser.notifications.create = function (...args) {
        const call = { id: args[0], title: args[1]?.title, message: args[1]?.message, settled: 'pending' };
        bg.e2eNotifications.push(call);
        const result = create.apply(this, args);
        Promise.resolve(result).then(
          () => {
            call.settled = 'shown';
          },
          (error) => {
            call.settled = `refused: ${error}`;
          },
        );
        return result;
      };
    });
    // The stored plan says the nudge is due, and its alarm rings in half a second (no 30 s minimum
    // for a temporary add-on), as if the interval had passed.
    const { schedule: planned } = await ext.getStorage();
    const dueAt = Date.now() + 500;
    await ext.setStorage({ schedule: { ...planned, nextNudgeAt: dueAt } });
    await ext.evaluate((when) => browser.alarms.create('nudge', { when }), dueAt);

    const [shown] = await eventually(
      () => ext.evaluate(async () => (await browser.runtime.getBackgroundPage()).e2eNotifications),
      (calls) => calls?.length >= 1 && calls[0].settled !== 'pending',
      { what: 'the background to show a nudge', timeout: 8000 },
    );
    assert.equal(shown.settled, 'shown', 'Firefox accepted the notification');
    assert.equal(shown.id, 'outlet-nudge');
    assert.equal(shown.title, en.nudge.title);
    assert.ok(Object.values(en.nudge.line).includes(shown.message), `a nudge line: "${shown.message}"`);

    const { schedule } = await eventually(
      () => ext.getStorage(),
      (all) => all.schedule.lastNudgeAt >= dueAt - 1000,
      { what: 'the shown nudge recorded in the schedule' },
    );
    assert.equal(schedule.lastNudgeAnswered, false, 'waiting for an answer');
    assert.equal(schedule.missed, null, 'not counted as missed (as it is when Firefox refuses)');
    assert.equal(schedule.recentLines.length, 1, 'its line is remembered, so the next one differs');
    assert.equal(await ext.evaluate(() => browser.action.getBadgeText({})), '', 'no missed-nudge badge');
    const next = schedule.lastNudgeAt + 45 * MINUTE;
    assert.ok(Math.abs(schedule.nextNudgeAt - next) < 5000, 'the next nudge is one interval later');
    const nudges = (await ext.getAlarms()).filter((a) => a.name === 'nudge');
    assert.equal(nudges.length, 1, 'one nudge alarm');
    assert.ok(Math.abs(nudges[0].scheduledTime - schedule.nextNudgeAt) < 1000, 'at the next nudge');
  });

  it('the popup says when the next nudge comes', async () => {
    const { schedule } = await ext.getStorage();
    const popup = await ext.openPage('popup.html', { width: 360, height: 600 });
    const status = await eventually(
      () => visibleText(popup),
      (t) => /Next nudge (?:\w+ )?at /.test(t),
      { what: 'the status line' },
    );
    const line = /Next nudge .*/.exec(status)[0];
    assert.deepEqual(parseClock(line), clockParts(schedule.nextNudgeAt), `"${line}" names the stored time`);
    await ext.screenshot(popup, 'popup-status');
    await popup.close();
  });

  // Last but one: ending the walk is a check-in, which moves the next nudge (the tests above count on it).
  it('a popup opened again mid-walk shows the walk first, not the feelings (issue 16)', async () => {
    await ext.patchSettings({ families: ['movement'] });
    const popup = await ext.openPage('popup.html', { width: 360, height: 600 });
    await headingIs(popup, en.checkin.title);
    await (await popup.waitForSelector('button[data-feeling="stressed"]')).click();
    await button(popup, en.checkin.another);
    // "Another idea" until a walk is offered ("Start a 10-minute walk", or another length).
    const walkButton = () =>
      popup.evaluate(() =>
        [...document.querySelectorAll('button')].some((b) =>
          /^Start a \d+-minute walk$/.test(b.textContent.trim()),
        ),
      );
    for (let i = 0; i < 30 && !(await walkButton()); i++)
      await (await button(popup, en.checkin.another)).click();
    const title = await popup.evaluate(() => document.querySelector('h1')?.textContent.trim());
    await popup.evaluate(() =>
      [...document.querySelectorAll('button')]
        .find((b) => /^Start a \d+-minute walk$/.test(b.textContent.trim()))
        .click(),
    );
    await button(popup, en.checkin.timerStop);
    if ((await ext.locationOf(popup)) !== null) await popup.close().catch(() => {});

    const again = await ext.openPage('popup.html', { width: 360, height: 600 });
    await button(again, en.checkin.timerStop);
    assert.equal(
      await again.evaluate(() => document.querySelector('h1')?.textContent.trim()),
      title,
      'the walk is the first thing said',
    );
    assert.equal(await again.evaluate(() => document.querySelectorAll('button[data-feeling]').length), 0);
    await ext.screenshot(again, 'popup-reopened-mid-walk');
    // Over early: "And now?", answered, and the popup is back to its first screen.
    await (await button(again, en.checkin.timerStop)).click();
    await headingIs(again, en.checkin.afterTitle);
    await (await button(again, en.checkin.afterLighter)).click();
    await (await button(again, en.checkin.again)).click();
    await headingIs(again, en.checkin.title);
    await again.close().catch(() => {});
  });

  it('no page and not the background logged an error, nor an Outlet warning', (t) => {
    for (const line of ext.firefoxErrors()) t.diagnostic(`Firefox's own, not counted: ${line}`);
    assert.deepEqual(ext.errors(), []);
    assert.deepEqual(ext.outletWarnings(), []);
  });

  // Last, so its own errors count nowhere else: the watch above can fail.
  it('the error watch hears errors of a page and of the background', async () => {
    const page = await ext.openPage('support.html');
    await page.evaluate(async () => {
      console.error('e2e probe: page console');
      setTimeout(() => {
        throw new Error('e2e probe: page uncaught');
      });
      const bg = await browser.runtime.getBackgroundPage();
      bg.console.error('e2e probe: background console');
    });
    const seen = await eventually(
      () => ext.errors(),
      (list) => list.length >= 3,
      { what: 'the three probes in Firefox output' },
    );
    const texts = seen.map((e) => e.text).join('\n');
    assert.match(texts, /e2e probe: page console/);
    assert.match(texts, /e2e probe: background console/);
    assert.ok(
      seen.some((e) => e.kind === 'uncaught' && e.source === `${ext.origin}support.html`),
      'an uncaught error names its page',
    );
    await page.close();
  });
});
