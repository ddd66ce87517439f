// Your data, end to end in the real extension: export → delete → import gives back exactly what was
// there; many check-ins saved while the background is busy all land; a journal line survives "Done"
// and a closed popup; a hostile file is refused with its problems named and changes nothing.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { launchExtension } from './harness.mjs';
import {
  anotherIdeaUntil,
  checkIns,
  clearCheckIns,
  daySummaries,
  eventually,
  feelingIds,
  MINUTE,
  patchSettings,
  seedHistory,
  shoot,
  storedData,
} from './outlet.mjs';
import { PREFERENCES, sampleHistory, storeEverything } from './your-data.mjs';

const HOUR = 60 * MINUTE;

const FEELINGS = feelingIds();

/** A valid export file (version 2) holding `entries`, as a string. */
function exportText(entries, { preferences = PREFERENCES, people = [] } = {}) {
  return JSON.stringify({
    format: 'outlet-export',
    version: 2,
    exportedAt: Date.now(),
    preferences,
    trustedPeople: people,
    checkIns: entries,
    setAside: [],
    unreadable: [],
  });
}

describe('your data, in the real extension', () => {
  /** @type {Awaited<ReturnType<typeof launchExtension>>} */
  let ext;
  let tempDir;
  before(async () => {
    ext = await launchExtension();
    tempDir = mkdtempSync(path.join(tmpdir(), 'outlet-data-e2e-'));
  });
  after(async () => {
    await ext?.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    // Nothing stored but the preferences above: no check-ins, no people, no draft.
    await clearCheckIns(ext);
    await (await ext.worker()).evaluate(async () => {
      const local = await chrome.storage.local.get(null);
      await chrome.storage.local.remove(
        Object.keys(local).filter((key) => key.startsWith('person:') || key.startsWith('journalDraft')),
      );
    });
    await patchSettings(ext, PREFERENCES);
    ext.errors.length = 0;
  });

  const noUncaughtErrors = () =>
    assert.deepEqual(
      ext.errors.filter((error) => error.kind === 'uncaught'),
      [],
      'no uncaught errors in any page',
    );

  /** Picks `filePath` in the import field of the history page and presses Import. */
  async function importFile(page, filePath) {
    await page.getByLabel('File to bring back (.json)').setInputFiles(filePath);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
  }

  it('export, delete everything, import: the same data; importing again adds nothing', async () => {
    const entries = sampleHistory();
    const original = await storeEverything(ext, entries);
    assert.equal(original.checkIns.length, entries.length);
    assert.equal(original.settings.trustedPeople.length, 2);

    const page = await ext.openPage('history.html');
    await page.setViewportSize({ width: 900, height: 900 });
    await page.locator('.history-days').getByText('Ein ruhiger Morgen. Ça va. 静かな朝。').waitFor();
    await shoot(page, 'history-seeded');

    // Export from the page's own button: a real download of the whole JSON file.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export everything (JSON)' }).click();
    const download = await downloading;
    assert.match(download.suggestedFilename(), /^outlet-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = path.join(tempDir, download.suggestedFilename());
    copyFileSync(await download.path(), exported);
    const file = JSON.parse(readFileSync(exported, 'utf8'));
    assert.equal(file.format, 'outlet-export');
    assert.equal(file.checkIns.length, entries.length, 'every check-in is in the file');
    assert.equal(file.trustedPeople.length, 2, 'both people are in the file');

    // Delete everything: the confirmation names what goes, and keeps the preferences.
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    const confirmation = page.getByRole('group', { name: 'Delete everything?' });
    await confirmation.waitFor();
    assert.match(
      await confirmation.textContent(),
      /This deletes from this device: 13 check-ins, 4 journal lines, and 2 people\. It can't be undone\./,
    );
    await shoot(page, 'data-delete-confirm');
    await confirmation.getByRole('button', { name: 'Delete everything', exact: true }).click();
    await page.getByText('Everything is deleted. Your preferences are still here.').waitFor();
    await page.getByText('Nothing here yet.').waitFor();
    const emptied = await storedData(ext);
    assert.deepEqual(emptied.checkIns, [], 'no check-ins left');
    assert.deepEqual(emptied.days, [], 'no day summaries left');
    assert.deepEqual(emptied.settings.trustedPeople, [], 'no people left');
    const { trustedPeople: _, ...originalPreferences } = original.settings;
    const { trustedPeople: __, ...keptPreferences } = emptied.settings;
    assert.deepEqual(keptPreferences, originalPreferences, 'the preferences stay');

    // A preference changed since the export: the import sets it back as in the file.
    await patchSettings(ext, { intervalMinutes: 90 });

    await importFile(page, exported);
    const status = page.getByText(/^Added: 13 check-ins and 2 people\./);
    await status.waitFor();
    assert.match(await status.textContent(), /Your preferences now match the file\./);
    await page.locator('.history-days').getByText('Ein ruhiger Morgen. Ça va. 静かな朝。').waitFor();
    const restored = await storedData(ext);
    assert.deepEqual(restored.checkIns, original.checkIns, 'the same check-ins, field for field');
    assert.deepEqual(restored.days, original.days, 'the same day summaries');
    assert.deepEqual(restored.settings, original.settings, 'the same preferences and people');

    // The same file again: nothing new, and the page says so.
    await importFile(page, exported);
    await page.getByText('Nothing new to add: everything in this file is already here.').waitFor();
    const again = await storedData(ext);
    assert.equal(again.checkIns.length, entries.length, 'no check-in added twice');
    assert.deepEqual(again, restored, 'nothing changed at all');
    noUncaughtErrors();
    await page.close();
  });

  // Issue 16: the Markdown export ran a journal page's lines into one line.
  it('a three-line journal page exports as three lines of Markdown', async () => {
    const at = Date.now() - 2 * HOUR;
    await seedHistory(ext, [
      {
        id: 'page-1',
        at,
        feeling: 'tired',
        outletId: 'journal-page',
        outcome: 'done',
        journal: 'Slept badly.\nCoffee helped a little.\n# Walked to the shop, not a heading.',
      },
    ]);
    const page = await ext.openPage('history.html');
    await page
      .locator('.history-days')
      .getByText(/Slept badly\./)
      .waitFor();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Journal to read (Markdown)' }).click();
    const download = await downloading;
    assert.match(download.suggestedFilename(), /^outlet-journal-\d{4}-\d{2}-\d{2}\.md$/);
    const text = readFileSync(await download.path(), 'utf8');
    const lines = text.split('\n');
    const first = lines.findIndex((line) => line.startsWith('- ') && line.includes('Slept badly.'));
    assert.notEqual(first, -1, `the entry is in the file:\n${text}`);
    assert.match(lines[first], /^- .+ · Tired: Slept badly\.\\$/);
    assert.deepEqual(lines.slice(first + 1, first + 3), [
      '  Coffee helped a little.\\',
      '  \\# Walked to the shop, not a heading.',
    ]);
    assert.equal(
      lines.filter((line) => line.startsWith('#')).length,
      2,
      'the title and one day, no more headings',
    );
    noUncaughtErrors();
    await page.close();
  });

  // Issue 16: the figure of what Outlet keeps went up after "Delete everything" (92.8 → 111.8 kB):
  // the browser's estimate counts the database's files, which grow with a delete until compacted.
  it('the figure of what Outlet keeps falls after "Delete everything"', async () => {
    const now = Date.now();
    await storeEverything(
      ext,
      Array.from({ length: 134 }, (_, i) => ({
        id: `size-${i}`,
        at: now - (i + 1) * HOUR,
        feeling: FEELINGS[i % FEELINGS.length],
        outletId: 'walk-street',
        outcome: 'done',
        ...(i % 3 ? {} : { journal: `Line ${i}: ${'a few words '.repeat(12)}` }),
      })),
    );
    const page = await ext.openPage('history.html');
    const panel = page.locator('.data-panel');
    const figure = panel.locator('p.help').filter({ hasText: /\d\s*(kB|MB)/ });
    /** The figure on the page, in bytes. */
    const shown = async () => {
      const [, number, unit] = /([\d.,]+)\s*(kB|MB)/.exec(await figure.textContent()) ?? [];
      return Number(number.replaceAll(',', '')) * (unit === 'MB' ? 1024 * 1024 : 1024);
    };
    await figure.waitFor();
    const before = await shown();
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('button', { name: 'Delete everything', exact: true }).click();
    await page.getByText('Everything is deleted. Your preferences are still here.').waitFor();
    await eventually(
      () => figure.textContent(),
      (text) => /\d/.test(text ?? ''),
      { what: 'the figure shown again' },
    );
    const after = await shown();
    assert.ok(after < before / 4, `the figure falls: ${before} bytes before, ${after} after`);
    // And stays down on the next visit.
    await page.reload();
    await figure.waitFor();
    assert.ok((await shown()) < before / 4, 'still down after a reload');
    await shoot(page, 'data-after-delete');
    noUncaughtErrors();
    await page.close();
  });

  it('100 check-ins saved in a row while the background is busy with the schedule all land', async () => {
    const popup = await ext.openPage('popup.html');
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.getByRole('heading', { name: 'How are you right now?' }).waitFor();

    // The background's schedule queue kept busy the whole time: nudge alarms fired one after the
    // other from the worker, and pause / resume sent from another extension page as fast as the
    // background answers them.
    let busy = true;
    let alarmsFired = 0;
    const firing = (async () => {
      while (busy) {
        await ext.fireAlarm('nudge', 30, { settleMs: 0 });
        alarmsFired++;
      }
    })();
    const sender = await ext.openPage('manifest.json');
    await sender.evaluate(() => {
      window.__sent = 0;
      window.__stop = false;
      window.__pausing = (async () => {
        while (!window.__stop) {
          await chrome.runtime.sendMessage({
            type: 'pause',
            data: { until: Date.now() + 30 * 60_000, kind: 'pause' },
          });
          await chrome.runtime.sendMessage({ type: 'resume', data: null });
          window.__sent += 2;
        }
      })();
    });

    // The real popup, clicked through 100 times: a feeling, "Not now", "Check in again", each
    // button clicked as soon as it is on the page. The clicks are dispatched inside the page
    // (element.click(), the same handlers as a mouse click) rather than with Playwright's
    // locator.click(): that one waits for every step's 160 ms entry animation to settle, and for the
    // buttons to stand still while the pause / resume loop re-lays out the status line under them;
    // measured here, ~0.25 s a click without the load and ~2 s with it, 75 s to 10 min for the 300
    // clicks, past this file's budget.
    const sequence = Array.from({ length: 100 }, (_, i) => FEELINGS[i % FEELINGS.length]);
    const clickingMs = await popup.evaluate(async (feelings) => {
      const byText = (text) => () =>
        [...document.querySelectorAll('button')].find((button) => button.textContent.trim() === text);
      const press = async (find, what) => {
        const end = performance.now() + 5000;
        for (;;) {
          const button = find();
          if (button && !button.disabled) return button.click();
          if (performance.now() > end) throw new Error(`No "${what}" button after 5 s`);
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      };
      const started = performance.now();
      for (const feeling of feelings) {
        await press(() => document.querySelector(`button[data-feeling="${feeling}"]`), feeling);
        await press(byText('Not now'), 'Not now');
        await press(byText('Check in again'), 'Check in again');
      }
      return Math.round(performance.now() - started);
    }, sequence);
    busy = false;
    await firing;
    const sent = await sender.evaluate(async () => {
      window.__stop = true;
      await window.__pausing;
      return window.__sent;
    });
    await sender.close();
    assert.ok(alarmsFired >= 3, `nudge alarms fired meanwhile (${alarmsFired})`);
    assert.ok(sent >= 20, `pause / resume sent meanwhile (${sent})`);
    assert.equal(await popup.getByRole('alert').count(), 0, 'the popup never said a save failed');

    const stored = await eventually(
      () => checkIns(ext),
      (list) => list.length >= 100,
      { what: '100 check-ins', timeout: 10_000 },
    );
    assert.equal(stored.length, 100, `exactly 100 check-ins (clicked in ${clickingMs} ms)`);
    assert.equal(new Set(stored.map((entry) => entry.id)).size, 100, 'each under its own id');
    assert.deepEqual(
      stored.map((entry) => entry.feeling),
      sequence,
      'each with its own feeling, in the order they were made',
    );
    assert.ok(stored.every((entry) => entry.outcome === 'skipped'));

    // The day summaries agree with the entries, day by day (a run across midnight has two).
    const days = await daySummaries(ext);
    const perDay = await popup.evaluate(
      (ats) =>
        ats.reduce((counts, at) => {
          const d = new Date(at);
          const key = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
          counts[key] = (counts[key] ?? 0) + 1;
          return counts;
        }, {}),
      stored.map((entry) => entry.at),
    );
    assert.deepEqual(Object.fromEntries(days.map((summary) => [summary.day, summary.count])), perDay);
    assert.equal(
      days.reduce((sum, summary) => sum + summary.count, 0),
      100,
    );

    // And the schedule came out of it whole: resumed, one nudge alarm where the schedule says.
    const schedule = await eventually(
      async () => (await ext.getStorage()).schedule,
      (s) => s && s.pausedUntil === null && typeof s.nextNudgeAt === 'number',
      { what: 'a resumed schedule with a next nudge' },
    );
    const nudge = (await ext.getAlarms()).filter((alarm) => alarm.name === 'nudge');
    assert.equal(nudge.length, 1, 'one nudge alarm');
    assert.ok(
      Math.abs(nudge[0].scheduledTime - schedule.nextNudgeAt) < 1000,
      'the nudge alarm matches the stored schedule',
    );
    noUncaughtErrors();
    await popup.close();
  });

  it('a journal line typed and then "Done" (not Save) is kept with the check-in', async () => {
    await patchSettings(ext, { families: ['journaling'] });
    const page = await ext.openPage('popup.html');
    await page.setViewportSize({ width: 360, height: 600 });
    await page.locator('button[data-feeling="frustrated"]').click();
    const journal = page.getByRole('textbox', { name: 'One line for your journal' });
    await anotherIdeaUntil(page, journal);
    await journal.pressSequentially('Said no to the extra meeting.');
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await page.getByRole('button', { name: 'Check in again' }).waitFor();

    const [entry, ...others] = await eventually(
      () => checkIns(ext),
      (list) => list.length === 1 && list[0].outcome === 'done' && list[0].journal !== undefined,
      { what: 'one check-in, done, with its journal line' },
    );
    assert.deepEqual(others, []);
    assert.equal(entry.journal, 'Said no to the extra meeting.');
    assert.equal(entry.feeling, 'frustrated');
    const [day] = await daySummaries(ext);
    assert.equal(day.journal, 1, 'the day counts the journal line');
    await eventually(
      async () => Object.keys(await ext.getStorage()).filter((key) => key.startsWith('journalDraft')),
      (keys) => keys.length === 0,
      { what: 'no draft left behind' },
    );
    noUncaughtErrors();
    await page.close();
  });

  it('a journal line typed in a popup that closes without a click is kept at the next open', async () => {
    await patchSettings(ext, { families: ['journaling'] });
    const page = await ext.openPage('popup.html');
    await page.setViewportSize({ width: 360, height: 600 });
    await page.locator('button[data-feeling="overwhelmed"]').click();
    const journal = page.getByRole('textbox', { name: 'One line for your journal' });
    await anotherIdeaUntil(page, journal);
    await journal.pressSequentially('Too many tabs, too many asks');
    // Chrome closes a popup the moment focus leaves it: no button, no unload handler to count on.
    await page.close();

    // The check-in is still under way: nothing recorded, the line in its draft (issue 16).
    assert.deepEqual(await checkIns(ext), [], 'nothing recorded before the check-in ends');
    const again = await ext.openPage('popup.html');
    await again.setViewportSize({ width: 360, height: 600 });
    const field = again.getByRole('textbox', { name: 'One line for your journal' });
    await eventually(
      () => field.inputValue().catch(() => ''),
      (value) => value === 'Too many tabs, too many asks',
      { what: 'the line back in its field' },
    );
    await again.getByRole('button', { name: 'Done', exact: true }).click();
    const [entry, ...others] = await eventually(
      () => checkIns(ext),
      (list) => list.length === 1 && list[0].journal !== undefined,
      { what: 'the check-in with its journal line' },
    );
    assert.deepEqual(others, [], 'one check-in');
    assert.equal(entry.journal, 'Too many tabs, too many asks');
    assert.equal(entry.feeling, 'overwhelmed');
    await eventually(
      async () => Object.keys(await ext.getStorage()).filter((key) => key.startsWith('journalDraft')),
      (keys) => keys.length === 0,
      { what: 'the draft to be cleared' },
    );
    noUncaughtErrors();
    await again.close();
  });

  // Issue 15: a check-in stored with other content than in the file was kept silently.
  it('a check-in that differs from the file is named in both versions, and "Keep both" keeps both', async () => {
    // Two hours ago, but never before today's midnight: the choice names the day ("Today"), and a
    // run just after midnight (CI's at 00:15 failed here) would otherwise say "Yesterday".
    const now = Date.now();
    const at = Math.max(new Date(now).setHours(0, 0, 0, 0), now - 2 * HOUR);
    const mine = {
      id: 'same-id',
      at,
      feeling: 'tired',
      outletId: 'journal-weight',
      outcome: 'done',
      journal: 'Long day, kept it short.',
    };
    await seedHistory(ext, [mine]);
    const page = await ext.openPage('history.html');
    await page.setViewportSize({ width: 900, height: 1100 });
    await page.locator('.history-days').getByText('Long day, kept it short.').waitFor();

    const filePath = path.join(tempDir, 'differs.json');
    const theirs = { ...mine, journal: 'Long day. Wrote it all down on the train home.' };
    const fresh = { id: 'fresh', at: at - HOUR, feeling: 'calm', outletId: null, outcome: 'skipped' };
    writeFileSync(filePath, exportText([theirs, fresh]));
    await importFile(page, filePath);
    await page
      .getByText(
        'Added: 1 check-in. Different in the file: 1 check-in. Yours stay as they are unless you choose below.',
        { exact: false },
      )
      .waitFor();
    const choice = page.getByRole('region', { name: 'Which one to keep?' });
    await choice.waitFor();
    assert.match(await choice.textContent(), /Here: Today, .* · Tired · .*“Long day, kept it short\.”/);
    assert.match(
      await choice.textContent(),
      /In the file: Today, .*“Long day\. Wrote it all down on the train home\.”/,
    );
    assert.equal(
      await choice.getByRole('radio', { name: 'Keep mine' }).isChecked(),
      true,
      'mine unless chosen',
    );
    assert.equal((await checkIns(ext)).find((entry) => entry.id === 'same-id')?.journal, mine.journal);
    await choice.scrollIntoViewIfNeeded();
    await shoot(page, 'data-import-differs');

    await choice.getByRole('radio', { name: 'Keep both' }).check();
    await choice.getByRole('button', { name: 'Save my choice' }).click();
    await page.getByText('Saved. Each check-in is now as you chose.').waitFor();
    const journals = (await checkIns(ext)).map((entry) => entry.journal ?? '').sort();
    assert.deepEqual(journals, [
      '',
      'Long day, kept it short.',
      'Long day. Wrote it all down on the train home.',
    ]);
    await page
      .locator('.history-days')
      .getByText('Wrote it all down on the train home.', { exact: false })
      .waitFor();
    noUncaughtErrors();
    await page.close();
  });

  it('a hostile file is refused with each problem named, and nothing changes; markup shows as text', async () => {
    const entries = sampleHistory();
    const original = await storeEverything(ext, entries);

    const page = await ext.openPage('history.html');
    await page.setViewportSize({ width: 900, height: 900 });
    await page.getByRole('heading', { name: 'Check-ins', exact: true }).waitFor();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });

    // `__proto__` at the top and inside a check-in, a time that isn't one, and other preferences
    // (which must not be applied either).
    const script = '<script>alert("boo")</script><img src=x onerror="alert(2)">';
    const hostileEntries = [
      { id: 'x-1', at: Date.now() - 2 * HOUR, feeling: 'calm', outletId: null, outcome: 'skipped' },
      { id: 'x-2', at: Date.now() - HOUR, feeling: 'sad', outletId: null, outcome: 'done', journal: script },
      { id: 'x-3', at: 'yesterday', feeling: 'tired', outletId: null, outcome: 'done' },
    ];
    const hostile = exportText(hostileEntries, { preferences: { ...PREFERENCES, intervalMinutes: 120 } })
      .replace('{"format"', '{"__proto__":{"polluted":"yes"},"format"')
      .replace('"id":"x-2",', '"id":"x-2","__proto__":{"isAdmin":true},');
    const hostilePath = path.join(tempDir, 'hostile.json');
    writeFileSync(hostilePath, hostile);
    await importFile(page, hostilePath);

    const alert = page
      .getByRole('alert')
      .filter({ hasText: "This file wasn't imported, so nothing changed." });
    await alert.waitFor();
    const problems = (await alert.getByRole('listitem').allTextContents()).map((line) => line.trim());
    assert.deepEqual(problems.sort(), [
      "Check-in 2, “__proto__”: there's something here Outlet doesn't know.",
      "Check-in 3: the time isn't a valid date.",
      "The file, field “__proto__”: there's something here Outlet doesn't know.",
    ]);
    await alert.scrollIntoViewIfNeeded();
    await shoot(page, 'data-import-problems');
    assert.equal(
      await page.evaluate(() => ({}).polluted ?? Object.prototype.isAdmin ?? null),
      null,
      'nothing reached Object.prototype',
    );
    assert.deepEqual(await storedData(ext), original, 'the stored data exactly as before');

    // A file that is not JSON at all says so in one sentence.
    const brokenPath = path.join(tempDir, 'broken.json');
    writeFileSync(brokenPath, exportText(hostileEntries.slice(0, 2)).slice(0, 120));
    await importFile(page, brokenPath);
    await page
      .getByRole('alert')
      .filter({ hasText: 'This file seems cut off before its end. Try exporting it again.' })
      .waitFor();
    assert.deepEqual(await storedData(ext), original, 'still exactly as before');

    // The same markup in a sound file is imported, and the history page shows it as plain text.
    const soundPath = path.join(tempDir, 'markup.json');
    writeFileSync(soundPath, exportText(hostileEntries.slice(0, 2)));
    await importFile(page, soundPath);
    await page.getByText(/^Added: 2 check-ins\. Your preferences/).waitFor();
    const line = page.locator('.history-days .journal-line').filter({ hasText: '<script>' });
    await line.waitFor();
    assert.equal(
      (await line.textContent()).replace(/^Journal line:\s*/, ''),
      script,
      'the line shown exactly as typed, as text',
    );
    assert.equal(await page.locator('main script, main img').count(), 0, 'no element made from it');
    assert.equal(dialogs, 0, 'nothing in it ran');
    assert.equal((await checkIns(ext)).length, entries.length + 2);
    await line.scrollIntoViewIfNeeded();
    await shoot(page, 'history-markup-as-text');
    noUncaughtErrors();
    await page.close();
  });
});
