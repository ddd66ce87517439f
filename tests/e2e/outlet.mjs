import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { screenshotDir } from './harness.mjs';
// Helpers for Outlet's journeys, on top of harness.mjs. They speak the app's storage contract:
// `settings`, `schedule`, and one `checkin:<id>` key per check-in, in chrome.storage.local.

export const MINUTE = 60_000;

/** Active hours around the clock, every day, so a nudge is due whatever time the tests run. */
export const ALWAYS_ON_HOURS = Object.fromEntries(
  [0, 1, 2, 3, 4, 5, 6].map((day) => [day, [{ start: 0, end: 0, nextDay: true }]]),
);

/** Every outlet family, as core/families.ts lists them. */
export const ALL_FAMILIES = ['movement', 'journaling', 'talking', 'creative', 'release', 'body'];

const DEFAULT_SETTINGS = {
  nudgesEnabled: true,
  intervalMinutes: 60,
  families: ALL_FAMILIES,
  trustedPeople: [],
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `accept(value)` holds; returns the value, or throws with the last one seen. */
export async function eventually(read, accept, { timeout = 5000, what = 'a condition' } = {}) {
  const end = Date.now() + timeout;
  let value;
  for (;;) {
    value = await read();
    if (accept(value)) return value;
    if (Date.now() > end) {
      throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(value)?.slice(0, 500)}`);
    }
    await sleep(100);
  }
}

/** Stored check-ins, oldest first. */
export async function checkIns(ext) {
  const all = await ext.getStorage();
  return Object.entries(all)
    .filter(([key]) => key.startsWith('checkin:'))
    .map(([, value]) => value)
    .sort((a, b) => a.at - b.at);
}

/** Removes every stored check-in (removing one is not a new check-in, so no break is counted). */
export async function clearCheckIns(ext) {
  const keys = Object.keys(await ext.getStorage()).filter((key) => key.startsWith('checkin:'));
  if (keys.length) await (await ext.worker()).evaluate((k) => chrome.storage.local.remove(k), keys);
}

/** Writes settings as the options page would: the stored ones (or the defaults) with `patch` on top. */
export async function patchSettings(ext, patch) {
  const { settings } = await ext.getStorage();
  const next = { ...DEFAULT_SETTINGS, ...settings, ...patch };
  await ext.setStorage({ settings: next });
  return next;
}

/** Reads storage from a page, which, unlike ext.getStorage(), never wakes the service worker. */
export function storageFromPage(page) {
  return page.evaluate(() => chrome.storage.local.get(null));
}

/** Local hours and minutes of `t`, as the status line shows them (12- or 24-hour clock). */
export function clockParts(t) {
  const date = new Date(t);
  return { hours: date.getHours(), minutes: date.getMinutes() };
}

/** Reads "9:05 PM" or "21:05" out of `text` as 24-hour parts, or null. */
export function parseClock(text) {
  const match = /(\d{1,2}):(\d{2})\s*([AaPp]\.?[Mm]\.?)?/.exec(text);
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2]);
  const meridiem = match[3]?.[0]?.toLowerCase();
  if (meridiem === 'p' && hours < 12) hours += 12;
  if (meridiem === 'a' && hours === 12) hours = 0;
  return { hours, minutes };
}

/** Start of the next local day after `t`. */
export function startOfNextDay(t) {
  const date = new Date(t);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
}

/**
 * Clicks a pause choice in the popup. The contract shows it as a button; if the popup tucks the
 * choices into a "Pause…" menu, that is opened first.
 */
export async function clickPause(page, name) {
  const choice = page.getByRole('button', { name });
  if (!(await choice.isVisible())) await page.getByRole('button', { name: /^Pause…?$/ }).click();
  await choice.click();
}

/** Clicks "Another idea" until `locator` shows up; returns how many clicks it took. */
export async function anotherIdeaUntil(page, locator, tries = 25) {
  for (let i = 0; i < tries; i++) {
    if (await locator.isVisible()) return i;
    await page.getByRole('button', { name: 'Another idea' }).click();
  }
  if (await locator.isVisible()) return tries;
  throw new Error(`Not offered after ${tries} tries of "Another idea"`);
}

/** Screenshots `name` twice: light-<name>.png and dark-<name>.png, animations settled. */
export async function shoot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({
      path: path.join(screenshotDir, `${colorScheme}-${name}.png`),
      fullPage: true,
      animations: 'disabled',
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The popup at its real size, with its first step up. */
export async function openPopup(ext) {
  const page = await ext.openPage('popup.html');
  await page.setViewportSize({ width: 360, height: 600 });
  await page.getByRole('heading', { name: 'How are you right now?' }).waitFor();
  return page;
}
