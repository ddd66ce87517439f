// The Firefox the Firefox end-to-end tests drive (tests/e2e-firefox/), installed when it is missing
// the way scripts/chromium.mjs installs Chromium: Debian's Firefox ESR from apt.
import { DEFAULT_FIREFOX } from '../tests/e2e-firefox/harness.mjs';
import { ensureAptBrowser } from './apt-browser.mjs';

/**
 * Resolves to the Firefox to use, installing Debian's Firefox ESR when there is none. `FIREFOX_PATH`,
 * when set, is used as it is (a missing one is an error, never replaced). Throws a one-line reason
 * when Firefox is missing and can't be installed here.
 */
export function ensureFirefox({ path = process.env.FIREFOX_PATH, target = DEFAULT_FIREFOX } = {}) {
  return ensureAptBrowser({
    name: 'Firefox ESR',
    envVar: 'FIREFOX_PATH',
    path,
    target,
    aptPackage: 'firefox-esr',
    seconds: 40,
  });
}
