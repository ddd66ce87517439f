// A browser the end-to-end tests drive, installed from Debian's archive when it is missing
// (`apt-get update` + `apt-get install -y <package>`, through sudo when not root). Shared by
// scripts/chromium.mjs and scripts/firefox.mjs. Never a browser downloaded by a test library: the
// tests are meant for the one a person has.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const onPath = (command) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/**
 * Resolves to the browser's executable, installing Debian's package when there is none. `path`
 * (from the browser's env variable), when set, is used as it is: a missing one is an error, never
 * replaced. Throws a one-line reason when the browser is missing and can't be installed here (not
 * Linux, no apt-get, no root and no sudo, or the install failed).
 * `alsoPackages` come with it (fonts the screenshots need).
 * @param {{ name: string, envVar: string, path?: string, target: string, aptPackage: string, alsoPackages?: string[], seconds: number }} browser
 */
export function ensureAptBrowser({ name, envVar, path, target, aptPackage, alsoPackages = [], seconds }) {
  if (path) {
    if (existsSync(path)) return path;
    throw new Error(`${name} not found at ${envVar}=${path}`);
  }
  if (existsSync(target)) return target;

  const manual = `install ${name} (Debian/Ubuntu: sudo apt-get install -y ${aptPackage}) or set ${envVar}`;
  if (process.platform !== 'linux' || !onPath('apt-get')) {
    throw new Error(`${name} not found at ${target}, and this system has no apt-get: ${manual}`);
  }
  const root = process.getuid?.() === 0;
  if (!root && !onPath('sudo')) {
    throw new Error(`${name} not found at ${target}, and installing it needs root or sudo: ${manual}`);
  }
  const as = (args) => (root ? args : ['sudo', ...args]);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  console.log(`${name} not found at ${target}: installing Debian's (apt-get, ~${seconds} s)…`);
  for (const args of [
    as(['apt-get', 'update', '-qq']),
    as(['apt-get', 'install', '-y', '-qq', aptPackage, ...alsoPackages]),
  ]) {
    const [command, ...rest] = args;
    const result = spawnSync(command, rest, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (result.status !== 0) {
      throw new Error(`${args.join(' ')} failed (exit ${result.status ?? result.signal}): ${manual}`);
    }
  }
  if (!existsSync(target)) throw new Error(`apt-get installed ${aptPackage}, but ${target} is still missing`);
  console.log(`Installed ${target}.`);
  return target;
}
