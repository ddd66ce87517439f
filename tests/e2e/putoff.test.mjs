// Issue 18 (item 2 and the timing view of item 6), in the built extension: putting a waiting nudge
// off from the popup, bringing back one just closed, "check in now" from its keyboard command, pausing
// until a date and time, and "When nudges land" on the history page from a seeded log. Photographed
// light and dark (tests/e2e/screenshots/).
//
// A notification's buttons and a keyboard command can't be pressed in headless Chromium: the
// buttons' handling is covered by the unit tests (tests/unit/background.test.ts), and "check in now"
// is dispatched here as Chromium dispatches the command to the worker (its onCommand event).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ALWAYS_ON_HOURS,
  clockParts,
  eventually,
  extensionSuite,
  MINUTE,
  openPopup,
  parseClock,
  shoot,
} from './outlet.mjs';

const CONTEXT = { canStepAway: true, alone: false, minutes: 5 };

/** A schedule with a nudge shown `ago` ms back and not answered yet; the next one an hour on. */
function waitingNudge(ago, patch = {}) {
  const now = Date.now();
  return {
    nextNudgeAt: now + 60 * MINUTE,
    pausedUntil: null,
    lastNudgeAt: now - ago,
    recentLines: [],
    pauseKind: null,
    awaySince: null,
    held: null,
    lastNudgeAnswered: false,
    ignoredInRow: 0,
    missed: null,
    putOffUntil: null,
    dismissedAt: null,
    ...patch,
  };
}

const schedule = async (ext) => (await ext.getStorage()).schedule;

describe('issue 18: the person in charge of timing', () => {
  const ext = extensionSuite({
    started: true,
    settings: { hours: ALWAYS_ON_HOURS, intervalMinutes: 60 },
    storage: { context: CONTEXT },
  });

  it('puts a waiting nudge off from the popup, to the time its button says', async () => {
    await ext.setStorage({ schedule: waitingNudge(2 * MINUTE) });
    const popup = await openPopup(ext);
    const choices = popup.getByRole('region', { name: 'When the nudge comes back' });
    await choices.waitFor();
    assert.match((await choices.textContent()) ?? '', /Not a good moment\? The nudge can come back\./);
    await shoot(popup, 'putoff-waiting');
    const later = choices.getByRole('button', { name: /^(Later today, at|Next time:)/ });
    const said = parseClock((await later.textContent()) ?? '');
    await later.click();
    const stored = await eventually(
      () => schedule(ext),
      (s) => s.lastNudgeAnswered === true && s.putOffUntil !== null,
      { what: 'the nudge put off' },
    );
    assert.equal(stored.nextNudgeAt, stored.putOffUntil);
    assert.deepEqual(clockParts(stored.putOffUntil), said, 'comes back at the time the button said');
    const alarm = (await ext.getAlarms()).find((a) => a.name === 'nudge');
    assert.ok(alarm && Math.abs(alarm.scheduledTime - stored.putOffUntil) < 1000, 'its alarm is set');
    await choices.waitFor({ state: 'detached' });
    await popup.close();
  });

  it('brings back a nudge closed a moment ago, and its badge goes', async () => {
    const now = Date.now();
    const day = new Date(new Date(now).toDateString()).getTime();
    await ext.setStorage({
      schedule: waitingNudge(6 * MINUTE, {
        lastNudgeAnswered: true,
        dismissedAt: now - 5 * MINUTE,
        ignoredInRow: 1,
        missed: { day, count: 1 },
      }),
    });
    // The badge follows storage at the worker's next event: a wake of the worker.
    await ext.killWorker();
    await eventually(
      async () => (await ext.worker()).evaluate(() => chrome.action.getBadgeText({})),
      (text) => text !== '',
      { what: 'the badge for the closed nudge' },
    );
    const popup = await openPopup(ext);
    const choices = popup.getByRole('region', { name: 'When the nudge comes back' });
    await choices.getByText(/You closed a nudge at .*Want it back\?/).waitFor();
    await shoot(popup, 'putoff-bring-back');
    const before = Date.now();
    await choices.getByRole('button', { name: 'In 10 minutes' }).click();
    const stored = await eventually(
      () => schedule(ext),
      (s) => s.dismissedAt === null && s.putOffUntil !== null,
      { what: 'the closed nudge brought back' },
    );
    assert.ok(stored.nextNudgeAt >= before + 10 * MINUTE && stored.nextNudgeAt <= Date.now() + 10 * MINUTE);
    assert.equal(stored.missed, null, 'the closing no longer counts');
    await eventually(
      async () => (await ext.worker()).evaluate(() => chrome.action.getBadgeText({})),
      (text) => text === '',
      { what: 'the badge gone' },
    );
    await popup.close();
  });

  it('"check in now" from the keyboard counts as a break: the interval starts again from it', async () => {
    await ext.setStorage({ schedule: waitingNudge(3 * MINUTE, { nextNudgeAt: Date.now() + 20 * MINUTE }) });
    const before = Date.now();
    // What Chromium does when the keys are pressed: the command's event in the worker.
    await (await ext.worker()).evaluate(() => chrome.commands.onCommand.dispatch('check-in-now'));
    const stored = await eventually(
      () => schedule(ext),
      (s) => s.lastNudgeAnswered === true,
      { what: 'the break counted' },
    );
    assert.ok(stored.nextNudgeAt >= before + 60 * MINUTE, 'one whole interval from the key press');
    // The check-in opens: the toolbar popup where the browser allows it, else a small window or a tab.
    const opened = await eventually(
      async () =>
        (await ext.worker()).evaluate(async () =>
          (await chrome.runtime.getContexts({})).map((c) => c.documentUrl ?? ''),
        ),
      (urls) => urls.some((url) => /\/(popup|checkin)\.html/.test(url)),
      { what: 'the check-in opened' },
    );
    assert.ok(opened.length > 0);
    for (const page of ext.context.pages())
      if (/\/(popup|checkin)\.html/.test(page.url())) await page.close();
  });

  it('pauses until a date and time picked in the pause menu', async () => {
    await ext.setStorage({ schedule: waitingNudge(90 * MINUTE, { lastNudgeAnswered: true }) });
    const popup = await openPopup(ext);
    await popup.getByRole('button', { name: 'Pause…' }).click();
    const target = new Date();
    target.setDate(target.getDate() + 3);
    target.setHours(9, 30, 0, 0);
    const pad = (n) => String(n).padStart(2, '0');
    const value = `${target.getFullYear()}-${pad(target.getMonth() + 1)}-${pad(target.getDate())}T09:30`;
    await popup.getByLabel('Pause until').fill(value);
    await shoot(popup, 'putoff-pause-until');
    await popup.getByRole('button', { name: 'Pause', exact: true }).click();
    const stored = await eventually(
      () => schedule(ext),
      (s) => s.pausedUntil !== null,
      { what: 'the pause stored' },
    );
    assert.equal(stored.pausedUntil, target.getTime());
    await popup.getByText(/^Paused until .* at /).waitFor();
    // Too far: refused in words, nothing changed.
    await popup.getByRole('button', { name: 'Resume nudges' }).click();
    await eventually(
      () => schedule(ext),
      (s) => s.pausedUntil === null,
      { what: 'resumed' },
    );
    await popup.getByRole('button', { name: 'Pause…' }).click();
    await popup.getByLabel('Pause until').fill(`${target.getFullYear() + 1}-03-01T09:30`);
    await popup.getByRole('button', { name: 'Pause', exact: true }).click();
    await popup.getByRole('alert').filter({ hasText: 'more than 31 days' }).waitFor();
    assert.equal((await schedule(ext)).pausedUntil, null);
    await popup.close();
  });

  it('shows when nudges land, from the log, with a kind offer where many were put off', async () => {
    const entries = [];
    const at = (daysAgo, hour) => {
      const d = new Date();
      d.setDate(d.getDate() - daysAgo);
      d.setHours(hour, 5, 0, 0);
      return d.getTime();
    };
    const add = (nudgeAt, fate) => {
      const d = new Date(nudgeAt);
      const base = { nudgeAt, hour: d.getHours(), weekday: d.getDay() };
      entries.push({ at: nudgeAt, fate: 'shown', ...base });
      if (fate !== 'shown') entries.push({ at: nudgeAt + MINUTE, fate, ...base });
    };
    for (let day = 1; day <= 14; day++) {
      add(at(day, 10), 'taken');
      add(at(day, 15), day % 4 === 0 ? 'taken' : day % 3 === 0 ? 'dismissed' : 'put-off');
      if (day % 2 === 0) add(at(day, 12), day % 4 === 0 ? 'put-off' : 'taken');
    }
    await ext.setStorage({ nudgeLog: entries });
    const page = await ext.openPage('history.html');
    const view = page.getByRole('region', { name: 'When nudges land' });
    await view.waitFor();
    const table = view.getByRole('table', { name: /Nudges by hour and weekday/ });
    await table.waitFor();
    assert.equal(await table.getByRole('row').count(), 4, 'a header and three hours');
    await view.getByText(/Many nudges around .* were put off or closed/).waitFor();
    await view.scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 900, height: 900 });
    await view.screenshot({ path: 'tests/e2e/screenshots/light-putoff-timing-view.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await view.screenshot({ path: 'tests/e2e/screenshots/dark-putoff-timing-view.png' });
    await page.emulateMedia({ colorScheme: 'light' });
    const [options] = await Promise.all([
      ext.context.waitForEvent('page'),
      view.getByRole('button', { name: 'Change my hours' }).click(),
    ]);
    await options.waitForURL(/options\.html#hours/);
    await options.close();
    await page.close();
  });
});
