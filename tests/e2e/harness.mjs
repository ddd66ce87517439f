// Shared helpers for the end-to-end tests: the built extension in a real, headless Chromium.
//
// Facts this relies on (checked with playwright-core 1.65.1 and Debian's Chromium 156):
// - Requests made by the extension's service worker reach `context.on('request')` by default
//   (`request.serviceWorker()` is set); no env flag is needed in this playwright version.
// - After `Target.closeTarget` on the worker, Chromium drops its target; it comes back with the SAME
//   target id when something wakes it, and playwright keeps the SAME `Worker` handle, which then evaluates
//   in the fresh worker. Until then, evaluating on the handle hangs: always go through `worker()`.
// - A worker with no listeners is not woken by opening an extension page; a `postMessage` to the
//   registration's active worker, or `chrome.runtime.sendMessage`, wakes it.
// - The tests run a COPY of the build, so a `wxt build` running meanwhile cannot pull it from under them.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const rootDir = path.resolve(here, '../..');
export const screenshotDir = path.join(here, 'screenshots');

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Waits until no CSS animation or transition runs (endless ones, like the breath circle, excepted). */
export async function settle(page) {
  await page.evaluate(async () => {
    const running = document
      .getAnimations()
      .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY);
    await Promise.race([
      Promise.all(running.map((a) => a.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 1000)),
    ]);
  });
}

/** The browser to drive: `CHROMIUM_PATH` or Debian's Chromium. Throws a one-line hint when missing. */
export function findChromium() {
  const candidate = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  if (!existsSync(candidate)) {
    throw new Error(
      `Chromium not found at ${candidate} (set CHROMIUM_PATH, or install it: sudo apt-get install -y chromium)`,
    );
  }
  return candidate;
}

/**
 * The id Chromium gives an unpacked extension: from the manifest's `key` if any, else from its absolute
 * path (sha256, first 32 hex digits written with the letters a-p). Windows hashes the UTF-16 path.
 */
export function unpackedExtensionId(dir) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const absolute = realpathSync(dir);
  const input = manifest.key
    ? Buffer.from(manifest.key, 'base64')
    : process.platform === 'win32'
      ? Buffer.from(
          absolute.replace(/^[a-z]:/, (d) => d.toUpperCase()),
          'utf16le',
        )
      : Buffer.from(absolute, 'utf8');
  const hex = createHash('sha256').update(input).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

/**
 * Send the extension's service worker an event from one of its own pages, which makes Chromium start it.
 * manifest.json is an extension-origin document that runs none of the app's code.
 */
async function wakeFromPage(context, origin) {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}manifest.json`);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      if (registration?.active) registration.active.postMessage({ type: 'e2e-wake' });
      else await chrome.runtime.sendMessage({ type: 'e2e-wake' }).catch(() => {});
    });
  } finally {
    await page.close();
  }
}

/** Flags for the tests' Chromium; `dir` is the unpacked extension. */
export function chromiumArgs(dir) {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Hermetic: nothing but 127.0.0.1 resolves, so a stray request never reaches the internet.
    // It is still recorded, and fails the test; test servers listen on 127.0.0.1.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
  ];
}

// Temp folders (profile + copy of the build) still in use: removed at exit even if a test forgot close().
const liveTempDirs = new Set();
process.on('exit', () => {
  for (const dir of liveTempDirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A copy of the build in a temp folder of its own (`<tempDir>/extension`), so a `wxt build` running
 * meanwhile cannot pull it from under a test; `cleanup()` removes the folder (and exit does, if a test
 * forgot). Shared with the Firefox harness (tests/e2e-firefox/harness.mjs).
 */
export function copyOfBuild(builtDir, prefix) {
  const tempDir = mkdtempSync(path.join(tmpdir(), prefix));
  const dir = path.join(tempDir, 'extension');
  cpSync(builtDir, dir, { recursive: true });
  liveTempDirs.add(tempDir);
  const cleanup = () => {
    rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
    liveTempDirs.delete(tempDir);
  };
  return { tempDir, dir, cleanup };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(what, check, { timeout = 5000, interval = 50 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await sleep(interval);
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The Chrome build the tests run: `E2E_EXTENSION_DIR`, else `chrome-mv3` in `OUTLET_OUT_DIR` (as the
 * build itself reads it: else a build made there would be missed, and an older one in .output/
 * tested instead), else `.output/chrome-mv3`.
 */
export function builtExtensionDir() {
  return path.resolve(
    rootDir,
    process.env.E2E_EXTENSION_DIR || path.join(process.env.OUTLET_OUT_DIR || '.output', 'chrome-mv3'),
  );
}

/**
 * Launch Chromium with the built extension loaded and its service worker running.
 * `env`: extra environment for Chromium (e.g. `{ TZ: 'Pacific/Kiritimati' }`: it follows `TZ` at launch).
 * The result's `relaunch({ env })` closes this Chromium and starts another on the same profile folder
 * and the same copy of the build (so the same extension id, storage and IndexedDB): a person who
 * quits the browser and opens it again, maybe somewhere else.
 * `sound: true`: tabs can play and be heard (see startChromium).
 * @param {{ extensionDir?: string, timeout?: number, env?: Record<string, string>, sound?: boolean }} [options]
 */
export async function launchExtension({
  extensionDir = builtExtensionDir(),
  timeout = 10_000,
  env,
  sound,
} = {}) {
  const builtDir = path.resolve(rootDir, extensionDir);
  if (!existsSync(path.join(builtDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${builtDir} (run: npx wxt build)`);
  }
  const copy = copyOfBuild(builtDir, 'outlet-e2e-');
  return startChromium(copy, { timeout, env, sound });
}

/** Starts Chromium on the profile inside `copy.tempDir` with the extension in `copy.dir`. */
async function startChromium(copy, { timeout = 10_000, env, sound = false } = {}) {
  const executablePath = findChromium();
  const { tempDir, dir, cleanup } = copy;
  const profileDir = path.join(tempDir, 'profile');

  const expectedId = unpackedExtensionId(dir);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: sound ? [...chromiumArgs(dir), '--autoplay-policy=no-user-gesture-required'] : chromiumArgs(dir),
    // playwright mutes all audio by default, and then no tab is ever `audible` (TOOLCHAIN.md).
    ...(sound ? { ignoreDefaultArgs: ['--mute-audio'] } : {}),
    ...(env ? { env: { ...process.env, ...env } } : {}),
  });

  /** @type {{ url: string, method: string, resourceType: string, fromServiceWorker: boolean, source: string }[]} */
  const networkLog = [];
  /** Uncaught errors of pages, console errors of pages and the worker: `{ kind, source, text }`. */
  const errors = [];

  context.on('request', (request) => {
    let source = 'other';
    const sw = request.serviceWorker();
    if (sw) source = sw.url();
    else {
      try {
        source = request.frame().url() || 'page';
      } catch {
        // requests without a frame (e.g. from a dedicated worker)
      }
    }
    networkLog.push({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      fromServiceWorker: Boolean(sw),
      source,
    });
  });
  const watchPage = (page) => {
    page.on('websocket', (ws) =>
      networkLog.push({
        url: ws.url(),
        method: 'GET',
        resourceType: 'websocket',
        fromServiceWorker: false,
        source: page.url(),
      }),
    );
    page.on('pageerror', (error) =>
      errors.push({ kind: 'uncaught', source: page.url(), text: String(error) }),
    );
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push({ kind: 'console', source: page.url(), text: msg.text() });
    });
  };
  context.on('page', watchPage);
  for (const page of context.pages()) watchPage(page);

  const watchedWorkers = new WeakSet();
  const watchWorker = (w) => {
    if (watchedWorkers.has(w)) return;
    watchedWorkers.add(w);
    w.on('console', (msg) => {
      if (msg.type() === 'error') errors.push({ kind: 'console', source: w.url(), text: msg.text() });
    });
  };

  // Only this extension is loaded; `expectedId` is only needed to wake a worker that did not start.
  const isExtensionWorker = (w) => w.url().startsWith('chrome-extension://');
  let firstWorker = context.serviceWorkers().find(isExtensionWorker);
  if (!firstWorker) {
    try {
      firstWorker = await context
        .waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: Math.min(3000, timeout) })
        .catch(async () => {
          // Rarely the worker is registered but not started: wake it from one of its pages.
          await wakeFromPage(context, `chrome-extension://${expectedId}/`);
          return (
            context.serviceWorkers().find(isExtensionWorker) ??
            (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout }))
          );
        });
    } catch (error) {
      await context.close().catch(() => {});
      cleanup();
      throw new Error(`The extension's service worker did not start within ${timeout} ms: ${error.message}`);
    }
  }
  watchWorker(firstWorker);
  const extensionId = new URL(firstWorker.url()).host;
  const origin = `chrome-extension://${extensionId}/`;

  const browser = context.browser();
  const cdp = await browser.newBrowserCDPSession();

  async function workerTargets() {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(origin));
  }

  /** True when Chromium currently runs the extension's service worker. */
  async function isWorkerRunning() {
    return (await workerTargets()).length > 0;
  }

  function currentHandle() {
    return context.serviceWorkers().find((w) => w.url().startsWith(origin));
  }

  /** Wake a stopped worker the way the browser would: an event sent to it from an extension page. */
  async function wakeWorker() {
    await wakeFromPage(context, origin);
    await waitUntil('the service worker to restart', isWorkerRunning, { timeout });
  }

  /** The extension's service worker, restarted first if it was stopped. */
  async function worker() {
    if (!(await isWorkerRunning())) await wakeWorker();
    const handle =
      currentHandle() ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith(origin),
        timeout,
      }));
    watchWorker(handle);
    // The handle may lag behind a restart for a moment: wait until it really evaluates.
    await withTimeout(
      handle.evaluate(() => true),
      timeout,
      'evaluate in the service worker',
    );
    return handle;
  }

  /** Stop the service worker, as Chromium does when it is idle; resolves once it is really gone. */
  async function killWorker() {
    if ((await workerTargets()).length === 0) return false;
    const end = Date.now() + timeout;
    // Chromium ignores a close that comes while the worker is still starting (e.g. right after
    // install): close again until the target is really gone.
    for (;;) {
      for (const target of await workerTargets()) {
        await cdp.send('Target.closeTarget', { targetId: target.targetId }).catch(() => {});
      }
      try {
        await waitUntil('the service worker to stop', async () => !(await isWorkerRunning()), {
          timeout: 500,
        });
        return true;
      } catch (error) {
        if (Date.now() > end) throw error;
      }
    }
  }

  /** Open `chrome-extension://<id>/<pagePath>` in a new tab and wait for its load event. */
  async function openPage(pagePath = 'popup.html') {
    const page = await context.newPage();
    await page.goto(origin + pagePath.replace(/^\//, ''));
    return page;
  }

  async function evaluateInWorker(fn, arg) {
    const w = await worker();
    return w.evaluate(fn, arg);
  }

  // storage.local as it is, plus a read-only `settings` view put together from the preferences in
  // storage.sync (`pref:<name>`) and the people in storage.local (`person:<id>`), the way the app
  // reads them, so a test can compare settings before and after. Only the keys that are stored.
  const getStorage = () =>
    evaluateInWorker(async () => {
      const [local, sync] = await Promise.all([
        chrome.storage.local.get(null),
        chrome.storage.sync.get(null),
      ]);
      const settings = {};
      for (const [key, value] of Object.entries(sync))
        if (key.startsWith('pref:')) settings[key.slice(5)] = value;
      settings.trustedPeople = Object.entries(local)
        .filter(([key]) => key.startsWith('person:'))
        .sort(([, a], [, b]) => (a.addedAt ?? 0) - (b.addedAt ?? 0))
        .map(([, { addedAt: _, ...person }]) => person);
      return { ...local, settings };
    });
  const setStorage = (items) => evaluateInWorker((i) => chrome.storage.local.set(i), items);
  const clearStorage = () => evaluateInWorker(() => chrome.storage.local.clear());
  const getAlarms = () => evaluateInWorker(() => chrome.alarms.getAll());
  const getNotifications = () => evaluateInWorker(() => chrome.notifications.getAll());

  /**
   * Fire alarm `name` in `inMs` and wait until Chromium has dispatched it (the alarm is gone, or
   * the app rescheduled it), plus `settleMs` for the app's handler.
   * With `asleep: true` the worker is killed right after the alarm is set, and the call checks that
   * the alarm itself starts it again (nothing else wakes it before): the path of a real idle worker.
   */
  async function fireAlarm(name, inMs = 300, { settleMs = 500, asleep = false } = {}) {
    const delay = asleep ? Math.max(inMs, 2000) : inMs;
    const { when } = await evaluateInWorker(
      async ({ alarmName, ms }) => {
        const at = Date.now() + ms;
        await chrome.alarms.create(alarmName, { when: at });
        return { when: (await chrome.alarms.get(alarmName))?.scheduledTime ?? at };
      },
      { alarmName: name, ms: delay },
    );
    if (asleep) {
      await killWorker();
      if (Date.now() >= when) throw new Error(`The worker took too long to stop: raise inMs above ${delay}`);
      await waitUntil(`alarm "${name}" to wake the service worker`, isWorkerRunning, {
        timeout: when - Date.now() + timeout,
      });
    }
    await waitUntil(
      `alarm "${name}" to fire`,
      async () => {
        const alarm = await evaluateInWorker((n) => chrome.alarms.get(n), name);
        return !alarm || alarm.scheduledTime !== when;
      },
      { timeout: delay + timeout },
    );
    // The app's handler runs after the alarm is gone and nothing marks its end: a caller that checks
    // an effect waits for it (eventually); this is for those that check that something did not happen.
    await sleep(settleMs);
  }

  /**
   * Save a full-page screenshot to tests/e2e/screenshots/<name>.png and return its path, once the
   * page's fade-ins are over (a step appears with a short animation: caught mid-way, it looks washed out).
   */
  async function screenshot(page, name) {
    mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    return file;
  }

  /** Requests that left the extension: anything but chrome-extension://<id>/, data: and blob:. */
  function externalRequests() {
    return networkLog.filter(
      ({ url }) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
    );
  }

  async function close() {
    await context.close().catch(() => {});
    cleanup();
  }

  /** Quits this Chromium and starts another on the same profile and extension (see launchExtension). */
  async function relaunch(options = {}) {
    await context.close().catch(() => {});
    return startChromium(copy, { timeout, ...options });
  }

  return {
    context,
    extensionId,
    extensionDir: dir,
    origin,
    worker,
    isWorkerRunning,
    killWorker,
    openPage,
    networkLog,
    externalRequests,
    errors,
    screenshot,
    getStorage,
    setStorage,
    clearStorage,
    getAlarms,
    getNotifications,
    fireAlarm,
    close,
    relaunch,
  };
}
