// The options page in the real browser: how often nudges come, what happens with a bad value, and
// every kind of field kept when it is left, there again after a reload.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchExtension } from './harness.mjs';
import { ALWAYS_ON_HOURS, eventually, MINUTE, patchSettings, shoot, startOutlet } from './outlet.mjs';

const interval = async (ext) => (await ext.getStorage()).settings?.intervalMinutes;

describe('options: nudge frequency', () => {
  /** @type {Awaited<ReturnType<typeof launchExtension>>} */
  let ext;
  before(async () => {
    ext = await launchExtension();
    await startOutlet(ext);
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

  it('says "Saved." where the person is looking, even when the section runs past the window', async () => {
    const page = await ext.openPage('options.html');
    try {
      // A short window: the Nudges section is taller than it.
      await page.setViewportSize({ width: 800, height: 480 });
      const select = page.getByRole('combobox', { name: 'Nudge every' });
      await select.scrollIntoViewIfNeeded();
      await select.selectOption({ label: '45 minutes' });
      const saved = page.locator('#nudges .saved', { hasText: 'Saved' });
      await saved.waitFor();
      const box = await saved.boundingBox();
      const selectBox = await select.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= 480, `"Saved." in the window (at ${box?.y})`);
      assert.ok(selectBox && selectBox.y >= 0 && selectBox.y < 480, 'the field still in sight too');
      await shoot(page, 'options-saved-in-sight');
      // The tests after this one start from every 30 minutes.
      await select.selectOption({ label: '30 minutes' });
      await eventually(
        () => interval(ext),
        (minutes) => minutes === 30,
        { what: 'every 30 minutes stored again' },
      );
    } finally {
      await page.close();
    }
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

describe('options: one save model', () => {
  /** @type {Awaited<ReturnType<typeof launchExtension>>} */
  let ext;
  before(async () => {
    ext = await launchExtension();
  });
  after(async () => {
    await ext?.close();
  });

  it('is in sections a person can jump to, each within a screen or two (heights at 1280 wide)', async () => {
    const page = await ext.openPage('options.html');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('heading', { name: 'Outlet settings' }).waitFor();
    const heights = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('main > section')].map((s) => [
          s.id,
          Math.round(s.getBoundingClientRect().height),
        ]),
      ),
    );
    console.log(`options section heights at 1280 px: ${JSON.stringify(heights)}`);
    assert.deepEqual(Object.keys(heights), ['nudges', 'hours', 'offer', 'people', 'data', 'about']);
    for (const [id, height] of Object.entries(heights))
      assert.ok(height <= 2 * 720, `${id} fits two screens`);
    await page.getByRole('link', { name: 'Your data' }).click();
    await eventually(
      () => page.evaluate(() => Math.round(document.getElementById('data').getBoundingClientRect().top)),
      (top) => top >= 0 && top < 720 - 200,
      { what: 'the data section in view after its link' },
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, '20-options');
    await page.getByRole('radio', { name: 'Different hours each day' }).check();
    await shoot(page, '21-options-each-day');
    await page.close();
  });

  it('keeps every kind of field as it is left, and finds it all again after a reload', async () => {
    const page = await ext.openPage('options.html');
    await page.setViewportSize({ width: 1280, height: 720 });
    const nudges = page.locator('#nudges');
    // A checkbox, at once.
    // Boxes show the stored value, so they tick once the change is kept: click, then see it ticked.
    const silent = page.getByRole('checkbox', { name: 'Nudge without a sound' });
    await silent.click();
    await eventually(() => silent.isChecked(), Boolean, { what: 'the box ticked' });
    await nudges.getByText('Saved.').waitFor();
    // A choice in a list, at once; then a typed number, when the field is left.
    await page.getByRole('combobox', { name: 'Nudge every' }).selectOption({ label: 'Custom…' });
    await page.getByLabel('Minutes between nudges').fill('50');
    await page.getByLabel('Minutes between nudges').blur();
    await page.getByLabel('A break counts from').fill('8');
    await page.getByLabel('A break counts from').press('Tab');
    // Times, the quick way: 08:30 to 17:00 Monday to Friday, and the weekend too.
    const hours = page.locator('#hours');
    await hours.getByLabel('From').first().fill('08:30');
    await hours.getByLabel('From').first().blur();
    await hours.getByText('Saved.').waitFor();
    await hours.getByLabel('to', { exact: true }).first().fill('17:00');
    await hours.getByLabel('to', { exact: true }).first().blur();
    await hours.getByRole('checkbox', { name: /Weekends too/ }).check();
    // A refused time stays on screen, next to the field, and is not kept.
    await hours.getByLabel('to', { exact: true }).first().fill('07:00');
    await hours.getByLabel('to', { exact: true }).first().blur();
    await hours.getByRole('alert').waitFor();
    assert.equal(await hours.getByText('Saved.').count(), 0, 'no "Saved." beside a refusal');
    await shoot(page, '22-options-refused-hours');
    await hours.getByLabel('to', { exact: true }).first().fill('17:00');
    await hours.getByLabel('to', { exact: true }).first().blur();
    // Families, and a person.
    await page.getByRole('checkbox', { name: 'Letting it out' }).click();
    await page.getByLabel('Name').fill('Ana');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.locator('#people').getByText('Saved.').waitFor();

    const week = Object.fromEntries(
      [0, 1, 2, 3, 4, 5, 6].map((d) => [d, [{ start: 510, end: 1020, nextDay: false }]]),
    );
    const settings = await eventually(
      async () => (await ext.getStorage()).settings,
      (s) =>
        s?.silentNudges === true &&
        s.intervalMinutes === 50 &&
        s.breakMinutes === 8 &&
        [0, 1, 2, 3, 4, 5, 6].every(
          (d) =>
            JSON.stringify(
              (s.hours?.[d] ?? []).map(({ start, end, nextDay }) => ({ start, end, nextDay })),
            ) === JSON.stringify(week[d]),
        ) &&
        Array.isArray(s.families) &&
        !s.families.includes('release') &&
        s.trustedPeople?.length === 1,
      { what: 'every change stored' },
    );
    assert.equal(settings.trustedPeople[0].name, 'Ana');

    await page.reload();
    await page.getByRole('heading', { name: 'Outlet settings' }).waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Nudge without a sound' }).isChecked(), true);
    assert.equal(await page.getByLabel('Minutes between nudges').inputValue(), '50');
    assert.equal(await page.getByLabel('A break counts from').inputValue(), '8');
    assert.equal(await hours.getByLabel('From').first().inputValue(), '08:30');
    assert.equal(await hours.getByLabel('to', { exact: true }).first().inputValue(), '17:00');
    assert.equal(await hours.getByRole('checkbox', { name: /Weekends too/ }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: 'Letting it out' }).isChecked(), false);
    await page.getByRole('button', { name: 'Remove Ana' }).waitFor();

    // Restore defaults names what changes, and leaves Ana.
    await page.getByRole('button', { name: 'Restore default settings…' }).click();
    const confirm = page.getByRole('group', { name: /back to their defaults/ });
    const lines = await confirm.locator('li').allInnerTexts();
    assert.deepEqual(
      lines.map((line) => line.split(':')[0]),
      [
        'how often',
        'what to offer',
        'active hours (Monday, Tuesday, Wednesday, Thursday, and Friday)',
        'active hours (Saturday and Sunday)',
        'what counts as a break',
        'silent nudges',
      ],
      lines.join(' | '),
    );
    await shoot(page, '23-options-restore');
    await confirm.getByRole('button', { name: 'Restore these' }).click();
    await page.getByText('Back to the defaults.').waitFor();
    const restored = await eventually(
      async () => (await ext.getStorage()).settings,
      (s) => s.intervalMinutes === 60 && s.silentNudges === false,
      { what: 'the defaults stored' },
    );
    assert.deepEqual(
      restored.trustedPeople.map((p) => p.name),
      ['Ana'],
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

describe('welcome: three short steps', () => {
  /** @type {Awaited<ReturnType<typeof launchExtension>>} */
  let ext;
  before(async () => {
    ext = await launchExtension();
  });
  after(async () => {
    await ext?.close();
  });

  it('fits each step in 1280×720 with "Start Outlet" on the first screen, plans nothing before it, and says the first nudge as the popup does', async () => {
    const page = await ext.openPage('welcome.html');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('heading', { name: 'Welcome to Outlet' }).waitFor();
    for (const step of [1, 2, 3]) {
      await page.getByText(`Step ${step} of 3`).waitFor();
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(height <= 720, `step ${step} fits without scrolling (${height} px)`);
      const start = await page.getByRole('button', { name: 'Start Outlet' }).boundingBox();
      assert.ok(start && start.y + start.height <= 720, `"Start Outlet" in view on step ${step}`);
      await shoot(page, `24-welcome-step-${step}`);
      if (step < 3) await page.getByRole('button', { name: 'Next' }).click();
    }
    // Nothing planned before the start, though the worker started and the welcome's choices exist.
    const before = await ext.getStorage();
    assert.equal(before.schedule?.nextNudgeAt ?? null, null, 'no nudge planned before "Start Outlet"');
    assert.equal((await ext.getAlarms()).filter((a) => a.name === 'nudge').length, 0, 'no nudge alarm');

    await page.getByRole('button', { name: 'Start Outlet' }).click();
    await page.getByRole('heading', { name: "You're all set" }).waitFor();
    const stored = await eventually(
      () => ext.getStorage(),
      (all) => typeof all.schedule?.nextNudgeAt === 'number',
      { what: 'the first nudge planned' },
    );
    const said = (await page.getByRole('status').textContent()).trim();
    await shoot(page, '25-welcome-done');
    const popup = await ext.openPage('popup.html');
    // The status line fills in once the popup has read the schedule.
    const line = await eventually(
      async () => ((await popup.locator('.status-line').textContent()) ?? '').trim(),
      (text) => text.length > 1,
      { what: 'the popup to say when' },
    );
    assert.equal(said, `${line.replace(/\.$/, '')}. You can close this tab; Outlet waits in the toolbar.`);
    const after = await ext.getStorage();
    assert.equal(after.schedule.nextNudgeAt, stored.schedule.nextNudgeAt, 'opening the popup moved nothing');
    await popup.close();
    await page.close();
  });
});
