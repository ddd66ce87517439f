// Issue 17 (items 5 and 6), in the built extension: the support card after twelve unpleasant days with
// no strength (which showed nothing before), and the history's "What seems to help" with the
// after-feeling on each check-in. Both photographed in light and dark (tests/e2e/screenshots/).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_FAMILIES, ALWAYS_ON_HOURS, extensionSuite, MINUTE, openPopup, seedHistory } from './outlet.mjs';

const DAY = 24 * 60 * MINUTE;
const CONTEXT = { canStepAway: true, alone: false, minutes: 5 };

describe('issue 17: the support card and what seems to help', () => {
  const ext = extensionSuite({
    settings: { hours: ALWAYS_ON_HOURS, families: ALL_FAMILIES },
    storage: { context: CONTEXT, support: { dismissedAt: null } },
  });

  it('shows the support card after twelve Sad, Overwhelmed and Down days without a strength', async () => {
    const now = Date.now();
    const feelings = ['sad', 'overwhelmed', 'down'];
    await seedHistory(
      ext,
      Array.from({ length: 12 }, (_, i) => ({
        id: `twelve-${i}`,
        at: now - (i + 1) * DAY,
        feeling: feelings[i % 3],
        outletId: null,
        outcome: 'skipped',
      })),
    );
    const page = await openPopup(ext);
    const card = page.locator('.support-card');
    await card.getByText("It's been heavy lately.").waitFor();
    assert.match((await card.textContent()) ?? '', /Ways to find support/);
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      await ext.screenshot(page, `${colorScheme}-support-card-twelve-days`);
    }
    await page.close();
  });

  it("shows what seems to help, and each check-in's after-feeling, in the history", async () => {
    const now = Date.now();
    let n = 0;
    const tried = (count, feeling, outletId, afterFeeling, context = CONTEXT) =>
      Array.from({ length: count }, () => {
        const at = now - ++n * 7 * 60 * MINUTE;
        return {
          id: `helps-${n}`,
          at,
          feeling,
          outletId,
          outcome: 'done',
          context,
          after: afterFeeling,
          afterAt: at + 20 * MINUTE,
        };
      });
    const desk = { ...CONTEXT, canStepAway: false };
    await seedHistory(ext, [
      ...tried(4, 'sad', 'walk-street', 'lighter'),
      ...tried(1, 'down', 'walk-street', 'same'),
      ...tried(3, 'tired', 'journal-line', 'same'),
      ...tried(4, 'stressed', 'walk-street', 'lighter'),
      ...tried(3, 'anxious', 'slow-breath', 'same'),
      ...tried(3, 'stressed', 'slow-breath', 'lighter', desk),
      ...tried(3, 'anxious', 'journal-line', 'heavier', desk),
    ]);
    const page = await ext.openPage('history.html');
    await page.setViewportSize({ width: 1000, height: 900 });
    const helps = page.getByRole('region', { name: 'What seems to help' });
    await helps.getByText('When you feel low or tired, moving seems to help.').waitFor();
    const lines = await helps.getByRole('listitem').allTextContents();
    assert.equal(lines.length, 3, lines.join('\n'));
    await page
      .locator('.history-days')
      .getByText(/Felt lighter after/)
      .first()
      .waitFor();
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      await helps.screenshot({
        path: `tests/e2e/screenshots/${colorScheme}-what-helps.png`,
        animations: 'disabled',
      });
      await page
        .locator('.history-days .entry')
        .first()
        .screenshot({
          path: `tests/e2e/screenshots/${colorScheme}-history-after-feeling.png`,
          animations: 'disabled',
        });
    }
    await ext.screenshot(page, 'light-history-with-what-helps');
    await page.close();
  });

  it('states the rule on the support page', async () => {
    const page = await ext.openPage('support.html');
    await page.setViewportSize({ width: 900, height: 900 });
    const notice = page.getByRole('region', { name: 'How Outlet notices a heavy stretch' });
    await notice.getByText(/at least 4 different heavy days/).waitFor();
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      await notice.screenshot({
        path: `tests/e2e/screenshots/${colorScheme}-support-rule.png`,
        animations: 'disabled',
      });
    }
    await page.close();
  });
});
