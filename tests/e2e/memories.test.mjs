// Issue 19 (item 3), in the built extension: "on this day" on the history page on a light day and not
// on a heavy one, and (once asked for) after a light check-in in the popup. Photographed in light and
// dark (tests/e2e/screenshots/).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_FAMILIES, ALWAYS_ON_HOURS, extensionSuite, openPopup, seedHistory, shoot } from './outlet.mjs';

const CONTEXT = { canStepAway: true, alone: false, minutes: 5 };

/** This time of day, a year ago (local), as the browser counts days. */
function aYearAgo() {
  const d = new Date();
  d.setFullYear(d.getFullYear() - 1);
  d.setHours(9, 30, 0, 0);
  return d.getTime();
}

describe('issue 19: on this day', () => {
  const ext = extensionSuite({
    settings: { hours: ALWAYS_ON_HOURS, families: ALL_FAMILIES },
    storage: { context: CONTEXT, memories: { onHistory: true, afterCheckIn: false, putAwayOn: null } },
  });

  async function openHistory() {
    const page = await ext.openPage('history.html');
    await page.getByRole('heading', { level: 2, name: 'Check-ins' }).waitFor();
    return page;
  }

  it('gives back a good moment on a light day, and nothing after a heavy check-in', async () => {
    await seedHistory(ext, [
      {
        id: 'year-ago',
        at: aYearAgo(),
        feeling: 'grateful',
        outletId: 'walk-street',
        outcome: 'done',
        journal: 'Soup with Ana, then a long walk home.',
      },
    ]);
    const page = await openHistory();
    const card = page.getByRole('region', { name: 'On this day' });
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    assert.match(text, /A year ago today/);
    assert.match(text, /You felt: Grateful\./);
    assert.match(text, /Soup with Ana, then a long walk home\./);
    await card.scrollIntoViewIfNeeded();
    await shoot(page, 'memory-history');

    // A heavy check-in in the popup: the page, told of the change, takes the memory away.
    const popup = await openPopup(ext);
    await popup.locator('button[data-feeling="overwhelmed"]').click();
    await popup.getByRole('button', { name: 'Not now' }).click();
    await popup.getByText("That's fine. Your check-in is noted.").waitFor();
    await card.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Check-ins' }).waitFor();
    // The journal line read in the day list, and no memory card beside it.
    await page.getByText('Soup with Ana, then a long walk home.').first().waitFor();
    assert.equal(await page.getByRole('region', { name: 'On this day' }).count(), 0);
    await popup.close();
    await page.close();
  });

  it('shows one after a light check-in once asked for on the history page', async () => {
    await seedHistory(ext, [
      {
        id: 'year-ago',
        at: aYearAgo(),
        feeling: 'joyful',
        outletId: null,
        outcome: 'skipped',
        journal: 'First snow!',
      },
    ]);
    const history = await openHistory();
    await history.getByRole('checkbox', { name: /Also show one after a check-in/ }).check();
    await history.getByRole('status').filter({ hasText: "You'll see one after a light check-in." }).waitFor();
    await history.close();

    const popup = await openPopup(ext);
    await popup.locator('button[data-feeling="calm"]').click();
    await popup.getByRole('button', { name: 'Not now' }).click();
    const card = popup.getByRole('region', { name: 'On this day' });
    await card.waitFor();
    assert.match((await card.textContent()) ?? '', /First snow!/);
    await shoot(popup, 'memory-after-checkin');
    await popup.close();
  });
});
