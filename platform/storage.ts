// Every stored item of Outlet, defined once. Reads are validated (core/schema.ts): a corrupt field
// falls back to its default and is reported in the console, and nothing else is touched.

import * as v from 'valibot';
import { browser } from 'wxt/browser';
import {
  type CheckIn,
  DEFAULT_SCHEDULE,
  DEFAULT_SETTINGS,
  type Parsed,
  parseCheckIn,
  parseSchedule,
  parseSettings,
  type Schedule,
  type Settings,
  type Walk,
  WalkSchema,
} from '../core/schema';
import { defineItem } from './storage-item';

// Version 1 of each item. A later shape adds `migrations: { 2: (old) => … }` (see storage-item.ts).
export const settingsItem = defineItem<Settings>('settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Written by the background only (one writer per key). */
export const scheduleItem = defineItem<Schedule>('schedule', {
  fallback: DEFAULT_SCHEDULE,
  version: 1,
});

export const walkItem = defineItem<Walk>('walk', { fallback: null, version: 1 });

/** Each check-in lives under its own key, so saving one never rewrites the others. */
export const CHECKIN_PREFIX = 'checkin:';

function report<T>(name: string, parsed: Parsed<T>): T {
  if (parsed.repaired.length > 0) {
    console.warn(
      `Outlet: the stored ${name} had invalid ${parsed.repaired.join(', ')}; using the default for ${
        parsed.repaired.length === 1 ? 'it' : 'them'
      }. Your check-ins and everything else are untouched.`,
    );
  }
  return parsed.value;
}

export async function loadSettings(): Promise<Settings> {
  return report('settings', parseSettings(await settingsItem.getValue()));
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settings);
}

export async function loadSchedule(): Promise<Schedule> {
  return report('schedule', parseSchedule(await scheduleItem.getValue()));
}

export async function saveSchedule(schedule: Schedule): Promise<void> {
  await scheduleItem.setValue(schedule);
}

export async function loadWalk(): Promise<Walk> {
  const result = v.safeParse(WalkSchema, await walkItem.getValue());
  if (!result.success) console.warn('Outlet: the stored walk timer was not valid; ignoring it.');
  return result.success ? result.output : null;
}

export async function saveWalk(walk: Walk): Promise<void> {
  if (walk === null) await walkItem.removeValue();
  else await walkItem.setValue(walk);
}

export async function saveCheckIn(checkIn: CheckIn): Promise<void> {
  await browser.storage.local.set({ [`${CHECKIN_PREFIX}${checkIn.id}`]: checkIn });
}

/** All readable check-ins, oldest first. Unreadable ones are skipped (and kept in storage). */
export async function loadCheckIns(): Promise<CheckIn[]> {
  const all = await browser.storage.local.get(null);
  const checkIns: CheckIn[] = [];
  let unreadable = 0;
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(CHECKIN_PREFIX)) continue;
    const checkIn = parseCheckIn(value);
    if (checkIn) checkIns.push(checkIn);
    else unreadable++;
  }
  if (unreadable > 0)
    console.warn(`Outlet: ${unreadable} stored check-in(s) could not be read and were left as they are.`);
  return checkIns.sort((a, b) => a.at - b.at);
}

/** Sources for pages that show a stored value and follow its changes. */
export const settingsSource = {
  load: loadSettings,
  watch: (onChange: () => void) => settingsItem.watch(onChange),
};

export const scheduleSource = {
  load: loadSchedule,
  watch: (onChange: () => void) => scheduleItem.watch(onChange),
};
