// The browser the end-to-end tests drive, installed when it is missing, the way CI always did:
// Debian's Chromium from apt (`apt-get update` + `apt-get install -y chromium`, through sudo when
// not root). Never a browser downloaded by playwright: the tests are meant for the one a person has.
import { DEFAULT_CHROMIUM } from '../tests/e2e/harness.mjs';
import { ensureAptBrowser } from './apt-browser.mjs';

/**
 * Resolves to the Chromium to use, installing Debian's when there is none. `CHROMIUM_PATH`, when set,
 * is used as it is (a missing one is an error, never replaced). Throws a one-line reason when
 * Chromium is missing and can't be installed here (not Linux, no apt-get, no root and no sudo, or
 * the install failed).
 */
export function ensureChromium({ path = process.env.CHROMIUM_PATH, target = DEFAULT_CHROMIUM } = {}) {
  return ensureAptBrowser({
    name: 'Chromium',
    envVar: 'CHROMIUM_PATH',
    path,
    target,
    aptPackage: 'chromium',
    // Japanese has no glyphs in Debian's default fonts: without these its screenshots show boxes.
    alsoPackages: ['fonts-ipafont-gothic'],
    seconds: 30,
  });
}
