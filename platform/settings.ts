// Where the settings live, and why:
// - Preferences (how often, which hours, what to offer, what counts as a break, holding during calls)
//   follow the person across their browsers in `storage.sync`, one key each (`pref:<name>`). One key
//   per preference means two devices (or two tabs) changing different settings never undo each other;
//   for the same setting the latest change wins, which is how the browser's sync settles a key.
// - Trusted people stay on this device, in `storage.local`, one key each (`person:<id>`): adding one
//   writes one key, so two tabs adding at the same moment both keep theirs.
// - A stored value that had to be repaired on read is never written over without first being kept
//   aside (`aside:<time>:<name>` in `storage.local`), where an export still finds it.
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import {
  DEFAULT_SETTINGS,
  type Parsed,
  PeopleFull,
  PREFERENCE_KEYS,
  type PreferenceKey,
  type Preferences,
  parsePreference,
  preferenceFields,
  type Settings,
  TRUSTED_PEOPLE_MAX,
  type TrustedPerson,
  TrustedPersonSchema,
} from '../core/schema';
import type { EarlyRead } from './early-read';
import { keepFamiliesForFirstPick } from './first-pick-cache';
import {
  ASIDE_PREFIX,
  LEGACY_SETTINGS_KEY,
  SETTINGS_MOVED_KEY as MOVED_KEY,
  PERSON_PREFIX,
  PREF_PREFIX,
  UNREADABLE_PREFIX,
} from './storage-keys';
import { readStored, storedKeys } from './storage-read';

/** storage.sync keeps at most 8 KB per item; Outlet's preferences are far smaller when sound. */
const SYNC_ITEM_MAX_CHARS = 4000;

const prefKey = (name: PreferenceKey) => `${PREF_PREFIX}${name}`;
const PREF_STORAGE_KEYS = PREFERENCE_KEYS.map(prefKey);

export interface SetAside {
  /** Where the value was stored, e.g. `pref:hours` or `settings`. */
  key: string;
  /** When it was set aside (epoch ms). */
  at: number;
  value: unknown;
}

interface StoredPerson extends TrustedPerson {
  /** Keeps the order people were added in. */
  addedAt: number;
}

/** A save that storage refused, with the browser's reason; pages put it into plain words. */
export class SaveFailed extends Error {
  constructor(cause: unknown) {
    super(`Outlet could not save: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'SaveFailed';
  }
}

// Adding one more person than the limit (the form says so before trying): defined beside the limit.
export { PeopleFull };

/** Keeps values that could not be read, as they were, before anything is written over them. */
export async function keepAside(items: SetAside[]): Promise<void> {
  if (items.length === 0) return;
  await browser.storage.local.set(
    Object.fromEntries(items.map((item, i) => [`${ASIDE_PREFIX}${item.at + i}:${item.key}`, item])),
  );
}

// ── Outlet 0.1's settings object, split once ─────────────────────────────────────────────────────

let moving: Promise<void> | null = null;

/**
 * Moves Outlet 0.1's `settings` object (preferences and people together, in storage.local) into the
 * keys above, once per profile, in whichever context reads settings first. Idempotent: preferences
 * already in sync (from another device) win, people are written by id, and the original object is
 * kept aside before it is removed.
 */
export function moveLegacySettings(now = Date.now()): Promise<void> {
  moving ??= (async () => {
    const local = await browser.storage.local.get([
      MOVED_KEY,
      LEGACY_SETTINGS_KEY,
      `${LEGACY_SETTINGS_KEY}$`,
    ]);
    if (local[MOVED_KEY] === true) return;
    const legacy = local.settings;
    if (typeof legacy === 'object' && legacy !== null) {
      const old = legacy as Record<string, unknown>;
      const inSync = await browser.storage.sync.get(PREF_STORAGE_KEYS);
      const prefs: Record<string, unknown> = {};
      // Copied as they were, sound or not: a broken one is then reported and repaired on read like
      // any other (and kept aside when overwritten). One too big for a sync item stays in the copy
      // kept aside below.
      for (const name of PREFERENCE_KEYS) {
        const raw = old[name];
        if (raw === undefined || inSync[prefKey(name)] !== undefined) continue;
        if ((JSON.stringify(raw) ?? '').length <= SYNC_ITEM_MAX_CHARS) prefs[prefKey(name)] = raw;
      }
      const people: Record<string, StoredPerson> = {};
      const list = Array.isArray(old.trustedPeople) ? old.trustedPeople : [];
      list.forEach((raw, index) => {
        const person = v.safeParse(TrustedPersonSchema, raw);
        if (person.success)
          people[`${PERSON_PREFIX}${person.output.id}`] = { ...person.output, addedAt: index };
      });
      await keepAside([{ key: LEGACY_SETTINGS_KEY, at: now, value: legacy }]);
      if (Object.keys(prefs).length > 0) await browser.storage.sync.set(prefs);
      if (Object.keys(people).length > 0) await browser.storage.local.set(people);
      await browser.storage.local.remove([LEGACY_SETTINGS_KEY, `${LEGACY_SETTINGS_KEY}$`]);
    }
    await browser.storage.local.set({ [MOVED_KEY]: true });
  })().catch((error) => {
    moving = null;
    throw error;
  });
  return moving;
}

// ── reading ──────────────────────────────────────────────────────────────────────────────────────

function readPreferences(stored: Record<string, unknown>): Parsed<Preferences> {
  const value = {} as Record<PreferenceKey, unknown>;
  const repaired: string[] = [];
  for (const name of PREFERENCE_KEYS) {
    const read = parsePreference(name, stored[prefKey(name)]);
    value[name] = read.value;
    if (read.repaired) repaired.push(name);
  }
  return { value: value as Preferences, repaired };
}

function readPeople(local: Record<string, unknown>): { people: TrustedPerson[]; unreadable: number } {
  const people: StoredPerson[] = [];
  let unreadable = 0;
  for (const [key, raw] of Object.entries(local)) {
    if (!key.startsWith(PERSON_PREFIX)) continue;
    const person = v.safeParse(TrustedPersonSchema, raw);
    if (!person.success) {
      // Left where it is, untouched: an export still carries it.
      unreadable++;
      continue;
    }
    const addedAt = (raw as { addedAt?: unknown }).addedAt;
    people.push({ ...person.output, addedAt: typeof addedAt === 'number' ? addedAt : 0 });
  }
  people.sort((a, b) => a.addedAt - b.addedAt || a.id.localeCompare(b.id));
  return { people: people.map(({ addedAt: _, ...person }) => person), unreadable };
}

export async function loadTrustedPeople(): Promise<TrustedPerson[]> {
  await moveLegacySettings();
  return readPeople(await readStored(browser.storage.local, { prefixes: [PERSON_PREFIX] })).people;
}

/** The settings, and which stored fields were not readable as they are (for the options page). */
export async function loadSettingsReport(): Promise<Parsed<Settings>> {
  await moveLegacySettings();
  const [synced, local] = await Promise.all([
    browser.storage.sync.get(PREF_STORAGE_KEYS),
    readStored(browser.storage.local, { prefixes: [PERSON_PREFIX] }),
  ]);
  return settingsFrom(synced, local);
}

/**
 * The settings from what the popup's head script read (platform/early-read.ts), or null when that
 * read is missing, failed, or found Outlet 0.1's settings not moved yet (then loadSettingsReport
 * moves them first). Seeing the move done also spares this page's later reads the flag's round trip.
 */
export async function settingsFromEarlyRead(read: EarlyRead | undefined): Promise<Parsed<Settings> | null> {
  if (!read) return null;
  try {
    const [synced, local] = await Promise.all([read.sync, read.local]);
    if (local[MOVED_KEY] !== true) return null;
    moving ??= Promise.resolve();
    return settingsFrom(synced, local);
  } catch {
    return null;
  }
}

function settingsFrom(synced: Record<string, unknown>, local: Record<string, unknown>): Parsed<Settings> {
  const prefs = readPreferences(synced);
  const { people, unreadable } = readPeople(local);
  const repaired = [...prefs.repaired, ...(unreadable > 0 ? ['trustedPeople'] : [])];
  // Every read (and every page re-reads after a change) refreshes the popup's copy for its first pick.
  keepFamiliesForFirstPick(prefs.value.families);
  if (repaired.length > 0) {
    console.warn(
      `Outlet: the stored ${repaired.join(', ')} could not be read as they were; using what was sound. The originals are kept.`,
    );
  }
  return { value: { ...DEFAULT_SETTINGS, ...prefs.value, trustedPeople: people }, repaired };
}

export async function loadSettings(): Promise<Settings> {
  return (await loadSettingsReport()).value;
}

/** Originals kept aside when a repaired value was saved over them, oldest first. */
export async function loadSetAside(): Promise<SetAside[]> {
  const local = await readStored(browser.storage.local, { prefixes: [ASIDE_PREFIX] });
  return Object.entries(local)
    .filter(([key]) => key.startsWith(ASIDE_PREFIX))
    .map(([, item]) => item as SetAside)
    .filter((item) => typeof item === 'object' && item !== null && typeof item.at === 'number')
    .sort((a, b) => a.at - b.at);
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Brings set-aside values back from an export: each one not kept here yet (same key, same time, same
 * value) is kept again, under a key of its own; one already here is left as it is. Resolves to how
 * many were added and how many were already here.
 */
export async function mergeSetAside(items: readonly SetAside[]): Promise<{ added: number; same: number }> {
  if (items.length === 0) return { added: 0, same: 0 };
  const local = await readStored(browser.storage.local, { prefixes: [ASIDE_PREFIX] });
  const kept = Object.entries(local)
    .filter(([key]) => key.startsWith(ASIDE_PREFIX))
    .map(([, item]) => item as SetAside);
  const taken = new Set(Object.keys(local));
  const write: Record<string, SetAside> = {};
  let same = 0;
  for (const item of items) {
    const here = kept.some(
      (old) => old?.key === item.key && old.at === item.at && sameJson(old.value, item.value),
    );
    if (here) {
      same++;
      continue;
    }
    let n = 0;
    let key = `${ASIDE_PREFIX}${item.at}:${item.key}`;
    while (taken.has(key)) key = `${ASIDE_PREFIX}${item.at}.${++n}:${item.key}`;
    taken.add(key);
    kept.push(item);
    write[key] = { key: item.key, at: item.at, value: item.value };
  }
  if (Object.keys(write).length > 0) await browser.storage.local.set(write);
  return { added: Object.keys(write).length, same };
}

// Unreadable check-ins brought back by an import, exactly as the file held them. They can't go back
// into the history (they have no sound id or time to file them under), so they wait here, one key
// each, where the next export reads them again (platform/data-transfer.ts) and "delete everything"
// removes them with the values set aside.

/** Unreadable check-ins kept from an import, in the order they were kept. */
export async function loadKeptUnreadable(): Promise<unknown[]> {
  const local = await readStored(browser.storage.local, { prefixes: [UNREADABLE_PREFIX] });
  return Object.keys(local)
    .filter((key) => key.startsWith(UNREADABLE_PREFIX))
    .sort((a, b) => Number(a.slice(UNREADABLE_PREFIX.length)) - Number(b.slice(UNREADABLE_PREFIX.length)))
    .map((key) => local[key]);
}

/** Keeps more unreadable check-ins, after the ones already kept. */
export async function keepUnreadable(values: readonly unknown[]): Promise<void> {
  if (values.length === 0) return;
  const numbers = (await storedKeys(browser.storage.local, [UNREADABLE_PREFIX]))
    .map((key) => Number(key.slice(UNREADABLE_PREFIX.length)))
    .filter(Number.isFinite);
  const next = numbers.length === 0 ? 0 : Math.max(...numbers) + 1;
  await browser.storage.local.set(
    Object.fromEntries(values.map((value, i) => [`${UNREADABLE_PREFIX}${next + i}`, value])),
  );
}

/** Forgets the originals kept aside and the unreadable check-ins kept (part of "delete everything"). */
export async function removeSetAside(): Promise<void> {
  await browser.storage.local.remove(
    await storedKeys(browser.storage.local, [ASIDE_PREFIX, UNREADABLE_PREFIX]),
  );
}

// ── writing preferences ──────────────────────────────────────────────────────────────────────────

// storage.sync allows 120 writes a minute: changes made close together go out as one write, and
// writes are spaced at least this far apart. A change is never held back longer than that.
const SYNC_WRITE_SPACING = 500;
let pending: Record<string, unknown> = {};
let waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;
let lastWriteAt = 0;

async function flush(): Promise<void> {
  flushTimer = null;
  const patch = pending;
  const waiting = waiters;
  pending = {};
  waiters = [];
  try {
    // A value that had to be repaired on read is kept aside before the new one replaces it.
    const current = await browser.storage.sync.get(Object.keys(patch));
    const now = Date.now();
    const aside: SetAside[] = [];
    for (const [key, raw] of Object.entries(current)) {
      const name = key.slice(PREF_PREFIX.length) as PreferenceKey;
      if (raw !== undefined && parsePreference(name, raw).repaired) aside.push({ key, at: now, value: raw });
    }
    await keepAside(aside);
    lastWriteAt = Date.now();
    await browser.storage.sync.set(patch);
    for (const waiter of waiting) waiter.resolve();
  } catch (error) {
    const failed = new SaveFailed(error);
    for (const waiter of waiting) waiter.reject(failed);
  }
}

/**
 * Changes some preferences. Only the keys given are written, so a change made meanwhile in another
 * page or on another device is never undone. Resolves once stored; rejects with SaveFailed when the
 * browser refused (full, or over sync's limits) and with a TypeError for a value no form should send.
 */
export function updateSettings(patch: Partial<Preferences>): Promise<void> {
  for (const [name, value] of Object.entries(patch) as [PreferenceKey, unknown][]) {
    if (!(name in preferenceFields)) throw new TypeError(`Not a preference: ${name}`);
    if (!v.safeParse(preferenceFields[name], value).success)
      return Promise.reject(new TypeError(`Not a valid ${name}`));
    pending[prefKey(name)] = value;
  }
  return new Promise<void>((resolve, reject) => {
    waiters.push({ resolve, reject });
    if (flushTimer !== null) return;
    const wait = Math.max(0, lastWriteAt + SYNC_WRITE_SPACING - Date.now());
    flushTimer = setTimeout(() => void flush(), wait);
  });
}

/** Puts every preference back to its default (the people and the history are not touched). */
export function restoreDefaultPreferences(): Promise<void> {
  const { trustedPeople: _, ...defaults } = DEFAULT_SETTINGS;
  return updateSettings(defaults);
}

// ── writing people ───────────────────────────────────────────────────────────────────────────────

/** Adds one person under their own key. Rejects with PeopleFull at the limit, SaveFailed on a refusal. */
export async function addTrustedPerson(person: TrustedPerson, now = Date.now()): Promise<void> {
  const parsed = v.safeParse(TrustedPersonSchema, person);
  if (!parsed.success) throw new TypeError('Not a valid trusted person');
  const people = await loadTrustedPeople();
  if (people.length >= TRUSTED_PEOPLE_MAX) throw new PeopleFull();
  try {
    await browser.storage.local.set({ [`${PERSON_PREFIX}${person.id}`]: { ...parsed.output, addedAt: now } });
  } catch (error) {
    throw new SaveFailed(error);
  }
}

export async function removeTrustedPerson(id: string): Promise<void> {
  try {
    await browser.storage.local.remove(`${PERSON_PREFIX}${id}`);
  } catch (error) {
    throw new SaveFailed(error);
  }
}

export async function removeAllTrustedPeople(): Promise<void> {
  await browser.storage.local.remove(await storedKeys(browser.storage.local, [PERSON_PREFIX]));
}

/**
 * Adds the people whose id is not stored yet (an import), up to the limit. Returns how many were
 * added, how many were already here, and how many didn't fit.
 */
export async function mergeTrustedPeople(
  people: readonly TrustedPerson[],
  now = Date.now(),
): Promise<{ added: number; kept: number; full: number }> {
  const stored = await loadTrustedPeople();
  const ids = new Set(stored.map((person) => person.id));
  const fresh: Record<string, StoredPerson> = {};
  let added = 0;
  let kept = 0;
  let full = 0;
  for (const person of people) {
    if (ids.has(person.id)) kept++;
    else if (stored.length + added >= TRUSTED_PEOPLE_MAX) full++;
    else {
      ids.add(person.id);
      fresh[`${PERSON_PREFIX}${person.id}`] = { ...person, addedAt: now + added };
      added++;
    }
  }
  if (added > 0) await browser.storage.local.set(fresh);
  return { added, kept, full };
}

// ── following changes ────────────────────────────────────────────────────────────────────────────

const touchesSettings = (changes: Record<string, unknown>, area: string) =>
  Object.keys(changes).some(
    (key) =>
      (area === 'sync' && key.startsWith(PREF_PREFIX)) || (area === 'local' && key.startsWith(PERSON_PREFIX)),
  );

/** Calls back on any change to the settings (here, in another page, or from another device). */
export function watchSettings(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (touchesSettings(changes, area)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * For the background: calls back with the settings as they were just before each change to the
 * preferences, so the schedule can tell whether the timing changed.
 */
export function watchPreferenceChanges(onChange: (previous: Settings) => void): () => void {
  // Not awaited by the caller: a change made while settings are being moved (moveLegacySettings
  // writes preferences) must not wait on that very move.
  const listener = (changes: Record<string, { oldValue?: unknown }>, area: string) => {
    if (area !== 'sync' || !Object.keys(changes).some((key) => key.startsWith(PREF_PREFIX))) return;
    void announce(changes);
  };
  const announce = async (changes: Record<string, { oldValue?: unknown }>) => {
    const current = await loadSettings();
    const previous: Record<string, unknown> = { ...current };
    for (const [key, change] of Object.entries(changes)) {
      if (!key.startsWith(PREF_PREFIX)) continue;
      const name = key.slice(PREF_PREFIX.length) as PreferenceKey;
      if (PREFERENCE_KEYS.includes(name)) previous[name] = parsePreference(name, change.oldValue).value;
    }
    onChange(previous as unknown as Settings);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** For tests: forget this context's migration state and pending writes. */
export function resetSettingsForTests(): void {
  moving = null;
  pending = {};
  waiters = [];
  if (flushTimer !== null) clearTimeout(flushTimer);
  flushTimer = null;
  lastWriteAt = 0;
}
