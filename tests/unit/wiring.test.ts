// Page wiring lives in entrypoints/ only (issue 16, item 10): a component is given what it shows and
// what it may do (props in, callbacks out; its words through components/shared/words.ts), so it never
// reaches the browser through platform/ itself, nor leans on its types (the shapes handed over live
// in core/). This reads the sources and names every file under SCANNED that imports from platform/.
// Biome says the same at \`npm run check\` (biome.json); this also catches import() and re-exports.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const PLATFORM = join(ROOT, 'platform');

/** The folders held to it. components/checkin joins once its wiring has moved too: then this is ['components']. */
const SCANNED = ['components/history', 'components/settings', 'components/pages', 'components/shared'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(name) ? [path] : [];
  });
}

/** Every module `source` names: imports (types too), re-exports, and import(). */
function imports(source: string): string[] {
  const found: string[] = [];
  const statement = /(?:^|[;\n])\s*(?:import|export)\s+([^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(statement)) {
    if (match[2]) found.push(match[2]);
  }
  for (const match of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    if (match[1]) found.push(match[1]);
  }
  return found;
}

function platformImports(file: string): string[] {
  return imports(readFileSync(file, 'utf8')).filter((specifier) => {
    if (!specifier.startsWith('.')) return false;
    const target = resolve(dirname(file), specifier);
    return target === PLATFORM || target.startsWith(`${PLATFORM}/`);
  });
}

describe('page wiring only in entrypoints/', () => {
  it('reads every import: values, types, re-exports, side effects and import()', () => {
    const source = [
      "import { i18n } from '../../platform/i18n';",
      "import type { Page } from '../../platform/history/backend';",
      "import {\n  a,\n  type B,\n} from '../../platform/storage';",
      "export { c } from '../../platform/pages';",
      "import '../../platform/side-effect';",
      "const later = () => import('../../platform/shortcut');",
      '// (platform/i18n.ts) said in a comment is no import',
    ].join('\n');
    expect(imports(source)).toEqual([
      '../../platform/i18n',
      '../../platform/history/backend',
      '../../platform/storage',
      '../../platform/pages',
      '../../platform/side-effect',
      '../../platform/shortcut',
    ]);
  });

  it.each(SCANNED)('%s imports nothing from platform/', (folder) => {
    const files = sources(join(ROOT, folder));
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.flatMap((file) =>
      platformImports(file).map((specifier) => `${relative(ROOT, file)}: ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });
});
