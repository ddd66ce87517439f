// `npm start`: build the Chrome extension, then open it in a real browser when there is a screen,
// or say how to load it by hand when there is none.
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unpackedExtensionId } from '../tests/e2e/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(root, process.env.OUTLET_OUT_DIR || '.output');
const extensionDir = path.join(outDir, 'chrome-mv3');

const build = await new Promise((resolve) => {
  const child = spawn(path.join(root, 'node_modules', '.bin', 'wxt'), ['build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  child.on('error', () => resolve(1));
  child.on('exit', (code) => resolve(code ?? 1));
});
if (build !== 0) process.exit(build);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const isThere = (file) => {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
};

const hasDisplay =
  process.platform === 'darwin' ||
  process.platform === 'win32' ||
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function findBrowser() {
  const env = process.env.CHROMIUM_PATH || process.env.CHROME_PATH;
  const candidates = {
    darwin: [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ],
    win32: [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA]
      .filter(Boolean)
      .flatMap((base) => [
        path.join(base, 'Chromium', 'Application', 'chrome.exe'),
        path.join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      ]),
  }[process.platform] ?? [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ];
  return [env, ...candidates].find((candidate) => candidate && existsSync(candidate));
}

function printManualSteps(reason) {
  console.log(`\n${reason}`);
  console.log(`Built extension: ${extensionDir}`);
  console.log('Load it: chrome://extensions → Developer mode → Load unpacked → pick that folder.');
  console.log(
    'Firefox: npm run build:firefox, then about:debugging → This Firefox → Load Temporary Add-on → ' +
      `${path.join(outDir, 'firefox-mv3', 'manifest.json')}`,
  );
}

const browser = hasDisplay ? findBrowser() : undefined;
if (!hasDisplay) {
  printManualSteps('No display here, so no browser is opened.');
} else if (!browser) {
  printManualSteps('No Chromium or Chrome found (set CHROMIUM_PATH to use another one).');
} else {
  const profile = mkdtempSync(path.join(tmpdir(), 'outlet-start-'));
  const popup = `chrome-extension://${unpackedExtensionId(extensionDir)}/popup.html`;
  const common = [
    `--user-data-dir=${profile}`,
    // Chromium refuses to run as root with its sandbox on (containers, some CI boxes).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
  const launch = (args) => {
    const child = spawn(browser, [...common, ...args], { detached: true, stdio: 'ignore' });
    child.on('error', (error) => printManualSteps(`Could not start ${browser}: ${error.message}`));
    child.unref();
  };
  launch([
    '--no-first-run',
    '--no-default-browser-check',
    `--load-extension=${extensionDir}`,
    // Branded Google Chrome 137+ ignores --load-extension unless this feature is switched off.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
  ]);
  // A URL given at launch is opened before the extension is registered and gets blocked
  // (ERR_BLOCKED_BY_CLIENT). So once the browser is up, ask the running browser to open the popup:
  // a second invocation with the same profile hands its URL over to the first one.
  const singleton = path.join(profile, 'SingletonSocket');
  const deadline = Date.now() + 15_000;
  while (process.platform !== 'win32' && !isThere(singleton) && Date.now() < deadline) await sleep(100);
  await sleep(1500);
  launch([popup]);
  console.log(`\nOpened ${browser} with a fresh profile (${profile}) at ${popup}`);
  console.log('If the extension is missing there, load it by hand: chrome://extensions → Developer mode →');
  console.log(`Load unpacked → ${extensionDir}`);
}
