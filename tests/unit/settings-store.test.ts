import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parsePersonInput } from '../../core/inputs';
import { DEFAULT_SETTINGS, TrustedPersonSchema } from '../../core/schema';
import {
  addTrustedPerson,
  loadSetAside,
  loadSettings,
  loadSettingsReport,
  loadTrustedPeople,
  mergeTrustedPeople,
  PeopleFull,
  resetSettingsForTests,
  SaveFailed,
  updateSettings,
} from '../../platform/settings';

const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => undefined);
const range = (start: number, end: number) => ({ start, end, nextDay: false });

describe('one definition of a trusted person', () => {
  // The form and storage must agree on every input: what the form accepts, storage keeps.
  it.each([
    ['Ana', '', ''],
    ['Ana', '+1 555 0100', ''],
    ['Ana', '', 'ana@example.org'],
    ['  Ana  ', '', ''],
    ['A'.repeat(60), '', ''],
    ['A'.repeat(61), '', ''],
    ['', '', ''],
    ['Ana', 'call me', ''],
    ['Ana', '1'.repeat(31), ''],
    ['Ana', '', 'ana@'],
    ['Ana', '', `${'a'.repeat(108)}@example.org`],
    ['Ana', '', `${'a'.repeat(109)}@example.org`],
    ['Ana', '', `${'a'.repeat(130)}@example.org`],
  ])('name %j, phone %j, email %j: the form accepts it exactly when storage would', (name, phone, email) => {
    const form = parsePersonInput({ name, phone, email });
    const stored = v.safeParse(TrustedPersonSchema, {
      id: 'p',
      name,
      ...(phone.trim() ? { phone } : {}),
      ...(email.trim() ? { email } : {}),
    });
    expect(form.ok).toBe(stored.success);
  });
});

describe('trusted people', () => {
  it('keeps each valid person when one stored entry is broken, and never rewrites the broken one', async () => {
    quiet();
    await fakeBrowser.storage.local.set({
      settings$moved: true,
      'person:a': { id: 'a', name: 'Ana', addedAt: 1 },
      'person:b': { id: 'b', name: 'Ben', email: `${'b'.repeat(130)}@example.org`, addedAt: 2 },
      'person:c': { id: 'c', name: 'Cy', addedAt: 3 },
    });
    const report = await loadSettingsReport();
    expect(report.value.trustedPeople.map((p) => p.name)).toEqual(['Ana', 'Cy']);
    expect(report.repaired).toEqual(['trustedPeople']);
    // The next change to any setting touches neither the people nor the broken entry.
    await updateSettings({ intervalMinutes: 45 });
    expect((await loadSettings()).trustedPeople.map((p) => p.name)).toEqual(['Ana', 'Cy']);
    expect((await fakeBrowser.storage.local.get('person:b'))['person:b']).toMatchObject({ name: 'Ben' });
  });

  it('refuses a 21st person, and an earlier 21 (from two tabs at once) all still read', async () => {
    for (let i = 0; i < 20; i++) await addTrustedPerson({ id: `p${i}`, name: `Friend ${i}` }, i);
    await expect(addTrustedPerson({ id: 'p20', name: 'One more' })).rejects.toBeInstanceOf(PeopleFull);
    await fakeBrowser.storage.local.set({ 'person:p20': { id: 'p20', name: 'Raced in', addedAt: 99 } });
    expect(await loadTrustedPeople()).toHaveLength(21);
  });

  it('keeps both people when two tabs add one at the same moment', async () => {
    await Promise.all([
      addTrustedPerson({ id: 'a', name: 'Ana' }, 1),
      addTrustedPerson({ id: 'b', name: 'Ben' }, 1),
    ]);
    expect((await loadTrustedPeople()).map((p) => p.name).sort()).toEqual(['Ana', 'Ben']);
  });

  it('says plainly when storage refused a new person', async () => {
    await loadTrustedPeople();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(
      new Error('Resource::kQuotaBytes quota exceeded'),
    );
    await expect(addTrustedPerson({ id: 'a', name: 'Ana' })).rejects.toBeInstanceOf(SaveFailed);
  });

  it('merges imported people by id, up to the limit', async () => {
    await addTrustedPerson({ id: 'a', name: 'Ana' }, 1);
    expect(
      await mergeTrustedPeople([
        { id: 'a', name: 'Ana' },
        { id: 'b', name: 'Ben' },
      ]),
    ).toEqual({
      added: 1,
      kept: 1,
      full: 0,
    });
    expect(await mergeTrustedPeople([{ id: 'b', name: 'Ben' }])).toEqual({ added: 0, kept: 1, full: 0 });
  });
});

describe('preferences', () => {
  it('keeps six sound days when one day holds seven ranges', async () => {
    quiet();
    const seven = Array.from({ length: 7 }, (_, i) => range(i * 100, i * 100 + 50));
    const hours = { ...DEFAULT_SETTINGS.hours, 3: seven };
    await fakeBrowser.storage.sync.set({ 'pref:hours': hours });
    const report = await loadSettingsReport();
    expect(report.repaired).toEqual(['hours']);
    expect(report.value.hours[1]).toEqual(DEFAULT_SETTINGS.hours[1]);
    expect(report.value.hours[3]).toEqual(seven.slice(0, 6));
  });

  it('keeps the families it knows from a list with one unknown', async () => {
    quiet();
    await fakeBrowser.storage.sync.set({ 'pref:families': ['movement', 'astrology', 'body'] });
    expect((await loadSettings()).families).toEqual(['movement', 'body']);
  });

  it('keeps the original aside before a repaired value is written over it', async () => {
    quiet();
    await fakeBrowser.storage.sync.set({ 'pref:families': ['movement', 'astrology'] });
    await updateSettings({ families: ['movement'] });
    const aside = await loadSetAside();
    expect(aside.map((item) => [item.key, item.value])).toEqual([
      ['pref:families', ['movement', 'astrology']],
    ]);
    // A sound value written over is just a change: nothing set aside.
    await updateSettings({ families: ['body'] });
    expect(await loadSetAside()).toHaveLength(1);
  });

  it('writes only the preferences it was given, so a change made meanwhile elsewhere stays', async () => {
    await updateSettings({ intervalMinutes: 45 });
    await fakeBrowser.storage.sync.set({ 'pref:breakMinutes': 10 }); // another tab, or another device
    await updateSettings({ nudgesEnabled: false });
    expect(await loadSettings()).toMatchObject({
      intervalMinutes: 45,
      breakMinutes: 10,
      nudgesEnabled: false,
    });
  });

  it('sends changes made close together as one write, within sync limits', async () => {
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await Promise.all([updateSettings({ intervalMinutes: 45 }), updateSettings({ breakMinutes: 10 })]);
    expect(set).toHaveBeenCalledTimes(1);
  });

  it('refuses a value no form should send, and rejects with SaveFailed when sync refuses', async () => {
    await expect(updateSettings({ intervalMinutes: 7 })).rejects.toBeInstanceOf(TypeError);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(
      new Error('MAX_WRITE_OPERATIONS_PER_MINUTE'),
    );
    await expect(updateSettings({ intervalMinutes: 45 })).rejects.toBeInstanceOf(SaveFailed);
    expect((await loadSettings()).intervalMinutes).toBe(60);
  });

  it("moves Outlet 0.1's settings object into its keys once, keeping the original aside", async () => {
    quiet();
    const legacy = {
      ...DEFAULT_SETTINGS,
      intervalMinutes: 90,
      trustedPeople: [
        { id: 'a', name: 'Ana' },
        { id: 'b', name: 'B', email: 'nope' },
      ],
    };
    await fakeBrowser.storage.local.set({ settings: legacy, settings$: { v: 2 } });
    const settings = await loadSettings();
    expect(settings.intervalMinutes).toBe(90);
    expect(settings.trustedPeople).toEqual([{ id: 'a', name: 'Ana' }]);
    expect((await loadSetAside()).map((item) => item.value)).toEqual([legacy]);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toBeUndefined();
    resetSettingsForTests();
    expect(await loadSettings()).toEqual(settings);
    expect(await loadSetAside()).toHaveLength(1);
  });
});
