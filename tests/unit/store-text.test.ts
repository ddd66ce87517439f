// The stores' text: one file per language, store/description.<locale>.md, for every locales/<locale>.yml.
// Each names the extension and gives the short description exactly as that language's manifest does
// (the stores show both side by side), within the Chrome Web Store's 132 characters.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseYAML } from 'confbox';
import { describe, expect, it } from 'vitest';

const locales = readdirSync('locales')
  .filter((file) => file.endsWith('.yml'))
  .map((file) => file.slice(0, -'.yml'.length))
  .sort();

/** The file's `# title` and its `## sections`, each section's text trimmed. */
function sections(markdown: string) {
  const title = /^# (.+)$/m.exec(markdown)?.[1]?.trim() ?? '';
  const parts = new Map<string, string>();
  for (const [, heading, body] of markdown.matchAll(/^## (.+)\n([\s\S]*?)(?=^## |(?![\s\S]))/gm))
    parts.set((heading ?? '').trim(), (body ?? '').trim());
  return { title, parts };
}

const SECTIONS = ['Short description', 'Description', "What's stored", 'Screenshot captions'];

describe('store descriptions', () => {
  it('there is one for every language in locales/', () => {
    expect(locales).toContain('en');
    const missing = locales.filter((locale) => !existsSync(`store/description.${locale}.md`));
    expect(missing, `no store/description.<locale>.md for: ${missing.join(', ')}`).toEqual([]);
  });

  it('and none for a language Outlet does not have', () => {
    const extra = readdirSync('store')
      .map((file) => /^description\.(.+)\.md$/.exec(file)?.[1])
      .filter((locale): locale is string => locale !== undefined && !locales.includes(locale));
    expect(extra, `store texts without a locales/<locale>.yml: ${extra.join(', ')}`).toEqual([]);
  });

  describe.each(locales.filter((locale) => existsSync(`store/description.${locale}.md`)))('%s', (locale) => {
    const messages = parseYAML(readFileSync(`locales/${locale}.yml`, 'utf8')) as Record<string, unknown>;
    const { title, parts } = sections(readFileSync(`store/description.${locale}.md`, 'utf8'));

    it('has every section, none empty', () => {
      expect([...parts.keys()]).toEqual(SECTIONS);
      for (const name of SECTIONS) expect(parts.get(name), name).not.toBe('');
    });

    it("names the extension as the manifest does, with the manifest's short description", () => {
      expect(title).toBe(messages.extName);
      expect(parts.get('Short description')).toBe(messages.extDescription);
    });

    it('keeps the short description within 132 characters, on one line', () => {
      const short = parts.get('Short description') ?? '';
      expect([...short].length).toBeLessThanOrEqual(132);
      expect(short).not.toContain('\n');
    });

    it('points to PRIVACY.md for what is stored', () => {
      expect(parts.get("What's stored")).toContain('PRIVACY.md');
    });

    it('has a caption for each store screenshot of the check-in', () => {
      const captions = new Map<string, string>();
      for (const [, id, text] of (parts.get('Screenshot captions') ?? '').matchAll(/^- (\w+): (.+)$/gm))
        captions.set(id ?? '', text ?? '');
      expect([...captions.keys()].sort()).toEqual(['feelings', 'outlet']);
      for (const text of captions.values()) expect([...text].length).toBeLessThanOrEqual(90);
    });
  });
});
