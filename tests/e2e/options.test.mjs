// The options page in the real browser: how often nudges come, and what happens with a bad value.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchExtension } from './harness.mjs';
import { ALWAYS_ON_HOURS, eventually, MINUTE, patchSettings } from './outlet.mjs';

const interval = async (ext) => (await ext.getStorage()).settings?.intervalMinutes;

describe('options: nudge frequency', () => {
  /** @type {Awaited<ReturnType<typeof launchExtension>>} */
  let ext;
  before(async () => {
    ext = await launchExtension();
    await patchSettings(ext, { hours: ALWAYS_ON_HOURS, intervalMinutes: 60 });
  });
  after(async () => {
    await ext?.close();
  });

  it('offers 30, 45, 60, 90 and 120 minutes, and a custom value', async () => {
    const page = await ext.openPage('options.html');
    const select = page.getByRole('combobox', { name: 'Nudge every' });
    await select.waitFor();
    const options = await select.locator('option').allInnerTexts();
    assert.deepEqual(
      options.map((text) => text.trim()),
      ['30 minutes', '45 minutes', '60 minutes', '90 minutes', '120 minutes', 'Custom…'],
    );
    await ext.screenshot(page, 'options');
    await page.close();
  });

  it('a preset is saved at once, and the next nudge follows it', async () => {
    const page = await ext.openPage('options.html');
    const select = page.getByRole('combobox', { name: 'Nudge every' });
    await select.selectOption({ label: '30 minutes' });
    const changed = Date.now();
    await eventually(
      () => interval(ext),
      (minutes) => minutes === 30,
      { what: 'every 30 minutes stored' },
    );
    const { schedule } = await eventually(
      () => ext.getStorage(),
      (all) => (all.schedule?.nextNudgeAt ?? Number.POSITIVE_INFINITY) <= changed + 30 * MINUTE + 2000,
      { what: 'the next nudge within 30 minutes' },
    );
    const alarm = (await ext.getAlarms()).find((a) => a.name === 'nudge');
    assert.ok(alarm && Math.abs(alarm.scheduledTime - schedule.nextNudgeAt) < 2000, 'the alarm follows');
    await page.close();
  });

  it('a custom value out of range is refused with a message next to the field', async () => {
    for (const bad of ['10', '241', '20.5', '']) {
      // A fresh page each time, so each message is the answer to this value.
      const page = await ext.openPage('options.html');
      await page.getByRole('combobox', { name: 'Nudge every' }).selectOption({ label: 'Custom…' });
      const minutes = page.getByLabel('Minutes between nudges');
      assert.equal(await page.getByRole('alert').count(), 0);
      await minutes.fill(bad);
      await minutes.press('Enter');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.ok((await alert.textContent()).trim().length > 0, `explains why "${bad}" is refused`);
      const field = await minutes.boundingBox();
      const message = await alert.boundingBox();
      assert.ok(Math.abs(message.y - (field.y + field.height)) < 120, 'the message sits by the field');
      assert.equal(await interval(ext), 30, `"${bad}" is not saved`);
      if (bad === '10') await ext.screenshot(page, 'options-custom-error');
      await page.close();
    }
  });

  it('a custom value in range is saved, and shown again when the page reopens', async () => {
    let page = await ext.openPage('options.html');
    await page.getByRole('combobox', { name: 'Nudge every' }).selectOption({ label: 'Custom…' });
    const minutes = page.getByLabel('Minutes between nudges');
    await minutes.fill('50');
    await minutes.press('Enter');
    await eventually(
      () => interval(ext),
      (value) => value === 50,
      { what: 'every 50 minutes stored' },
    );
    assert.equal(await page.getByRole('alert').count(), 0, 'no error shown');
    await page.close();

    page = await ext.openPage('options.html');
    const select = page.getByRole('combobox', { name: 'Nudge every' });
    await select.waitFor();
    assert.equal(await select.evaluate((el) => el.options[el.selectedIndex].text.trim()), 'Custom…');
    assert.equal(await page.getByLabel('Minutes between nudges').inputValue(), '50');
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
