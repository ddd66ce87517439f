// Ready for the stores: the keyboard shortcut as the browser really has it, the manifest's icons,
// and the store screenshots (1280 × 800, the Chrome Web Store's size) written to
// tests/e2e/screenshots/store/: the check-in's feelings and an outlet (the popup at its real size,
// shown larger on a calm background with the caption from store/description.en.md), the settings,
// and the history with a few weeks of check-ins.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchExtension, rootDir, screenshotDir, settle } from './harness.mjs';
import { anotherIdeaUntil, eventually, openPopup, patchSettings, seedHistory } from './outlet.mjs';

const STORE_DIR = path.join(screenshotDir, 'store');
const WIDTH = 1280;
const HEIGHT = 800;
const DAY = 24 * 60 * 60_000;

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR', 'a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The captions of store/description.<locale>.md ("- feelings: How are you…"), by screenshot. */
function captions(locale = 'en') {
  const text = readFileSync(path.join(rootDir, 'store', `description.${locale}.md`), 'utf8');
  const section = text.split(/^## /m).find((part) => part.startsWith('Screenshot captions')) ?? '';
  return Object.fromEntries(
    [...section.matchAll(/^- (\w+): (.+)$/gm)].map(([, id, caption]) => [id, caption]),
  );
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The popup's page as it is now (360 × 600, drawn at twice the pixels so it stays sharp when shown
 * larger), set on a calm 1280 × 800 background beside the icon, the name and a caption.
 */
async function storeShotOfPopup(ext, page, name, caption) {
  // No hover or focus ring left from the clicks that led here.
  await page.mouse.move(0, 0);
  await page.evaluate(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement.blur() : null,
  );
  await settle(page); // the step's appear animation, ended
  // Chromium draws the clip at twice the pixels (playwright's own screenshot would reset the scale).
  // Chrome sizes its popup to the content (at most 600 px), so the picture ends where the page does.
  const height = await page.evaluate(() => {
    const bottom = document.getElementById('app')?.getBoundingClientRect().bottom ?? 600;
    const padding = Number.parseFloat(getComputedStyle(document.body).paddingBottom) || 0;
    return Math.min(600, Math.ceil(bottom + padding));
  });
  const cdp = await ext.context.newCDPSession(page);
  const { data } = await cdp.send('Page.captureScreenshot', {
    format: 'png',
    clip: { x: 0, y: 0, width: 360, height, scale: 2 },
  });
  await cdp.detach();
  const popup = Buffer.from(data, 'base64');
  assert.deepEqual(pngSize(popup), { width: 720, height: height * 2 }, 'the popup, at twice its pixels');
  const icon = readFileSync(path.join(rootDir, 'public', 'icon', '128.png')).toString('base64');

  const frame = await ext.context.newPage();
  await frame.setViewportSize({ width: WIDTH, height: HEIGHT });
  await frame.setContent(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: ${WIDTH}px; height: ${HEIGHT}px; overflow: hidden; }
  body {
    font-family: system-ui, sans-serif; color: #2b2a28;
    background:
      radial-gradient(circle at 18% 22%, #f4e6d3 0, transparent 46%),
      radial-gradient(circle at 85% 90%, #d6ebe4 0, transparent 52%),
      #fbf8f3;
    display: grid; grid-template-columns: 1fr 432px; gap: 72px; align-items: center;
    padding: 0 120px 0 128px; box-sizing: border-box;
  }
  .brand { display: flex; align-items: center; gap: 16px; margin-bottom: 36px; }
  .brand img { width: 56px; height: 56px; }
  .brand span { font-size: 34px; font-weight: 600; letter-spacing: 0.01em; color: #2f7a6e; }
  p { font-size: 40px; line-height: 1.3; font-weight: 500; margin: 0; max-width: 15em; }
  .popup { width: 432px; height: ${height * 1.2}px; border-radius: 18px; overflow: hidden;
    box-shadow: 0 2px 6px rgba(43, 42, 40, 0.08), 0 24px 60px rgba(47, 122, 110, 0.18); }
  .popup img { width: 432px; height: ${height * 1.2}px; display: block; }
</style></head><body>
  <div><div class="brand"><img alt="" src="data:image/png;base64,${icon}"><span>Outlet</span></div>
  <p>${escapeHtml(caption)}</p></div>
  <div class="popup"><img alt="" src="data:image/png;base64,${popup.toString('base64')}"></div>
</body></html>`);
  const file = path.join(STORE_DIR, `${name}.png`);
  await frame.screenshot({ path: file });
  await frame.close();
  return file;
}

/** A full page at 1280 × 800 as the store shows it, from the top. */
async function storeShotOfPage(page, name) {
  await settle(page);
  const file = path.join(STORE_DIR, `${name}.png`);
  // In front, so headless Chromium draws it. Once in CI (2 busy cores) no frame came for 30 s though the
  // page had just answered `settle`, so it was live: the shot is asked for again, once, before failing.
  await page.bringToFront();
  try {
    await page.screenshot({ path: file, animations: 'disabled', timeout: 15_000 });
  } catch (error) {
    if (error?.name !== 'TimeoutError') throw error;
    await page.bringToFront();
    await page.screenshot({ path: file, animations: 'disabled' });
  }
  return file;
}

/** Three weeks of check-ins, most weekdays, a few with a journal line and a "did it help?". */
function threeWeeks(now = Date.now()) {
  const at = (daysAgo, hours, minutes) => {
    const date = new Date(now - daysAgo * DAY);
    date.setHours(hours, minutes, 0, 0);
    return date.getTime();
  };
  const lines = {
    1: 'Walked to the corner and back. The air helped more than I expected.',
    3: 'Too many tabs, too many asks. Wrote them down and picked one.',
    6: 'Called Mum on the way home. We laughed about the cat.',
    9: 'Nothing big today, and that was nice.',
    13: 'Tired after the long meeting. Stretched by the window.',
    16: 'Sent Sam a thank-you for last week.',
  };
  const days = [
    [0, 'calm', 'slow-breath', 'yes'],
    [1, 'stressed', 'walk-street', 'yes'],
    [2, 'tired', 'stretch-up', 'a-bit'],
    [3, 'overwhelmed', 'journal-brain-dump', 'yes'],
    [4, 'content', 'savour-it', null],
    [6, 'lonely', 'talk-call', 'yes'],
    [7, 'frustrated', 'shake-out', 'a-bit'],
    [8, 'hopeful', 'doodle', null],
    [9, 'calm', 'journal-good-moment', 'yes'],
    [10, 'anxious', 'feet-floor', 'yes'],
    [13, 'tired', 'floor-stretch', 'yes'],
    [14, 'grateful', 'talk-thanks', null],
    [15, 'numb', 'feel-where', 'a-bit'],
    [16, 'joyful', 'talk-thanks', 'yes'],
    [17, 'stressed', 'brisk-walk', 'yes'],
    [20, 'down', 'warm-drink', 'a-bit'],
  ];
  const entries = [];
  for (const [daysAgo, feeling, outletId, helped] of days) {
    const journal = lines[daysAgo];
    entries.push({
      id: `store-${daysAgo}-a`,
      at: at(daysAgo, 10 + (daysAgo % 3), 15 + (daysAgo % 4) * 10),
      feeling,
      outletId: journal && !outletId.startsWith('journal') ? 'journal-line' : outletId,
      outcome: 'done',
      ...(journal ? { journal } : {}),
      context: { canStepAway: true, alone: daysAgo % 2 === 0, minutes: 5 },
      shown: [outletId],
      ...(helped ? { helped, helpAsked: true } : {}),
      ...(daysAgo % 3 === 0 ? { intensity: 2 + (daysAgo % 3) } : {}),
    });
    if (daysAgo % 2 === 1)
      entries.push({
        id: `store-${daysAgo}-b`,
        at: at(daysAgo, 15, 40),
        feeling: daysAgo % 4 === 1 ? 'content' : 'tired',
        outletId: daysAgo % 4 === 1 ? 'one-song' : 'cool-water',
        outcome: daysAgo === 7 ? 'skipped' : 'done',
        context: { canStepAway: false, alone: false, minutes: 2 },
        shown: ['cool-water'],
      });
  }
  return entries;
}

describe('store: the keyboard shortcut', () => {
  /** @type {Awaited<ReturnType<typeof launchExtension>>} */
  let ext;
  before(async () => {
    ext = await launchExtension();
  });
  after(async () => {
    await ext?.close();
  });

  it('the manifest asks for Alt+Shift+O to open the popup and Alt+Shift+N to check in now, and leaves the browser its History page', () => {
    const manifest = JSON.parse(readFileSync(path.join(ext.extensionDir, 'manifest.json'), 'utf8'));
    assert.deepEqual(manifest.commands, {
      _execute_action: { suggested_key: { default: 'Alt+Shift+O' } },
      // Issue 18: "check in now", counted as a break (platform/shortcut.ts).
      'check-in-now': {
        description: '__MSG_putoff_commandCheckInNow__',
        suggested_key: { default: 'Alt+Shift+N' },
      },
    });
    assert.equal(manifest.action.default_popup, 'popup.html');
    assert.equal(manifest.chrome_url_overrides, undefined, 'Ctrl+H stays the browser’s history');
    assert.equal(manifest.action.default_title, '__MSG_actionTitle__');
  });

  it('settings show the keys Chromium gave it, and open its shortcut page to change them', async () => {
    const page = await ext.openPage('options.html');
    const about = page.getByRole('region', { name: 'About' });
    const keys = about.locator('kbd');
    await keys.waitFor();
    assert.equal((await keys.textContent()).trim(), 'Alt+Shift+O');
    const [command] = await page.evaluate(() => chrome.commands.getAll());
    assert.equal(command.shortcut, 'Alt+Shift+O', 'the same keys the browser reports');

    const opened = ext.context.waitForEvent('page', { timeout: 5000 });
    await about.getByRole('button', { name: 'Change the shortcut' }).click();
    const shortcuts = await opened;
    await eventually(
      async () => shortcuts.url(),
      (url) => url === 'chrome://extensions/shortcuts',
      { what: "Chromium's shortcut page" },
    );
    assert.equal(await about.getByRole('alert').count(), 0, 'no failure said');
    await page.close();
  });

  it("every icon the manifest lists is a PNG of the size it's listed at", () => {
    const manifest = JSON.parse(readFileSync(path.join(ext.extensionDir, 'manifest.json'), 'utf8'));
    assert.deepEqual(Object.keys(manifest.icons), ['16', '32', '48', '96', '128']);
    for (const [size, file] of Object.entries(manifest.icons)) {
      const { width, height } = pngSize(readFileSync(path.join(ext.extensionDir, file)));
      assert.deepEqual([width, height], [Number(size), Number(size)], file);
    }
  });
});

describe('store screenshots, 1280 × 800', () => {
  /** @type {Awaited<ReturnType<typeof launchExtension>>} */
  let ext;
  const written = [];
  before(async () => {
    mkdirSync(STORE_DIR, { recursive: true });
    ext = await launchExtension();
    // The default hours (weekdays, 9 to 6), so the status line says a daytime nudge.
    await patchSettings(ext, {
      families: ['movement', 'journaling', 'talking', 'creative', 'release', 'body'],
      trustedPeople: [{ id: 'store-sam', name: 'Sam', email: 'sam@example.org' }],
    });
    await ext.setStorage({
      context: { canStepAway: true, alone: false, minutes: 5 },
      support: { dismissedAt: null },
    });
  });
  after(async () => {
    for (const file of written) console.log(`  ${path.relative(rootDir, file)}`);
    await ext?.close();
  });

  const check = (file) => {
    assert.deepEqual(pngSize(readFileSync(file)), { width: WIDTH, height: HEIGHT }, path.basename(file));
    written.push(file);
  };

  it('the check-in: how are you right now?', async () => {
    const page = await openPopup(ext);
    await page.locator('button[data-feeling="calm"]').waitFor();
    check(await storeShotOfPopup(ext, page, '1-checkin-feelings', captions().feelings));
    await page.close();
  });

  it('the check-in: one small outlet for the feeling', async () => {
    // Only talking ideas, so the one with the most to show (a person, a ready message) comes soon.
    await patchSettings(ext, { families: ['talking'] });
    const page = await openPopup(ext);
    await page.locator('button[data-feeling="lonely"]').click();
    await anotherIdeaUntil(
      page,
      page.getByRole('heading', { name: 'Send a short message to someone you trust' }),
    );
    await page.getByText('Sam').first().waitFor();
    check(await storeShotOfPopup(ext, page, '2-checkin-outlet', captions().outlet));
    await page.close();
  });

  it('the history, with three weeks of check-ins', async () => {
    await seedHistory(ext, threeWeeks());
    const page = await ext.openPage('history.html');
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await page.getByText('Walked to the corner and back.', { exact: false }).first().waitFor();
    check(await storeShotOfPage(page, '3-history'));
    await page.close();
  });

  it('the settings', async () => {
    const page = await ext.openPage('options.html');
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await page.getByRole('combobox', { name: 'Nudge every' }).waitFor();
    check(await storeShotOfPage(page, '4-settings'));
    await page.close();
  });
});
