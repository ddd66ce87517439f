// Every journal field (one line, a list, a page) fits Chrome's popup (360 × 600) with the footer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchExtension } from './harness.mjs';
import {
  ALWAYS_ON_HOURS,
  anotherIdeaUntil,
  clearCheckIns,
  openPopup,
  patchSettings,
  shoot,
} from './outlet.mjs';

describe('every journal field fits the popup', () => {
  let ext;
  before(async () => {
    ext = await launchExtension();
    await clearCheckIns(ext);
    await patchSettings(ext, { hours: ALWAYS_ON_HOURS, families: ['journaling'] });
    await ext.setStorage({
      context: { canStepAway: true, alone: true, minutes: 15 },
      support: { dismissedAt: null },
    });
  });
  after(async () => {
    await ext?.close();
  });
  for (const [kind, label, feeling] of [
    ['page', 'A page for your journal', 'overwhelmed'],
    ['list', 'Your list, one per line', 'down'],
  ]) {
    it(`"${label}" at 360 × 600`, async () => {
      const page = await openPopup(ext);
      await page.locator(`button[data-feeling="${feeling}"]`).click();
      await anotherIdeaUntil(page, page.getByRole('textbox', { name: label }), 40);
      await page.getByRole('radio', { name: /^4/ }).check();
      await page.waitForTimeout(200);
      const m = await page.evaluate(() => ({
        title: document.getElementById('outlet-title').textContent,
        scrollHeight: document.scrollingElement.scrollHeight,
        height: Math.ceil(document.getElementById('app').getBoundingClientRect().bottom),
        footerBottom: Math.max(
          ...[...document.querySelectorAll('.status button, .support-link button')].map(
            (b) => b.getBoundingClientRect().bottom,
          ),
        ),
      }));
      console.log(JSON.stringify({ label, ...m }));
      await shoot(page, `fit-outlet-journal-${kind}`);
      assert.ok(m.height <= 600, `${m.title}: ${m.height} px`);
      assert.ok(m.footerBottom <= 600, `${m.title}: footer at ${m.footerBottom}`);
      await page.close();
    });
  }
});
