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
import { EMPTY_LEARNED, learn, storedLearned } from '../../core/learning';
import { outletPool } from '../../core/outlets';
import { type Context, DEFAULT_CONTEXT_STATE, DEFAULT_SETTINGS } from '../../core/schema';
import { type EarlyRead, pickInputFromRead } from '../../platform/early-read';
import {
  keepContextForFirstPick,
  keepFamiliesForFirstPick,
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
    // The app's reads leave the copy the next first pick reads at once.
    await loadSettings();
    await loadContext();
    expect(readFirstPickCache()?.learned).toEqual(app);
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
