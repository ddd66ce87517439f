// What a saved check-in teaches the picker, taken in after the person has moved on (issue 15: the
// popup waited for the learner's reads and writes of storage between "Done" and the next step). Apart
// from learning.ts, which the check-in loads at once for the pick: this comes with the history's
// writes (history/store.ts), loaded when the first check-in is saved.
import { browser } from 'wxt/browser';
import { type CheckIn, parseCheckIn } from '../core/schema';
import { type Lesson, locked, storageKeys, takeLessons } from './learning';
import { LEARN_WAITING_PREFIX } from './storage-keys';

// Lessons learned after the person has moved on (learnLater) wait in storage.local, each under its own
// key, until the totals hold them: a page closed meanwhile, or a write that failed, leaves the key,
// and the next page to open takes it in (learnWaiting). The totals and the word that a lesson is in
// them (TAKEN, over its key) go in one write, one transaction of the browser's: a page that closes
// after it (while the totals go on to sync, say) leaves a key that says so, never a lesson to take in
// a second time. The key itself is removed after.
const TAKEN = 'taken';

/** Lessons of this context not yet taken in, by key: learnWaiting leaves them to their own task. */
const inFlight = new Set<string>();
/** Every lesson of this context still being taken in (tests wait for them). */
const running = new Set<Promise<void>>();

/**
 * Takes a check-in's change into the totals once `later` runs (after the next step is drawn, so the
 * person never waits for it). The change is first kept in storage.local under its own key, handed to
 * the browser at once, and removed once the totals hold it; if taking it in fails, it stays there and
 * is taken in at the next page's open (learnWaiting), and the failure is logged.
 */
export function learnLater(
  { before, after }: Lesson,
  recent: () => Promise<CheckIn[]>,
  later: (run: () => void) => void = (run) => setTimeout(run),
): void {
  const id = after?.id ?? before?.id ?? '';
  const key = `${LEARN_WAITING_PREFIX}${Date.now().toString(36)}:${Math.random().toString(36).slice(2)}:${id}`;
  inFlight.add(key);
  // Handed to the browser now: it is kept even if this page closes before `later` runs. Without the
  // journal line: the picker never reads it, and the words stay in the history alone.
  const kept = browser.storage.local
    .set({ [key]: { before: wordless(before), after: wordless(after) } })
    .then(
      () => true,
      (error: unknown) => {
        console.warn('Outlet: a lesson for the picker could not be kept for later; taking it in now.', error);
        return false;
      },
    );
  const task = new Promise<void>((resolve) => later(() => resolve())).then(async () => {
    const stored = await kept;
    await locked(async () => {
      // Taken in already by another page's learnWaiting (it held the lock first): nothing to do.
      const value = stored ? (await browser.storage.local.get([key]))[key] : null;
      if (stored && (value == null || value === TAKEN)) return;
      await takeLessons([{ before, after }], recent, Date.now(), stored ? { [key]: TAKEN } : {});
      if (stored) await browser.storage.local.remove(key);
    });
  });
  const settled = task
    .catch((error: unknown) => {
      console.warn('Outlet: what this check-in taught the picker waits to be kept at the next open.', error);
    })
    .finally(() => {
      inFlight.delete(key);
      running.delete(settled);
    });
  running.add(settled);
}

/** For tests: resolves once every lesson of this context is taken in (or has failed). */
export async function lessonsSettled(): Promise<void> {
  while (running.size > 0) await Promise.all(running);
}

/** For tests: this context's memory of its lessons goes, as a closed page's does. */
export function forgetLessonsForTests(): void {
  inFlight.clear();
  running.clear();
}

/**
 * Takes in every lesson left waiting (its page closed first, or the write failed then), except those
 * this page is taking in itself. Never rejects; what fails waits for the next open.
 */
export async function learnWaiting(recent: () => Promise<CheckIn[]>): Promise<void> {
  try {
    await locked(async () => {
      const keys = (await storageKeys()).filter(
        (key) => key.startsWith(LEARN_WAITING_PREFIX) && !inFlight.has(key),
      );
      if (keys.length === 0) return;
      const values = await browser.storage.local.get(keys);
      const lessons: Lesson[] = [];
      // What goes once the totals hold it: the lessons read, and the keys already marked taken.
      const done: string[] = [];
      const taken: Record<string, unknown> = {};
      for (const key of keys) {
        const lesson = parseLesson(values[key]);
        if (values[key] === TAKEN) done.push(key);
        else if (lesson) {
          lessons.push(lesson);
          done.push(key);
          taken[key] = TAKEN;
        } else console.warn('Outlet: an unreadable lesson for the picker is left as it is.', key);
      }
      if (lessons.length > 0) await takeLessons(lessons, recent, Date.now(), taken);
      await browser.storage.local.remove(done);
    });
  } catch (error) {
    console.warn('Outlet: lessons for the picker still wait.', error);
  }
}

function wordless(entry: CheckIn | null): CheckIn | null {
  if (!entry) return null;
  const { journal: _words, ...rest } = entry;
  return rest;
}

function parseLesson(value: unknown): Lesson | null {
  if (typeof value !== 'object' || value === null) return null;
  const { before, after } = value as { before?: unknown; after?: unknown };
  const entry = (raw: unknown) => (raw === null ? null : parseCheckIn(raw));
  const lesson = { before: entry(before ?? null), after: entry(after ?? null) };
  // A side that was there but can't be read makes the lesson unreadable (left as it is).
  if ((before != null && lesson.before === null) || (after != null && lesson.after === null)) return null;
  return lesson;
}
