// Messages from pages to the background (platform/messaging.ts, platform/background-messages.ts):
// each one's data is checked against its schema before anything is touched. A malformed message
// changes nothing (storage, alarms, notifications and the badge are exactly as before) and its
// sender hears an error; a send that nothing answered is an error too, never `undefined`.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TIMER_ALARM } from '../../platform/alarms';
import { MessageError, sendMessage } from '../../platform/messaging';
import { settle, startBackground, stopBackground, TUESDAY_MORNING } from './background-harness';
import { deliver, sendFromPage } from './page-channel';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = TUESDAY_MORNING;

/** Everything a message could change, to compare before and after. */
async function everything() {
  return {
    local: await fakeBrowser.storage.local.get(null),
    sync: await fakeBrowser.storage.sync.get(null),
    alarms: await fakeBrowser.alarms.getAll(),
    notifications: fakeBrowser.notifications.getAllCreateOptions(),
    badge: await fakeBrowser.action.getBadgeText({}),
  };
}

const timer = (minutes: unknown, checkInId: unknown = 'c1') => ({
  type: 'startTimer',
  data: { minutes, checkInId },
});
const pause = (until: unknown, kind: unknown = 'pause') => ({ type: 'pause', data: { until, kind } });

describe('messages to the background', () => {
  beforeEach(() => startBackground(START));
  afterEach(stopBackground);

  it.each([
    ['startTimer with 0 minutes', timer(0)],
    ['startTimer with 61 minutes', timer(61)],
    ['startTimer with NaN minutes', timer(Number.NaN)],
    ['startTimer with minutes as a string', timer('10')],
    ['startTimer with 2.5 minutes', timer(2.5)],
    ['startTimer with no check-in id', { type: 'startTimer', data: { minutes: 10 } }],
    ['startTimer with an empty check-in id', timer(10, '')],
    ['startTimer with a field it does not know', { type: 'startTimer', data: { ...timer(10).data, x: 1 } }],
    ['startTimer with no data', { type: 'startTimer' }],
    ['a pause that ended a minute ago', pause(START - MINUTE)],
    ['a pause that ends right now', pause(START)],
    ['a pause ending more than 31 days ahead', pause(START + 31 * 24 * HOUR + 1)],
    ['a pause a year ahead', pause(START + 365 * 24 * HOUR)],
    ['a pause until a string', pause(String(START + HOUR))],
    ['a pause of a kind it does not know', pause(START + HOUR, 'nap')],
    ['a pause with no until', { type: 'pause', data: { kind: 'pause' } }],
    ['resume with data where none belongs', { type: 'resume', data: { until: 0 } }],
    ['an unknown type', { type: 'deleteEverything', data: null }],
    ['a type inherited from Object', { type: 'toString', data: null }],
    ['a message with no type', { data: null }],
    ['a message that is a string', 'pause'],
    ['a message that is null', null],
  ])('changes nothing and answers with an error: %s', async (_, message) => {
    const before = await everything();
    const answer = await deliver(message);
    await settle();
    expect(answer).toEqual({ ok: false, error: expect.any(String) });
    expect(await everything()).toEqual(before);
  });

  it('says what was wrong with the data', async () => {
    expect(await deliver(timer(61))).toEqual({
      ok: false,
      error: expect.stringMatching(/startTimer.*minutes/),
    });
    expect(await deliver(pause(START - MINUTE))).toEqual({
      ok: false,
      error: expect.stringContaining('the pause would end in the past'),
    });
  });

  it('refuses a sound message from another extension, and changes nothing', async () => {
    const before = await everything();
    const answer = await deliver(timer(10), { id: 'some-other-extension' });
    await settle();
    expect(answer).toEqual({ ok: false, error: expect.any(String) });
    expect(await everything()).toEqual(before);
  });

  it('acts on the same messages when they are sound and come from Outlet', async () => {
    // The other side of the tests above: without this, "changes nothing" could pass by accident.
    expect(await deliver(timer(10))).toEqual({ ok: true });
    await settle();
    expect((await fakeBrowser.alarms.get(TIMER_ALARM))?.scheduledTime).toBe(START + 10 * MINUTE);

    const before = await everything();
    expect(await deliver(pause(START + 26 * HOUR, 'meeting'))).toEqual({ ok: true });
    await settle();
    expect((await fakeBrowser.storage.local.get('schedule')).schedule).toMatchObject({
      pausedUntil: START + 26 * HOUR,
      pauseKind: 'meeting',
    });
    expect(await everything()).not.toEqual(before);
  });

  it("gives the page the handler's reply through sendMessage", async () => {
    const reply = await sendFromPage('testNotification', null);
    expect(reply).toEqual({ ok: true });
    await expect(sendFromPage('startTimer', { minutes: 0, checkInId: 'c1' })).rejects.toThrow(MessageError);
  });
});

/** The browser hands the page `answer`, whoever (or nothing) answered. */
function answerWith(answer: unknown) {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(answer as never);
}

describe('sendMessage', () => {
  it.each([
    ['nothing answered', undefined],
    ['the answer is not wrapped', { reply: 'fine' }],
    ['the answer is an empty object', {}],
    ['the answer is a bare value', true],
  ])('rejects when %s', async (_, answer) => {
    answerWith(answer);
    await expect(sendMessage('resume', null)).rejects.toThrow(MessageError);
  });

  it("rejects with the background's reason when it refused", async () => {
    answerWith({ ok: false, error: 'storage is full' });
    await expect(sendMessage('resume', null)).rejects.toThrow('storage is full');
  });

  it('resolves a handler with nothing to say, answered as Chrome delivers it', async () => {
    // Chrome sends answers as JSON, so `{ ok: true, reply: undefined }` arrives as `{ ok: true }`.
    answerWith({ ok: true });
    await expect(sendMessage('resume', null)).resolves.toBeUndefined();
  });
});
