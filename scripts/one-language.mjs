// `node scripts/one-language.mjs <locale>`: a copy of the built extension that speaks one language
// only, to load unpacked and see that language. Chrome picks an extension's language from its own
// UI language, and Debian's Chromium ships en-US only (--lang can't change it): a copy whose
// _locales holds that one language, named as the manifest's default_locale, shows it anywhere.
// The e2e test (tests/e2e/languages.test.mjs) makes its copies the same way.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The languages a build holds (its _locales folders: en, pt_BR…). */
export function builtLocales(builtDir) {
  const folders = path.join(builtDir, '_locales');
  return existsSync(folders) ? readdirSync(folders).sort() : [];
}

/** Copies the build in `builtDir` to `into` with `locale` as its only language; returns `into`. */
export function oneLanguageCopy(builtDir, locale, into) {
  const have = builtLocales(builtDir);
  if (!existsSync(path.join(builtDir, 'manifest.json')))
    throw new Error(`No built extension at ${builtDir} (run: npx wxt build)`);
  if (!have.includes(locale))
    throw new Error(
      `The build at ${builtDir} has no "${locale}": it has ${have.join(', ') || 'no languages'}. ` +
        `A language is locales/<locale>.yml (pt_BR, not pt-BR), built with npx wxt build.`,
    );
  rmSync(into, { recursive: true, force: true });
  cpSync(builtDir, into, { recursive: true });
  for (const folder of have)
    if (folder !== locale) rmSync(path.join(into, '_locales', folder), { recursive: true });
  const manifestFile = path.join(into, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  writeFileSync(manifestFile, JSON.stringify({ ...manifest, default_locale: locale }));
  return into;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const builtDir = path.resolve(root, process.env.OUTLET_OUT_DIR || '.output', 'chrome-mv3');
  const locale = process.argv[2];
  if (!locale) {
    console.error(
      `Usage: node scripts/one-language.mjs <locale>   (built: ${builtLocales(builtDir).join(', ') || 'nothing yet'})`,
    );
    process.exit(2);
  }
  try {
    const dir = oneLanguageCopy(builtDir, locale, `${builtDir}-${locale}`);
    console.log(`Outlet in "${locale}" only: load ${path.relative(process.cwd(), dir) || dir} unpacked.`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
