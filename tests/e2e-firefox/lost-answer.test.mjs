// Firefox stops its MV3 event page when it likes (issue 15). Stopped right after it stored a pause,
// before its answer got back, the popup used to show "Paused until …" and "Couldn't pause just now."
// together. Here the page is stopped at the exact moment: at the background's write (chrome-scope.mjs),
// so the popup's message is always answered "Could not establish connection"; what the popup says must
// be what storage holds. One Firefox for the file. Screenshots: tests/e2e/screenshots/firefox-*.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseYAML } from 'confbox';
import { chromeScope } from './chrome-scope.mjs';
import { clickButton as click, eventually, launchFirefoxExtension, rootDir } from './harness.mjs';

const en = parseYAML(readFileSync(path.join(rootDir, 'locales/en.yml'), 'utf8'));
const HOUR = 3_600_000;

/**
 * What the popup says (the status line, an error) and what its messages heard from the background:
 * the page's `browser.runtime.sendMessage` is wrapped to note each answer or failure, so the test
 * knows the answer really was lost.
 */
const listen = (page) =>
  page.evaluate(() => {
    const send = browser.runtime.sendMessage.bind(browser.runtime);
    window.__heard = [];
    browser.runtime.sendMessage = (...args) =>
      send(...args).then(
        (answer) => {
          window.__heard.push('answered');
          return answer;
        },
        (error) => {
          window.__heard.push(`failed: ${error.message}`);
          throw error;
        },
      );
  });
const seen = (page) =>
  page.evaluate(() => ({
    status: document.querySelector('.status-line')?.textContent ?? '',
    error: document.querySelector('[role=alert]')?.textContent ?? null,
    heard: window.__heard,
  }));

describe('Firefox: the event page stopped right after it stored a change', () => {
  /** @type {Awaited<ReturnType<typeof launchFirefoxExtension>>} */
  let ext;
  /** @type {Awaited<ReturnType<typeof chromeScope>>} */
  let chrome;

  before(async () => {
    ext = await launchFirefoxExtension();
    chrome = await chromeScope(ext);
  });
  after(async () => {
    await ext?.close();
  });

  /** The popup, once its status line says something, with `schedule` patched into storage first. */
  async function popupWith(patch) {
    // Opening the popup starts Outlet (a plan); the patch goes on top of that plan.
    const first = await ext.openPage('popup.html', { width: 360, height: 600 });
    const { schedule } = await eventually(
      () => ext.getStorage(),
      (all) => typeof all.schedule?.nextNudgeAt === 'number',
      { what: 'a planned nudge' },
    );
    await first.close();
    await ext.setStorage({ schedule: { ...schedule, ...patch } });
    const popup = await ext.openPage('popup.html', { width: 360, height: 600 });
    await eventually(
      () => seen(popup),
      ({ status }) => status.trim() !== '',
      { what: 'the status line' },
    );
    await listen(popup);
    return popup;
  }

  it('a pause: the popup says "Paused until …", and no error', async () => {
    const popup = await popupWith({ pausedUntil: null, pauseKind: null, ignoredInRow: 0 });
    await click(popup, en.status.pauseMenu);
    await chrome.stopBackgroundAfterNextWrite();
    const asked = Date.now();
    await click(popup, en.status.pauseHour);

    const after = await eventually(
      () => seen(popup),
      ({ heard, status }) => heard.length > 0 && status.startsWith('Paused until'),
      { what: 'the popup to hear back and say paused' },
    );
    assert.equal(await chrome.backgroundStopped(), true, 'the event page was stopped at its write');
    assert.match(after.heard[0], /^failed: /, 'the answer was lost');
    const { schedule } = await ext.getStorage();
    assert.ok(Math.abs(schedule.pausedUntil - (asked + HOUR)) < 5000, 'the pause was stored');
    // An absence: no event says an error will never come. Give a late one every chance to show.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal((await seen(popup)).error, null, 'no "Couldn\'t pause" beside "Paused until"');
    await ext.screenshot(popup, 'pause-answer-lost');
    await popup.close();
  });

  it('a resume: the popup says when the next nudge comes, and no error', async () => {
    const popup = await popupWith({ pausedUntil: Date.now() + HOUR, pauseKind: 'meeting' });
    await chrome.stopBackgroundAfterNextWrite();
    await click(popup, en.status.resume);

    const after = await eventually(
      () => seen(popup),
      // "Next nudge at …" in the person's hours, "Outside your hours: next nudge tomorrow at …" after
      // them (CI runs at any time of day, with the default hours).
      ({ heard, status }) => heard.length > 0 && /next nudge/i.test(status),
      { what: 'the popup to hear back and say when the next nudge comes' },
    );
    assert.equal(await chrome.backgroundStopped(), true);
    assert.match(after.heard[0], /^failed: /, 'the answer was lost');
    assert.equal((await ext.getStorage()).schedule.pausedUntil, null, 'the resume was stored');
    // An absence, as above: a late error has every chance to show.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal((await seen(popup)).error, null);
    // The stopped page never moved its alarm; the next nudge must still come when the popup says.
    await eventually(
      async () => {
        const [{ schedule }, alarms] = await Promise.all([ext.getStorage(), ext.getAlarms()]);
        const nudge = alarms.find((alarm) => alarm.name === 'nudge');
        return { planned: schedule.nextNudgeAt, rings: nudge?.scheduledTime ?? null };
      },
      ({ planned, rings }) => rings !== null && Math.abs(rings - planned) < 1000,
      { what: 'the nudge alarm at the stored plan' },
    );
    await popup.close();
  });

  it('"Keep as is" on the calmer pace: the offer goes, and no error', async () => {
    const popup = await popupWith({ pausedUntil: null, pauseKind: null, ignoredInRow: 3 });
    await chrome.stopBackgroundAfterNextWrite();
    await click(popup, en.status.calmerKeep);

    const after = await eventually(
      () => popup.evaluate(() => ({ heard: window.__heard, text: document.body.textContent })),
      ({ heard, text }) => heard.length > 0 && !text.includes(en.status.calmerKeep),
      { what: 'the offer to go' },
    );
    assert.match(after.heard[0], /^failed: /, 'the answer was lost');
    assert.equal((await ext.getStorage()).schedule.ignoredInRow, 0, 'the answer to the offer was stored');
    // An absence, as above: a late error has every chance to show.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal((await seen(popup)).error, null);
    await popup.close();
  });

  it('no page and not the background logged an error', (t) => {
    for (const line of ext.firefoxErrors()) t.diagnostic(`Firefox's own, not counted: ${line}`);
    assert.deepEqual(ext.errors(), []);
  });
});
