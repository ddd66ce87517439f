// The nudge as an offer in Firefox ESR (issue 18), one launch: a due nudge waits on the toolbar icon
// (badge and title) and the background creates no notification; a tab switch brings it (Firefox
// accepts it; headless Firefox can't put it on screen, so the test listens at the background, as
// outlet.test.mjs does); quiet mode shows none at a switch; and nothing logged an error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseYAML } from 'confbox';
import { eventually, launchFirefoxExtension, rootDir } from './harness.mjs';

const ALWAYS_ON_HOURS = Object.fromEntries(
  [0, 1, 2, 3, 4, 5, 6].map((day) => [day, [{ start: 0, end: 0, nextDay: true }]]),
);
const en = parseYAML(readFileSync(path.join(rootDir, 'locales/en.yml'), 'utf8'));

describe('the nudge as an offer, in Firefox ESR', () => {
  /** @type {Awaited<ReturnType<typeof launchFirefoxExtension>>} */
  let ext;
  before(async () => {
    ext = await launchFirefoxExtension();
    await eventually(
      () => ext.getStorage(),
      (all) => all['welcome:pending'] === true,
      { what: 'the install noted as not started' },
    );
    await ext.patchSettings({ hours: ALWAYS_ON_HOURS, intervalMinutes: 60, nudgeMode: 'offer' });
    await ext.evaluate(() => browser.runtime.sendMessage({ type: 'welcomeDone', data: null }));
    await eventually(
      () => ext.getStorage(),
      (all) => typeof all.schedule?.nextNudgeAt === 'number',
      { what: 'the first nudge planned' },
    );
  });
  after(async () => {
    await ext?.close();
  });

  /** Every notification the background asks Firefox for, from now on. */
  const listen = () =>
    ext.evaluate(async () => {
      const bg = await browser.runtime.getBackgroundPage();
      bg.e2eCreate ??= bg.browser.notifications.create;
      bg.e2eNotifications = [];
      bg.browser.notifications.create = function (...args) {
        const call = { id: args[0], title: args[1]?.title, settled: 'pending' };
        bg.e2eNotifications.push(call);
        const result = bg.e2eCreate.apply(this, args);
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
  const created = () =>
    ext.evaluate(async () => (await browser.runtime.getBackgroundPage()).e2eNotifications);
  const toolbar = () =>
    ext.evaluate(async () => ({
      text: await browser.action.getBadgeText({}),
      title: await browser.action.getTitle({}),
    }));

  /** The stored plan says the nudge is due and its alarm rings in half a second; it then waits. */
  async function nudgeFallsDue() {
    const { schedule } = await ext.getStorage();
    const dueAt = Date.now() + 500;
    await ext.setStorage({ schedule: { ...schedule, nextNudgeAt: dueAt, waitingSince: null } });
    await ext.evaluate((when) => browser.alarms.create('nudge', { when }), dueAt);
    await eventually(
      () => ext.getStorage(),
      (all) => (all.schedule?.waitingSince ?? 0) >= dueAt - 1000,
      { what: 'the nudge waiting on the icon', timeout: 8000 },
    );
  }

  it('offer: the icon first, no notification; a tab switch brings it, and Firefox accepts it', async () => {
    await listen();
    await nudgeFallsDue();
    assert.deepEqual(await created(), [], 'no notification while it waits');
    assert.deepEqual(await toolbar(), { text: en.offer_badgeWaiting, title: en.offer_titleWaiting });

    const page = await ext.openPage('manifest.json');
    const [shown] = await eventually(
      created,
      (calls) => calls?.length >= 1 && calls[0].settled !== 'pending',
      { what: 'the notification at the tab switch', timeout: 8000 },
    );
    assert.equal(shown.settled, 'shown', 'Firefox accepted the notification');
    assert.equal(shown.title, en.nudge.title);
    const { schedule } = await ext.getStorage();
    assert.equal(schedule.waitingSince, null, 'no longer waiting');
    assert.equal((await toolbar()).text, '', 'the icon is plain again');
    await page.close();
  });

  it('quiet: a tab switch brings nothing, and the icon keeps saying a nudge waits', async () => {
    await ext.patchSettings({ nudgeMode: 'quiet' });
    await listen();
    await nudgeFallsDue();
    const page = await ext.openPage('manifest.json');
    // Nothing marks "a switch handled and nothing shown": a second is ample for the background's read.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(await created(), [], 'nothing pops up in quiet mode');
    assert.equal((await toolbar()).text, en.offer_badgeWaiting);
    await page.close();
  });

  it('logged no error and no Outlet warning', () => {
    assert.deepEqual(ext.errors(), []);
    assert.deepEqual(ext.outletWarnings(), []);
  });
});
