// The pages ask the background to change the schedule, so that the schedule has a single writer.
//
// One table (platform/background-messages.ts) lists each message with the schema its data must
// pass and its handler; the types pages may send, what they carry and what comes back are all
// inferred from that table, so there is no second list to forget. The background checks every
// message against its schema before acting: a malformed one changes nothing and is answered with
// an error. Every answer is wrapped (`{ ok: true, reply }` or `{ ok: false, error }`), so a send
// that nobody answered is told apart from a handler with nothing to say, and rejects.
//
// Hand-written rather than @webext-core/messaging: that library added ~3 KB to both the popup and
// the background, past their size budgets, for a handful of messages, and validates nothing.
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { Messages } from './background-messages';

/** One message the background accepts: what its data must be, and what it does with it. */
export interface MessageDefinition<S extends v.GenericSchema, R> {
  /** The data's schema; a function of `now` when a rule depends on the clock. */
  data: S | ((now: number) => S);
  handle: (data: v.InferOutput<S>, now: number) => Promise<R>;
}

/** Defines one message; the schema's type flows into the handler and into `sendMessage`. */
export function message<S extends v.GenericSchema, R>(
  data: S | ((now: number) => S),
  handle: (data: v.InferOutput<S>, now: number) => Promise<R>,
): MessageDefinition<S, R> {
  return { data, handle };
}

// biome-ignore lint/suspicious/noExplicitAny: the table holds definitions of any schema and reply
type AnyDefinition = MessageDefinition<any, any>;
type SchemaOf<D> = D extends MessageDefinition<infer S, unknown> ? S : never;

export type MessageType = keyof Messages;
/** What a page sends with a message of type K. */
export type MessageData<K extends MessageType> = v.InferInput<SchemaOf<Messages[K]>>;
/** What comes back from a message of type K. */
export type MessageReply<K extends MessageType> = Awaited<ReturnType<Messages[K]['handle']>>;

/** The background's answer, always wrapped: `{}` or `undefined` never means success. */
export type Answer<R = unknown> = { ok: true; reply: R } | { ok: false; error: string };

/** The background refused a message or failed to carry it out; `message` says why. */
export class MessageError extends Error {
  constructor(
    readonly type: string,
    reason: string,
  ) {
    super(`Outlet: "${type}" failed: ${reason}`);
    this.name = 'MessageError';
  }
}

function isAnswer(value: unknown): value is Answer {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as { ok?: unknown; error?: unknown };
  return answer.ok === true || (answer.ok === false && typeof answer.error === 'string');
}

/**
 * Sends a message to the background. Resolves with the handler's reply; rejects when the background
 * refused the message or failed, and when nothing answered or the answer isn't one of ours (a worker
 * that was still starting, another listener): a change the page asked for never silently vanishes.
 */
export async function sendMessage<K extends MessageType>(
  type: K,
  data: MessageData<K>,
): Promise<MessageReply<K>> {
  const answer: unknown = await browser.runtime.sendMessage({ type, data });
  if (!isAnswer(answer)) {
    throw new MessageError(type, answer === undefined ? 'nothing answered' : 'the answer was not understood');
  }
  if (!answer.ok) throw new MessageError(type, answer.error);
  // Chrome sends answers as JSON: `{ ok: true, reply: undefined }` arrives as `{ ok: true }`.
  return answer.reply as MessageReply<K>;
}

/**
 * Checks a message against the table and, if it passes, runs its handler. Exported for the tests:
 * this is everything the background's listener does with a message besides checking who sent it.
 */
export async function answer(
  table: Readonly<Record<string, AnyDefinition>>,
  value: unknown,
  now: number,
): Promise<Answer> {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(table, type)) {
    return { ok: false, error: `unknown message type ${JSON.stringify(type) ?? 'undefined'}` };
  }
  const definition = table[type] as AnyDefinition;
  const schema = typeof definition.data === 'function' ? definition.data(now) : definition.data;
  const parsed = v.safeParse(schema, (value as { data?: unknown }).data);
  if (!parsed.success) {
    const problems = parsed.issues.map((issue) => `${v.getDotPath(issue) ?? 'data'}: ${issue.message}`);
    return { ok: false, error: `refused "${type}": ${problems.join('; ')}` };
  }
  try {
    return { ok: true, reply: await definition.handle(parsed.output, now) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Answers every message from Outlet's own pages. Call it synchronously in the background's main. */
export function onMessages(table: Readonly<Record<string, AnyDefinition>>): void {
  browser.runtime.onMessage.addListener((value: unknown, sender) => {
    // Only Outlet's own pages may steer the schedule.
    if (sender.id !== browser.runtime.id) {
      return Promise.resolve<Answer>({ ok: false, error: 'only Outlet itself may send this' });
    }
    // Returning a promise keeps the channel open until the change is stored.
    return answer(table, value, Date.now());
  });
}
