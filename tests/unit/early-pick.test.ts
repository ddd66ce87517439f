// The popup's head script picks an outlet for a feeling clicked at first paint, before the app has
// run (entrypoints/first-screen.ts). It reads what the pick needs (the families, the context) from a
// copy in localStorage (platform/first-pick-cache.ts), or else from its own storage read
// (platform/early-read.ts `pickInputFromRead`). Either way it must make of the stored values exactly
// what the app makes of them, or the outlet on screen would change when the app takes over.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { drawFirstOutlet, pickFirstOutlet } from '../../components/checkin/first-outlet';
import { OUTLET_FAMILIES } from '../../core/families';
import { FEELINGS } from '../../core/feelings';
import { EMPTY_LEARNED, FAMILY_CELLS, learn, type Pooled, pooled, storedLearned } from '../../core/learning';
import { outletPool, pick } from '../../core/outlets';
import { type Context, DEFAULT_CONTEXT_STATE, DEFAULT_SETTINGS } from '../../core/schema';
import { type EarlyRead, pickInputFromRead } from '../../platform/early-read';
import {
  keepContextForFirstPick,
  keepFamiliesForFirstPick,
  keepLearnedForFirstPick,
  readFirstPickCache,
} from '../../platform/first-pick-cache';
import { firstScreenWord } from '../../platform/first-words';
import { readLearned } from '../../platform/learning';
import { loadSettings } from '../../platform/settings';
import { loadContext, saveContext } from '../../platform/storage';

const readNow = (): EarlyRead => ({
  sync: fakeBrowser.storage.sync.get(null),
  local: fakeBrowser.storage.local.get(null),
});

/** The same totals, whatever the order of the sums (fading is a factor: equal up to rounding). */
function expectSamePooled(a: Pooled, b: Pooled) {
  expect(a.total).toBeCloseTo(b.total, 9);
  for (const [i, n] of a.cells.entries()) expect(n).toBeCloseTo(b.cells[i] as number, 9);
  expect([...a.outlets.keys()].sort()).toEqual([...b.outlets.keys()].sort());
  for (const [id, [h, n]] of a.outlets) {
    expect(h).toBeCloseTo(b.outlets.get(id)?.[0] as number, 9);
    expect(n).toBeCloseTo(b.outlets.get(id)?.[1] as number, 9);
  }
}

/** A fixed sequence of draws in [0, 1) (mulberry32), the same each time it is made. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeEach(() => {
  localStorage.clear();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

// What is stored → what the app reads. Each row is held to the app's own reads (loadSettings,
// loadContext), not to a value written here, so the two can't drift apart.
const STORED: [string, Record<string, unknown>, Record<string, unknown>][] = [
  ['nothing stored yet', {}, {}],
  [
    'sound values',
    { 'pref:families': ['body', 'journaling'] },
    { context: { canStepAway: false, alone: true, minutes: 2 } },
  ],
  ['families with one the app no longer knows', { 'pref:families': ['body', 'dancing'] }, {}],
  ['families that are no list', { 'pref:families': 'body' }, {}],
  ['an empty list of families', { 'pref:families': [] }, {}],
  ['families named twice', { 'pref:families': ['body', 'body', 'dancing'] }, {}],
  ['a context with minutes it never offers', {}, { context: { canStepAway: true, alone: true, minutes: 7 } }],
  ['a context that is no object', {}, { context: 'alone' }],
  ['a context missing a field', {}, { context: { canStepAway: true, minutes: 15 } }],
];

const LEARNED_FROM = {
  at: Date.UTC(2026, 0, 1),
  feeling: 'sad',
  outletId: 'walk-street',
  outcome: 'done' as const,
  after: 'lighter' as const,
};

describe('what the head script picks from', () => {
  for (const [name, sync, local] of STORED) {
    it(`reads ${name} as the app does, from its storage read`, async () => {
      await fakeBrowser.storage.sync.set(sync);
      await fakeBrowser.storage.local.set({ settings$moved: true, ...local });
      const early = await pickInputFromRead(readNow());
      const settings = await loadSettings();
      expect(early).toEqual({
        families: settings.families,
        context: await loadContext(),
        learned: await readLearned(),
      });
    });

    it(`reads ${name} as the app does, from the copy the app's reads leave`, async () => {
      await fakeBrowser.storage.sync.set(sync);
      await fakeBrowser.storage.local.set({ settings$moved: true, ...local });
      const settings = await loadSettings();
      const context = await loadContext();
      expect(readFirstPickCache()).toEqual({ families: settings.families, context });
    });
  }

  it('reads what the picker learned, on this browser and from the others through sync, as the app does', async () => {
    const mine = learn(EMPTY_LEARNED, 'this-one', null, LEARNED_FROM, Date.UTC(2026, 0, 2));
    const theirs = learn(
      EMPTY_LEARNED,
      'other-one',
      null,
      { ...LEARNED_FROM, outletId: 'doodle' },
      Date.UTC(2026, 0, 2),
    );
    await fakeBrowser.storage.sync.set({ 'learn:other-one': theirs.devices['other-one'] });
    await fakeBrowser.storage.local.set({ settings$moved: true, 'learning:totals': storedLearned(mine) });
    const early = await pickInputFromRead(readNow());
    const app = await readLearned();
    expect(Object.keys(app.devices).sort()).toEqual(['other-one', 'this-one']);
    expect(early?.learned).toEqual(app);
    // The app's reads leave the copy the next first pick reads at once: every browser's totals
    // summed into one, which the pick reads as it reads them all.
    await loadSettings();
    await loadContext();
    const copy = readFirstPickCache()?.learned;
    expect(Object.keys(copy?.devices ?? {})).toHaveLength(1);
    const later = Date.UTC(2026, 1, 1);
    expectSamePooled(pooled(copy ?? EMPTY_LEARNED, later), pooled(app, later));
  });

  it('picks at first paint what the app picks from the same totals, by the same draws', async () => {
    const at = Date.UTC(2026, 0, 2);
    let learned = EMPTY_LEARNED;
    for (let i = 0; i < 12; i++)
      learned = learn(
        learned,
        i % 2 ? 'this-one' : 'other-one',
        null,
        { ...LEARNED_FROM, at: at - i * 3_600_000, outletId: i % 3 ? 'walk-street' : 'doodle' },
        at,
      );
    keepFamiliesForFirstPick(DEFAULT_SETTINGS.families);
    keepContextForFirstPick(DEFAULT_CONTEXT_STATE);
    keepLearnedForFirstPick(learned, at);
    const input = readFirstPickCache();
    if (!input) throw new Error('no copy');
    vi.spyOn(Date, 'now').mockReturnValue(at + 3_600_000);
    for (let seed = 1; seed <= 40; seed++) {
      vi.spyOn(Math, 'random').mockImplementation(seeded(seed));
      const first = pickFirstOutlet('sad', input);
      const app = pick({
        feeling: 'sad',
        enabledFamilies: DEFAULT_SETTINGS.families,
        context: DEFAULT_CONTEXT_STATE,
        exclude: [],
        learned: pooled(learned, at + 3_600_000),
        random: seeded(seed),
      }).outlet;
      expect(first.id).toBe(app.id);
    }
  });

  it.each<[string, unknown]>([
    ['no object', 'totals'],
    ['cells missing', { at: 1, from: 1, outlets: {} }],
    ['too few cells', { at: 1, from: 1, cells: [1, 2], outlets: {} }],
    [
      'a negative cell',
      { at: 1, from: 1, cells: [-1, ...new Array(FAMILY_CELLS * 2 - 1).fill(0)], outlets: {} },
    ],
    [
      'a cell that is text',
      { at: 1, from: 1, cells: ['1', ...new Array(FAMILY_CELLS * 2 - 1).fill(0)], outlets: {} },
    ],
    [
      'an outlet with one number',
      { at: 1, from: 1, cells: new Array(FAMILY_CELLS * 2).fill(0), outlets: { doodle: [1] } },
    ],
    ['no moment', { from: 1, cells: new Array(FAMILY_CELLS * 2).fill(0), outlets: {} }],
    ['the old copy of every device', storedLearned(EMPTY_LEARNED)],
  ])('reads a damaged copy of what was learned (%s) as nothing learned, and still picks', (_, copy) => {
    keepFamiliesForFirstPick(['body']);
    keepContextForFirstPick(DEFAULT_CONTEXT_STATE);
    localStorage.setItem('outlet:first-pick:learned', JSON.stringify(copy));
    const input = readFirstPickCache();
    expect(input?.learned).toBeUndefined();
    expect(outletPool('sad', ['body'], DEFAULT_CONTEXT_STATE)).toContain(
      pickFirstOutlet('sad', input as never),
    );
  });

  it("leaves the pick to the app while Outlet 0.1's settings are not moved, or when the read failed", async () => {
    await fakeBrowser.storage.local.set({ settings: { families: ['body'] } });
    expect(await pickInputFromRead(readNow())).toBeNull();
    const failed = Promise.reject(new Error('no storage'));
    failed.catch(() => undefined);
    expect(await pickInputFromRead({ sync: failed, local: failed })).toBeNull();
    expect(await pickInputFromRead(undefined)).toBeNull();
  });

  it('has no copy until a page has read both the families and the context', async () => {
    expect(readFirstPickCache()).toBeNull();
    await loadSettings();
    expect(readFirstPickCache()).toBeNull();
    await loadContext();
    expect(readFirstPickCache()).toEqual({
      families: DEFAULT_SETTINGS.families,
      context: DEFAULT_CONTEXT_STATE,
    });
  });

  it('follows a context chosen in the popup at once, before storage has answered', async () => {
    keepFamiliesForFirstPick(['body']);
    const alone = { canStepAway: false, alone: true, minutes: 15 as const };
    const saving = saveContext(alone);
    expect(readFirstPickCache()).toEqual({ families: ['body'], context: alone });
    await saving;
  });

  it('is no copy at all when either part is damaged: the head script then reads storage', () => {
    keepFamiliesForFirstPick(['body']);
    keepContextForFirstPick(DEFAULT_CONTEXT_STATE);
    expect(readFirstPickCache()).not.toBeNull();
    localStorage.setItem('outlet:first-pick:context', '{"alone": tr');
    expect(readFirstPickCache()).toBeNull();
    keepContextForFirstPick(DEFAULT_CONTEXT_STATE);
    localStorage.setItem('outlet:first-pick:families', '["body","dancing"]');
    expect(readFirstPickCache()).toBeNull();
  });

  it('never throws where localStorage is refused or full', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('refused', 'SecurityError');
    });
    expect(() => keepFamiliesForFirstPick(['body'])).not.toThrow();
    expect(readFirstPickCache()).toBeNull();
  });
});

describe("the head script's pick", () => {
  const contexts: Context[] = [
    { canStepAway: false, alone: false, minutes: 2 },
    { canStepAway: true, alone: false, minutes: 5 },
    { canStepAway: false, alone: true, minutes: 15 },
    { canStepAway: true, alone: true, minutes: 15 },
  ];

  // Every feeling, context and family choice, with the random source walked across the pool: a
  // sweep, not a sample, so it is exact and cheap on any machine (8 random draws of the whole step for
  // each took 12.6 s on a busy 2-core machine).
  it('picks only an outlet the app would offer (the hard rules, the families, the feeling), and any of them', () => {
    const random = vi.spyOn(Math, 'random');
    for (const feeling of FEELINGS.map((f) => f.id))
      for (const context of contexts)
        for (const families of [[...OUTLET_FAMILIES], ['journaling'], ['release', 'body']] as const) {
          const pool = outletPool(feeling, families, context).map((o) => o.id);
          const picked = pool.map((_, i) => {
            random.mockReturnValue((i + 0.5) / pool.length);
            return pickFirstOutlet(feeling, { families: [...families], context }).id;
          });
          expect(picked.sort(), `${feeling} ${JSON.stringify(context)} ${families}`).toEqual(
            [...pool].sort(),
          );
        }
  });

  it('draws the outlet it picked, with its title', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    for (const feeling of FEELINGS.map((f) => f.id)) {
      const input = { families: [...OUTLET_FAMILIES], context: contexts[3] as Context };
      const drawn = drawFirstOutlet(firstScreenWord, feeling, 0, input);
      expect(drawn.shown.outletId).toBe(pickFirstOutlet(feeling, input).id);
      expect(drawn.step.querySelector('#outlet-title')?.textContent).not.toBe('');
    }
  });

  it('begins the check-in at the click, with an id of its own', () => {
    const a = drawFirstOutlet(firstScreenWord, 'calm', 1234, {
      families: ['body'],
      context: DEFAULT_CONTEXT_STATE,
    });
    const b = drawFirstOutlet(firstScreenWord, 'calm', 1234, {
      families: ['body'],
      context: DEFAULT_CONTEXT_STATE,
    });
    expect(a.shown.at).toBe(1234);
    expect(a.shown.checkInId).not.toBe(b.shown.checkInId);
  });
});
