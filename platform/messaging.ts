// The pages ask the background to change the schedule, so that the schedule has a single writer.
//
// Hand-written rather than @webext-core/messaging: that library added ~3 KB to both the popup and
// the background, past their size budgets, for a handful of messages.
import { browser } from 'wxt/browser';

/** Each message: what it carries, and what comes back. */
export interface ProtocolMap {
  pause: { data: { until: number; kind: 'pause' | 'meeting' }; reply: undefined };
  resume: { data: null; reply: undefined };
  checkedIn: { data: null; reply: undefined };
  startTimer: { data: { minutes: number; checkInId: string }; reply: undefined };
  stopTimer: { data: null; reply: undefined };
  calmerOfferDismissed: { data: null; reply: undefined };
  testNotification: { data: null; reply: { ok: true } | { ok: false; error: string } };
  welcomeDone: { data: null; reply: undefined };
}

type Type = keyof ProtocolMap;
type Message = { [K in Type]: { type: K; data: ProtocolMap[K]['data'] } }[Type];

const MESSAGE_TYPES: ReadonlySet<string> = new Set<Type>([
  'pause',
  'resume',
  'checkedIn',
  'startTimer',
  'stopTimer',
  'calmerOfferDismissed',
  'testNotification',
  'welcomeDone',
]);

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && MESSAGE_TYPES.has((value as Message).type);
}

export async function sendMessage<K extends Type>(
  type: K,
  data: ProtocolMap[K]['data'],
): Promise<ProtocolMap[K]['reply']> {
  const response = (await browser.runtime.sendMessage({ type, data })) as { reply: ProtocolMap[K]['reply'] };
  return response?.reply;
}

type Handlers = { [K in Type]: (data: ProtocolMap[K]['data']) => Promise<ProtocolMap[K]['reply']> };

/** Registers one handler per message type. Call it synchronously in the background's main. */
export function onMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only Outlet's own pages may steer the schedule.
    if (sender.id !== browser.runtime.id || !isMessage(message)) return undefined;
    const handler = handlers[message.type] as (data: unknown) => Promise<unknown>;
    // Returning a promise keeps the channel open until the change is stored; the reply is wrapped
    // so that a handler with nothing to say still answers.
    return handler(message.data).then((reply) => ({ reply }));
  });
}
