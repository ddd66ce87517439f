// The check-in in the real popup: a feeling, one outlet, an answer; all of it stored on the device.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ALWAYS_ON_HOURS,
  anotherIdeaUntil,
  checkIns,
  endWalkNow,
  eventually,
  extensionSuite,
  MINUTE,
  patchSettings,
  storageFromPage,
} from './outlet.mjs';

/** The alarm that ends a timed outlet (a walk, a move). */
const WALK_ALARM = 'timer-end';

describe('check-in in the popup', () => {
  const ext = extensionSuite();

  it('asks how you are, with one button per feeling', async () => {
    const page = await ext.openPage('popup.html');
    await page.getByRole('heading', { name: 'How are you right now?' }).waitFor();
    const feelings = page.locator('button[data-feeling]');
    assert.ok((await feelings.count()) >= 10, 'offers a good range of feelings');
    await page.getByRole('button', { name: 'Calm', exact: true }).waitFor();
    assert.equal((await page.locator('button[data-feeling="calm"]').textContent()).trim(), 'Calm');
    // "Numb / can't tell" is always there (or its two halves, "Numb" and "I can't tell").
    assert.ok(
      (await page.getByRole('button', { name: /numb/i }).count()) > 0 &&
        (await page.getByRole('button', { name: /can.t tell/i }).count()) > 0,
      'offers numb / can\u2019t tell',
    );
    await ext.screenshot(page, 'checkin-feelings');
    await page.close();
  });

  it('offers one outlet for the feeling and stores the check-in as done', async () => {
    const page = await ext.openPage('popup.html');
    const before = Date.now();
    await page.locator('button[data-feeling="calm"]').click();

    const card = page.getByRole('heading').filter({ hasNotText: 'How are you right now?' }).first();
    const title = (await card.textContent()).trim();
    assert.ok(title.length > 0, 'the outlet has a title');
    assert.equal(
      await page.locator('button[data-feeling]').count(),
      0,
      'the feelings made way for the outlet',
    );
    for (const name of ['Another idea', 'Done', 'Not now']) {
      assert.ok(await page.getByRole('button', { name, exact: true }).isVisible(), `shows "${name}"`);
    }
    await ext.screenshot(page, 'checkin-outlet');

    await page.getByRole('button', { name: 'Done', exact: true }).click();
    const [entry] = await eventually(
      () => checkIns(ext),
      (list) => list.length === 1 && list[0].outcome === 'done',
      { what: 'one check-in, done' },
    );
    assert.equal(entry.feeling, 'calm');
    assert.equal(typeof entry.outletId, 'string');
    assert.ok(entry.outletId.length > 0);
    assert.ok(entry.at >= before - 1000 && entry.at <= Date.now(), 'stamped with the time of the check-in');
    assert.ok(typeof entry.id === 'string' && entry.id.length > 0);
    assert.equal(
      (await ext.getStorage())[`checkin:${entry.id}`],
      undefined,
      'in the history database, not storage.local',
    );
    await page.close();
  });

  it('"Another idea" shows a different outlet and keeps a single check-in', async () => {
    const page = await ext.openPage('popup.html');
    await page.locator('button[data-feeling="stressed"]').click();
    const heading = page.getByRole('heading').filter({ hasNotText: 'How are you right now?' }).first();
    const first = (await heading.textContent()).trim();
    await page.getByRole('button', { name: 'Another idea' }).click();
    await eventually(
      async () => (await heading.textContent()).trim(),
      (title) => title !== first,
      { what: 'a different outlet' },
    );
    await page.getByRole('button', { name: 'Not now' }).click();
    const list = await eventually(
      () => checkIns(ext),
      (l) => l.length === 1 && l[0].outcome === 'skipped',
      { what: 'one check-in, skipped' },
    );
    assert.equal(list[0].feeling, 'stressed');
    await page.close();
  });

  it('saves one journal line with the check-in', async () => {
    await patchSettings(ext, { families: ['journaling'] });
    const page = await ext.openPage('popup.html');
    await page.locator('button[data-feeling="sad"]').click();
    const journal = page.getByRole('textbox', { name: 'One line for your journal' });
    await anotherIdeaUntil(page, journal);
    await ext.screenshot(page, 'checkin-journal');

    await journal.fill('Rough meeting, but I handled it.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const [entry] = await eventually(
      () => checkIns(ext),
      (list) => list.length === 1 && list[0].journal !== undefined,
      { what: 'a check-in with a journal line' },
    );
    assert.equal(entry.journal, 'Rough meeting, but I handled it.');
    assert.equal(entry.outcome, 'done');
    assert.equal(entry.feeling, 'sad');
    await page.close();
  });

  it('does not save an empty journal line, and says why', async () => {
    await patchSettings(ext, { families: ['journaling'] });
    const page = await ext.openPage('popup.html');
    await page.locator('button[data-feeling="down"]').click();
    const journal = page.getByRole('textbox', { name: 'One line for your journal' });
    await anotherIdeaUntil(page, journal);
    await journal.fill('   ');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alert').waitFor();
    assert.ok(await journal.isVisible(), 'still on the journal step');
    const list = await checkIns(ext);
    assert.equal(list.filter((c) => c.journal !== undefined).length, 0, 'no journal line stored');
    await page.close();
  });

  it('starts a walk, and a notification says when it is over even after the worker slept', async () => {
    await patchSettings(ext, { families: ['movement'] });
    const page = await ext.openPage('popup.html');
    await page.locator('button[data-feeling="stressed"]').click();
    // "Start a 10-minute walk" (walks of other lengths may exist: the alarm must match the label).
    const walk = page.getByRole('button', { name: /^Start a \d+-minute walk$/ });
    await anotherIdeaUntil(page, walk);
    const minutes = Number(/\d+/.exec(await walk.textContent())[0]);
    const clicked = Date.now();
    await walk.click();

    const alarm = await eventually(
      async () => (await ext.getAlarms()).find((a) => a.name === WALK_ALARM),
      Boolean,
      { what: `the ${WALK_ALARM} alarm` },
    );
    assert.ok(
      Math.abs(alarm.scheduledTime - (clicked + minutes * MINUTE)) < 5000,
      `due in ${minutes} minutes`,
    );
    // Recorded when it is over, not when it starts (issue 16).
    assert.deepEqual(await checkIns(ext), [], 'nothing recorded while the walk is under way');
    await page.close();

    await endWalkNow(ext, 2000, { asleep: true });
    const notifications = await eventually(
      () => ext.getNotifications(),
      (n) => Object.keys(n).length > 0,
      { what: 'a notification at the end of the walk' },
    );
    assert.equal(Object.keys(notifications).length, 1);
    // The next open takes the walk up where it ended: recorded as done, and "did it help?" asked.
    const again = await ext.openPage('popup.html');
    await again.getByRole('button', { name: 'A bit' }).waitFor();
    await eventually(
      () => checkIns(ext),
      (list) => list.length === 1 && list[0].outcome === 'done',
      { what: 'the walk counted as done' },
    );
    await again.close();
  });

  it('a check-in made while the worker sleeps still counts as a break: the next nudge moves', async () => {
    await patchSettings(ext, { hours: ALWAYS_ON_HOURS, intervalMinutes: 60 });
    const page = await ext.openPage('popup.html');
    await page.locator('button[data-feeling="tired"]').click();
    await ext.killWorker();
    const doneAt = Date.now();
    await page.getByRole('button', { name: 'Done', exact: true }).click();

    // Read through the page: reading through the worker would wake it and hide a missed event.
    const stored = await eventually(
      () => storageFromPage(page),
      (all) => (all.schedule?.nextNudgeAt ?? 0) >= doneAt + 60 * MINUTE - 2000,
      { timeout: 8000, what: 'the next nudge one interval after the check-in' },
    );
    assert.ok(stored.schedule.nextNudgeAt <= Date.now() + 60 * MINUTE + 2000);
    const nudge = (await ext.getAlarms()).find((a) => a.name === 'nudge');
    assert.ok(nudge, 'the nudge alarm exists');
    assert.ok(
      Math.abs(nudge.scheduledTime - stored.schedule.nextNudgeAt) < 2000,
      'the alarm follows the schedule',
    );
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
