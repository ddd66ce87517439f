// The stylesheets, read as text: the colours of assets/base.css in both schemes checked against
// WCAG's contrast minimums, text sizes that follow the browser's text size, and logical properties
// only (so a right-to-left language mirrors the layout).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ASSETS = 'assets';
const sheets = readdirSync(ASSETS)
  .filter((file) => file.endsWith('.css'))
  .map((file) => ({ file, css: stripComments(readFileSync(path.join(ASSETS, file), 'utf8')) }));
const base = sheets.find((s) => s.file === 'base.css')?.css ?? '';

function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}

/** The custom properties declared in one block's body: `--name: value;`. */
function customProperties(body: string): Record<string, string> {
  return Object.fromEntries(
    [...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map(([, n, v]) => [n, v?.trim()]),
  );
}

/** The two palettes of base.css: its top-level `:root`, and `:root` inside the dark media query. */
function palettes(css: string): { light: Record<string, string>; dark: Record<string, string> } {
  const light = /^:root\s*\{([^}]*)\}/m.exec(css)?.[1];
  const dark = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css)?.[1];
  if (light === undefined || dark === undefined)
    throw new Error(
      'base.css needs a top-level :root block and one inside @media (prefers-color-scheme: dark)',
    );
  const lightVars = customProperties(light);
  return { light: lightVars, dark: { ...lightVars, ...customProperties(dark) } };
}

/** `#rgb` or `#rrggbb` as [r, g, b] in 0–255; anything else is refused by name. */
function parseHex(value: string, name = 'colour'): [number, number, number] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim())?.[1];
  if (!hex)
    throw new Error(`${name}: "${value}" is not a colour this check reads (write it as #rgb or #rrggbb)`);
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2 contrast ratio of two colours, from 1 to 21. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(parseHex(a)), luminance(parseHex(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('contrast()', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#fff', '#ffffff', 1],
    ['#767676', '#ffffff', 4.54],
    ['#c77d1a', '#e3f0ec', 2.81],
  ])('%s on %s is %s:1', (a, b, ratio) => {
    expect(contrast(a, b)).toBeCloseTo(ratio, 2);
  });

  it('refuses a colour it cannot read, saying which and how to write it', () => {
    expect(() => parseHex('rgb(0 0 0)', '--focus')).toThrow(
      '--focus: "rgb(0 0 0)" is not a colour this check reads (write it as #rgb or #rrggbb)',
    );
  });
});

// Every background a focus ring, a field or a chip can sit on: the page, cards and menus, and the
// tinted boxes (feelings, "did it help?", notices).
const BACKGROUNDS = ['--bg', '--surface', '--accent-soft', '--warm', '--cool', '--grey'];

// [what, foreground, background, minimum]. 3:1 for what identifies a control (WCAG 1.4.11), 4.5:1
// for text (1.4.3).
const PAIRS: [string, string, string, number][] = [
  ...BACKGROUNDS.map((bg): [string, string, string, number] => ['focus ring', '--focus', bg, 3]),
  ['field and chip border', '--field-line', '--bg', 3],
  ['field and chip border', '--field-line', '--surface', 3],
  ...BACKGROUNDS.map((bg): [string, string, string, number] => ['text', '--text', bg, 4.5]),
  ['quieter text', '--muted', '--bg', 4.5],
  ['quieter text', '--muted', '--surface', 4.5],
  ['links', '--accent', '--bg', 4.5],
  ['links', '--accent', '--surface', 4.5],
  ['links in a tinted box ("Rather not say")', '--accent', '--accent-soft', 4.5],
  ['a primary button', '--accent-text', '--accent', 4.5],
  ['an error', '--error', '--bg', 4.5],
  ['an error', '--error', '--surface', 4.5],
];

describe('the colours of assets/base.css', () => {
  const { light, dark } = palettes(base);
  const rows = (['light', 'dark'] as const).flatMap((scheme) =>
    PAIRS.map(([what, fg, bg, min]) => ({
      scheme,
      what,
      fg,
      bg,
      min,
      colours: scheme === 'light' ? light : dark,
    })),
  );

  it.each(rows)('$scheme: $what ($fg on $bg) is at least $min:1', ({ fg, bg, min, colours }) => {
    const [a, b] = [colours[fg], colours[bg]];
    if (a === undefined || b === undefined)
      throw new Error(`base.css does not define ${a === undefined ? fg : bg}`);
    parseHex(a, fg);
    parseHex(b, bg);
    const ratio = contrast(a, b);
    expect(Number(ratio.toFixed(2)), `${fg} ${a} on ${bg} ${b}`).toBeGreaterThanOrEqual(min);
  });
});

/** Each rule of a stylesheet as [selector, declarations], nested at-rules flattened. */
function rules(css: string): [string, string][] {
  return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(([, selector, body]) => [
    (selector ?? '').trim(),
    body ?? '',
  ]);
}

describe('the stylesheets use the colours checked above', () => {
  const all = sheets.flatMap(({ file, css }) =>
    rules(css).map(([selector, body]) => ({ file, selector, body })),
  );

  it('every focus ring is drawn in --focus', () => {
    const focus = all.filter(({ selector }) => /:focus(-visible)?\b/.test(selector));
    expect(focus.length).toBeGreaterThan(0);
    for (const { file, selector, body } of focus) {
      const outline = /(?:^|;)\s*outline\s*:\s*([^;]+)/.exec(body)?.[1]?.trim();
      if (outline === undefined || outline === 'none') continue;
      expect(outline, `${file}: ${selector}`).toMatch(/var\(--focus\)/);
    }
  });

  it.each([
    'input[type="text"]',
    'input[type="number"]',
    'input[type="email"]',
    'input[type="tel"]',
    'select',
    '.journal textarea',
    '.history input[type="search"]',
    '.chip',
    '.intensity .level',
  ])('%s has a border in --field-line', (field) => {
    const bodies = all
      .filter(({ selector }) => selector.split(',').some((s) => s.trim() === field))
      .map(({ body }) => body);
    expect(bodies.length, `a rule for ${field}`).toBeGreaterThan(0);
    const border = bodies
      .map((body) => /(?:^|;)\s*border\s*:\s*([^;]+)/.exec(body)?.[1])
      .filter(Boolean)
      .at(-1);
    expect(border).toMatch(/var\(--field-line\)/);
  });
});

describe('text sizes follow the browser', () => {
  it.each(sheets)('$file sets no font size in px, pt or a keyword', ({ css }) => {
    const sizes = [...css.matchAll(/(?:^|[;{\s])font(?:-size)?\s*:\s*([^;]+);/g)].map(
      ([, v]) => v?.trim() ?? '',
    );
    const fixed = sizes.filter((v) => /\d(px|pt)\b/.test(v));
    expect(fixed).toEqual([]);
  });

  it('leaves the root font size to the browser (so 1rem is the person’s text size)', () => {
    const root = rules(base)
      .filter(([selector]) => selector.split(',').some((s) => ['html', ':root'].includes(s.trim())))
      .map(([, body]) => body);
    for (const body of root) expect(body).not.toMatch(/(?:^|;)\s*font(?:-size)?\s*:/);
  });
});

describe('logical properties only, so right-to-left mirrors the layout', () => {
  const PHYSICAL =
    /(?:^|;)\s*((?:margin|padding|border)-(?:left|right)(?:-[a-z]+)?|left|right|float\s*:\s*(?:left|right)|clear\s*:\s*(?:left|right)|text-align\s*:\s*(?:left|right))\b/;

  it.each(sheets)('$file: no left or right', ({ css }) => {
    const found = rules(css).flatMap(([selector, body]) => {
      const hits: string[] = [];
      for (const declaration of body.split(';')) {
        const match = PHYSICAL.exec(`;${declaration}`);
        if (match) hits.push(`${selector} { ${declaration.trim()} }`);
        // A four-value margin or padding with different left and right sides is physical too.
        const box = /^\s*(margin|padding)\s*:\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$/.exec(declaration);
        if (box && box[3] !== box[5]) hits.push(`${selector} { ${declaration.trim()} }`);
      }
      return hits;
    });
    expect(found).toEqual([]);
  });

  it('no component sets a left or right in an inline style', () => {
    const files = readdirSync('components', { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.tsx?$/.test(f),
    );
    const found = files.filter((file) =>
      /style=\{?[^>]*\b(?:margin|padding)(?:Left|Right)|style=\{?[^>]*\b(?:left|right)\s*:/.test(
        readFileSync(path.join('components', file), 'utf8'),
      ),
    );
    expect(found).toEqual([]);
  });
});
