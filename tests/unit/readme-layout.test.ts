// The README's layout ("How it is built") is how a newcomer finds their way: it must name every
// folder the project holds, each under its parent, so none is left to guess.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

/** The layout's text for each top-level folder it names: its own lines and those indented under it. */
function layout(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const from = readme.indexOf('```\n', readme.indexOf('## How it is built'));
  const block = readme.slice(from + 4, readme.indexOf('```', from + 4));
  const entries = new Map<string, string>();
  let top = '';
  for (const line of block.split('\n')) {
    const name = /^([.\w-]+)\//.exec(line)?.[1];
    if (name) top = name;
    if (top) entries.set(top, `${entries.get(top) ?? ''}\n${line}`);
  }
  return entries;
}

/** Every folder holding a file git keeps (fixtures' own contents aside). */
function folders(): string[] {
  const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
  const all = new Set<string>();
  for (const file of files) {
    for (let dir = dirname(file); dir !== '.' && dir !== ''; dir = dirname(dir)) all.add(dir);
  }
  return [...all].sort();
}

describe("the README's layout", () => {
  it('names every folder, under its top-level folder', () => {
    const entries = layout();
    const found = folders();
    expect(found).toContain('platform/history');
    const missing = found.filter((folder) => {
      const [top, ...rest] = folder.split('/');
      const text = entries.get(top as string);
      if (text === undefined) return true;
      return rest.length > 0 && !text.includes(`${rest[rest.length - 1]}/`);
    });
    expect(missing).toEqual([]);
  });

  it('names nothing that is not there', () => {
    const found = new Set(folders().map((folder) => folder.split('/')[0]));
    expect([...layout().keys()].filter((top) => !found.has(top))).toEqual([]);
  });
});
