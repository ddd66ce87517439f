// Fixed clock times and quiet tabs (issue 18, items 3 and 5) in the real browser: the editor in
// options (by keyboard too), a fixed time's nudge coming with its own words and opening the check-in
// with its family first, and a loopback page playing an <audio> element muted during a walk and
// given its sound back after. One Chromium for the file, with sound on (launchExtension `sound`).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import {
  anotherIdeaUntil,
  eventually,
  extensionSuite,
  openPopup,
  patchSettings,
  shoot,
  startOutlet,
} from './outlet.mjs';

/** One second of a 440 Hz tone, 8 kHz 16-bit mono PCM: a WAV made here, nothing downloaded. */
function toneWav() {
  const rate = 8000;
  const samples = rate;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++)
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 12000), i * 2);
  const head = Buffer.alloc(44);
  head.write('RIFF', 0);
  head.writeUInt32LE(36 + data.length, 4);
  head.write('WAVEfmt ', 8);
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20); // PCM
  head.writeUInt16LE(1, 22); // mono
  head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate * 2, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36);
  head.writeUInt32LE(data.length, 40);
  return Buffer.concat([head, data]);
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>Music</title>
<audio id="music" src="/tone.wav" autoplay loop></audio><p>Playing a tone.</p>`;

/** "HH:MM" of the local clock at t, as an <input type=time> takes it. */
const hhmm = (t) => {
  const d = new Date(t);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

describe('fixed times and quiet tabs', () => {
  const ext = extensionSuite({ once: true, clear: false, settings: null, launch: { sound: true } });
  let server;
  let origin;

  before(async () => {
    const wav = toneWav();
    server = createServer((request, response) => {
      if (request.url === '/tone.wav') response.writeHead(200, { 'content-type': 'audio/wav' }).end(wav);
      else response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
    await startOutlet(ext);
  });
  after(() => server?.close());

  it('adds, edits and removes a fixed time by keyboard, refusing a time without a day in plain words', async () => {
    const page = await ext.openPage('options.html');
    await page.getByRole('heading', { name: 'Fixed times' }).waitFor();
    const add = page.getByRole('button', { name: 'Add a time' });
    await add.focus();
    await page.keyboard.press('Enter');
    // The new row's time field has focus, ready to type.
    const first = page.getByRole('group', { name: 'Fixed time 1' });
    await first.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'time');
    const stored = async () => (await ext.getStorage()).settings.fixedTimes ?? [];
    await eventually(stored, (times) => times.length === 1, { what: 'the new time kept' });
    assert.deepEqual((await stored())[0], { minute: 660, days: [1, 2, 3, 4, 5], offer: 'checkin' });

    // Its offer, by keyboard: the select takes arrow keys.
    await first.getByLabel('Offers').selectOption('movement');
    await eventually(stored, (times) => times[0]?.offer === 'movement', { what: 'the offer kept' });

    // No day at all: refused next to the row, and storage keeps the last good list.
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
      await first.getByRole('checkbox', { name: day }).press('Space');
    }
    const problem = first.getByRole('alert');
    await problem.waitFor();
    assert.equal((await problem.textContent()).trim(), 'Choose at least one day.');
    // Each day unticked was kept until the last one: storage still has Friday (the saves before the
    // refusal may still be on their way when it shows).
    await eventually(stored, (times) => String(times[0]?.days) === '5', { what: 'Friday kept alone' });
    await shoot(page, 'fixed-times-refused');
    await first.getByRole('checkbox', { name: 'Saturday' }).press('Space');
    await eventually(stored, (times) => String(times[0]?.days) === '6', { what: 'Saturday kept' });
    assert.equal(await problem.count(), 0, 'the problem is gone once there is a day');

    // A second time, then removed again with the keyboard; focus stays in the list.
    await add.press('Enter');
    const second = page.getByRole('group', { name: 'Fixed time 2' });
    await second.waitFor();
    await eventually(stored, (times) => times.length === 2, { what: 'two times' });
    await shoot(page, 'fixed-times-editor');
    await second.getByRole('button', { name: 'Remove: Fixed time 2' }).press('Enter');
    await eventually(stored, (times) => times.length === 1, { what: 'one time again' });
    assert.equal(
      await page.getByRole('checkbox', { name: 'Only at these times, no nudge every interval' }).count(),
      1,
    );
    await page.close();
  });

  it('a fixed time comes with its own words, outside active hours, and the check-in offers its family first', async () => {
    // No active hours at all: only the fixed time can bring a nudge.
    const none = { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] };
    const now = Date.now();
    const clock = hhmm(now);
    const [h, m] = clock.split(':').map(Number);
    await patchSettings(ext, {
      hours: none,
      fixedTimes: [{ minute: h * 60 + m, days: [0, 1, 2, 3, 4, 5, 6], offer: 'movement' }],
      families: ['journaling', 'creative'],
    });
    // This minute's fixed moment, made due as the other e2e make a nudge due: the plan says it, and the
    // alarm wakes a worker that was killed in between.
    const moment = new Date(new Date(now).setSeconds(0, 0)).getTime();
    const d = new Date(now);
    const tomorrow = new Date(
      d.getFullYear(),
      d.getMonth(),
      d.getDate() + 1,
      d.getHours(),
      d.getMinutes(),
    ).getTime();
    await eventually(
      () => ext.getStorage(),
      (all) => all.schedule?.nextNudgeAt === tomorrow,
      { what: 'the next fixed time planned' },
    );
    const { schedule } = await ext.getStorage();
    await ext.setStorage({ schedule: { ...schedule, nextNudgeAt: moment, lastNudgeAt: null } });
    // Each notification's words, seen by wrapping create in the worker (getAll gives only ids).
    await (await ext.worker()).evaluate(() => {
      const g = globalThis;
      g.e2eCreate ??= chrome.notifications.create;
      g.e2eShown = [];
      chrome.notifications.create = (id, options, ...rest) => {
        g.e2eShown.push({ id, title: options?.title, message: options?.message });
        return g.e2eCreate.call(chrome.notifications, id, options, ...rest);
      };
    });
    await ext.fireAlarm('nudge', 500);
    const [shown] = await eventually(
      async () => (await ext.worker()).evaluate(() => globalThis.e2eShown ?? []),
      (list) => list.length > 0,
      { what: 'the fixed time’s notification' },
    );
    assert.match(shown.title, /: your moment$/);
    assert.equal(shown.message, 'You planned this one. First idea: Movement.');
    const after = (await ext.getStorage()).schedule;
    assert.equal(after.fixedOffer?.family, 'movement');
    assert.ok(
      after.nextNudgeAt > Date.now() + 23 * 3600_000 - 60_000,
      'the next one is tomorrow’s, not this one again',
    );

    // The person's families are journaling and creative; the fixed time's movement comes first anyway.
    const page = await openPopup(ext);
    await page.locator('button[data-feeling="calm"]').click();
    const offered = await eventually(
      () => ext.getStorage(),
      (all) => typeof JSON.stringify(all.checkinFlow ?? '').match(/"outletId":"([\w-]+)"/)?.[1] === 'string',
      { what: 'the outlet offered' },
    );
    const outletId = JSON.stringify(offered.checkinFlow).match(/"outletId":"([\w-]+)"/)[1];
    assert.ok(
      ['step-outside', 'stretch-up', 'shoulder-rolls'].includes(outletId),
      `a movement idea, not ${outletId}`,
    );
    await page.getByRole('button', { name: 'Not now', exact: true }).click();
    await page.close();
    await (await ext.worker()).evaluate(async () => {
      for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
    });
  });

  it('quiets a tab playing an <audio> element during a walk, and gives its sound back on "Stop early"', async () => {
    await patchSettings(ext, { quietAudibleTabs: true, families: ['movement'], fixedTimes: [] });
    // Outlet has no "tabs" permission, so a tab's url is not seen: the music tab is the one that is new.
    const tabIds = () =>
      ext.worker().then((w) => w.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.id)));
    const before = new Set(await tabIds());
    const music = await ext.context.newPage();
    await music.goto(`${origin}/`);
    const musicId = (await tabIds()).find((id) => !before.has(id));
    assert.ok(musicId !== undefined, 'the music tab is found');
    const tabState = () =>
      ext.worker().then((w) =>
        w.evaluate(async (id) => {
          const tab = await chrome.tabs.get(id);
          return {
            audible: tab.audible,
            muted: tab.mutedInfo?.muted ?? false,
            reason: tab.mutedInfo?.reason,
          };
        }, musicId),
      );
    await eventually(tabState, (tab) => tab?.audible === true, {
      what: 'the music tab audible',
      timeout: 10_000,
    });

    const page = await openPopup(ext);
    await page.locator('button[data-feeling="stressed"]').click();
    const start = page.getByRole('button', { name: /^Start a \d+-minute walk$/ });
    await anotherIdeaUntil(page, start, 40);
    await start.click();
    await page.getByRole('timer').waitFor();
    await eventually(tabState, (tab) => tab?.muted === true, { what: 'the music tab muted during the walk' });
    // The page itself was not paused: only the tab's sound is off.
    assert.equal(await music.evaluate(() => document.getElementById('music').paused), false);

    await page.getByRole('button', { name: 'Stop early' }).click();
    await eventually(tabState, (tab) => tab?.muted === false, { what: 'the sound given back' });
    await eventually(tabState, (tab) => tab?.audible === true, { what: 'the music heard again' });
    await page.close();
    await music.close();
  });
});
