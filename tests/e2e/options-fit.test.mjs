// Issue 16: the options page fits (at most 2.5 screens of 1280 × 800, in its default state and with
// per-day hours: it was 2,667 and 3,679 px), and "Add a trusted person" in the check-in lands on
// People, whether or not the options page is already open.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchExtension } from './harness.mjs';
import { ALWAYS_ON_HOURS, eventually, patchSettings, shoot, startOutlet } from './outlet.mjs';

const WIDTH = 1280;
const HEIGHT = 800;
/** 2.5 screens of 800 px. */
const MOST = 2000;

const documentHeight = (page) => page.evaluate(() => document.documentElement.scrollHeight);

describe('options: fits at 1280 × 800', () => {
  /** @type {Awaited<ReturnType<typeof launchExtension>>} */
  let ext;
  before(async () => {
    ext = await launchExtension();
  });
  after(async () => {
    await ext?.close();
  });

  // Skipped for now, with its reason in the note of this stop: issue 18's settings (how a nudge comes,
  // fixed times, quiet tabs) made the page 2,095 px in its default state, past the 2,000 px it must
  // keep; it needs those settings laid out more compactly, not a higher limit.
  it('is at most 2.5 screens in its default state, and with different hours each day', async () => {
    const page = await ext.openPage('options.html');
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await page.getByRole('heading', { name: 'Outlet settings' }).waitFor();
    const plain = await documentHeight(page);
    await shoot(page, 'options-fit-default');
    await page.getByRole('radio', { name: 'Different hours each day' }).check();
    await page.getByRole('group', { name: 'Saturday' }).waitFor();
    const perDay = await documentHeight(page);
    await shoot(page, 'options-fit-each-day');
    console.log(`options page height at ${WIDTH}×${HEIGHT}: default ${plain} px, each day ${perDay} px`);
    assert.ok(plain <= MOST, `default state ${plain} px (at most ${MOST})`);
    assert.ok(perDay <= MOST, `with different hours each day ${perDay} px (at most ${MOST})`);
    await page.close();
  });

  it('still offers every section from its table of contents, each heading findable', async () => {
    const page = await ext.openPage('options.html');
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    for (const [link, heading] of [
      ['Nudges', 'Nudges'],
      ['Hours', 'Active hours'],
      ['What to offer', 'What to offer'],
      ['People', 'People you trust'],
      ['Your data', 'Your data'],
      ['About', 'About'],
    ]) {
      await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
      const h = page.getByRole('heading', { name: heading, exact: true, level: 2 });
      await eventually(
        async () => (await h.boundingBox())?.y ?? -1,
        (y) => y >= 0 && y < HEIGHT,
        { what: `${heading} in view after its link` },
      );
    }
    await page.close();
  });
});

describe('options: "Add a trusted person" lands on People', () => {
  /** @type {Awaited<ReturnType<typeof launchExtension>>} */
  let ext;
  before(async () => {
    ext = await launchExtension();
    await patchSettings(ext, { hours: ALWAYS_ON_HOURS, families: ['talking'], trustedPeople: [] });
    await ext.setStorage({ context: { canStepAway: true, alone: false, minutes: 5 } });
  });
  after(async () => {
    await ext?.close();
  });

  /** The extension's options pages open now. */
  const optionsPages = () => ext.context.pages().filter((p) => p.url().includes('/options.html'));

  /**
   * The popup's talk step with nobody saved, and its "Add a trusted person" pressed. A popup opened
   * again comes back to the talk step (the check-in under way outlives the popup, under
   * `checkinFlow`), where the button already is; a fresh one starts from the feelings.
   */
  async function addFromCheckIn() {
    const popup = await ext.openPage('popup.html');
    await popup.setViewportSize({ width: 360, height: 600 });
    const add = popup.getByRole('button', { name: 'Add a trusted person' });
    // What is stored decides, not what shows first: the head script draws the feelings at first paint
    // and the app then brings back a check-in under way, so on a slow core a feeling seen at first
    // could be gone before it is clicked. A feeling clicked at first paint is kept, so a fresh
    // check-in can click at once.
    const underWay = (await ext.getStorage()).checkinFlow !== undefined;
    if (!underWay) await popup.locator('button[data-feeling="lonely"]').click();
    await add.click();
    return popup;
  }

  /**
   * People's heading in the window (its top in the first screen), and focus inside People. Waited
   * for (not a fixed time): on a busy machine the tab can take seconds to open and draw.
   */
  async function assertPeopleInView(page, what) {
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    const heading = page.getByRole('heading', { name: 'People you trust', level: 2 });
    await heading.waitFor();
    await eventually(
      async () => ({
        top: (await heading.boundingBox())?.y ?? -1,
        focusInPeople: await page.evaluate(
          () => document.getElementById('people')?.contains(document.activeElement) === true,
        ),
      }),
      ({ top, focusInPeople }) => top >= 0 && top < HEIGHT / 2 && focusInPeople,
      { what: `People in view and focused (${what})`, timeout: 20_000 },
    );
    await page.getByLabel('Name').waitFor();
    const name = await page.getByLabel('Name').boundingBox();
    assert.ok(name && name.y + name.height <= HEIGHT, `the Name field in the window too (${what})`);
  }

  it('opens settings at People, scrolled there and focused', async () => {
    const popup = await addFromCheckIn();
    const [opened] = await eventually(optionsPages, (pages) => pages.length > 0, {
      what: 'a settings tab',
      timeout: 20_000,
    });
    await opened.waitForLoadState();
    assert.match(opened.url(), /options\.html#people$/);
    await assertPeopleInView(opened, 'a new tab');
    await shoot(opened, 'options-people-link');
    await popup.close();
    // Scrolled away and the link used again: the open settings come back to People.
    await opened.evaluate(() => window.scrollTo(0, 0));
    await opened.locator('h1').focus();
    const again = await addFromCheckIn();
    await assertPeopleInView(opened, 'the page already open, at #people');
    assert.equal(optionsPages().length, 1, 'no second settings tab');
    await again.close();
    await opened.close();
  });

  it('brings an options page that was already open (at the top) to People', async () => {
    const options = await ext.openPage('options.html');
    await options.setViewportSize({ width: WIDTH, height: HEIGHT });
    await options.getByRole('heading', { name: 'Outlet settings' }).waitFor();
    const popup = await addFromCheckIn();
    await assertPeopleInView(options, 'the page already open');
    assert.equal(optionsPages().length, 1, 'no second settings tab');
    await popup.close();
    await options.close();
  });
});

describe('options: settings that leave no nudge possible', () => {
  /** @type {Awaited<ReturnType<typeof launchExtension>>} */
  let ext;
  before(async () => {
    ext = await launchExtension();
    await startOutlet(ext);
  });
  after(async () => {
    await ext?.close();
  });

  const badge = async () =>
    (await ext.worker()).evaluate(async () => ({
      text: await chrome.action.getBadgeText({}),
      title: await chrome.action.getTitle({}),
    }));
  const nudgeAlarm = async () => (await ext.getAlarms()).find((a) => a.name === 'nudge') ?? null;

  it('one click that empties every day is said in view with Undo, at the top of the page and on the toolbar icon; Undo brings nudges back', async () => {
    await eventually(nudgeAlarm, Boolean, { timeout: 20_000, what: 'a nudge planned once started' });
    const page = await ext.openPage('options.html');
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await page.getByRole('radio', { name: 'Different hours each day' }).check();
    const saturday = page.getByRole('group', { name: 'Saturday' });
    await saturday.getByRole('button', { name: 'Use these hours every day' }).click();

    // Where the click was: in Saturday's row, in the window, with Undo.
    const here = saturday.getByText('That change left no day with active hours.');
    await here.waitFor();
    const box = await here.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= HEIGHT, 'said in view');
    // At the top of the page, with the way to mend it.
    const top = page.locator('main > .no-nudge');
    assert.match(await top.textContent(), /No day has active hours now, so no nudges will come/);
    await top.getByRole('link', { name: 'Change your active hours' }).waitFor();
    // Said once: the note beside Undo doesn't repeat the notice's sentence.
    assert.equal(await page.getByText(/no nudges will come/).count(), 1, 'no nudges will come, said once');
    // On the toolbar icon, in words, not colour alone; and no nudge planned.
    await eventually(badge, ({ text }) => text === '!', {
      timeout: 20_000,
      what: 'the badge to say no nudge can come',
    });
    assert.equal(
      (await badge()).title,
      'Outlet: no nudge fits your active hours. You can change them in settings.',
    );
    await eventually(nudgeAlarm, (alarm) => alarm === null, { timeout: 20_000, what: 'no nudge alarm' });
    await shoot(page, 'options-no-nudge');

    await saturday.getByRole('button', { name: 'Undo' }).click();
    await eventually(badge, ({ text }) => text === '', { timeout: 20_000, what: 'the badge clear again' });
    assert.equal((await badge()).title, 'Outlet: check in');
    await eventually(nudgeAlarm, Boolean, { timeout: 20_000, what: 'nudges planned again after Undo' });
    assert.equal(await page.locator('main > .no-nudge').count(), 0, 'the top notice gone');
    const settings = (await ext.getStorage()).settings;
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((d) => settings.hours[d].length),
      [1, 1, 1, 1, 1],
      'the week as it was',
    );
    await page.close();
  });

  it("the top notice's link lands on the hours, focused", async () => {
    await patchSettings(ext, { hours: { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] } });
    const page = await ext.openPage('options.html');
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await page.getByRole('link', { name: 'Change your active hours' }).click();
    const heading = page.getByRole('heading', { name: 'Active hours', level: 2 });
    await eventually(
      async () => ({
        top: (await heading.boundingBox())?.y ?? -1,
        focused: await heading.evaluate((el) => el === document.activeElement),
      }),
      ({ top, focused }) => top >= 0 && top < HEIGHT / 2 && focused,
      { timeout: 20_000, what: 'Active hours in view and focused' },
    );
    await page.close();
  });
});
