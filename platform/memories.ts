// "On this day" as the browser keeps it: the person's say over memories (storage.local, this device
// only, as the history is), and the memory to show now, chosen by core/insights/memory.ts from the
// latest check-in and the few days it looks back at.
import * as v from 'valibot';
import {
  chooseMemory,
  DEFAULT_MEMORY_PREFS,
  type Memory,
  type MemoryChoice,
  type MemoryPrefs,
  MemoryPrefsSchema,
  MOOD_FRESH_FOR,
  memoryDays,
} from '../core/insights/memory';
import { localDayKey } from '../core/time';
import { checkInsOnDays, recentCheckIns } from './history/store';
import { keepAside } from './settings';
import { defineItem } from './storage-item';
import { MEMORIES_KEY } from './storage-keys';

const memoriesItem = /* @__PURE__ */ defineItem<MemoryPrefs>(MEMORIES_KEY, {
  fallback: DEFAULT_MEMORY_PREFS,
  version: 1,
});

/** The stored say over memories; a value that doesn't read is taken as the defaults (and left as it is). */
export async function loadMemoryPrefs(): Promise<MemoryPrefs> {
  const result = v.safeParse(MemoryPrefsSchema, await memoriesItem.getValue());
  if (result.success) return result.output;
  console.warn(
    'Outlet: the stored memory settings were not valid; using the defaults. Nothing else was touched.',
  );
  return DEFAULT_MEMORY_PREFS;
}

/** Saves the say over memories; a stored value that didn't read is kept aside first, as it was. */
export async function saveMemoryPrefs(prefs: MemoryPrefs, now = Date.now()): Promise<void> {
  const stored = await memoriesItem.getValue();
  if (stored !== DEFAULT_MEMORY_PREFS && !v.is(MemoryPrefsSchema, stored)) {
    await keepAside([{ key: MEMORIES_KEY, at: now, value: stored }]);
  }
  await memoriesItem.setValue(v.parse(MemoryPrefsSchema, prefs));
}

/** The memory to give back after a check-in: only when the person asked for one there, and not put away today. */
export async function memoryAfterCheckIn(now: number): Promise<Memory | null> {
  const prefs = await loadMemoryPrefs();
  if (!prefs.afterCheckIn || prefs.putAwayOn === localDayKey(now)) return null;
  return (await findMemory(now)).shown;
}

/** Memories after a check-in stop; the history page keeps its own switch. */
export async function stopMemoriesAfterCheckIn(): Promise<void> {
  await saveMemoryPrefs({ ...(await loadMemoryPrefs()), afterCheckIn: false });
}

/** The memory to show at `now`, by the rules of core/insights/memory.ts (the person's switches aside). */
export async function findMemory(now: number): Promise<MemoryChoice> {
  const today = localDayKey(now);
  const [latest, onDays] = await Promise.all([
    recentCheckIns({ since: now - MOOD_FRESH_FOR, limit: 1 }),
    checkInsOnDays(memoryDays(today).map(({ day }) => day)),
  ]);
  return chooseMemory(today, latest.at(-1) ?? null, onDays, now);
}
