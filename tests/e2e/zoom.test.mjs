// Outlet at 200%: the settings, history, support and welcome pages in a 1280 × 800 window zoomed to
// 200% (a 640 × 400 CSS viewport drawn at 2 device pixels per CSS pixel, which is what the browser's
// zoom does), and the popup with the browser's text size at 200% (root font size 32px). No page
// scrolls sideways, and each main control can be scrolled to, is inside the window and is the
// element a click there would reach. Screenshots: tests/e2e/screenshots/a11y-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { screenshotDir } from './harness.mjs';
import {
  ALL_FAMILIES,
  ALWAYS_ON_HOURS,
  anotherIdeaUntil,
  extensionSuite,
  feelingIds,
  MINUTE,
  seedHistory,
} from './outlet.mjs';

const ZOOMED = { width: 640, height: 400, deviceScaleFactor: 2 };
const measured = [];

/**
 * Shows `page` as a 1280 × 800 window at 200% zoom. Returns a function that applies it again:
 * Chromium can drop a device-metrics override when the page changes, so each check re-applies it.
 */
async function zoomTo200(page) {
  await page.setViewportSize({ width: ZOOMED.width, height: ZOOMED.height });
  const cdp = await page.context().newCDPSession(page);
  const apply = () => cdp.send('Emulation.setDeviceMetricsOverride', { ...ZOOMED, mobile: false });
  await apply();
  return apply;
}

async function shot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({
      path: path.join(screenshotDir, `a11y-${name}-${colorScheme}.png`),
      fullPage: true,
      animations: 'disabled',
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The page's own width and how far its content reaches: equal when nothing scrolls sideways. */
async function noSideways(page, name) {
  const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
    const root = document.scrollingElement;
    // The element reaching furthest to the right (or left, in a right-to-left page), for the message.
    let widest = '';
    let reach = root.clientWidth;
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || el.closest('.year-scroll, .visually-hidden')) continue;
      const over = Math.max(box.right + window.scrollX, root.clientWidth - box.left);
      if (over > reach + 1) {
        reach = over;
        widest = `${el.tagName.toLowerCase()}.${el.className} (${Math.round(box.left)}–${Math.round(box.right)} px)`;
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
  });
  measured.push([name, clientWidth, scrollWidth]);
  assert.ok(
    scrollWidth <= clientWidth,
    `${name}: scrolls sideways, ${scrollWidth} px of content in ${clientWidth} px${widest ? `; widest: ${widest}` : ''}`,
  );
}

/**
 * Each control can be scrolled into view, lies within the window's width, and is what a click at
 * its centre would reach (not cut off or covered).
 */
async function reachable(page, name, locators) {
  const width = await page.evaluate(() => document.scrollingElement.clientWidth);
  for (const locator of locators) {
    const what = String(locator);
    await locator.scrollIntoViewIfNeeded();
    const box = await locator.boundingBox();
    assert.ok(box, `${name}: ${what} has a box`);
    assert.ok(
      box.x >= 0 && box.x + box.width <= width + 1,
      `${name}: ${what} runs outside the window (${Math.round(box.x)}–${Math.round(box.x + box.width)} of ${width} px)`,
    );
    const hit = await locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return at === el || el.contains(at) || (el.labels && [...el.labels].some((l) => l.contains(at)));
    });
    assert.ok(hit, `${name}: a click on ${what} would land on something else`);
  }
}

const sampleHistory = (now = Date.now()) =>
  [
    [6, 'stressed', 'journal-weight', 'A long day, written down.'],
    [4, 'calm', 'walk-street', null],
    [2, 'tired', 'slow-breath', null],
    [1, 'lonely', 'journal-weight', 'Called my sister in the evening.'],
    [0, 'numb', 'slow-breath', null],
  ].map(([daysAgo, feeling, outletId, journal], i) => ({
    id: `zoom-${i}`,
    at: now - daysAgo * 24 * 60 * MINUTE - 60 * MINUTE,
    feeling,
    outletId,
    outcome: 'done',
    shown: [outletId],
    ...(journal ? { journal } : {}),
  }));

describe('200% zoom and 200% text size', () => {
  const ext = extensionSuite({
    once: true,
    started: true,
    settings: {
      hours: ALWAYS_ON_HOURS,
      families: ALL_FAMILIES,
      trustedPeople: [{ id: 'zoom-sam', name: 'Sam', phone: '+44 20 7946 0000', email: 'sam@example.org' }],
    },
  });
  before(async () => {
    await seedHistory(ext, sampleHistory());
  });
  after(() => {
    console.log('page width at 200% (CSS px) and how wide its content is:');
    for (const [name, client, scroll] of measured) console.log(`  ${name}: ${client} / ${scroll}`);
  });

  it('options at 200% zoom: no sideways scrolling, every section and control reachable', async () => {
    const page = await ext.openPage('options.html');
    await zoomTo200(page);
    await page.getByRole('heading', { name: 'Outlet settings' }).waitFor();
    await noSideways(page, 'options');
    await reachable(page, 'options', [
      page.getByRole('navigation').getByRole('link').first(),
      page.getByRole('navigation').getByRole('link').last(),
      page.getByRole('combobox', { name: 'Nudge every' }),
      page.getByRole('button', { name: 'Add person' }),
      page.getByRole('button', { name: 'Restore default settings…' }),
      page.getByRole('link', { name: 'See, export or delete your check-ins and journal' }),
    ]);
    await page.getByRole('radio', { name: 'Different hours each day' }).check();
    await noSideways(page, 'options, hours for each day');
    await reachable(page, 'options, hours for each day', [
      page.getByRole('button', { name: 'Add hours on Saturday' }),
      page.getByRole('button', { name: 'Use these hours every day' }).last(),
    ]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'zoom-options');
    await page.close();
  });

  it('history at 200% zoom: the days, the journal search, export and import reachable', async () => {
    const page = await ext.openPage('history.html');
    await zoomTo200(page);
    await page.locator('.history-days').getByText('Called my sister in the evening.').waitFor();
    await noSideways(page, 'history');
    await reachable(page, 'history', [
      page.locator('.history-days .entry .delete').first(),
      page.getByRole('searchbox'),
      page.getByRole('button', { name: 'Export everything (JSON)' }),
      page.getByLabel('File to bring back (.json)'),
      page.getByRole('button', { name: 'Import', exact: true }),
      page.getByRole('button', { name: 'Delete everything…' }),
    ]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'zoom-history');
    await page.close();
  });

  it('support at 200% zoom: every part readable without scrolling sideways', async () => {
    const page = await ext.openPage('support.html');
    await zoomTo200(page);
    await page.getByRole('heading', { level: 1, name: 'Need more support?' }).waitFor();
    await noSideways(page, 'support');
    await reachable(page, 'support', await page.getByRole('heading').all());
    await shot(page, 'zoom-support');
    await page.close();
  });

  it('welcome at 200% zoom: each step, "Next" and "Start Outlet" reachable', async () => {
    const page = await ext.openPage('welcome.html');
    const zoom = await zoomTo200(page);
    await page.getByRole('heading', { name: 'Welcome to Outlet' }).waitFor();
    for (const step of [1, 2, 3]) {
      await page.getByText(`Step ${step} of 3`).waitFor();
      await zoom();
      await noSideways(page, `welcome step ${step}`);
      const controls = [page.getByRole('button', { name: 'Start Outlet' })];
      if (step < 3) controls.push(page.getByRole('button', { name: 'Next' }));
      await reachable(page, `welcome step ${step}`, controls);
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, `zoom-welcome-${step}`);
      if (step < 3) await page.getByRole('button', { name: 'Next' }).click();
    }
    await page.close();
  });

  it('the popup at 200% text size: every feeling and the footer reachable by scrolling', async () => {
    const page = await ext.openPage('popup.html');
    await page.setViewportSize({ width: 360, height: 600 });
    // The browser's text size at 200%: its default 16px becomes 32px, which is what rem follows.
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '32px';
    });
    await page.getByRole('heading', { name: 'How are you right now?' }).waitFor();
    const h1 = await page
      .getByRole('heading', { name: 'How are you right now?' })
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    assert.ok(h1 >= 36, `the question grows with the text size (${h1} px, 18.75 px at 100%)`);
    await noSideways(page, 'popup, feelings');
    const feelings = feelingIds().map((id) => page.locator(`button[data-feeling="${id}"]`));
    const footer = ['Pause…', 'Settings', 'Need more support?', 'Your history'].map((name) =>
      page.getByRole('button', { name, exact: true }),
    );
    await reachable(page, 'popup, feelings', [...feelings, ...footer]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'text-200-popup-feelings');

    await page.locator('button[data-feeling="sad"]').click();
    await anotherIdeaUntil(page, page.getByRole('button', { name: 'Another idea' }));
    await noSideways(page, 'popup, outlet');
    await reachable(page, 'popup, outlet', [
      page.getByRole('button', { name: 'Another idea' }),
      page.getByRole('button', { name: 'Back to feelings' }),
      ...footer,
    ]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'text-200-popup-outlet');
    await page.close();
  });
});
