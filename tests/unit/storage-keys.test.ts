// Every key Outlet stores under is named in one module, platform/storage-keys.ts: a person (or the
// next engineer) finds the whole stored layout there, and two files can't spell one key two ways.
// This reads the sources as text: a key written as a string anywhere else fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as KEYS from '../../platform/storage-keys';

const ROOT = join(__dirname, '../..');
const HOME = 'platform/storage-keys.ts';

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The code without its comments (which may well name a key, to explain it). */
function code(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/.*$/gm, '$1');
}

const FILES = ['core', 'platform', 'components', 'entrypoints', 'build']
  .flatMap(sources)
  .filter((path) => path !== HOME);

const stringValues = Object.values(KEYS).filter((value) => typeof value === 'string');
// Keys with a mark of their own (`pref:`, `settings$moved`…) can be looked for anywhere; plain words
// (`context`, `timer`) mean other things in code too, so for them only the storage calls are read.
const MARKED = stringValues.filter((key) => /[:$]/.test(key));

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('stored keys', () => {
  it('are each named once, in platform/storage-keys.ts', () => {
    expect(MARKED.length).toBeGreaterThan(10);
    expect(new Set(stringValues).size).toBe(stringValues.length);
    const found: string[] = [];
    for (const path of FILES) {
      const text = code(path);
      for (const key of MARKED) {
        if (new RegExp(`(?:['"]|\`(?!\\$\\{))${literally(key)}`).test(text))
          found.push(`${relative(ROOT, join(ROOT, path))}: ${key}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('are never written as a string where storage is read or written', () => {
    const call = [
      // browser.storage.local.get('x'), .set({ x: … }), .remove(['x', …])
      /storage\.(?:local|sync|session)\.(?:get|set|remove)\(\s*(?:\[\s*)?(?:\{\s*)?(?:['"]|`(?!\$\{))/,
      // defineItem<…>('x', …)
      /defineItem(?:<[^>]*>)?\(\s*(?:['"]|`(?!\$\{))/,
      // localStorage.getItem('x')
      /localStorage\.(?:getItem|setItem|removeItem)\(\s*(?:['"]|`(?!\$\{))/,
    ];
    const found = FILES.flatMap((path) => {
      const text = code(path);
      return call.filter((pattern) => pattern.test(text)).map((pattern) => `${path}: ${pattern.source}`);
    });
    expect(found).toEqual([]);
  });

  it('looks where the keys are used', () => {
    // The check above would pass on no files at all.
    expect(FILES).toContain('platform/settings.ts');
    expect(FILES).toContain('platform/history/local.ts');
    expect(FILES).toContain('platform/first-pick-cache.ts');
  });
});
