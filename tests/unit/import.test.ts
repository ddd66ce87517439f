import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExportJson } from '../../core/data/export';
import { MAX_CHECK_INS, MAX_SET_ASIDE } from '../../core/data/export-format';
import { DEFAULT_MAX_BYTES, parseImportFile } from '../../core/data/import';
import {
  type CheckIn,
  DEFAULT_SETTINGS,
  ID_MAX_LENGTH,
  PREFERENCE_KEYS,
  type Preferences,
} from '../../core/schema';
import { importChosenFile } from '../../entrypoints/history/App';

const DEFAULT_SETTINGS_PREFERENCES = Object.fromEntries(
  PREFERENCE_KEYS.map((key) => [key, DEFAULT_SETTINGS[key]]),
) as Preferences;

import { localDayKey, localOffsetMinutes } from '../../core/time';
import { DEFAULT_HOURS } from '../../core/time/hours';
import { applyImport, storeAccess, takeSnapshot } from '../../platform/data-transfer';
import { mergeCheckIns } from '../../platform/history/store';
import { addTrustedPerson, updateSettings } from '../../platform/storage';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');
const problemsOf = (text: string, maxBytes?: number) => {
  const result = parseImportFile(text, maxBytes === undefined ? {} : { maxBytes });
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems.map(({ where, what }) => ({ where, what }));
};

const stored: CheckIn[] = [
  { id: 'here-1', at: Date.UTC(2024, 3, 1, 8), feeling: 'tired', outletId: 'stretch-up', outcome: 'done' },
  {
    id: 'c1',
    at: Date.UTC(2024, 3, 2, 8),
    feeling: 'calm',
    outletId: null,
    outcome: 'skipped',
    journal: 'mine',
  },
];

/** Something already on the device, so an import that goes wrong would show. */
async function seed() {
  await updateSettings({ intervalMinutes: 120, holdDuringCalls: true });
  await addTrustedPerson({ id: 'here-p', name: 'Jo' });
  await mergeCheckIns(stored);
}

describe('parseImportFile: hostile files', () => {
  it.each([
    ['empty.txt', [{ where: 'the file', what: 'empty' }]],
    ['truncated.txt', [{ where: 'the file', what: 'truncated' }]],
    ['not-json.txt', [{ where: 'the file', what: 'text' }]],
    // Issue 15: a file of another kind is named for what it is, never "cut off".
    ['journal.md', [{ where: 'the file', what: 'markdown' }]],
    ['check-ins.csv', [{ where: 'the file', what: 'csv' }]],
    ['semicolon.csv', [{ where: 'the file', what: 'csv' }]],
    ['notes.txt', [{ where: 'the file', what: 'text' }]],
    ['page.html', [{ where: 'the file', what: 'html' }]],
    ['image.png', [{ where: 'the file', what: 'image' }]],
    ['archive.zip', [{ where: 'the file', what: 'binary' }]],
    ['other.json', [{ where: "field 'format'", what: 'not-outlet' }]],
    ['not-an-object.json', [{ where: 'the file', what: 'not-outlet' }]],
    ['wrong-format.json', [{ where: "field 'format'", what: 'not-outlet' }]],
    ['wrong-version.json', [{ where: "field 'version'", what: 'unknown-version' }]],
    ['future-version.json', [{ where: "field 'version'", what: 'future-version' }]],
    [
      'proto-pollution.json',
      [
        { where: "check-in 1 (id 'c1'), field '__proto__'", what: 'unknown-field' },
        { where: "field '__proto__'", what: 'unknown-field' },
      ],
    ],
    ['constructor-key.json', [{ where: "preference 'constructor'", what: 'unknown-field' }]],
    ['negative-time.json', [{ where: "check-in 2 (id 'c2'), field 'at'", what: 'bad-time' }]],
    ['non-numeric-time.json', [{ where: "check-in 3 (id 'c3'), field 'at'", what: 'bad-time' }]],
    [
      'duplicate-ids.json',
      [
        { where: "check-in 3 (id 'c1'), field 'id'", what: 'duplicate-id' },
        { where: "trusted person 2 (id 'p1'), field 'id'", what: 'duplicate-id' },
      ],
    ],
    [
      'wrong-types.json',
      [
        { where: "preference 'nudgesEnabled'", what: 'wrong-type' },
        { where: "check-in 2 (id 'c2'), field 'intensity'", what: 'wrong-type' },
      ],
    ],
    ['unknown-field.json', [{ where: "check-in 2 (id 'c2'), field 'mood'", what: 'unknown-field' }]],
    ['too-long-journal.json', [{ where: "check-in 1 (id 'c2'), field 'journal'", what: 'too-long' }]],
  ])('refuses %s, naming where, and leaves stored data as it was', async (name, expected) => {
    expect(problemsOf(fixture(name))).toEqual(expected);

    await seed();
    const before = await takeSnapshot();
    const file = new File([fixture(name)], name, { type: 'application/json' });
    const outcome = await importChosenFile(file);
    expect(outcome.ok).toBe(false);
    expect(await takeSnapshot()).toEqual(before);
  });

  it('never lets a __proto__ key reach Object.prototype', () => {
    parseImportFile(fixture('proto-pollution.json'));
    parseImportFile(fixture('constructor-key.json'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a file over its cap before parsing it', () => {
    // A 1 MB cap here: the real one (256 MB) would need a quarter-gigabyte string in the test.
    const big = `{"format":"outlet-export","pad":"${'x'.repeat(1024 * 1024)}"}`;
    expect(problemsOf(big, 1024 * 1024)).toEqual([{ where: 'the file', what: 'too-big' }]);
  });

  // Seen in the big-file bench: an export of 200,000 check-ins came to 70 MB, past the 50 MB cap
  // this had, so a device's own export could not come back.
  it('takes back the largest export the device makes: 200,000 check-ins, a quarter with a line', () => {
    const start = Date.UTC(2020, 0, 1);
    const checkIns: CheckIn[] = Array.from({ length: MAX_CHECK_INS }, (_, i) => ({
      id: crypto.randomUUID(),
      at: start + i * 600_000,
      day: localDayKey(start + i * 600_000),
      feeling: 'overwhelmed',
      outletId: 'journal-brain-dump',
      outcome: 'done',
      intensity: 3,
      context: { canStepAway: true, alone: false, minutes: 15 },
      shown: ['walk-street', 'journal-brain-dump'],
      helped: 'a-bit',
      helpAsked: true,
      ...(i % 4 === 0 ? { journal: 'A long day, and a short walk made it lighter than I thought.' } : {}),
    }));
    const text = buildExportJson(
      {
        preferences: { ...DEFAULT_SETTINGS_PREFERENCES },
        trustedPeople: [],
        checkIns,
        setAside: [],
        unreadable: [],
      },
      start,
    );
    expect(text.length).toBeGreaterThan(50 * 1024 * 1024);
    const parsed = parseImportFile(text);
    expect(parsed.ok && parsed.data.checkIns.length).toBe(MAX_CHECK_INS);
  });

  it('counts the cap in bytes, not characters', () => {
    // Six characters, twelve bytes in UTF-8.
    expect(problemsOf('"éééééé"', 10)).toEqual([{ where: 'the file', what: 'too-big' }]);
  });

  it('refuses a chosen file past the cap without reading it', async () => {
    const file = {
      size: DEFAULT_MAX_BYTES + 1,
      text: () => Promise.reject(new Error('read')),
    } as unknown as File;
    expect(await importChosenFile(file)).toEqual({
      ok: false,
      problems: [{ where: 'the file', what: 'too-big', place: { section: 'file' } }],
      more: 0,
    });
  });

  const valid = () => JSON.parse(fixture('valid-v2.json'));
  type Raw = ReturnType<typeof valid>;

  it.each([
    [
      'a missing preference',
      (f: Raw) => delete f.preferences.hours,
      [{ where: "preference 'hours'", what: 'missing' }],
    ],
    [
      'a version like 1.5',
      (f: Raw) => (f.version = 1.5),
      [{ where: "field 'version'", what: 'unknown-version' }],
    ],
    [
      'a fractional time',
      (f: Raw) => (f.checkIns[0].at = 1.5),
      [{ where: "check-in 1 (id 'c1'), field 'at'", what: 'bad-time' }],
    ],
    [
      'a time past any date',
      (f: Raw) => (f.exportedAt = 9e15),
      [{ where: "field 'exportedAt'", what: 'bad-time' }],
    ],
    [
      'an unknown outcome',
      (f: Raw) => (f.checkIns[2].outcome = 'great'),
      [{ where: "check-in 3 (id 'c3'), field 'outcome'", what: 'not-allowed' }],
    ],
    [
      'an unknown context field',
      (f: Raw) => (f.checkIns[1].context.mood = 1),
      [{ where: "check-in 2 (id 'c2'), field 'context.mood'", what: 'unknown-field' }],
    ],
    [
      'a name over 60',
      (f: Raw) => (f.trustedPeople[0].name = 'n'.repeat(61)),
      [{ where: "trusted person 1 (id 'p1'), field 'name'", what: 'too-long' }],
    ],
    [
      'more than 20 people',
      (f: Raw) => (f.trustedPeople = Array.from({ length: 21 }, (_, i) => ({ id: `p${i}`, name: `P${i}` }))),
      [{ where: 'trusted people', what: 'too-many' }],
    ],
    [
      'more set-aside values than kept',
      (f: Raw) =>
        (f.setAside = Array.from({ length: MAX_SET_ASIDE + 1 }, (_, i) => ({
          key: `k${i}`,
          at: i,
          value: i,
        }))),
      [{ where: 'set-aside values', what: 'too-many' }],
    ],
    [
      'a 1 MB id',
      (f: Raw) => (f.checkIns[0].id = 'i'.repeat(1024 * 1024)),
      [{ where: `check-in 1 (id '${'i'.repeat(40)}…'), field 'id'`, what: 'too-long' }],
    ],
    [
      'a feeling past the cap',
      (f: Raw) => (f.checkIns[0].feeling = 'f'.repeat(ID_MAX_LENGTH + 1)),
      [{ where: "check-in 1 (id 'c1'), field 'feeling'", what: 'too-long' }],
    ],
    [
      'an outlet past the cap',
      (f: Raw) => (f.checkIns[0].outletId = 'o'.repeat(ID_MAX_LENGTH + 1)),
      [{ where: "check-in 1 (id 'c1'), field 'outletId'", what: 'too-long' }],
    ],
    [
      'an outlet shown past the cap',
      (f: Raw) => (f.checkIns[0].shown = ['o'.repeat(ID_MAX_LENGTH + 1)]),
      [{ where: "check-in 1 (id 'c1'), field 'shown.0'", what: 'too-long' }],
    ],
    [
      'a time past the bound every view can show',
      (f: Raw) => (f.checkIns[0].at = 8.64e15),
      [{ where: "check-in 1 (id 'c1'), field 'at'", what: 'bad-time' }],
    ],
    ['a top-level extra', (f: Raw) => (f.extra = true), [{ where: "field 'extra'", what: 'unknown-field' }]],
    [
      'a huge unknown key with control characters',
      (f: Raw) => (f[`a\u0007${'k'.repeat(500)}`] = 1),
      [{ where: `field 'a${'k'.repeat(39)}…'`, what: 'unknown-field' }],
    ],
    [
      'overlapping hours',
      (f: Raw) => f.preferences.hours[1].push({ start: 600, end: 700, nextDay: false }),
      [{ where: "preference 'hours'", what: 'invalid' }],
    ],
    [
      'a check-in that is not an object',
      (f: Raw) => (f.checkIns[1] = 'c2'),
      [{ where: 'check-in 2', what: 'wrong-type' }],
    ],
  ])('refuses %s', (_name, change, expected) => {
    const file = valid();
    change(file);
    expect(problemsOf(JSON.stringify(file))).toEqual(expected);
  });

  it('refuses more than 200,000 check-ins', () => {
    const file = valid();
    file.checkIns = Array.from({ length: 200_001 }, (_, i) => ({
      id: `x${i}`,
      at: i,
      feeling: 'calm',
      outletId: null,
      outcome: 'done',
    }));
    expect(problemsOf(JSON.stringify(file))).toEqual([{ where: 'check-ins', what: 'too-many' }]);
  });

  it('lists at most 50 problems and counts the rest', () => {
    const file = valid();
    file.checkIns = Array.from({ length: 80 }, (_, i) => ({
      id: `x${i}`,
      at: -1,
      feeling: 'calm',
      outletId: null,
      outcome: 'done',
    }));
    const result = parseImportFile(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.problems.length, result.more]).toEqual([50, 30]);
  });
});

describe('parseImportFile: sound files', () => {
  it('reads a v2 file as it is; one made before silent nudges existed reads as not silent', () => {
    const result = parseImportFile(fixture('valid-v2.json'));
    const file = JSON.parse(fixture('valid-v2.json'));
    expect(file.preferences.silentNudges).toBeUndefined();
    // Nor had it a way nudges come (issue 18): that reads as the default, the offer.
    expect(file.preferences.nudgeMode).toBeUndefined();
    expect(result).toEqual({
      ok: true,
      data: { ...file, preferences: { ...file.preferences, silentNudges: false, nudgeMode: 'offer' } },
    });
  });

  it('accepts a byte-order mark in front', () => {
    expect(parseImportFile(`\uFEFF${fixture('valid-v2.json')}`).ok).toBe(true);
  });

  it('upgrades a v1 file: people out of the settings, the rest as v1 behaved', () => {
    const result = parseImportFile(fixture('valid-v1.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.data.version).toBe(2);
    expect(result.data.preferences).toEqual({
      nudgesEnabled: false,
      intervalMinutes: 90,
      families: ['talking', 'creative'],
      hours: DEFAULT_HOURS,
      breakMinutes: 5,
      holdDuringCalls: false,
      silentNudges: false,
      // The default of today for every profile that never chose (issue 18), as storage reads it.
      nudgeMode: 'offer',
    });
    expect(result.data.trustedPeople).toEqual([{ id: 'p9', name: 'Kim' }]);
    expect(result.data.checkIns.map((entry) => entry.id)).toEqual(['c1', 'c2']);
    expect([result.data.setAside, result.data.unreadable]).toEqual([[], []]);
  });

  it('imports journal text with markup exactly as written', async () => {
    const result = parseImportFile(fixture('script-journal.json'));
    if (!result.ok) throw new Error('refused');
    await applyImport(result.data);
    const { entries } = await storeAccess.allCheckIns();
    expect(entries[0]?.journal).toBe(
      '<script>alert("hi")</script> <img src=x onerror=alert(1)> # not a heading',
    );
  });
});

describe('applyImport', () => {
  it('adds what is new, keeps what is here, and adds nothing the second time', async () => {
    await seed();
    const result = parseImportFile(fixture('valid-v2.json'));
    if (!result.ok) throw new Error('refused');
    // c1 is already here with its own journal line: kept as it is, and reported for the person to choose.
    const counts = await applyImport(result.data);
    expect(counts).toEqual({
      checkIns: {
        added: 2,
        same: 0,
        differing: [
          {
            stored: {
              ...stored[1],
              day: localDayKey(Date.UTC(2024, 3, 2, 8)),
              offset: localOffsetMinutes(Date.UTC(2024, 3, 2, 8)),
            },
            incoming: result.data.checkIns[0],
          },
        ],
      },
      people: { added: 2, kept: 0, full: 0 },
      setAside: { added: 1, same: 0 },
      unreadable: { added: 0, same: 0, full: 0 },
    });
    const after = await takeSnapshot();
    expect(after.checkIns.find((entry) => entry.id === 'c1')?.journal).toBe('mine');
    expect(after.checkIns).toHaveLength(4);
    expect(after.trustedPeople.map((person) => person.id)).toEqual(['here-p', 'p1', 'p2']);
    expect(after.preferences.intervalMinutes).toBe(45);

    expect(await applyImport(result.data)).toEqual({
      checkIns: { added: 0, same: 2, differing: counts.checkIns.differing },
      people: { added: 0, kept: 2, full: 0 },
      setAside: { added: 0, same: 1 },
      unreadable: { added: 0, same: 0, full: 0 },
    });
    expect(await takeSnapshot()).toEqual(after);
  });
});
