// axe-core 4.14.1 on every page and every check-in step, light and dark: zero violations anywhere.
// Prints a table of the violation counts per page (or step) and scheme; a failure lists each rule
// id with the elements it found. axe is injected with page.evaluate: extension pages' CSP refuses
// inline scripts, so page.addScriptTag({ content }) would fail.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { launchExtension, rootDir, settle } from './harness.mjs';
import {
  ALL_FAMILIES,
  ALWAYS_ON_HOURS,
  anotherIdeaUntil,
  clearCheckIns,
  eventually,
  heavyCheckIn,
  MINUTE,
  openPopup,
  patchSettings,
  seedCheckIns,
  seedHistory,
  startOutlet,
} from './outlet.mjs';

const AXE_SOURCE = readFileSync(path.join(rootDir, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const AXE_VERSION = JSON.parse(
  readFileSync(path.join(rootDir, 'node_modules', 'axe-core', 'package.json'), 'utf8'),
).version;
const DAY = 24 * 60 * MINUTE;
const WIDE_CONTEXT = { canStepAway: true, alone: true, minutes: 15 };
const SAM = { id: 'a11y-sam', name: 'Sam', phone: '+44 20 7946 0000', email: 'sam@example.org' };

/**
 * [what was checked, light violations, dark violations, light and dark "needs review"], in the order
 * checked. "Needs review" is what axe could not decide alone (text over an image, say): printed, not failed.
 */
const table = [];
/** The current test's violations, one line each: the test fails with them once all its states ran. */
let found = [];

/**
 * Runs axe on `page` (or only within `include`, a CSS selector) in light then dark, records the
 * counts, and keeps every violation's rule id and targets for the test's end.
 */
async function check(page, name, { include } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const counts = {};
  const review = {};
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await settle(page);
    const { violations, incomplete } = await page.evaluate(async (selector) => {
      const context = selector ? { include: [selector] } : document;
      const result = await window.axe.run(context);
      return {
        violations: result.violations.map((v) => ({
          id: v.id,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
        })),
        incomplete: result.incomplete.reduce((sum, v) => sum + v.nodes.length, 0),
      };
    }, include ?? null);
    counts[colorScheme] = violations.reduce((sum, v) => sum + v.nodes.length, 0);
    review[colorScheme] = incomplete;
    for (const v of violations)
      for (const node of v.nodes)
        found.push(`  ${name} [${colorScheme}] ${v.id} (${v.help}) at ${node.target}\n      ${node.summary}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  table.push([name, counts.light, counts.dark, review.light, review.dark]);
}

function printTable() {
  const width = Math.max(20, ...table.map(([name]) => name.length));
  const lines = [
    `axe-core ${AXE_VERSION}: violations (elements) per page and scheme; "review" = axe's needs-review`,
    `${'page / step'.padEnd(width)}  light  dark  review light/dark`,
    ...table.map(
      ([name, light, dark, reviewLight, reviewDark]) =>
        `${name.padEnd(width)}  ${String(light).padStart(5)}  ${String(dark).padStart(4)}  ${reviewLight}/${reviewDark}`,
    ),
  ];
  const total = table.reduce((sum, [, light, dark]) => sum + light + dark, 0);
  lines.push(`${table.length} states × 2 schemes checked, ${total} violations in all`);
  console.log(lines.join('\n'));
}

/** A varied history over the last weeks: feelings, journal lines, answers, a skip. */
function sampleHistory(now = Date.now()) {
  const at = (daysAgo, hours, minutes) => {
    const date = new Date(now - daysAgo * DAY);
    date.setHours(hours, minutes, 0, 0);
    return date.getTime();
  };
  const context = { canStepAway: true, alone: false, minutes: 5 };
  const rows = [
    [20, 9, 0, 'calm', 'walk-street', 'done', { helped: 'yes', helpAsked: true }],
    [
      9,
      14,
      30,
      'stressed',
      'journal-weight',
      'done',
      { journal: 'The meeting ran long again.', intensity: 4 },
    ],
    [6, 11, 5, 'tired', 'stretch-up', 'skipped', {}],
    [3, 16, 45, 'lonely', 'slow-breath', 'done', { helped: 'a-bit', helpAsked: true }],
    [2, 8, 10, 'numb', 'slow-breath', 'done', {}],
    [1, 12, 0, 'cant-tell', 'walk-street', 'done', { helped: 'no', helpAsked: true }],
    [0, 9, 20, 'calm', 'journal-weight', 'done', { journal: 'A quiet morning.' }],
  ];
  return rows.map(([daysAgo, h, m, feeling, outletId, outcome, extra], i) => ({
    id: `a11y-h-${i}`,
    at: at(daysAgo, h, m),
    feeling,
    outletId,
    outcome,
    context,
    shown: [outletId],
    ...extra,
  }));
}

describe(`axe-core ${AXE_VERSION}: zero violations, light and dark`, () => {
  /** @type {Awaited<ReturnType<typeof launchExtension>>} */
  let ext;
  before(async () => {
    ext = await launchExtension();
    await startOutlet(ext);
  });
  after(async () => {
    printTable();
    await ext?.close();
  });
  afterEach(() => {
    const lines = found;
    found = [];
    assert.equal(lines.length, 0, `${lines.length} axe violation(s):\n${lines.join('\n')}`);
  });
  beforeEach(async () => {
    found = [];
    await clearCheckIns(ext);
    await patchSettings(ext, { hours: ALWAYS_ON_HOURS, families: ALL_FAMILIES, trustedPeople: [SAM] });
    await ext.setStorage({ context: WIDE_CONTEXT, support: { dismissedAt: null } });
  });

  it('popup: feelings, the context open, the pause menu open', async () => {
    const page = await openPopup(ext);
    await check(page, 'popup: feelings');
    await page.getByRole('button', { name: /^Where you are right now: / }).click();
    await check(page, 'popup: context open');
    await page.getByRole('button', { name: /^Where you are right now: / }).click();
    await page.getByRole('button', { name: 'Pause…' }).click();
    await page.getByRole('button', { name: 'Pause for 1 hour' }).waitFor();
    await check(page, 'popup: pause menu open');
    await page.close();
  });

  for (const [kind, families, feeling, locator] of [
    ['journal', ['journaling'], 'sad', (p) => p.getByRole('textbox', { name: 'One line for your journal' })],
    ['walk', ['movement'], 'stressed', (p) => p.getByRole('button', { name: /^Start a \d+-minute walk$/ })],
    [
      'breath',
      ['body'],
      'anxious',
      (p) => p.getByRole('button', { name: 'Start one minute of slow breathing' }),
    ],
    ['talk', ['talking'], 'lonely', (p) => p.getByRole('button', { name: 'I reached out' })],
    ['other', ['creative'], 'calm', (p) => p.getByRole('button', { name: 'Done', exact: true })],
  ]) {
    it(`popup: the outlet step with a ${kind}, and the steps after it`, async () => {
      await patchSettings(ext, { families });
      const page = await openPopup(ext);
      await page.locator(`button[data-feeling="${feeling}"]`).click();
      await anotherIdeaUntil(page, locator(page));
      await check(page, `popup: outlet ${kind}`);
      await page.getByRole('radio', { name: /^4/ }).check();
      await check(page, `popup: outlet ${kind}, strength chosen`);
      if (kind === 'journal') {
        await locator(page).fill('One line, for the test.');
        await check(page, 'popup: journal line typed');
      }
      if (kind === 'walk') {
        await locator(page).click();
        await page.getByRole('timer').waitFor();
        await check(page, 'popup: walk running');
        await page.getByRole('button', { name: 'Stop early' }).click();
        await page.getByRole('heading', { name: 'And now?' }).waitFor();
        await check(page, 'popup: and now?');
        await page.getByRole('button', { name: 'Lighter', exact: true }).click();
        await page.getByRole('heading', { name: 'Thanks for taking a moment for yourself.' }).waitFor();
        await check(page, 'popup: thanks');
      }
      if (kind === 'breath') {
        await locator(page).click();
        await page.getByText(/^Breathe (?:in|out)…/).waitFor();
        await check(page, 'popup: breathing');
      }
      if (kind === 'talk') {
        await page.getByRole('button', { name: 'Copy a ready message' }).click();
        await page.getByRole('button', { name: 'Copy message', exact: true }).waitFor();
        await check(page, 'popup: talk, ready message');
      }
      if (kind === 'other') {
        await locator(page).click();
        await page.getByRole('heading', { name: 'Thanks for taking a moment for yourself.' }).waitFor();
        await check(page, 'popup: thanks after done');
      }
      await page.close();
    });
  }

  it('popup: talk with nobody to ask yet', async () => {
    await patchSettings(ext, { families: ['talking'] });
    await (await ext.worker()).evaluate(async () => {
      const keys = Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('person:'));
      await chrome.storage.local.remove(keys);
    });
    const page = await openPopup(ext);
    await page.locator('button[data-feeling="lonely"]').click();
    await page.getByRole('button', { name: 'Add a trusted person' }).waitFor();
    await check(page, 'popup: talk, nobody yet');
    await page.close();
  });

  it('popup: "did it help?" asked at the next check-in, and the support card', async () => {
    const now = Date.now();
    await seedCheckIns(ext, [
      ...[0, 1, 2, 3, 4].map((i) => heavyCheckIn(i, now - (i + 1) * DAY)),
      {
        id: 'a11y-walk',
        at: now - 40 * MINUTE,
        feeling: 'stressed',
        outletId: 'walk-street',
        outcome: 'done',
        shown: ['walk-street'],
      },
    ]);
    const page = await openPopup(ext);
    await page.getByText("It's been heavy lately.").waitFor();
    await page.getByText(/^Earlier: .*Did it help\?$/).waitFor();
    await check(page, 'popup: support card, did it help earlier?');
    await page.getByRole('button', { name: 'Not now', exact: true }).click();
    await page.getByText("It's been heavy lately.").waitFor({ state: 'hidden' });
    await page.close();
  });

  it('popup: "And now?" asked at the next open, soon after an outlet', async () => {
    const now = Date.now();
    await seedCheckIns(ext, [
      {
        id: 'a11y-doodle',
        at: now - 10 * MINUTE,
        feeling: 'sad',
        outletId: 'doodle',
        outcome: 'done',
        shown: ['doodle'],
      },
    ]);
    const page = await openPopup(ext);
    await page.getByText(/: and now\?$/).waitFor();
    await check(page, 'popup: and now? earlier');
    await page.close();
  });

  it('check-in window: feelings and an outlet', async () => {
    const page = await ext.openPage('checkin.html');
    await page.setViewportSize({ width: 420, height: 640 });
    await page.getByRole('heading', { name: 'How are you right now?' }).waitFor();
    await check(page, 'checkin window: feelings');
    await page.locator('button[data-feeling="calm"]').click();
    await page.getByRole('button', { name: 'Another idea' }).waitFor();
    await check(page, 'checkin window: outlet');
    await page.close();
  });

  it('options: each section, a refused value, the restore confirmation', async () => {
    await patchSettings(ext, { intervalMinutes: 90 });
    const page = await ext.openPage('options.html');
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.getByRole('heading', { name: 'Outlet settings' }).waitFor();
    await check(page, 'options: whole page');
    const ids = await page.locator('main section[id]').evaluateAll((all) => all.map((s) => s.id));
    assert.ok(ids.length >= 5, `the options page has its sections (${ids.join(', ')})`);
    for (const id of ids) await check(page, `options: section ${id}`, { include: `#${id}` });

    await page.getByRole('combobox', { name: 'Nudge every' }).selectOption({ label: 'Custom…' });
    const minutes = page.getByLabel('Minutes between nudges');
    await minutes.fill('10');
    await minutes.press('Enter');
    await page.getByRole('alert').waitFor();
    await check(page, 'options: refused value');

    await page.getByRole('radio', { name: /each day/i }).check();
    await check(page, 'options: hours for each day');

    await page.getByRole('button', { name: 'Restore default settings…' }).click();
    await page.getByRole('button', { name: 'Restore these' }).waitFor();
    await check(page, 'options: restore confirmation');
    await page.close();
  });

  it('welcome: each of its three steps, and done', async () => {
    const page = await ext.openPage('welcome.html');
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.getByRole('heading', { name: 'Welcome to Outlet' }).waitFor();
    for (const step of [1, 2, 3]) {
      await page.getByText(`Step ${step} of 3`).waitFor();
      await check(page, `welcome: step ${step}`);
      if (step < 3) await page.getByRole('button', { name: 'Next' }).click();
    }
    await page.getByRole('button', { name: 'Start Outlet' }).click();
    await page.getByRole('heading', { name: "You're all set" }).waitFor();
    await check(page, 'welcome: done');
    await page.close();
  });

  it('history: seeded, a search, a delete confirmation; and empty', async () => {
    const empty = await ext.openPage('history.html');
    await empty.setViewportSize({ width: 1000, height: 900 });
    await empty.getByRole('heading', { name: 'Your data' }).waitFor();
    await eventually(
      () => empty.locator('main').getAttribute('aria-busy'),
      (busy) => busy !== 'true',
      { what: 'the empty history to load' },
    );
    await check(empty, 'history: empty');
    await empty.close();

    await seedHistory(ext, sampleHistory());
    const page = await ext.openPage('history.html');
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.locator('.history-days').getByText('A quiet morning.').waitFor();
    await check(page, 'history: seeded');
    await page.getByRole('searchbox').fill('meeting');
    await page.locator('.history-journal').getByText('The meeting ran long again.').waitFor();
    await check(page, 'history: journal search');
    await page.locator('.history-days .entry .delete').first().click();
    await page.getByRole('button', { name: 'Keep it' }).waitFor();
    await check(page, 'history: delete one, confirmation');
    await page.getByRole('button', { name: 'Keep it' }).click();
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('button', { name: 'Keep everything' }).waitFor();
    await check(page, 'history: delete everything, confirmation');
    await page.getByRole('button', { name: 'Keep everything' }).click();
    await page
      .getByLabel('File to bring back (.json)')
      .setInputFiles(path.join(rootDir, 'tests/fixtures/import/duplicate-ids.json'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('alert').first().waitFor();
    await check(page, 'history: import refused');
    await page.close();
  });

  it('support page', async () => {
    const page = await ext.openPage('support.html');
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.getByRole('heading', { level: 1, name: 'Need more support?' }).waitFor();
    await check(page, 'support page');
    await page.close();
  });
});
