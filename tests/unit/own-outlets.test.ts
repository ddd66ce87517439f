// A person's own outlets (issue 18, item 4): one schema for the form, storage and files; their ids
// never a catalogue id; offered by the picker under the same hard rules as the catalogue's; learned
// from under their family, even once removed; kept one key each; exported and imported.
import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pickFirstOutlet } from '../../components/checkin/first-outlet';
import { problemText } from '../../components/history/DataPanel';
import { outletWords } from '../../components/history/words';
import { giveOwnOutlets, outletTitle } from '../../components/shared/copy';
import { buildExportJson } from '../../core/data/export';
import type { Snapshot } from '../../core/data/export-format';
import { parseImportFile } from '../../core/data/import';
import { FEELING_IDS, type FeelingId } from '../../core/feelings';
import { evidenceOf } from '../../core/learning/evidence';
import { liftReason } from '../../core/learning/reason';
import { OUTLETS_MAX } from '../../core/learning/totals';
import {
  editedOwnOutlet,
  findOutlet,
  fitsContext,
  isOwnOutletId,
  OUTLET_FAMILIES,
  OUTLETS,
  type OutletContext,
  type OutletFamily,
  OWN_HOW_MAX,
  OWN_OUTLETS_MAX,
  OWN_TITLE_MAX,
  type OwnOutlet,
  OwnOutletSchema,
  OwnOutletsFull,
  outletFamilyOf,
  outletPool,
  ownAsOutlet,
  ownFamilyOf,
  ownOutletDraft,
  ownOutletId,
  parseOwnOutletInput,
  pick,
} from '../../core/outlets';
import { DEFAULT_SETTINGS } from '../../core/schema';
import { pickInputFromRead, startEarlyRead } from '../../platform/early-read';
import { readFirstPickCache } from '../../platform/first-pick-cache';
import {
  addOwnOutlet,
  loadOwnOutlets,
  mergeOwnOutlets,
  removeOwnOutlet,
  updateOwnOutlet,
} from '../../platform/own-outlets';

const own = (
  family: OutletFamily,
  suffix: string,
  rest: Partial<Omit<OwnOutlet, 'id' | 'family'>> = {},
): OwnOutlet => ({
  id: ownOutletId(family, suffix),
  family,
  title: `Own ${family} ${suffix}`,
  how: 'A line of how.',
  minutes: 2,
  needsAway: false,
  needsAlone: false,
  ...rest,
});

const CONTEXTS: OutletContext[] = [true, false].flatMap((canStepAway) =>
  [true, false].flatMap((alone) => ([2, 5, 15] as const).map((minutes) => ({ canStepAway, alone, minutes }))),
);

/** A fixed sequence in [0, 1): the same picks every run. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

describe('own outlet ids', () => {
  it('never collide with a catalogue id', () => {
    for (const outlet of OUTLETS) {
      expect(isOwnOutletId(outlet.id), outlet.id).toBe(false);
      expect(ownFamilyOf(outlet.id)).toBeUndefined();
    }
  });

  it.each(OUTLET_FAMILIES)('name their family (%s), which the learning reads from the id alone', (family) => {
    const id = ownOutletId(family, 'ab12cd34');
    expect(id).toBe(`own-${family}-ab12cd34`);
    expect(ownFamilyOf(id)).toBe(family);
    expect(outletFamilyOf(id)).toBe(family);
  });

  it('refuse a stored outlet whose id names another family', () => {
    const outlet = { ...own('body', 'abcd1234'), family: 'release' as const };
    expect(v.is(OwnOutletSchema, outlet)).toBe(false);
  });

  it('stay the same when an outlet is changed within its family, and are new when the family changes', () => {
    const before = own('creative', 'abcd1234');
    const same = editedOwnOutlet(before, { ...before, title: 'Sketch a cup' }, 'zzzz9999');
    expect(same.id).toBe(before.id);
    const moved = editedOwnOutlet(before, { ...before, family: 'movement' }, 'zzzz9999');
    expect(moved.id).toBe('own-movement-zzzz9999');
    expect(v.is(OwnOutletSchema, moved)).toBe(true);
  });
});

describe('the own outlet form and storage: one definition of valid', () => {
  const draft = ownOutletDraft;
  const good = { ...draft(), title: 'Water the plants', family: 'body' as const, minutes: '5' };

  it.each([
    ['an empty title', { ...good, title: '   ' }, 'title', 'empty'],
    ['a title past its cap', { ...good, title: 'x'.repeat(OWN_TITLE_MAX + 1) }, 'title', 'too-long'],
    ['a line of how past its cap', { ...good, how: 'x'.repeat(OWN_HOW_MAX + 1) }, 'how', 'too-long'],
    ['no family', { ...good, family: '' as const }, 'family', 'empty'],
    ['no minutes', { ...good, minutes: ' ' }, 'minutes', 'empty'],
    ['minutes that are words', { ...good, minutes: 'five' }, 'minutes', 'not-whole'],
    ['minutes with a fraction', { ...good, minutes: '2.5' }, 'minutes', 'not-whole'],
    ['no minutes at all (0)', { ...good, minutes: '0' }, 'minutes', 'too-small'],
    ['more minutes than a check-in offers', { ...good, minutes: '16' }, 'minutes', 'too-large'],
  ])('refuses %s, naming the field and why', (_, input, field, reason) => {
    expect(parseOwnOutletInput(input)).toEqual({ ok: false, field, reason });
  });

  it('accepts what storage keeps, trimmed, and storage keeps exactly what the form accepts', () => {
    const result = parseOwnOutletInput({ ...good, title: '  Water the plants ', how: '', minutes: '15' });
    expect(result).toEqual({
      ok: true,
      outlet: {
        title: 'Water the plants',
        how: '',
        family: 'body',
        minutes: 15,
        needsAway: false,
        needsAlone: false,
      },
    });
    if (!result.ok) return;
    expect(v.is(OwnOutletSchema, { id: ownOutletId('body', 'abcd1234'), ...result.outlet })).toBe(true);
    // The caps are the schema's: one character more is refused by storage as by the form.
    const long = {
      id: ownOutletId('body', 'abcd1234'),
      ...result.outlet,
      title: 'x'.repeat(OWN_TITLE_MAX + 1),
    };
    expect(v.is(OwnOutletSchema, long)).toBe(false);
  });
});

describe('the hard rules hold for own outlets', () => {
  // Every combination of what an own outlet may need, in every context a person can give.
  const needs = [true, false].flatMap((needsAway) =>
    [true, false].flatMap((needsAlone) =>
      [1, 2, 5, 10, 15].map((minutes) => ({ needsAway, needsAlone, minutes })),
    ),
  );
  const mine = needs.flatMap((need, i) =>
    OUTLET_FAMILIES.map((family) => ownAsOutlet(own(family, `n${i}x${family.slice(0, 3)}`, need))),
  );

  it.each(CONTEXTS)('never offers one that breaks them: %o', (context) => {
    for (const feeling of FEELING_IDS) {
      const random = seeded(feeling.length * 31 + context.minutes);
      for (let i = 0; i < 20; i++) {
        const outlet = pick({
          feeling,
          enabledFamilies: OUTLET_FAMILIES,
          context,
          exclude: [],
          random,
          own: mine,
        }).outlet;
        if (outlet.needsAway) expect(context.canStepAway, outlet.id).toBe(true);
        if (outlet.needsAlone) expect(context.alone, outlet.id).toBe(true);
        expect(outlet.minutes, outlet.id).toBeLessThanOrEqual(context.minutes);
      }
    }
  });

  it.each(CONTEXTS)('puts every own outlet that fits in the pool, and none that does not: %o', (context) => {
    for (const outlet of mine) {
      const feeling = outlet.feelings[0] as FeelingId;
      const pool = outletPool(feeling, [outlet.family], context, [outlet]);
      expect(pool.includes(outlet), outlet.id).toBe(fitsContext(outlet, context));
    }
  });

  it('offers an own outlet when it is all that fits the family and the moment', () => {
    // Letting it out, alone, 2 minutes, at the desk: the person's own pillow yell is in the running.
    const yell = ownAsOutlet(own('release', 'yell1234', { needsAlone: true, minutes: 2 }));
    const context = { canStepAway: false, alone: true, minutes: 2 as const };
    const seen = new Set<string>();
    const random = seeded(7);
    for (let i = 0; i < 200; i++)
      seen.add(
        pick({ feeling: 'angry', enabledFamilies: ['release'], context, exclude: [], random, own: [yell] })
          .outlet.id,
      );
    expect(seen.has(yell.id)).toBe(true);
  });

  it('follows the families turned off, like the catalogue does', () => {
    const walk = ownAsOutlet(own('movement', 'walk1234'));
    const pool = outletPool('stressed', ['journaling'], { canStepAway: true, alone: false, minutes: 15 }, [
      walk,
    ]);
    expect(pool.map((o) => o.id)).not.toContain(walk.id);
  });
});

/** A release outlet of the catalogue, to weigh an own one against. */
const RELEASE_OUTLET = 'pillow-yell';

describe('learning from own outlets', () => {
  it("keeps room for every own outlet beside the catalogue in each device's totals", () => {
    expect(OUTLETS.length + OWN_OUTLETS_MAX).toBeLessThanOrEqual(OUTLETS_MAX);
  });

  const yell = own('release', 'yell1234');
  const checkIn = {
    at: Date.UTC(2026, 0, 5),
    feeling: 'angry' as const,
    outletId: yell.id,
    outcome: 'done' as const,
    after: 'lighter' as const,
    context: { canStepAway: false, alone: true, minutes: 5 as const },
    shown: [yell.id],
  };

  it('counts an answer under the outlet and its family, even once it has been removed', () => {
    // No list of own outlets is given: the family comes from the id. It weighs what the same answer
    // about one of the catalogue's outlets of that family weighs.
    const [catalogue] = evidenceOf({ ...checkIn, outletId: RELEASE_OUTLET, shown: [RELEASE_OUTLET] });
    expect(catalogue?.helped).toBeGreaterThan(0);
    expect(evidenceOf(checkIn)).toEqual([
      expect.objectContaining({ outletId: yell.id, family: 'release', helped: catalogue?.helped }),
    ]);
  });

  it('gives a reason from answers about it, as for the catalogue', () => {
    const history = [1, 2, 3].map((n) => ({ ...checkIn, at: checkIn.at + n }));
    expect(liftReason(history, yell.id, 'angry')).toMatchObject({
      scope: 'outlet',
      family: 'release',
      lifted: 3,
      of: 3,
    });
  });

  it('finds a check-in taken up again on an own outlet, and none once it is gone', () => {
    const outlet = ownAsOutlet(yell);
    expect(findOutlet(yell.id, [outlet])).toEqual(outlet);
    expect(findOutlet(yell.id, [])).toBeUndefined();
  });
});

describe('the titles of own outlets in the pages', () => {
  it("are the person's words, and a removed one is named kindly, never by its id", () => {
    const kept = own('body', 'kept1234', { title: 'Stretch like a cat' });
    giveOwnOutlets([kept]);
    expect(outletTitle(kept.id)).toBe('Stretch like a cat');
    expect(outletWords(kept.id)).toBe('Stretch like a cat');
    const gone = ownOutletId('body', 'gone1234');
    expect(outletWords(gone)).toBe('One of your own ideas, since removed');
    // A retired catalogue id still reads as before.
    expect(outletWords('no-such-outlet')).toBe('An idea Outlet no longer offers');
    giveOwnOutlets([]);
  });
});

describe('own outlets in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are kept one key each, in the order added, changed in place and removed', async () => {
    const a = own('body', 'aaaa1111');
    const b = own('talking', 'bbbb2222');
    await addOwnOutlet(a, 1);
    await addOwnOutlet(b, 2);
    expect(await loadOwnOutlets()).toEqual([a, b]);
    await updateOwnOutlet(a.id, { ...a, title: 'Changed' });
    expect((await loadOwnOutlets()).map((o) => o.title)).toEqual(['Changed', b.title]);
    // A new family: a new id in the same place, the old key gone.
    const moved = editedOwnOutlet(a, { ...a, family: 'creative' }, 'cccc3333');
    await updateOwnOutlet(a.id, moved);
    expect((await loadOwnOutlets()).map((o) => o.id)).toEqual([moved.id, b.id]);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(
      [`ownOutlet:${b.id}`, `ownOutlet:${moved.id}`].sort(),
    );
    await removeOwnOutlet(b.id);
    expect(await loadOwnOutlets()).toEqual([moved]);
  });

  it('refuse one more than the limit with OwnOutletsFull', async () => {
    for (let i = 0; i < OWN_OUTLETS_MAX; i++) await addOwnOutlet(own('body', `full${i}abc`), i);
    await expect(addOwnOutlet(own('body', 'onemore1'))).rejects.toBeInstanceOf(OwnOutletsFull);
    expect(await loadOwnOutlets()).toHaveLength(OWN_OUTLETS_MAX);
  });

  it('read the sound ones and leave an unsound entry where it is, untouched', async () => {
    const a = own('body', 'aaaa1111');
    const broken = { id: 'own-body-broken1', title: '', family: 'body' };
    await fakeBrowser.storage.local.set({ [`ownOutlet:${a.id}`]: a, 'ownOutlet:own-body-broken1': broken });
    expect(await loadOwnOutlets()).toEqual([a]);
    expect(
      (await fakeBrowser.storage.local.get('ownOutlet:own-body-broken1'))['ownOutlet:own-body-broken1'],
    ).toEqual(broken);
  });

  it('merge an import by id, up to the limit', async () => {
    const a = own('body', 'aaaa1111');
    await addOwnOutlet(a, 1);
    const b = own('movement', 'bbbb2222');
    expect(await mergeOwnOutlets([a, b])).toEqual({ added: 1, kept: 1, full: 0 });
    expect(await mergeOwnOutlets([a, b])).toEqual({ added: 0, kept: 2, full: 0 });
  });

  it("reach the first pick: the copy in localStorage and the head script's read", async () => {
    localStorage.clear();
    const a = own('body', 'aaaa1111', { minutes: 1 });
    await addOwnOutlet(a, 1);
    await fakeBrowser.storage.local.set({ settings$moved: true });
    await loadOwnOutlets();
    const read = startEarlyRead();
    expect((await pickInputFromRead(read))?.own).toEqual([a]);
    // The copy needs the families and the context too (the pages keep them as they read them).
    localStorage.setItem('outlet:first-pick:families', JSON.stringify(['body']));
    localStorage.setItem(
      'outlet:first-pick:context',
      JSON.stringify({ canStepAway: false, alone: false, minutes: 2 }),
    );
    const cached = readFirstPickCache();
    expect(cached?.own).toEqual([a]);
    // With only body outlets on and a fitting own one, the first pick can be it.
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++)
      if (cached) seen.add(pickFirstOutlet('numb', { ...cached, learned: undefined }).id);
    expect(seen.has(a.id)).toBe(true);
  });
});

describe('own outlets in an export file', () => {
  const a = own('body', 'aaaa1111');
  const { trustedPeople: _, ...preferences } = DEFAULT_SETTINGS;
  const snapshot: Snapshot = {
    preferences,
    trustedPeople: [],
    ownOutlets: [a],
    checkIns: [],
    setAside: [],
    unreadable: [],
  };
  const file = (ownOutlets: unknown) =>
    JSON.stringify({ ...JSON.parse(buildExportJson(snapshot, 1000)), ownOutlets });

  it('go out with the rest and come back as they were', () => {
    const parsed = parseImportFile(buildExportJson(snapshot, 1000));
    expect(parsed.ok && parsed.data.ownOutlets).toEqual([a]);
  });

  it('are not needed: a file from before them still imports', () => {
    const { ownOutlets: __, ...before } = JSON.parse(file([a]));
    const parsed = parseImportFile(JSON.stringify(before));
    expect(parsed.ok).toBe(true);
  });

  it.each([
    ['a title past its cap', { ...a, title: 'x'.repeat(OWN_TITLE_MAX + 1) }, 'too-long'],
    ['a catalogue id', { ...a, id: 'walk-street' }, 'not-allowed'],
    ['an id naming another family', { ...a, family: 'release' }, 'invalid'],
    ['minutes past what a check-in offers', { ...a, minutes: 30 }, 'out-of-range'],
    ['a field of its own', { ...a, colour: 'red' }, 'unknown-field'],
  ])('refuse the whole file for one with %s, naming that entry', (_, bad, what) => {
    const parsed = parseImportFile(file([a, bad]));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toMatchObject({ what, place: { section: 'ownOutlets', index: 2 } });
    expect(parsed.problems[0]?.where).toMatch(/^own outlet 2/);
  });

  it("name the entry in the person's words when refused", () => {
    const parsed = parseImportFile(file([a, { ...a, id: ownOutletId('body', 'bbbb2222'), title: '' }]));
    expect(parsed.ok || parsed.problems.map(problemText)).toEqual([
      "Your own idea 2, “title”: this can't be empty.",
    ]);
  });

  it('refuse two with one id', () => {
    const parsed = parseImportFile(file([a, a]));
    expect(parsed.ok || parsed.problems[0]).toMatchObject({
      what: 'duplicate-id',
      place: { section: 'ownOutlets', index: 2 },
    });
  });
});
