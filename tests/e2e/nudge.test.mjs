// Nudges in the real browser: the alarm, the notification, the status line and pausing, with the
// service worker killed between steps as Chromium does when it is idle.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ALWAYS_ON_HOURS,
  clickPause,
  clockParts,
  eventually,
  extensionSuite,
  MINUTE,
  parseClock,
  patchSettings,
  startOfNextDay,
  startOutlet,
} from './outlet.mjs';

/**
 * Makes the stored next nudge due, as if the interval had passed, and fires its alarm at a
 * service worker that was killed in between, so the alarm itself has to wake it.
 */
async function nudgeWhileAsleep(ext, inMs = 2000) {
  const { schedule } = await ext.getStorage();
  await ext.setStorage({ schedule: { ...schedule, nextNudgeAt: Date.now() + inMs } });
  await ext.fireAlarm('nudge', inMs, { asleep: true });
}

async function clearNotifications(ext) {
  await (await ext.worker()).evaluate(async () => {
    for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
  });
}

describe('nudges', () => {
  const ext = extensionSuite({ once: true, clear: false, settings: null });

  it('plans nothing on install, and the first nudge at "Start Outlet": one alarm, at the stored time', async () => {
    await eventually(
      () => ext.getStorage(),
      (all) => all['welcome:pending'] === true,
      { what: 'the install noted as not started' },
    );
    assert.equal((await ext.getStorage()).schedule?.nextNudgeAt ?? null, null, 'nothing planned on install');
    assert.equal((await ext.getAlarms()).filter((a) => a.name === 'nudge').length, 0, 'no alarm on install');
    await startOutlet(ext);
    const { schedule } = await eventually(
      () => ext.getStorage(),
      (all) => typeof all.schedule?.nextNudgeAt === 'number',
      { what: 'a planned nudge' },
    );
    const alarms = (await ext.getAlarms()).filter((a) => a.name === 'nudge');
    assert.equal(alarms.length, 1);
    assert.ok(Math.abs(alarms[0].scheduledTime - schedule.nextNudgeAt) < 2000);
    assert.ok(schedule.nextNudgeAt > Date.now(), 'in the future');
  });

  it('shows a notification when the nudge is due, after the worker was killed, and plans the next one', async () => {
    // Right away, as before issue 18: the offer's wait for a moment is tests/e2e/offer.test.mjs.
    await patchSettings(ext, { hours: ALWAYS_ON_HOURS, intervalMinutes: 45, nudgeMode: 'at-once' });
    await clearNotifications(ext);
    await nudgeWhileAsleep(ext);

    const notifications = await eventually(
      () => ext.getNotifications(),
      (n) => Object.keys(n).length > 0,
      { what: 'a nudge notification' },
    );
    assert.equal(Object.keys(notifications).length, 1, 'exactly one notification');
    const { schedule } = await ext.getStorage();
    const expected = Date.now() + 45 * MINUTE;
    assert.ok(Math.abs(schedule.nextNudgeAt - expected) < 10_000, 'the next nudge is one interval away');
    const alarm = (await ext.getAlarms()).find((a) => a.name === 'nudge');
    assert.ok(alarm && Math.abs(alarm.scheduledTime - schedule.nextNudgeAt) < 2000, 'its alarm is set');
    await clearNotifications(ext);
  });

  it('says in the popup when the next nudge comes', async () => {
    const page = await ext.openPage('popup.html');
    const status = page.getByText(/Next nudge (?:\w+ )?at /);
    await status.waitFor();
    const { schedule } = await ext.getStorage();
    assert.deepEqual(parseClock(await status.textContent()), clockParts(schedule.nextNudgeAt));
    await page.close();
  });

  it('"Pause for 1 hour" holds nudges for an hour, and a due nudge shows nothing meanwhile', async () => {
    await patchSettings(ext, { hours: ALWAYS_ON_HOURS });
    const page = await ext.openPage('popup.html');
    const clicked = Date.now();
    await clickPause(page, 'Pause for 1 hour');
    const { schedule } = await eventually(
      () => ext.getStorage(),
      (all) => typeof all.schedule?.pausedUntil === 'number',
      { what: 'a stored pause' },
    );
    assert.ok(Math.abs(schedule.pausedUntil - (clicked + 60 * MINUTE)) < 5000, 'paused for one hour');
    const status = page.getByText(/Paused until/);
    await status.waitFor();
    assert.deepEqual(parseClock(await status.textContent()), clockParts(schedule.pausedUntil));
    await ext.screenshot(page, 'nudge-paused');
    await page.close();

    const alarm = (await ext.getAlarms()).find((a) => a.name === 'nudge');
    assert.ok(
      !alarm || alarm.scheduledTime >= schedule.pausedUntil - 1000,
      'no nudge alarm inside the pause',
    );

    await clearNotifications(ext);
    await nudgeWhileAsleep(ext);
    assert.deepEqual(await ext.getNotifications(), {}, 'no notification during the pause');
  });

  it('"Pause for the rest of today" holds nudges until midnight', async () => {
    // A fresh schedule without a pause, so the pause buttons are offered.
    const { schedule } = await ext.getStorage();
    await ext.setStorage({ schedule: { ...schedule, pausedUntil: null, pauseKind: null } });
    const page = await ext.openPage('popup.html');
    const clicked = Date.now();
    await clickPause(page, /^Pause (?:for the rest of today|until tomorrow)$/);
    const stored = await eventually(
      () => ext.getStorage(),
      (all) => typeof all.schedule?.pausedUntil === 'number',
      { what: 'a pause until the end of the day' },
    );
    assert.equal(stored.schedule.pausedUntil, startOfNextDay(clicked));
    await page.close();
  });

  it('never talks to the network and throws no errors', () => {
    assert.deepEqual(ext.externalRequests(), []);
    assert.deepEqual(
      ext.errors.filter((e) => e.kind === 'uncaught'),
      [],
    );
  });
});
