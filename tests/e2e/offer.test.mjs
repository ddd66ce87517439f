// The nudge as an offer in the real browser (issue 18): a due nudge waits on the toolbar icon with no
// notification, a tab switch brings the notification, quiet mode never pops up, and the icon's badge
// and title say waiting, paused, off and "no room" apart. The real toolbar can't be photographed
// headless, so each state's badge and title are read from chrome.action and drawn beside the icon
// on a test page, light and dark, for a person to look at (screenshots offer-toolbar-*.png).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { rootDir } from './harness.mjs';
import { ALWAYS_ON_HOURS, clickPause, eventually, extensionSuite, MINUTE, patchSettings } from './outlet.mjs';

/** The toolbar as chrome.action holds it now. */
const toolbar = (ext) =>
  ext.worker().then((w) =>
    w.evaluate(async () => ({
      text: await chrome.action.getBadgeText({}),
      title: await chrome.action.getTitle({}),
      color: await chrome.action.getBadgeBackgroundColor({}),
    })),
  );

const clearNotifications = async (ext) =>
  (await ext.worker()).evaluate(async () => {
    for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
  });

/** Makes the planned nudge due and lets its alarm ring at a worker that was stopped meanwhile. */
async function nudgeFallsDue(ext) {
  const { schedule } = await ext.getStorage();
  await ext.setStorage({ schedule: { ...schedule, nextNudgeAt: Date.now() + 2000, waitingSince: null } });
  await ext.fireAlarm('nudge', 2000, { asleep: true, settleMs: 0 });
  return eventually(
    () => ext.getStorage(),
    (all) => typeof all.schedule?.waitingSince === 'number',
    { what: 'the nudge waiting on the icon' },
  );
}

/** Switches tabs the way a person does: a page comes to the front. */
async function switchTab(page) {
  await page.bringToFront();
}

describe('the nudge as an offer', () => {
  const ext = extensionSuite({
    started: true,
    once: true,
    settings: { hours: ALWAYS_ON_HOURS, intervalMinutes: 60, nudgeMode: 'offer' },
  });

  it('offer: a due nudge shows on the icon first, and the notification comes at a tab switch', async () => {
    // Two tabs to switch between, open before the nudge falls due.
    const first = await ext.openPage('manifest.json');
    const second = await ext.openPage('manifest.json');
    await clearNotifications(ext);
    await nudgeFallsDue(ext);

    assert.deepEqual(await ext.getNotifications(), {}, 'no notification while the nudge waits');
    const waiting = await toolbar(ext);
    assert.equal(waiting.text, '●', 'the badge says a nudge waits');
    assert.equal(waiting.title, 'Outlet: a nudge is waiting. Check in whenever you like.');

    await switchTab(first);
    const shown = await eventually(
      () => ext.getNotifications(),
      (n) => Object.keys(n).length > 0,
      { what: 'the notification at the tab switch' },
    );
    assert.deepEqual(Object.keys(shown), ['outlet-nudge']);
    const { schedule } = await ext.getStorage();
    assert.equal(schedule.waitingSince, null, 'no longer waiting');
    assert.ok(Math.abs(schedule.nextNudgeAt - (Date.now() + 60 * MINUTE)) < 15_000, 'the next an hour on');
    assert.equal((await toolbar(ext)).text, '', 'the icon is plain again');

    // Never twice, never louder: the next switch brings nothing new.
    await clearNotifications(ext);
    await switchTab(second);
    await switchTab(first);
    // Nothing marks "a switch handled and nothing shown"; a second is ample for the worker's read.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(await ext.getNotifications(), {}, 'one offer per nudge');
    await first.close();
    await second.close();
  });

  it('quiet: the icon says a nudge waits, and a tab switch shows nothing', async () => {
    await patchSettings(ext, { nudgeMode: 'quiet' });
    const first = await ext.openPage('manifest.json');
    const second = await ext.openPage('manifest.json');
    await clearNotifications(ext);
    await nudgeFallsDue(ext);
    await switchTab(first);
    await switchTab(second);
    // As above: the only sign of a handled switch in quiet mode is that nothing happens.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(await ext.getNotifications(), {}, 'nothing pops up in quiet mode');
    assert.equal((await toolbar(ext)).text, '●');
    assert.equal(typeof (await ext.getStorage()).schedule.waitingSince, 'number', 'still waiting');
    await first.close();
    await second.close();
    await patchSettings(ext, { nudgeMode: 'offer' });
  });

  it('the toolbar says waiting, paused, off and no room apart, in text and title: drawn light and dark', async () => {
    const states = {};
    // Waiting: left from the quiet nudge above.
    states.waiting = await toolbar(ext);

    const popup = await ext.openPage('popup.html');
    await clickPause(popup, 'Pause for 1 hour');
    states.paused = await eventually(
      () => toolbar(ext),
      (t) => t.text === 'II',
      { what: 'the paused badge' },
    );
    await popup.getByRole('button', { name: 'Resume nudges' }).click();
    states.plain = await eventually(
      () => toolbar(ext),
      (t) => t.text === '' && t.title === 'Outlet: check in',
      { what: 'the plain icon after resuming' },
    );
    await popup.close();

    await patchSettings(ext, { nudgesEnabled: false });
    states.off = await eventually(
      () => toolbar(ext),
      (t) => t.text === 'off',
      { what: 'the off badge' },
    );
    await patchSettings(ext, {
      nudgesEnabled: true,
      hours: { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] },
    });
    states.noRoom = await eventually(
      () => toolbar(ext),
      (t) => t.text === '!',
      { what: 'the no-room badge' },
    );
    await patchSettings(ext, { hours: ALWAYS_ON_HOURS });

    assert.equal(states.waiting.text, '●');
    assert.equal(states.paused.title, 'Outlet: nudges are paused');
    assert.equal(states.off.title, 'Outlet: nudges are off');
    assert.match(states.noRoom.title, /no nudge fits your active hours/);
    const texts = [states.waiting, states.paused, states.off, states.noRoom, states.plain].map((s) => s.text);
    assert.equal(new Set(texts).size, texts.length, 'each state has its own badge text, not only a colour');
    const titles = [states.waiting, states.paused, states.off, states.noRoom, states.plain].map(
      (s) => s.title,
    );
    assert.equal(new Set(titles).size, titles.length, 'and its own title');

    // Each state drawn as Chrome draws a badge on the 32 px icon, on a light and a dark toolbar.
    const icon = readFileSync(path.join(rootDir, 'public/icon/32.png')).toString('base64');
    const rgb = (c) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
    const rows = Object.entries(states)
      .map(
        ([name, s]) =>
          `<figure><div class="icon"><img src="data:image/png;base64,${icon}" alt="">${
            s.text ? `<span class="badge" style="background:${rgb(s.color)}">${s.text}</span>` : ''
          }</div><figcaption><b>${name}</b><br>${s.title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</figcaption></figure>`,
      )
      .join('');
    for (const scheme of ['light', 'dark']) {
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: 720, height: 420 });
      await page.setContent(`<!doctype html><style>
        body { margin: 0; padding: 16px; font: 13px system-ui, sans-serif;
          background: ${scheme === 'light' ? '#f1f3f4' : '#35363a'}; color: ${scheme === 'light' ? '#202124' : '#e8eaed'}; }
        figure { display: flex; align-items: center; gap: 16px; margin: 0 0 14px; }
        .icon { position: relative; width: 32px; height: 32px; padding: 6px;
          border-radius: 8px; background: ${scheme === 'light' ? '#ffffff' : '#202124'}; }
        .badge { position: absolute; right: -6px; bottom: -4px; min-width: 12px; padding: 0 3px; border-radius: 4px;
          color: #fff; font: bold 10px/14px system-ui, sans-serif; text-align: center; }
      </style>${rows}`);
      await ext.screenshot(page, `offer-toolbar-${scheme}`);
      await page.close();
    }
  });

  it('the settings say how a nudge comes, each way in words: light and dark', async () => {
    const page = await ext.openPage('options.html');
    const group = page.getByRole('group', { name: 'How a nudge comes' });
    await group.waitFor();
    assert.equal(await page.getByRole('radio', { name: 'At a good moment' }).isChecked(), true);
    await page.getByRole('radio', { name: 'Quietly, on the icon' }).click();
    await eventually(
      () => ext.getStorage(),
      (all) => all.settings.nudgeMode === 'quiet',
      { what: 'quiet mode kept' },
    );
    await page.getByRole('radio', { name: 'At a good moment' }).click();
    await eventually(
      () => ext.getStorage(),
      (all) => all.settings.nudgeMode === 'offer',
      { what: 'the offer kept again' },
    );
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      await group.scrollIntoViewIfNeeded();
      const file = path.join(rootDir, 'tests/e2e/screenshots', `offer-setting-${colorScheme}.png`);
      await group.screenshot({ path: file, animations: 'disabled' });
    }
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
