// The pages ask the background to change the schedule, so that the schedule has a single writer.
//
// Hand-written rather than @webext-core/messaging: that library added ~3 KB to both the popup and
// the background, past their size budgets, for three one-way messages that need no replies.
import { browser } from 'wxt/browser';

export interface ProtocolMap {
  pause: number;
  resume: null;
  startWalk: number;
}

type Message = { [K in keyof ProtocolMap]: { type: K; data: ProtocolMap[K] } }[keyof ProtocolMap];

const MESSAGE_TYPES: ReadonlySet<string> = new Set<keyof ProtocolMap>(['pause', 'resume', 'startWalk']);

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && MESSAGE_TYPES.has((value as Message).type);
}

export async function sendMessage<K extends keyof ProtocolMap>(type: K, data: ProtocolMap[K]): Promise<void> {
  await browser.runtime.sendMessage({ type, data });
}

type Handlers = { [K in keyof ProtocolMap]: (data: ProtocolMap[K]) => Promise<void> };

/** Registers one handler per message type. Call it synchronously in the background's main. */
export function onMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only Outlet's own pages may steer the schedule.
    if (sender.id !== browser.runtime.id || !isMessage(message)) return undefined;
    const handler = handlers[message.type] as (data: unknown) => Promise<void>;
    // Returning the promise keeps the channel open until the change is stored.
    return handler(message.data).then(() => true);
  });
}
