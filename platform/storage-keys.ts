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
