// Where Outlet's values sit in extension storage: shared by the stores that write them
// (settings.ts, storage.ts) and by the popup's head script (early-read.ts), which reads them before
// the polyfill has loaded. Free of imports on purpose: importing it costs a head script nothing.

/** In storage.sync: each preference under its own key, `pref:<name>`. */
export const PREF_PREFIX = 'pref:';
/** In storage.local: set once Outlet 0.1's single `settings` object has been split into `pref:` keys. */
export const SETTINGS_MOVED_KEY = 'settings$moved';
/** In storage.local: the context a person gave last time (where they are, how long they have). */
export const CONTEXT_KEY = 'context';
/**
 * In storage.local: set on install, until the person starts Outlet (the welcome's "Start Outlet", or
 * their first opening of the popup); nothing is planned meanwhile (platform/nudges.ts).
 */
export const NOT_STARTED_KEY = 'welcome:pending';
/** In storage.local: a journal line waiting to be stored in its check-in, `journalDraft:<check-in id>`. */
export const DRAFT_PREFIX = 'journalDraft:';
/**
 * In storage.local: the check-in under way (its step, the walk, the question waiting), so a popup
 * opened again comes back to it (core/checkin/resume.ts). Not `checkin:…`: Outlet 0.1 kept its
 * check-ins under that prefix, and moves them into the history.
 */
export const FLOW_KEY = 'checkinFlow';

// Each of these holds a value of storage.ts (defineItem keeps WXT's layout: the value under the key,
// its version `{ v }` under the key with `$` after it).
/** In storage.local: the nudge plan (written by the background only). */
export const SCHEDULE_KEY = 'schedule';
/** In storage.local: the running walk or move, and when it ends. */
export const TIMER_KEY = 'timer';
/** In storage.local: what the support card has said and when it was put away. */
export const SUPPORT_KEY = 'support';

/** In storage.local: a trusted person, one key each, `person:<id>` (platform/settings.ts). */
export const PERSON_PREFIX = 'person:';
/** In storage.local: one of the person's own outlets, one key each, `ownOutlet:<id>` (platform/own-outlets.ts). */
export const OWN_OUTLET_PREFIX = 'ownOutlet:';
/** localStorage: the person's own outlets, for the first pick (core/outlets/own.ts). */
export const FIRST_PICK_OWN_KEY = 'outlet:first-pick:own';
/** In storage.local: a value repaired on read, kept as it was, `aside:<time>:<key>`. */
export const ASIDE_PREFIX = 'aside:';
/** In storage.local: an unreadable check-in an import brought back, as it was, `unreadable:<n>`. */
export const UNREADABLE_PREFIX = 'unreadable:';
/** In storage.local: Outlet 0.1's single object of preferences and people, moved into `pref:` and `person:` keys. */
export const LEGACY_SETTINGS_KEY = 'settings';

/** In storage.local: the history where IndexedDB is refused, every key under `history:` (platform/history/local.ts). */
export const LOCAL_HISTORY_PREFIX = 'history:';
/** In storage.local: when the person was told the history is kept in storage.local, not the database. */
export const PLACE_TOLD_KEY = 'historyPlace$told';
/** In storage.local: Outlet 0.1's check-ins, `checkin:<id>`, moved into the history once. */
export const LEGACY_CHECKIN_PREFIX = 'checkin:';
/** In storage.local: set once Outlet 0.1's check-ins have been moved into the history. */
export const HISTORY_MOVED_KEY = 'history$moved';
/** In storage.local: Outlet before 0.3 kept one journal draft for every check-in, under this key. */
export const OLD_DRAFT_KEY = 'journalDraft';

// In the page's localStorage (not extension storage): a copy of what a pick needs, for the popup's
// head script to read synchronously (platform/first-pick-cache.ts).
/** localStorage: the families to offer. */
export const FIRST_PICK_FAMILIES_KEY = 'outlet:first-pick:families';
/** localStorage: where the person is. */
export const FIRST_PICK_CONTEXT_KEY = 'outlet:first-pick:context';
/** localStorage: what the picker learned (every device's totals), for the first pick (core/learning). */
export const FIRST_PICK_LEARNED_KEY = 'outlet:first-pick:learned';

// What the picker learned (core/learning/totals.ts, platform/learning.ts).
/** In storage.local: this browser's id among the person's browsers (a UUID, made once). */
export const LEARNING_DEVICE_KEY = 'learning:device';
/** In storage.local: every device's totals as last merged here, `{ v, devices }`. */
export const LEARNING_KEY = 'learning:totals';
/**
 * In storage.local: a check-in's change waiting to be taken into the totals (after the next step is
 * drawn, or at the next open if its page closed first), `learning:waiting:<time>:<random>:<id>`.
 */
export const LEARN_WAITING_PREFIX = 'learning:waiting:';
/** In storage.sync: one browser's own totals, `learn:<device id>`; only that browser writes it. */
export const LEARN_SYNC_PREFIX = 'learn:';
/**
 * localStorage: until when (epoch ms) a check-in is under way past its first screen (a walk, its
 * question, an outlet on offer), so the head script doesn't draw the feelings over it
 * (platform/checkin-handover.ts).
 */
export const UNDER_WAY_UNTIL_KEY = 'outlet:checkin:under-way-until';
/** In storage.local: the person's say over "on this day" memories (core/insights/memory.ts). */
export const MEMORIES_KEY = 'memories';

/**
 * In storage.local: where the person placed their own mood names from another app on Outlet's
 * feelings, by app (`{ daylio: { 'ok but sleepy': 'tired' } }`), offered again at the next import
 * (platform/app-import.ts). On this device only, like the history the names came with.
 */
export const IMPORT_MOODS_KEY = 'import:moods';
/** In storage.local: what happened to each nudge, the last 90 days (core/nudge-log.ts; the background writes it). */
export const NUDGE_LOG_KEY = 'nudgeLog';
/**
 * In storage.local: the tabs Outlet muted when a timed outlet began (their ids), to give their sound
 * back at its end, also from a worker started since (platform/tab-sound.ts).
 */
export const MUTED_TABS_KEY = 'clock:mutedTabs';
