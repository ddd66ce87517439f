// The browser the end-to-end tests drive, installed when it is missing, the way CI always did:
// Debian's Chromium from apt (`apt-get update` + `apt-get install -y chromium`, through sudo when
// not root). Never a browser downloaded by playwright: the tests are meant for the one a person has.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEFAULT_CHROMIUM } from '../tests/e2e/harness.mjs';

const onPath = (command) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/**
 * Resolves to the Chromium to use, installing Debian's when there is none. `CHROMIUM_PATH`, when set,
 * is used as it is (a missing one is an error, never replaced). Throws a one-line reason when
 * Chromium is missing and can't be installed here (not Linux, no apt-get, no root and no sudo, or
 * the install failed).
 */
export function ensureChromium({ path = process.env.CHROMIUM_PATH, target = DEFAULT_CHROMIUM } = {}) {
  if (path) {
    if (existsSync(path)) return path;
    throw new Error(`Chromium not found at CHROMIUM_PATH=${path}`);
  }
  if (existsSync(target)) return target;

  const manual = 'install Chromium (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH';
  if (process.platform !== 'linux' || !onPath('apt-get')) {
    throw new Error(`Chromium not found at ${target}, and this system has no apt-get: ${manual}`);
  }
  const root = process.getuid?.() === 0;
  if (!root && !onPath('sudo')) {
    throw new Error(`Chromium not found at ${target}, and installing it needs root or sudo: ${manual}`);
  }
  const as = (args) => (root ? args : ['sudo', ...args]);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  console.log(`Chromium not found at ${target}: installing Debian's (apt-get, ~30 s)…`);
  for (const args of [
    as(['apt-get', 'update', '-qq']),
    as(['apt-get', 'install', '-y', '-qq', 'chromium']),
  ]) {
    const [command, ...rest] = args;
    const result = spawnSync(command, rest, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (result.status !== 0) {
      throw new Error(`${args.join(' ')} failed (exit ${result.status ?? result.signal}): ${manual}`);
    }
  }
  if (!existsSync(target)) throw new Error(`apt-get installed chromium, but ${target} is still missing`);
  console.log(`Installed ${target}.`);
  return target;
}
