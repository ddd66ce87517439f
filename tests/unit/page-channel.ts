// A page's side of messaging, as in the browser: `sendMessage` (platform/messaging.ts) reaches the
// background's onMessage listener with Outlet's own id as the sender, and gets its answer back.
// The fake browser's runtime.sendMessage gives no sender id and ignores a listener's promise, so
// this stands in for it during one send.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type MessageData, type MessageType, sendMessage } from '../../platform/messaging';

/** Delivers `message` to the background's listeners as Chrome would, from `sender`; resolves with the first answer. */
export async function deliver(message: unknown, sender: { id?: string } = { id: fakeBrowser.runtime.id }) {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined);
  return (answers as unknown[]).find((answer) => answer !== undefined);
}

/** Sends from a page through the real `sendMessage`: resolves with the reply, rejects as the page would see. */
export async function sendFromPage<K extends MessageType>(type: K, data: MessageData<K>) {
  const original = fakeBrowser.runtime.sendMessage;
  fakeBrowser.runtime.sendMessage = ((message: unknown) => deliver(message)) as typeof original;
  try {
    return await sendMessage(type, data);
  } finally {
    fakeBrowser.runtime.sendMessage = original;
  }
}
