// The built Firefox extension (`wxt build -b firefox --mv3`) in a real, headless Firefox ESR, driven by
// puppeteer-core over WebDriver BiDi. One launch serves a whole test file.
//
// Facts this relies on (checked with puppeteer-core 24.43.1 and Debian's Firefox ESR 153):
// - `browser.installExtension(dir)` installs the unpacked build as a temporary add-on and returns its
//   gecko id. Its pages are at moz-extension://<uuid>/, the uuid fixed by the pref
//   `extensions.webextensions.uuids`. Firefox refuses to open them from the test unless it runs with
//   MOZ_REMOTE_ALLOW_SYSTEM_ACCESS=1 in its environment.
// - Puppeteer does not follow navigations to moz-extension:// pages: `goto` waits for a load event
//   that never reaches it (so it times out although the page loaded), `page.url()` stays
//   "about:blank", and it hears none of those pages' `console` or `pageerror` events. Evaluating,
//   clicking and screenshots work. So pages are opened without waiting, then polled until they
//   have loaded, and errors are read from Firefox's own output instead: uncaught errors and
//   rejections are printed as "JavaScript error: <url>, line <n>: <message>" on stderr, and with the
//   pref `devtools.console.stdout.content` every console.error/warn of a page or of the background
//   as 'console.error: "<text>"' on stdout (without the page it came from).
// - The MV3 background is an event page (a window): an extension page reaches it with
//   `browser.runtime.getBackgroundPage()`.
// - Headless Firefox keeps no notifications: `notifications.getAll()` is empty even right after
//   `create()` resolved.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { copyOfBuild } from '../e2e/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const rootDir = path.resolve(here, '../..');
/** Next to Chromium's (git-ignored), each name starting with "firefox-". */
export const screenshotDir = path.join(rootDir, 'tests', 'e2e', 'screenshots');

export const DEFAULT_FIREFOX = '/usr/bin/firefox-esr';
/** Any fixed uuid will do: it only has to be known before the extension is installed. */
export const EXTENSION_UUID = '0e7f3c52-9a4b-4d1e-8f6a-2b5c7d9e1a30';

/** The browser to drive: `FIREFOX_PATH` or Debian's Firefox ESR. Throws a one-line hint when missing. */
export function findFirefox() {
  const candidate = process.env.FIREFOX_PATH || DEFAULT_FIREFOX;
  if (!existsSync(candidate)) {
    throw new Error(
      `Firefox not found at ${candidate} (set FIREFOX_PATH, or install it: sudo apt-get install -y firefox-esr)`,
    );
  }
  return candidate;
}

/** The Firefox build to test: `E2E_FIREFOX_EXTENSION_DIR`, else `$OUTLET_OUT_DIR/firefox-mv3`. */
export function defaultExtensionDir() {
  return (
    process.env.E2E_FIREFOX_EXTENSION_DIR || path.join(process.env.OUTLET_OUT_DIR || '.output', 'firefox-mv3')
  );
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `accept(value)` holds; returns the value, or throws with the last one seen. */
export async function eventually(read, accept = Boolean, { timeout = 5000, what = 'a condition' } = {}) {
  const end = Date.now() + timeout;
  let value;
  let lastError;
  for (;;) {
    try {
      value = await read();
      lastError = undefined;
      if (accept(value)) return value;
    } catch (error) {
      // A page between two documents can't be evaluated for a moment; try again.
      lastError = error;
    }
    if (Date.now() > end) {
      const last = lastError ? String(lastError) : JSON.stringify(value)?.slice(0, 500);
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}; last: ${last}`);
    }
    await sleep(100);
  }
}

// A console line of Firefox's own modules: a named console ("RSLoader: …", its remote settings in a
// fresh profile) prints its name bare. A page's console.error prints its arguments as values: a
// quoted string, a number, `(new Error(…))`, `({…})`, `[…]`.
const FIREFOX_OWN = /^[A-Za-z][\w.-]*: /;

/**
 * What Firefox's output `text` (stdout and stderr together) says went wrong, as
 * `{ errors, firefox }`: `errors` are the extension's, `{ kind: 'uncaught' | 'console', source, text }`,
 * and `firefox` the lines of Firefox's own code, kept to be shown, not counted.
 * Uncaught errors and rejections name their script: they count when it is at `origin`. Console errors
 * name no page; only web and extension pages print them (`devtools.console.stdout.content`), the
 * tests open no web page, and Firefox's own named consoles are told apart by their bare name.
 * Exported so the reading of Firefox's output can be checked on its own.
 */
export function readOutput(text, origin) {
  const errors = [];
  const firefox = [];
  for (const line of text.split('\n')) {
    const uncaught = /^JavaScript error: (\S+), line \d+: (.*)$/.exec(line);
    if (uncaught) {
      if (uncaught[1].startsWith(origin))
        errors.push({ kind: 'uncaught', source: uncaught[1], text: uncaught[2] });
      else firefox.push(line);
      continue;
    }
    const logged = /^console\.error: (.*)$/.exec(line);
    if (logged) {
      if (FIREFOX_OWN.test(logged[1])) firefox.push(line);
      else errors.push({ kind: 'console', source: 'console', text: logged[1] });
    }
  }
  return { errors, firefox };
}

/** Outlet's own warnings (each starts with "Outlet:"): a save that failed, a nudge not shown. */
export function outletWarningsInOutput(text) {
  return [...text.matchAll(/^console\.warn: "?(Outlet:.*?)"?$/gm)].map((m) => m[1]);
}

/** Clicks the visible button whose text is exactly `name`, once there is one. */
export async function clickButton(page, name, { timeout = 10_000 } = {}) {
  const found = await page.waitForFunction(
    (wanted) =>
      [...document.querySelectorAll('button')].find(
        (b) => b.textContent.trim() === wanted && b.getClientRects().length > 0,
      ),
    { timeout, polling: 50 },
    name,
  );
  await found.asElement().click();
}

/**
 * Launch Firefox and install the built extension in it.
 * `prefs`: more Firefox preferences (e.g. `browser.privatebrowsing.autostart`, "never remember history").
 * `allowPrivateBrowsing`: allow the extension in private windows, as a person does when Firefox asks;
 * a test can't answer that prompt, so the permission is granted from Firefox's chrome scope (BiDi with
 * system access: ExtensionPermissions.add) and the add-on reloaded, which is when Firefox reads it.
 * The result's `relaunch()` quits this Firefox and starts it again on the same profile folder. The
 * add-on is installed as a temporary one (all BiDi can do), which Firefox removes when it quits: the
 * relaunch installs the same copy again, with the same gecko id and uuid, so its storage is the one
 * the first run left (Firefox keeps an add-on's storage.local across such a reinstall).
 * @param {{ extensionDir?: string, timeout?: number, prefs?: Record<string, unknown>, allowPrivateBrowsing?: boolean }} [options]
 */
export async function launchFirefoxExtension({
  extensionDir = defaultExtensionDir(),
  timeout = 10_000,
  prefs = {},
  allowPrivateBrowsing = false,
} = {}) {
  const builtDir = path.resolve(rootDir, extensionDir);
  const manifestFile = path.join(builtDir, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(`No Firefox build at ${builtDir} (run: npx wxt build -b firefox --mv3)`);
  }
  const geckoId = JSON.parse(readFileSync(manifestFile, 'utf8')).browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${manifestFile} has no browser_specific_settings.gecko.id`);
  const copy = copyOfBuild(builtDir, 'outlet-e2e-firefox-');
  return startFirefox(copy, { builtDir, geckoId, timeout, prefs, allowPrivateBrowsing });
}

/** Starts Firefox on the profile inside `copy.tempDir` and installs the extension in `copy.dir`. */
async function startFirefox(copy, options) {
  const { builtDir, geckoId, timeout, prefs, allowPrivateBrowsing } = options;
  const { tempDir, dir, cleanup } = copy;
  const executablePath = findFirefox();

  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      protocol: 'webDriverBiDi',
      userDataDir: path.join(tempDir, 'profile'),
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
        // Every console message of a web or extension page (the background too) on stdout.
        'devtools.console.stdout.content': true,
        ...prefs,
      },
      env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
    });
  } catch (error) {
    cleanup();
    throw new Error(`Firefox (${executablePath}) did not start: ${error.message}`);
  }

  let output = '';
  const child = browser.process();
  child?.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child?.stderr?.on('data', (chunk) => {
    output += chunk;
  });

  const origin = `moz-extension://${EXTENSION_UUID}/`;
  let installedId;
  try {
    installedId = await browser.installExtension(dir);
  } catch (error) {
    await browser.close().catch(() => {});
    cleanup();
    throw new Error(`Firefox refused to install the extension from ${builtDir}: ${error.message}`);
  }

  /**
   * Evaluates `expression` (a string; a promise is awaited) in Firefox's own chrome scope, the
   * browser window's privileged code (BiDi `moz:scope: "chrome"`, allowed by
   * MOZ_REMOTE_ALLOW_SYSTEM_ACCESS); returns the value when it is a string, number or boolean.
   */
  async function chromeEvaluate(expression) {
    const { result: tree } = await browser.connection.send('browsingContext.getTree', {
      'moz:scope': 'chrome',
    });
    const context = tree.contexts[0]?.context;
    if (!context) throw new Error('No chrome browsing context to evaluate in');
    const { result } = await browser.connection.send('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (result.type === 'exception') {
      throw new Error(`In Firefox's chrome scope: ${result.exceptionDetails?.text ?? 'an exception'}`);
    }
    return result.result?.value;
  }

  if (allowPrivateBrowsing) {
    try {
      await chromeEvaluate(`(async () => {
        const { ExtensionPermissions } = ChromeUtils.importESModule(
          'resource://gre/modules/ExtensionPermissions.sys.mjs');
        const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
        await ExtensionPermissions.add(${JSON.stringify(installedId)}, {
          permissions: ['internal:privateBrowsingAllowed'], origins: [] });
        await (await AddonManager.getAddonByID(${JSON.stringify(installedId)})).reload();
        return true;
      })()`);
    } catch (error) {
      await browser.close().catch(() => {});
      cleanup();
      throw new Error(`Couldn't allow the extension in private windows: ${error.message}`);
    }
  }

  /** The address of the document in `page` now (`page.url()` can't tell for moz-extension pages). */
  const locationOf = (page) => page.evaluate(() => location.href).catch(() => null);

  /** Waits until `page` shows `url` and has loaded. */
  async function loaded(page, url) {
    await eventually(
      () => page.evaluate(() => ({ href: location.href, state: document.readyState })),
      ({ href, state }) => href === url && state === 'complete',
      { timeout, what: `${url} to load` },
    );
    return page;
  }

  /**
   * Open moz-extension://<uuid>/<pagePath> in a new tab and wait until it has loaded. Puppeteer is
   * not told to wait for the load (it never hears of it); the page is polled instead.
   */
  async function openPage(pagePath = 'popup.html', { width = 1000, height = 800 } = {}) {
    const page = await browser.newPage();
    await page.setViewport({ width, height });
    const url = origin + pagePath.replace(/^\//, '');
    await page.goto(url, { waitUntil: [], timeout }).catch(() => {});
    return loaded(page, url);
  }

  /** The open tabs that show `pagePath` (e.g. the welcome page the extension opened itself). */
  async function pagesAt(pagePath) {
    const url = origin + pagePath.replace(/^\//, '');
    const found = [];
    for (const page of await browser.pages()) if ((await locationOf(page)) === url) found.push(page);
    return found;
  }

  // One tab, kept open on the extension's manifest.json, runs the test's own code with the
  // extension's `browser.*` APIs and IndexedDB: it loads no app code, so it logs nothing itself.
  let helper = null;
  async function helperPage() {
    if (helper && (await locationOf(helper)) === `${origin}manifest.json`) return helper;
    helper = await openPage('manifest.json');
    return helper;
  }

  /** Runs `fn(arg)` in an extension page (the helper tab): `browser.*` is the extension's. */
  async function evaluate(fn, arg) {
    return (await helperPage()).evaluate(fn, arg);
  }

  const getStorage = () => evaluate(() => browser.storage.local.get(null));
  const setStorage = (items) => evaluate((i) => browser.storage.local.set(i), items);
  const getAlarms = () => evaluate(() => browser.alarms.getAll());
  /** Writes preferences as the options page would: one storage.sync key each (`pref:<name>`). */
  const patchSettings = (patch) =>
    evaluate(
      (prefs) => browser.storage.sync.set(prefs),
      Object.fromEntries(Object.entries(patch).map(([name, value]) => [`pref:${name}`, value])),
    );

  /** The extension's errors in Firefox's output so far (see readOutput). */
  const errors = () => readOutput(output, origin).errors;
  /** Errors of Firefox's own code so far: not the extension's, shown for the record. */
  const firefoxErrors = () => readOutput(output, origin).firefox;
  const outletWarnings = () => outletWarningsInOutput(output);

  /** Save a full-page screenshot to tests/e2e/screenshots/firefox-<name>.png and return its path. */
  async function screenshot(page, name) {
    mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `firefox-${name.replace(/[^\w.-]+/g, '-')}.png`);
    // A new step fades in (assets/base.css): photograph it once it has.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished))).catch(() => {});
    await page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async function close() {
    await browser.close().catch(() => {});
    cleanup();
  }

  /** Quits this Firefox and starts it again on the same profile (see launchFirefoxExtension). */
  async function relaunch() {
    await browser.close().catch(() => {});
    return startFirefox(copy, options);
  }

  return {
    browser,
    geckoId: installedId,
    origin,
    extensionDir: dir,
    openPage,
    pagesAt,
    loaded,
    locationOf,
    evaluate,
    getStorage,
    setStorage,
    getAlarms,
    patchSettings,
    errors,
    firefoxErrors,
    outletWarnings,
    output: () => output,
    screenshot,
    chromeEvaluate,
    close,
    relaunch,
  };
}
