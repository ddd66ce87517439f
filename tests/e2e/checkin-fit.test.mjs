// Every step of the check-in fits Chrome's popup (360 × 600) with its footer (status, pause, settings,
// support, "Your history") on screen without scrolling; the tallest step is printed. Each step is
// photographed light and dark. Also: a click at first paint reaches the outlet step.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  ALL_FAMILIES,
  ALWAYS_ON_HOURS,
  anotherIdeaUntil,
  checkIns,
  eventually,
  extensionSuite,
  measureFit,
  openPopup,
  patchSettings,
  shoot,
} from './outlet.mjs';

const WIDE_CONTEXT = { canStepAway: true, alone: true, minutes: 15 };
const heights = [];

/** The page's full height at 360 × 600, asserted to fit, with the footer's last link in view. */
async function fits(page, name) {
  const { height, failure } = await measureFit(page, name);
  heights.push([name, height]);
  await shoot(page, `fit-${name}`);
  assert.equal(failure, null, failure ?? '');
}

describe('every check-in step fits the popup', () => {
  const ext = extensionSuite({
    settings: {
      hours: ALWAYS_ON_HOURS,
      families: ALL_FAMILIES,
      trustedPeople: [{ id: 'fit-sam', name: 'Sam', phone: '+44 20 7946 0000', email: 'sam@example.org' }],
    },
    storage: { context: WIDE_CONTEXT, support: { dismissedAt: null } },
  });
  after(() => {
    const [name, px] = heights.reduce((a, b) => (b[1] > a[1] ? b : a), ['none', 0]);
    console.log(`tallest step at 360 × 600: ${name}, ${px} px`);
    for (const [step, h] of heights) console.log(`  ${step}: ${h} px`);
  });

  it('a click at first paint reaches the outlet step at once, and the app keeps that outlet', async () => {
    // As for anyone who has opened the popup before: its first whole load leaves the copy of the
    // settings the head script picks from (platform/first-pick-cache.ts).
    const before = await openPopup(ext);
    await before.locator('.support-link').waitFor();
    await before.close();
    const page = await ext.context.newPage();
    await page.addInitScript(() => {
      // What was on screen the moment the outlet step first showed, and whether the app was there.
      new MutationObserver(() => {
        const title = document.getElementById('outlet-title');
        if (title && !window.__firstOutlet)
          window.__firstOutlet = {
            title: title.textContent,
            appThere: Boolean(document.querySelector('.support-link')),
          };
      }).observe(document, { childList: true, subtree: true });
      const frame = () => {
        const calm = document.querySelector('button[data-feeling="calm"]');
        if (calm && calm.getClientRects().length > 0) calm.click();
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.goto(`${ext.origin}popup.html`, { waitUntil: 'commit' });
    await page.getByText('Your answer: Calm').waitFor({ timeout: 3000 });
    // The app's own part of the step: it took over.
    await page.getByRole('button', { name: 'Another idea' }).waitFor();
    const first = await page.evaluate(() => window.__firstOutlet);
    assert.equal(first.appThere, false, 'the outlet step was drawn before the app ran');
    assert.equal(await page.locator('#outlet-title').textContent(), first.title, 'the app kept that outlet');
    await page.waitForFunction(() => document.activeElement?.id === 'outlet-title');
    // Kept as under way (a popup opened again comes back to it), and recorded when it ends.
    const { checkinFlow } = await eventually(
      () => ext.getStorage(),
      (all) => all.checkinFlow?.step?.name === 'outlet',
      { what: 'the check-in kept as under way' },
    );
    assert.equal(checkinFlow.step.entry.feeling, 'calm');
    assert.deepEqual(await checkIns(ext), [], 'nothing recorded for a feeling picked');
    await page.getByRole('button', { name: 'Not now' }).click();
    const saved = await eventually(
      () => checkIns(ext),
      (entries) => entries.length === 1,
      { what: 'the one check-in saved' },
    );
    assert.equal(saved[0].feeling, 'calm');
    assert.equal(saved[0].outcome, 'skipped');
    await page.close();
  });

  it('feelings, with the context open, and the pause menu open', async () => {
    const page = await openPopup(ext);
    await fits(page, 'feelings');
    await page.getByRole('button', { name: /^Where you are right now: / }).click();
    await fits(page, 'feelings-context-open');
    await page.getByRole('button', { name: /^Where you are right now: / }).click();
    await page.getByRole('button', { name: 'Pause…' }).click();
    await page.getByRole('button', { name: 'Pause for 1 hour' }).waitFor();
    await fits(page, 'pause-menu');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Pause for 1 hour' }).waitFor({ state: 'hidden' });
    await page.close();
  });

  for (const [kind, families, feeling, locator] of [
    ['journal', ['journaling'], 'sad', (p) => p.getByRole('textbox', { name: 'One line for your journal' })],
    // A list and a page open a few lines tall, Save beside them: they fit as the one line does.
    [
      'journal-list',
      ['journaling'],
      'down',
      (p) => p.getByRole('textbox', { name: 'Your list, one per line' }),
    ],
    [
      'journal-page',
      ['journaling'],
      'overwhelmed',
      (p) => p.getByRole('textbox', { name: 'A page for your journal' }),
    ],
    ['timer', ['movement'], 'stressed', (p) => p.getByRole('button', { name: /^Start a \d+-minute walk$/ })],
    [
      'breath',
      ['body'],
      'anxious',
      (p) => p.getByRole('button', { name: 'Start one minute of slow breathing' }),
    ],
    ['talk', ['talking'], 'lonely', (p) => p.getByRole('button', { name: 'I reached out' })],
    ['prompt', ['creative'], 'calm', (p) => p.getByRole('button', { name: 'Done', exact: true })],
  ]) {
    it(`the outlet step with a ${kind}, and what follows it`, async () => {
      await patchSettings(ext, { families });
      const page = await openPopup(ext);
      await page.locator(`button[data-feeling="${feeling}"]`).click();
      await anotherIdeaUntil(page, locator(page), 40);
      await page.getByRole('radio', { name: /^4/ }).check();
      await fits(page, `outlet-${kind}`);
      if (kind === 'timer') {
        await locator(page).click();
        await page.getByRole('timer').waitFor();
        await fits(page, 'timer-running');
        await page.getByRole('button', { name: 'Stop early' }).click();
        await page.getByText('Did it help?').waitFor();
        await fits(page, 'did-it-help');
        await page.getByRole('button', { name: 'Yes', exact: true }).click();
        await page.getByRole('heading', { name: 'Thanks for taking a moment for yourself.' }).waitFor();
        await fits(page, 'thanks');
      }
      if (kind === 'talk') {
        // The ready message opens over the suggestion: the step keeps its height.
        await page.getByRole('button', { name: 'Copy a ready message' }).click();
        await page.getByRole('button', { name: 'Copy message', exact: true }).waitFor();
        await fits(page, 'outlet-talk-message');
      }
      if (kind === 'breath') {
        await locator(page).click();
        await page.getByText(/^Breathe (?:in|out)…/).waitFor();
        await fits(page, 'breath');
      }
      await page.close();
    });
  }
});
