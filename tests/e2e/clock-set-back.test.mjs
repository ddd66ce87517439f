// A walk under a clock set back (issue 15), in Chromium: a walk starts, then the clock goes back 30
// minutes; the popup, opened again, still counts down to the walk's stored end and doesn't ask "did
// it help?" mid-walk, and the toolbar badge counts to the same end.
//
// What is shifted, honestly: the JavaScript clock (`Date`) of the popup (an init script, before any of
// its code runs) and of the service worker (replaced in its global; the worker is kept alive for the
// test, as a restart would bring the true clock back). Chromium's own alarm clock can't be moved from
// a test: when an end alarm rings by the clock is left to the unit tests
// (tests/unit/clock-set-back.test.tsx), which hold the background to the stored end either way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anotherIdeaUntil, eventually, extensionSuite, MINUTE, patchSettings } from './outlet.mjs';

const BACK = 30 * MINUTE;

/** Replaces `Date` in the global it runs in by one whose clock reads `offset` ms off the real one. */
function shiftClock(offset) {
  const Real = Date;
  const now = () => Real.now() + offset;
  function Shifted(...args) {
    if (!new.target) return new Real(now()).toString();
    return args.length === 0 ? new Real(now()) : new Real(...args);
  }
  Shifted.now = now;
  Shifted.parse = Real.parse;
  Shifted.UTC = Real.UTC;
  Shifted.prototype = Real.prototype;
  globalThis.Date = Shifted;
}

/** "38:12" as seconds. */
const seconds = (text) => {
  const [m, s] = text.split(':').map(Number);
  return m * 60 + s;
};

describe('a walk under a clock set back', () => {
  const ext = extensionSuite({ once: true, clear: false, settings: null });

  it('set back 30 minutes mid-walk: the countdown and the badge still go to the stored end', async () => {
    await patchSettings(ext, { families: ['movement'] });
    const page = await ext.openPage('popup.html');
    await page.setViewportSize({ width: 360, height: 600 });
    await page.locator('button[data-feeling="stressed"]').click();
    const walk = page.getByRole('button', { name: /^Start a \d+-minute walk$/ });
    await anotherIdeaUntil(page, walk);
    const minutes = Number(/\d+/.exec(await walk.textContent())[0]);
    await walk.click();
    const { timer } = await eventually(
      () => ext.getStorage(),
      (all) => typeof all.timer?.endsAt === 'number',
      { what: 'the walk stored' },
    );
    assert.equal(timer.minutes, minutes);
    await page.close();

    // The clock goes back 30 minutes: in the worker now, in every page from its first script on.
    await (await ext.worker()).evaluate(shiftClock, -BACK);
    await ext.context.addInitScript(shiftClock, -BACK);

    const popup = await ext.openPage('popup.html');
    await popup.setViewportSize({ width: 360, height: 600 });
    const shifted = await popup.evaluate(() => Date.now());
    assert.ok(Math.abs(shifted + BACK - Date.now()) < 5000, 'the popup reads the clock set back');
    // Opened again mid-walk, the popup comes back to the walk itself (issue 16).
    await popup.getByRole('button', { name: 'Stop early' }).waitFor({ timeout: 5000 });
    const countdown = popup.getByRole('timer');
    // By the clock set back, the stored end is 30 minutes further away than the walk's length.
    const left = seconds((await countdown.textContent()).trim());
    const expected = (timer.endsAt - shifted) / 1000;
    assert.ok(
      Math.abs(left - expected) <= 5,
      `counts to the stored end: ${left} s left, ${expected} s expected`,
    );
    assert.ok(left > minutes * 60, 'longer than the walk itself, as the clock now reads');
    assert.equal(await popup.getByText(/Did it help\?/).count(), 0, 'no "did it help?" mid-walk');
    await ext.screenshot(popup, 'walk-clock-set-back');

    // The badge's minute tick, by the worker's clock set back.
    await ext.fireAlarm('timer-tick');
    const badge = await eventually(
      async () => (await ext.worker()).evaluate(() => chrome.action.getBadgeText({})),
      (text) => text !== '',
      { what: 'the minutes left on the badge' },
    );
    assert.equal(Number(badge), Math.ceil((timer.endsAt - (Date.now() - BACK)) / MINUTE));
    assert.ok((await ext.getStorage()).timer, 'the walk is still stored');
    await popup.close();
  });
});
