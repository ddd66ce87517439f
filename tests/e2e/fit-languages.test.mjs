// The popup's tallest states fit Chrome's popup (360 × 600, footer in view) in the longer and the
// right-to-left languages too, not only in English (fit-states.test.mjs): German, whose words run
// long, and Arabic, right to left in another script. Each language is a copy of the build that speaks
// only it (Debian's Chromium is English-only and Outlet has no language setting of its own:
// TOOLCHAIN.md, scripts/one-language.mjs), driven by that language's own words (read from
// locales/<locale>.yml, never written here). English runs too, as the reference. Every height is
// printed as a table; each state is photographed (fit-lang-<locale>-<state>.png).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { oneLanguageCopy } from '../../scripts/one-language.mjs';
import { builtExtensionDir, rootDir } from './harness.mjs';
import {
  ALWAYS_ON_HOURS,
  anotherIdeaUntil,
  doneCheckIn,
  extensionSuite,
  heavyWeeks,
  localeWords,
  MINUTE,
  measureFit,
  notHelpingWeeks,
  openPopup,
  patchSettings,
  seedHistory,
  shoot,
} from './outlet.mjs';

// Every language the popup speaks, by default; `FIT_LOCALES=fr,ja` measures only those.
const ALL_LOCALES = readdirSync(path.join(rootDir, 'locales')).map((file) => file.replace(/\.yml$/, ''));
const LOCALES =
  process.env.FIT_LOCALES && process.env.FIT_LOCALES !== 'all'
    ? process.env.FIT_LOCALES.split(',')
    : ALL_LOCALES;

const done = doneCheckIn;
/** A walk done half an hour ago and never answered: "did it help?" at this open. */
const question = (now) => [done('fit-asked', now - 30 * MINUTE, 'walk-street')];

/** [locale, state, height, footer's end] in the order measured. */
const table = [];

after(() => {
  const states = [...new Set(table.map(([, state]) => state))];
  const cell = (locale, state) => table.find(([l, s]) => l === locale && s === state);
  console.log(`height at 360 × 600, px (footer's end in brackets)\n  state | ${LOCALES.join(' | ')}`);
  for (const state of states)
    console.log(
      `  ${state} | ${LOCALES.map((l) => (cell(l, state) ? `${cell(l, state)[2]} (${cell(l, state)[3]})` : '–')).join(' | ')}`,
    );
});

for (const locale of LOCALES) {
  const words = localeWords(locale);
  describe(`the tallest states fit in ${locale} (${words.language})`, () => {
    const tempDir = mkdtempSync(path.join(tmpdir(), `outlet-fit-${locale}-`));
    after(() => rmSync(tempDir, { recursive: true, force: true }));
    const ext = extensionSuite({
      launch: { extensionDir: oneLanguageCopy(builtExtensionDir(), locale, path.join(tempDir, 'extension')) },
      settings: {
        hours: ALWAYS_ON_HOURS,
        trustedPeople: [{ id: 'fit-sam', name: 'Sam', phone: '+44 20 7946 0000', email: 'sam@example.org' }],
      },
      storage: {
        context: { canStepAway: true, alone: true, minutes: 15 },
        support: { dismissedAt: null },
        timer: null,
      },
    });

    /** Measures, photographs, and keeps the height for the table; returns what doesn't fit, or null. */
    async function check(page, state) {
      const fit = await measureFit(page, `${locale} / ${state}`);
      table.push([locale, state, fit.height, fit.footerBottom]);
      await shoot(page, `fit-lang-${locale}-${state}`.replaceAll(/[^a-z0-9-]+/gi, '-'));
      return fit.failure;
    }

    /** Back to the feelings from whatever step the popup opened on. */
    async function toFeelings(page) {
      const feelings = page.locator('button[data-feeling]').first();
      for (let i = 0; i < 3 && !(await feelings.isVisible()); i++) await page.keyboard.press('Escape');
      await feelings.waitFor();
    }

    it('the not-helping card, and the heavy-weeks card with a "did it help?"', async () => {
      const failures = [];
      await seedHistory(ext, notHelpingWeeks(Date.now()));
      const page = await openPopup(ext, { resumed: true });
      await page.locator('.support-card').waitFor();
      failures.push(await check(page, 'not-helping card'));
      await page.close();

      await patchSettings(ext, { families: ['movement', 'journaling'] });
      await seedHistory(ext, [...heavyWeeks(Date.now()), ...question(Date.now())]);
      const again = await openPopup(ext, { resumed: true });
      await again.locator('.support-card').waitFor();
      await again.locator('fieldset.helped').waitFor();
      failures.push(await check(again, 'heavy card and a question'));
      await again.close();
      assert.deepEqual(failures.filter(Boolean), [], 'taller than the popup');
    });

    it('a walk, the popup opened again mid-walk, then "Stop early"', async () => {
      const failures = [];
      await patchSettings(ext, { families: ['movement'] });
      await seedHistory(ext, question(Date.now()));
      const page = await openPopup(ext, { resumed: true });
      await page.locator('button[data-feeling="stressed"]').click();
      const start = page.getByRole('button', { name: words.label('checkin.walkStart') });
      await anotherIdeaUntil(page, start, 40, words.t('checkin.another'));
      await page.getByRole('radio', { name: /^4/ }).check();
      await start.click();
      await page.getByRole('timer').waitFor();
      await page.close();

      const again = await openPopup(ext, { resumed: true });
      await again.getByRole('timer').waitFor();
      failures.push(await check(again, 'walk, opened again'));
      await again.getByRole('button', { name: words.t('checkin.timerStop') }).click();
      await again.locator('fieldset.helped.now').waitFor();
      failures.push(await check(again, 'after "Stop early"'));
      await again.close();
      assert.deepEqual(failures.filter(Boolean), [], 'taller than the popup');
    });

    // The pause menu above the footer: each choice in one line, and each time's button beside its
    // field (the "Pause" of "Pause until" went under its field, on a line of its own, in English).
    it('the pause menu: every button in one line, beside its field, in the popup', async () => {
      const page = await openPopup(ext, { resumed: true });
      await toFeelings(page);
      await page.getByRole('button', { name: words.t('status.pauseMenu') }).click();
      const menu = page.locator('#pause-menu');
      await menu.waitFor();
      await shoot(page, `fit-lang-${locale}-pause-menu`);
      const problems = await menu.evaluate((element) => {
        const found = [];
        const box = element.getBoundingClientRect();
        if (box.top < 0) found.push(`the menu starts ${-box.top} px above the popup`);
        for (const button of element.querySelectorAll('button')) {
          const range = document.createRange();
          range.selectNodeContents(button);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
          const b = button.getBoundingClientRect();
          if (lines > 1) found.push(`"${button.textContent}" takes ${lines} lines`);
          if (b.left < box.left || b.right > box.right)
            found.push(`"${button.textContent}" runs out of the menu`);
        }
        for (const form of element.querySelectorAll('form')) {
          const input = form.querySelector('input');
          const field = input.getBoundingClientRect();
          const button = form.querySelector('button');
          const b = button.getBoundingClientRect();
          if (Math.abs(field.top + field.height / 2 - (b.top + b.height / 2)) > 4)
            found.push(`"${button.textContent}" is not beside its field`);
          // Nor squeezed beside it: the field keeps room for all it shows (its own width, unflexed).
          input.style.flex = 'none';
          const natural = input.getBoundingClientRect().width;
          input.style.flex = '';
          if (field.width < natural - 1) found.push(`the field before "${button.textContent}" is cut short`);
        }
        return found;
      });
      await page.close();
      assert.deepEqual(problems, [], `${locale}: the pause menu`);
    });

    it('a journal page with six lines, with a card, a question and a walk waiting', async () => {
      await patchSettings(ext, { families: ['journaling'] });
      const now = Date.now();
      await seedHistory(ext, [
        ...heavyWeeks(now),
        ...question(now),
        done('fit-walk', now - 2 * MINUTE, 'brisk-walk'),
      ]);
      await ext.setStorage({ timer: { endsAt: now + 13 * MINUTE, minutes: 15, checkInId: 'fit-walk' } });
      const page = await openPopup(ext, { resumed: true });
      await toFeelings(page);
      await page.locator('button[data-feeling="overwhelmed"]').click();
      const field = page.getByRole('textbox', { name: words.t('checkin.journalLabelPage') });
      await anotherIdeaUntil(page, field, 40, words.t('checkin.another'));
      await page.getByRole('radio', { name: /^4/ }).check();
      await field.click();
      for (let line = 1; line <= 6; line++) {
        await page.keyboard.type(`Line ${line} of what went on today, and how it sat with me after.`);
        if (line < 6) await page.keyboard.press('Enter');
      }
      const failure = await check(page, 'journal page, six lines');
      const save = await page
        .getByRole('button', { name: words.t('checkin.journalSave') })
        .first()
        .boundingBox();
      await page.close();
      assert.equal(failure, null, failure ?? '');
      assert.ok(
        save.y + save.height <= 600,
        `${locale}: the journal's Save ends at ${save.y + save.height} px`,
      );
    });
  });
}
