// The background worker started against the fake browser, for tests that drive it through its
// events (messages, alarms). WXT's fake browser has no `idle`: an always-active one stands in.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { resetNudgesForTests, serially } from '../../platform/nudges';

/** A Tuesday morning, inside the default active hours (Monday to Friday, 9:00 to 18:00) in any zone. */
export const TUESDAY_MORNING = new Date(2026, 2, 10, 10, 0).getTime();

/** Lets the background finish what its last event started (its queue, then one more turn). */
export async function settle(): Promise<void> {
  await serially(async () => undefined);
  await new Promise((resolve) => setTimeout(resolve, 0));
  await serially(async () => undefined);
}

/** An `idle` API that always says "active". */
export function fakeActiveIdle(): void {
  Object.assign(fakeBrowser, {
    idle: {
      setDetectionInterval: () => undefined,
      queryState: async () => 'active',
      onStateChanged: { addListener: () => undefined },
    },
  });
}

/** The clock at `at` (Date only), a fresh nudge queue, an active user: the state before `startBackground`. */
export function prepareBackground(at = TUESDAY_MORNING): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  resetNudgesForTests();
  fakeActiveIdle();
}

/** Prepares, then starts the worker and waits for its start-up to finish. */
export async function startBackground(at = TUESDAY_MORNING): Promise<void> {
  prepareBackground(at);
  background.main();
  await settle();
}

/** Undoes `prepareBackground`. */
export function stopBackground(): void {
  vi.useRealTimers();
  Reflect.deleteProperty(fakeBrowser, 'idle');
}
