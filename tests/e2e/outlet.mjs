import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rootDir, screenshotDir } from './harness.mjs';
// Helpers for Outlet's journeys, on top of harness.mjs. They speak the app's storage contract:
// preferences in chrome.storage.sync (`pref:<name>`), trusted people in chrome.storage.local
// (`person:<id>`), `schedule` in chrome.storage.local, and the check-ins in IndexedDB (database
// `outlet`, store `checkins`, index `at`).

export const MINUTE = 60_000;

/** Active hours around the clock, every day, so a nudge is due whatever time the tests run. */
export const ALWAYS_ON_HOURS = Object.fromEntries(
  [0, 1, 2, 3, 4, 5, 6].map((day) => [day, [{ start: 0, end: 0, nextDay: true }]]),
);

/** Every outlet family, as core/families.ts lists them. */
/** A heavy check-in: unpleasant at strength 4 or 5, so five on five days reach the support rule (core/insights/support.ts). */
export function heavyCheckIn(i, at) {
  return {
    id: `e2e-heavy-${i}`,
    at,
    feeling: i % 2 ? 'anxious' : 'overwhelmed',
    intensity: 4 + (i % 2),
    outletId: 'slow-breath',
    outcome: 'done',
    helpAsked: true,
    shown: ['slow-breath'],
  };
}

export const ALL_FAMILIES = ['movement', 'journaling', 'talking', 'creative', 'release', 'body'];

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

/** Opens the history database as the app does (platform/history/db.ts), creating it if no page has yet. */
function openHistoryDb() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('outlet');
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('checkins', { keyPath: 'id' });
      store.createIndex('at', 'at');
      open.result.createObjectStore('days', { keyPath: 'day' });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

/**
 * Runs `body(db, arg)` on the extension's history database inside the service worker (the database
 * belongs to the extension's origin, so the worker sees what the pages wrote). Sent as an expression:
 * DevTools evaluation is not bound by the extension's CSP, an `eval` inside the worker would be.
 */
async function inHistoryDb(ext, body, arg = null) {
  const expression = `const summarizeDays = (${summarizeDays});
  (${openHistoryDb})().then(async (db) => {
    try { return await (${body})(db, ${JSON.stringify(arg)}); } finally { db.close(); }
  })`;
  return (await ext.worker()).evaluate(expression);
}

/**
 * The day summaries of some check-ins, made as core/data/days.ts makes them (the tests can't import
 * TypeScript): `{ day, count, feelings, helped, done, journal }` per local day, oldest day first.
 * Self-contained, so a page can run it: pass it along as source (`(${summarizeDays})`).
 */
export function summarizeDays(entries) {
  const pad = (n) => String(n).padStart(2, '0');
  const days = new Map();
  for (const entry of entries) {
    const d = new Date(entry.at);
    const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    const s = days.get(day) ?? { day, count: 0, feelings: {}, helped: {}, done: 0, journal: 0 };
    s.count++;
    s.feelings[entry.feeling] = (s.feelings[entry.feeling] ?? 0) + 1;
    if (entry.outcome === 'done') s.done++;
    if (entry.journal) s.journal++;
    if (entry.helped && entry.outletId) {
      const c = s.helped[entry.outletId] ?? { yes: 0, aBit: 0, no: 0 };
      if (entry.helped === 'yes') c.yes++;
      else if (entry.helped === 'a-bit') c.aBit++;
      else c.no++;
      s.helped[entry.outletId] = c;
    }
    days.set(day, s);
  }
  return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

/** Stored check-ins, oldest first. */
export async function checkIns(ext) {
  return inHistoryDb(
    ext,
    (db) =>
      new Promise((resolve, reject) => {
        const r = db.transaction('checkins').objectStore('checkins').index('at').getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      }),
  );
}

/**
 * Removes every stored check-in (removing one is not a new check-in, so no break is counted), and
 * any journal line still waiting for one: a popup closed right after a save can leave its draft,
 * which the next open would put back into a check-in this just removed. The check-in under way goes
 * too (`checkinFlow`): a popup closed mid-step is taken up at the next open, on purpose (issue 16).
 */
export async function clearCheckIns(ext) {
  await ext.worker().then((worker) =>
    worker.evaluate(async () => {
      const keys = Object.keys(await chrome.storage.local.get(null));
      await chrome.storage.local.remove(
        keys.filter((key) => key.startsWith('journalDraft') || key === 'checkinFlow'),
      );
    }),
  );
  await inHistoryDb(
    ext,
    (db) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction(['checkins', 'days'], 'readwrite');
        tx.objectStore('checkins').clear();
        tx.objectStore('days').clear();
        tx.oncomplete = () => resolve(true);
        tx.onerror = () => reject(tx.error);
      }),
  );
}

/** Puts check-ins straight into the history database (without the day summaries the app keeps). */
export async function seedCheckIns(ext, entries) {
  await inHistoryDb(
    ext,
    (db, list) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction('checkins', 'readwrite');
        for (const entry of list) tx.objectStore('checkins').put(entry);
        tx.oncomplete = () => resolve(true);
        tx.onerror = () => reject(tx.error);
      }),
    entries,
  );
}

/** Writes preferences as the options page would: one storage.sync key each. */
export async function patchSettings(ext, patch) {
  const prefs = Object.fromEntries(
    Object.entries(patch)
      .filter(([name]) => name !== 'trustedPeople')
      .map(([name, value]) => [`pref:${name}`, value]),
  );
  const people = Object.fromEntries(
    (patch.trustedPeople ?? []).map((person, i) => [`person:${person.id}`, { ...person, addedAt: i }]),
  );
  await (await ext.worker()).evaluate(
    async ({ prefs, people }) => {
      if (Object.keys(prefs).length) await chrome.storage.sync.set(prefs);
      if (Object.keys(people).length) await chrome.storage.local.set(people);
    },
    { prefs, people },
  );
  return (await ext.getStorage()).settings;
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

/**
 * Ends the running walk without waiting out its minutes: its stored end is brought forward to now,
 * then its end alarm is fired (`ext.fireAlarm` options apply). A walk ends at its stored end, never
 * at an earlier ring of its alarm (a ring before the end means the clock was set back: issue 15).
 */
export async function endWalkNow(ext, inMs = 300, options = {}) {
  const { timer } = await eventually(
    () => ext.getStorage(),
    (all) => typeof all.timer?.endsAt === 'number',
    { what: 'a running walk in storage' },
  );
  await ext.setStorage({ timer: { ...timer, endsAt: Date.now() } });
  await ext.fireAlarm('timer-end', inMs, options);
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

/** Every stored day summary (store `days`), oldest day first. */
export async function daySummaries(ext) {
  return inHistoryDb(
    ext,
    (db) =>
      new Promise((resolve, reject) => {
        const r = db.transaction('days').objectStore('days').getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      }),
  );
}

/**
 * Puts check-ins into the history database together with their day summaries, in one transaction,
 * the summaries made the way core/data/days.ts makes them (local day of the browser, counts per
 * feeling, "did it help?" per outlet, done, journal), so the history page's week, month and year
 * views have something to show. For a test that wants the app itself to compute them, import a file.
 */
export async function seedHistory(ext, entries) {
  await inHistoryDb(
    ext,
    (db, list) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction(['checkins', 'days'], 'readwrite');
        // Runs in the worker: summarizeDays there is the copy inHistoryDb's expression defines.
        const summaries = summarizeDays(list);
        // Each entry with the local day it is counted on, as the store writes it.
        const pad = (n) => String(n).padStart(2, '0');
        const dayOf = (at) => {
          const d = new Date(at);
          return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
        };
        for (const entry of list)
          tx.objectStore('checkins').put({ ...entry, day: entry.day ?? dayOf(entry.at) });
        for (const summary of summaries) tx.objectStore('days').put(summary);
        tx.oncomplete = () => resolve(true);
        tx.onerror = () => reject(tx.error);
      }),
    entries,
  );
}

/**
 * What a person has stored, for before/after comparisons: the check-ins (oldest first), the day
 * summaries, and the settings view of ext.getStorage() (preferences from storage.sync, people).
 */
export async function storedData(ext) {
  const [entries, days, storage] = await Promise.all([checkIns(ext), daySummaries(ext), ext.getStorage()]);
  return { checkIns: entries, days, settings: storage.settings };
}

/**
 * "Start Outlet", as the welcome page sends it. A fresh install plans nothing before it; the
 * install is noted first (`welcome:pending`), so this waits for that note, else the start would
 * come before there is anything to start.
 */
export async function startOutlet(ext) {
  await eventually(
    () => ext.getStorage(),
    (all) => all['welcome:pending'] === true,
    { what: 'the install noted as not started' },
  );
  const page = await ext.openPage('manifest.json');
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'welcomeDone', data: null }));
  await page.close();
}

/** The feeling ids of core/feelings.ts (FEELING_IDS), read from the source so tests never copy it. */
export function feelingIds() {
  const source = readFileSync(path.join(rootDir, 'core', 'feelings.ts'), 'utf8');
  const list = /export const FEELING_IDS = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
  return [...list.matchAll(/'([a-z-]+)'/g)].map(([, id]) => id);
}
