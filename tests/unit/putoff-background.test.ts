// The background's side of issue 18: putting a nudge off from the popup, bringing back one just
// closed, "check in now" from its keyboard command, and the log of what happened to each nudge.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { nudgeTiming } from '../../core/nudge-log';
import { NUDGE_ALARM } from '../../platform/alarms';
import { NUDGE_NOTIFICATION } from '../../platform/notifications';
import { loadNudgeLog } from '../../platform/nudge-log';
import { CHECK_IN_NOW_COMMAND } from '../../platform/shortcut';
import { settle, startBackground, stopBackground, TUESDAY_MORNING } from './background-harness';
import { sendFromPage } from './page-channel';

const MINUTE = 60_000;
const START = TUESDAY_MORNING; // 10:00, nudges every 60 minutes by default

// biome-ignore lint/suspicious/noExplicitAny: a test reads back whatever shape was stored
const stored = async (key: string): Promise<any> => (await fakeBrowser.storage.local.get(key))[key];
const alarmAt = async () => (await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime;

async function nudgeNow() {
  vi.setSystemTime(START + 60 * MINUTE);
  const alarm = await fakeBrowser.alarms.get(NUDGE_ALARM);
  if (!alarm) throw new Error('no nudge alarm');
  await fakeBrowser.alarms.onAlarm.trigger(alarm);
  await settle();
}

async function pressCommand(name: string) {
  const commands = fakeBrowser.commands as unknown as {
    onCommand: { trigger: (n: string) => Promise<unknown> };
  };
  await commands.onCommand.trigger(name);
  await settle();
}

beforeEach(async () => {
  // The notification at once (today's behaviour), so there is a notification to put off or close.
  await fakeBrowser.storage.sync.set({ 'pref:nudgeMode': 'at-once' });
  await startBackground(START);
  await sendFromPage('welcomeDone', null);
  await settle();
});
afterEach(stopBackground);

describe('putting off from the popup', () => {
  it('brings the waiting nudge back later today, and notes it was put off', async () => {
    await nudgeNow();
    vi.setSystemTime(START + 62 * MINUTE);
    await sendFromPage('putOff', { choice: 'later', bringBack: false });
    await settle();
    expect(await alarmAt()).toBe(START + 182 * MINUTE);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect((await loadNudgeLog()).map((entry) => entry.fate)).toEqual(['shown', 'put-off']);
  });

  it('brings back a nudge closed a moment ago, and its closing leaves no badge', async () => {
    await nudgeNow();
    await fakeBrowser.notifications.onClosed.trigger(NUDGE_NOTIFICATION, true);
    await settle();
    expect(await fakeBrowser.action.getBadgeText({})).not.toBe('');
    vi.setSystemTime(START + 75 * MINUTE);
    await sendFromPage('putOff', { choice: 'soon', bringBack: true });
    await settle();
    expect(await alarmAt()).toBe(START + 85 * MINUTE);
    expect((await stored('schedule')).dismissedAt).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect((await loadNudgeLog()).map((entry) => entry.fate)).toEqual(['shown', 'dismissed', 'put-off']);
  });

  it('refuses a malformed choice and changes nothing', async () => {
    await nudgeNow();
    const before = await alarmAt();
    await expect(sendFromPage('putOff', { choice: 'tomorrow', bringBack: false } as never)).rejects.toThrow();
    expect(await alarmAt()).toBe(before);
  });
});

describe('check in now, from the keyboard command', () => {
  it('counts as a break at any time: the interval starts again from the key press', async () => {
    vi.setSystemTime(START + 40 * MINUTE);
    await pressCommand(CHECK_IN_NOW_COMMAND);
    expect(await alarmAt()).toBe(START + 100 * MINUTE);
  });

  it('answers a waiting nudge: its notification goes and it is noted as taken', async () => {
    await nudgeNow();
    vi.setSystemTime(START + 63 * MINUTE);
    await pressCommand(CHECK_IN_NOW_COMMAND);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await alarmAt()).toBe(START + 123 * MINUTE);
    const timing = nudgeTiming(await loadNudgeLog());
    expect(timing.answered).toBe(1);
    expect(timing.cells[2]?.[11]?.taken).toBe(1); // Tuesday, 11:00
  });

  it('ignores other commands', async () => {
    const before = await alarmAt();
    await pressCommand('something-else');
    expect(await alarmAt()).toBe(before);
  });
});

describe('the log of nudges, in quiet mode', () => {
  // Quiet: the nudge only waits on the icon. One never answered still came, at its hour: the timing
  // view counts it as the other modes count a notification left unanswered.
  beforeEach(async () => {
    await fakeBrowser.storage.sync.set({ 'pref:nudgeMode': 'quiet' });
    await settle();
  });

  it('notes a nudge that waited on the icon and was never answered', async () => {
    await nudgeNow();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    // Its wait ends unanswered as the next one comes, and takes its place.
    vi.setSystemTime(START + 120 * MINUTE);
    const next = await fakeBrowser.alarms.get(NUDGE_ALARM);
    expect(next?.scheduledTime).toBe(START + 120 * MINUTE);
    if (next) await fakeBrowser.alarms.onAlarm.trigger(next);
    await settle();
    const timing = nudgeTiming(await loadNudgeLog());
    expect(timing.nudges).toBe(2);
    const ignored = { taken: 0, putOff: 0, dismissed: 0, ignored: 1 };
    expect(timing.cells[2]?.[11]).toEqual(ignored); // Tuesday, 11:00
    expect(timing.cells[2]?.[12]).toEqual(ignored);
  });

  it('counts a waiting nudge answered later once, by its answer', async () => {
    await nudgeNow();
    vi.setSystemTime(START + 63 * MINUTE);
    await pressCommand(CHECK_IN_NOW_COMMAND);
    const timing = nudgeTiming(await loadNudgeLog());
    expect(timing.nudges).toBe(1);
    expect(timing.cells[2]?.[11]).toEqual({ taken: 1, putOff: 0, dismissed: 0, ignored: 0 });
  });
});
