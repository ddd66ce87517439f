// Every stored item of Outlet, defined once. Reads are validated (core/schema.ts): a corrupt field
// falls back to its default and is reported in the console, and nothing else is touched.

import * as v from 'valibot';
import {
  type Context,
  ContextSchema,
  DEFAULT_CONTEXT_STATE,
  DEFAULT_SCHEDULE,
  type Parsed,
  parseSchedule,
  parseTimer,
  type Schedule,
  SupportStateSchema,
  type SupportStateStored,
  type Timer,
} from '../core/schema';
import type { EarlyRead } from './early-read';
import { keepContextForFirstPick } from './first-pick-cache';
import { loadSettings, loadSettingsReport, watchSettings } from './settings';
import { defineItem, type StoredItem } from './storage-item';
import { CONTEXT_KEY, SCHEDULE_KEY, SUPPORT_KEY, TIMER_KEY } from './storage-keys';

export {
  addTrustedPerson,
  keepUnreadable,
  loadKeptUnreadable,
  loadSetAside,
  loadSettings,
  loadSettingsReport,
  loadTrustedPeople,
  mergeSetAside,
  mergeTrustedPeople,
  PeopleFull,
  removeAllTrustedPeople,
  removeSetAside,
  removeTrustedPerson,
  restoreDefaultPreferences,
  SaveFailed,
  settingsFromEarlyRead,
  updateSettings,
} from './settings';

// Each item carries a version; a new shape adds a step to `migrations` (see storage-item.ts). A step
// only fills in what the older shape lacked, so running it twice changes nothing.
const fillIn = (defaults: Record<string, unknown>) => (old: unknown) =>
  typeof old === 'object' && old !== null ? { ...defaults, ...old } : old;

/** Written by the background only (one writer per key). */
export const scheduleItem = /* @__PURE__ */ defineItem<Schedule>(SCHEDULE_KEY, {
  fallback: DEFAULT_SCHEDULE,
  version: 2,
  migrations: {
    // v2: pauses with a kind, held nudges, time away, ignored and missed nudges. Spelled out rather
    // than taken from DEFAULT_SCHEDULE: a migration must mean the same thing when defaults change.
    2: fillIn({
      pauseKind: null,
      awaySince: null,
      held: null,
      lastNudgeAnswered: true,
      ignoredInRow: 0,
      missed: null,
    }),
  },
});

export const timerItem = /* @__PURE__ */ defineItem<Timer>(TIMER_KEY, { fallback: null, version: 1 });

/** The check-in context ("I can step away", "I'm alone", minutes), remembered between check-ins. */
export const contextItem = /* @__PURE__ */ defineItem<Context>(CONTEXT_KEY, {
  fallback: DEFAULT_CONTEXT_STATE,
  version: 1,
});

export const supportItem = /* @__PURE__ */ defineItem<SupportStateStored>(SUPPORT_KEY, {
  fallback: { dismissedAt: null },
  version: 1,
});

function report<T>(name: string, parsed: Parsed<T>): T {
  if (parsed.repaired.length > 0) {
    console.warn(
      `Outlet: the stored ${name} had invalid ${parsed.repaired.join(', ')}, now back to defaults. Nothing else was touched.`,
    );
  }
  return parsed.value;
}

/** The schedule as stored, seen from `now`: a time further ahead than the clock can vouch for is invalid. */
export async function loadSchedule(now = Date.now()): Promise<Schedule> {
  return report('schedule', parseSchedule(await scheduleItem.getValue(), now));
}

/**
 * The schedule from the popup head script's read (platform/early-read.ts), as loadSchedule gives it;
 * null when it can't tell. A fixed time's family is then known at the check-in's first render.
 */
export async function scheduleFromEarlyRead(
  read: EarlyRead | undefined,
  now: number,
): Promise<Schedule | null> {
  const local = await read?.local.catch(() => undefined);
  const stored = local ? scheduleItem.fromStored(local) : null;
  return stored ? report('schedule', parseSchedule(stored.value, now)) : null;
}

export async function saveSchedule(schedule: Schedule): Promise<void> {
  await scheduleItem.setValue(schedule);
}

/** A whole item read against its schema; a bad value gives the fallback and a console note. */
function checkWhole<T>(
  item: StoredItem<T>,
  schema: v.GenericSchema<unknown, T>,
  name: string,
  raw: unknown,
): T {
  const result = v.safeParse(schema, raw);
  if (result.success) return result.output;
  console.warn(`Outlet: the stored ${name} was not valid; using the default. Nothing else was touched.`);
  return item.fallback;
}

async function loadWhole<T>(
  item: StoredItem<T>,
  schema: v.GenericSchema<unknown, T>,
  name: string,
): Promise<T> {
  return checkWhole(item, schema, name, await item.getValue());
}

/** The running timer, seen from `now`: one ending further ahead than parseTimer allows is no timer. */
export async function loadTimer(now = Date.now()): Promise<Timer> {
  const parsed = parseTimer(await timerItem.getValue(), now);
  if (parsed.repaired) {
    console.warn('Outlet: the stored timer was not valid; using the default. Nothing else was touched.');
  }
  return parsed.value;
}
export async function saveTimer(timer: Timer): Promise<void> {
  if (timer === null) await timerItem.removeValue();
  else await timerItem.setValue(timer);
}

/** The context as read (or saved) here, kept too for the popup's first pick (platform/first-pick-cache.ts). */
const keptContext = (context: Context): Context => {
  keepContextForFirstPick(context);
  return context;
};
export const loadContext = async () =>
  keptContext(await loadWhole(contextItem, ContextSchema, 'check-in context'));

/** The context from the popup head script's read (platform/early-read.ts); null when it can't tell. */
export async function contextFromEarlyRead(read: EarlyRead | undefined): Promise<Context | null> {
  const local = await read?.local.catch(() => undefined);
  const stored = local ? contextItem.fromStored(local) : null;
  return stored
    ? keptContext(checkWhole(contextItem, ContextSchema, 'check-in context', stored.value))
    : null;
}
export const saveContext = (context: Context) => contextItem.setValue(keptContext(context));

export const loadSupportState = () => loadWhole(supportItem, SupportStateSchema, 'support card state');
export const saveSupportState = (state: SupportStateStored) => supportItem.setValue(state);

/** A stored value for a page to show and follow: how to read it, and when it changed. */
function sourceOf<T>(item: StoredItem<unknown>, load: () => Promise<T>) {
  return { load, watch: (onChange: () => void) => item.watch(onChange) };
}

export const settingsSource = { load: loadSettings, watch: watchSettings };
export const settingsReportSource = { load: loadSettingsReport, watch: watchSettings };
export const scheduleSource = sourceOf(scheduleItem, loadSchedule);
export const timerSource = sourceOf(timerItem, loadTimer);
export const contextSource = sourceOf(contextItem, loadContext);
export const supportSource = sourceOf(supportItem, loadSupportState);

// The popup's view of the history (recent check-ins, followed) is platform/history/popup.ts.
