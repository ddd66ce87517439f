// The offer as the background runs it (issue 18): a due nudge waits on the toolbar icon, a tab or
// window switch or going idle brings its notification (offer mode), nothing pops up in quiet mode,
// and the icon's badge and title say waiting, paused, off and "no room" apart, in words.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NUDGE_ALARM, TOOLBAR_ALARM } from '../../platform/alarms';
import { NUDGE_NOTIFICATION } from '../../platform/notifications';
import { settle, startBackground, stopBackground, TUESDAY_MORNING } from './background-harness';

const MINUTE = 60_000;
const START = TUESDAY_MORNING;

const badge = () => fakeBrowser.action.getBadgeText({});
const tooltip = () => fakeBrowser.action.getTitle({});
const shown = () => Object.keys(fakeBrowser.notifications.getAllCreateOptions());
const schedule = async () =>
  (await fakeBrowser.storage.local.get('schedule')).schedule as { waitingSince: number | null };

async function prefs(patch: Record<string, unknown>) {
  await fakeBrowser.storage.sync.set(
    Object.fromEntries(Object.entries(patch).map(([name, value]) => [`pref:${name}`, value])),
  );
  await settle();
}

async function fire(name: string) {
  const alarm = await fakeBrowser.alarms.get(name);
  if (!alarm) throw new Error(`no ${name} alarm`);
  vi.setSystemTime(Math.max(Date.now(), alarm.scheduledTime));
  await fakeBrowser.alarms.onAlarm.trigger(alarm);
  await settle();
}

async function switchTab() {
  await fakeBrowser.tabs.onActivated.trigger({ tabId: 2, windowId: 1 });
  await settle();
}

async function switchWindow() {
  await fakeBrowser.windows.onFocusChanged.trigger(-1);
  await settle();
}

beforeEach(() => startBackground(START));
afterEach(stopBackground);

describe('a due nudge in offer mode (the default)', () => {
  it('waits on the icon, with no notification, until a tab switch brings it', async () => {
    await fire(NUDGE_ALARM);
    expect(shown()).toEqual([]);
    expect(await badge()).toBe('•');
    expect(await tooltip()).toBe('Outlet: a nudge is waiting. Check in whenever you like.');
    expect((await schedule()).waitingSince).toBe(START + 60 * MINUTE);

    vi.setSystemTime(Date.now() + 3 * MINUTE);
    await switchTab();
    expect(shown()).toEqual([NUDGE_NOTIFICATION]);
    expect(await badge()).toBe('');
    expect(await tooltip()).toBe('Outlet: check in');
    expect((await schedule()).waitingSince).toBeNull();
  });

  it('comes at a switch of window too, and only once', async () => {
    await fire(NUDGE_ALARM);
    await switchWindow();
    expect(shown()).toEqual([NUDGE_NOTIFICATION]);
    await fakeBrowser.notifications.clear(NUDGE_NOTIFICATION);
    await switchWindow();
    await switchTab();
    expect(shown()).toEqual([]);
  });

  it('stays quiet on the icon when the moment comes too late', async () => {
    await fire(NUDGE_ALARM);
    vi.setSystemTime(Date.now() + 11 * MINUTE);
    await switchTab();
    expect(shown()).toEqual([]);
    expect(await badge()).toBe('•');
  });

  it('ends at a check-in: the icon is plain again', async () => {
    await fire(NUDGE_ALARM);
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'checkedIn', data: null },
      { id: fakeBrowser.runtime.id },
      () => undefined,
    );
    await settle();
    expect((await schedule()).waitingSince).toBeNull();
    expect(await badge()).toBe('');
  });
});

describe('a due nudge in quiet mode', () => {
  it('never pops up: only the icon says it waits', async () => {
    await prefs({ nudgeMode: 'quiet' });
    await fire(NUDGE_ALARM);
    await switchTab();
    await switchWindow();
    expect(shown()).toEqual([]);
    expect(await badge()).toBe('•');
  });
});

describe('the toolbar icon', () => {
  it('says paused, and is plain again when the pause ends (its own alarm)', async () => {
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'pause', data: { until: START + 30 * MINUTE, kind: 'pause' } },
      { id: fakeBrowser.runtime.id },
      () => undefined,
    );
    await settle();
    expect(await badge()).toBe('II');
    expect(await tooltip()).toBe('Outlet: nudges are paused');
    expect((await fakeBrowser.alarms.get(TOOLBAR_ALARM))?.scheduledTime).toBe(START + 30 * MINUTE);
    await fire(TOOLBAR_ALARM);
    expect(await badge()).toBe('');
    expect(await tooltip()).toBe('Outlet: check in');
  });

  it('says off when nudges are off, and no room when the hours leave none', async () => {
    await prefs({ nudgesEnabled: false });
    expect(await badge()).toBe('off');
    expect(await tooltip()).toBe('Outlet: nudges are off');
    await prefs({ nudgesEnabled: true, hours: { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] } });
    expect(await badge()).toBe('!');
    expect(await tooltip()).toMatch(/no nudge fits your active hours/);
  });

  it('stops saying a nudge waits when the hours close', async () => {
    // 17:30 on the Tuesday: the nudge falls due at 17:45, the hours close at 18:00.
    await prefs({ intervalMinutes: 15 });
    vi.setSystemTime(new Date(2026, 2, 10, 17, 30).getTime());
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'resume', data: null },
      { id: fakeBrowser.runtime.id },
      () => undefined,
    );
    await settle();
    await fire(NUDGE_ALARM);
    expect(await badge()).toBe('•');
    const close = new Date(2026, 2, 10, 18, 0).getTime();
    expect((await fakeBrowser.alarms.get(TOOLBAR_ALARM))?.scheduledTime).toBe(close);
    await fire(TOOLBAR_ALARM);
    expect(await badge()).toBe('');
    expect((await schedule()).waitingSince).toBeNull();
  });
});
