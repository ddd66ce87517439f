import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYAML } from 'confbox';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEELING_IDS, FEELINGS, type FeelingId, feelingById } from '../../core/feelings';
import {
  isOutletFamily,
  OUTLET_FAMILIES,
  OUTLETS,
  type Outlet,
  type OutletFamily,
  outletById,
  outletCopyKey,
  pickOutlet,
} from '../../core/outlets';

// happy-dom replaces the global URL, so resolve the path with node's helpers instead.
const EN_YML = resolve(dirname(fileURLToPath(import.meta.url)), '../../locales/en.yml');

const fitting = (feeling: FeelingId, families: readonly OutletFamily[] = OUTLET_FAMILIES) =>
  OUTLETS.filter((o) => o.feelings.includes(feeling) && families.includes(o.family));

/** Random values that walk evenly through [0, 1): every outlet in a pool of n gets its turn. */
const evenly = (n: number) => Array.from({ length: n }, (_, i) => () => (i + 0.5) / n);

describe('outlet catalogue', () => {
  it('gives every outlet a unique, stable kebab-case id', () => {
    const ids = OUTLETS.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('has something in every family', () => {
    for (const family of OUTLET_FAMILIES) {
      expect(OUTLETS.filter((o) => o.family === family).length, family).toBeGreaterThanOrEqual(2);
    }
  });

  it('has a few different things for every feeling, so "another one" offers something new', () => {
    for (const id of FEELING_IDS) expect(fitting(id).length, id).toBeGreaterThanOrEqual(3);
  });

  it('only offers a numb person body and tiny creative steps', () => {
    const families = new Set(fitting('numb').map((o) => o.family));
    expect([...families].sort()).toEqual(['body', 'creative']);
  });

  it('offers every high-energy unpleasant feeling a way to move or let it out', () => {
    for (const f of FEELINGS.filter((f) => f.valence === 'unpleasant' && f.energy === 'high')) {
      const families = fitting(f.id).map((o) => o.family);
      expect(families, f.id).toContain('movement');
      expect(families, f.id).toContain('release');
    }
  });

  it('offers every low-energy unpleasant feeling a gentle walk, a person and a journal line', () => {
    for (const f of FEELINGS.filter((f) => f.valence === 'unpleasant' && f.energy === 'low')) {
      const kinds = fitting(f.id).map((o) => o.action.kind);
      expect(kinds, f.id).toEqual(expect.arrayContaining(['walk', 'talk', 'journal']));
    }
  });

  it('never offers a pleasant feeling a release outlet, but a way to savour it', () => {
    for (const f of FEELINGS.filter((f) => f.valence === 'pleasant')) {
      const families = fitting(f.id).map((o) => o.family);
      expect(families, f.id).not.toContain('release');
      expect(
        families.some((family) => family === 'journaling' || family === 'talking'),
        f.id,
      ).toBe(true);
    }
  });

  it('marks every release outlet as needing to be alone', () => {
    const release = OUTLETS.filter((o) => o.family === 'release');
    expect(release.length).toBeGreaterThan(0);
    for (const o of release) expect(o.needsAlone, o.id).toBe(true);
  });

  it('has the 10-minute walk the popup offers, and walks take you away from the desk', () => {
    expect(OUTLETS.some((o) => o.action.kind === 'walk' && o.action.minutes === 10)).toBe(true);
    for (const o of OUTLETS) {
      if (o.action.kind !== 'walk') continue;
      expect(o.needsAway, o.id).toBe(true);
      expect(o.minutes, o.id).toBe(o.action.minutes);
    }
  });

  it('has at least two journal and two talk outlets', () => {
    expect(OUTLETS.filter((o) => o.action.kind === 'journal').length).toBeGreaterThanOrEqual(2);
    expect(OUTLETS.filter((o) => o.action.kind === 'talk').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps every outlet small', () => {
    for (const o of OUTLETS) {
      expect(o.minutes, o.id).toBeGreaterThan(0);
      expect(o.minutes, o.id).toBeLessThanOrEqual(10);
      expect(new Set(o.feelings).size, o.id).toBe(o.feelings.length);
    }
  });
});

describe('copy in locales/en.yml', () => {
  const flatten = (value: unknown, prefix = '', out = new Map<string, unknown>()) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value))
        flatten(child, prefix ? `${prefix}.${key}` : key, out);
    } else {
      out.set(prefix, value);
    }
    return out;
  };
  const messages = flatten(parseYAML(readFileSync(EN_YML, 'utf8')));
  const expectText = (key: string) => {
    const text = messages.get(key);
    expect(typeof text, key).toBe('string');
    expect(String(text).trim(), key).not.toBe('');
  };

  it('has a label for every feeling', () => {
    for (const id of FEELING_IDS) expectText(`feeling.${id}`);
    expect(messages.get('feeling.numb')).toMatch(/can.t tell/i);
  });

  it('has a name for every family', () => {
    for (const family of OUTLET_FAMILIES) expectText(`family.${family}`);
  });

  it('has a title and a body for every outlet', () => {
    for (const o of OUTLETS) {
      expectText(`outlet.${outletCopyKey(o.id)}.title`);
      expectText(`outlet.${outletCopyKey(o.id)}.body`);
    }
  });
});

describe('outletCopyKey', () => {
  it('turns dashes into underscores so the id works as a message name', () => {
    expect(outletCopyKey('walk-street')).toBe('walk_street');
    expect(outletCopyKey('journal-good-moment')).toBe('journal_good_moment');
    expect(outletCopyKey('doodle')).toBe('doodle');
  });
});

describe('outletById and isOutletFamily', () => {
  it('finds every outlet by its id and nothing else', () => {
    for (const o of OUTLETS) expect(outletById(o.id)).toBe(o);
    expect(outletById('exercise')).toBeUndefined();
    expect(outletById('')).toBeUndefined();
  });

  it('recognises the six families only', () => {
    for (const family of OUTLET_FAMILIES) expect(isOutletFamily(family)).toBe(true);
    for (const value of ['Movement', 'sport', '', null, 1, undefined])
      expect(isOutletFamily(value)).toBe(false);
  });
});

describe('pickOutlet', () => {
  const all = OUTLET_FAMILIES;

  it('offers something that fits the feeling', () => {
    for (const feeling of FEELING_IDS) {
      for (const random of evenly(7)) {
        const outlet = pickOutlet({ feeling, enabledFamilies: all, exclude: [], random });
        expect(outlet.feelings, `${feeling} → ${outlet.id}`).toContain(feeling);
      }
    }
  });

  it('never offers a numb person a yelling outlet', () => {
    for (const random of evenly(50)) {
      const outlet = pickOutlet({
        feeling: 'numb',
        enabledFamilies: ['release', 'body'],
        exclude: [],
        random,
      });
      expect(outlet.id).not.toBe('pillow-yell');
      expect(outlet.family).toBe('body');
    }
  });

  it('keeps a numb person away from release even when release is the only family turned on', () => {
    for (const random of evenly(20)) {
      const outlet = pickOutlet({ feeling: 'numb', enabledFamilies: ['release'], exclude: [], random });
      expect(['body', 'creative']).toContain(outlet.family);
    }
  });

  it('only offers the families someone has turned on', () => {
    const seen = new Set<string>();
    for (const random of evenly(40)) {
      const outlet = pickOutlet({
        feeling: 'angry',
        enabledFamilies: ['journaling', 'body'],
        exclude: [],
        random,
      });
      expect(['journaling', 'body']).toContain(outlet.family);
      seen.add(outlet.id);
    }
    // …and spreads across all of them rather than always the same one.
    expect([...seen].sort()).toEqual(
      fitting('angry', ['journaling', 'body'])
        .map((o) => o.id)
        .sort(),
    );
  });

  it('falls back to every family when none of the turned-on ones fit the feeling', () => {
    // Nothing in release suits feeling proud.
    expect(fitting('proud', ['release'])).toEqual([]);
    for (const random of evenly(10)) {
      const outlet = pickOutlet({ feeling: 'proud', enabledFamilies: ['release'], exclude: [], random });
      expect(outlet.feelings).toContain('proud');
    }
  });

  it('treats no families turned on as all of them', () => {
    const outlet = pickOutlet({ feeling: 'sad', enabledFamilies: [], exclude: [], random: () => 0 });
    expect(outlet.feelings).toContain('sad');
  });

  it('does not offer again what this check-in already showed while others remain', () => {
    const pool = fitting('tired').map((o) => o.id);
    const shown: string[] = [];
    for (let i = 0; i < pool.length; i++) {
      const outlet = pickOutlet({ feeling: 'tired', enabledFamilies: all, exclude: shown, random: () => 0 });
      expect(shown).not.toContain(outlet.id);
      shown.push(outlet.id);
    }
    expect(shown.sort()).toEqual([...pool].sort());
  });

  it('starts over once everything has been shown, without repeating the one on screen', () => {
    const pool = fitting('lonely', ['talking']).map((o) => o.id);
    expect(pool.length).toBeGreaterThan(1);
    for (const random of evenly(10)) {
      const outlet = pickOutlet({ feeling: 'lonely', enabledFamilies: ['talking'], exclude: pool, random });
      expect(outlet.family).toBe('talking');
      expect(outlet.id).not.toBe(pool[pool.length - 1]);
    }
  });

  it('offers the only fitting outlet again rather than nothing', () => {
    expect(fitting('excited', ['creative']).map((o) => o.id)).toEqual(['one-song']);
    const outlet = pickOutlet({
      feeling: 'excited',
      enabledFamilies: ['creative'],
      exclude: ['one-song'],
      random: () => 0.5,
    });
    expect(outlet.id).toBe('one-song');
  });

  it('gives the same answer for the same random value', () => {
    const input = { feeling: 'stressed', enabledFamilies: all, exclude: ['walk-street'] } as const;
    for (const r of [0, 0.25, 0.5, 0.999]) {
      expect(pickOutlet({ ...input, random: () => r })).toBe(pickOutlet({ ...input, random: () => r }));
    }
  });

  it('survives a misbehaving random source', () => {
    for (const r of [1, -0.5, 7, Number.NaN, Number.POSITIVE_INFINITY]) {
      const outlet = pickOutlet({ feeling: 'down', enabledFamilies: all, exclude: [], random: () => r });
      expect(OUTLETS).toContain(outlet);
    }
  });

  it('always offers a real outlet that fits the feeling, within the chosen families when it can', () => {
    const ids = OUTLETS.map((o) => o.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...FEELING_IDS),
        fc.subarray([...OUTLET_FAMILIES], { minLength: 1 }),
        fc.array(fc.oneof(fc.constantFrom(...ids), fc.string()), { maxLength: 30 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (feeling, enabledFamilies, exclude, r) => {
          const outlet: Outlet = pickOutlet({ feeling, enabledFamilies, exclude, random: () => r });
          expect(outletById(outlet.id)).toBe(outlet);
          expect(outlet.feelings).toContain(feeling);
          const inFamilies = fitting(feeling, enabledFamilies);
          if (inFamilies.length > 0) expect(enabledFamilies).toContain(outlet.family);
          if (inFamilies.some((o) => !exclude.includes(o.id))) expect(exclude).not.toContain(outlet.id);
          if (feelingById(feeling).energy === 'unclear')
            expect(['body', 'creative']).toContain(outlet.family);
        },
      ),
    );
  });
});
