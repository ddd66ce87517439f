import { createContext } from 'preact';
import type { Memory } from '../../core/insights/memory';

/**
 * What the check-in needs from the page it runs in beyond its data and actions: what the device can
 * do with a link, and the clipboard. The entrypoint gives them (entrypoints/popup/App.tsx), so no
 * component reaches into platform/ for page wiring (issue 16, item 10); a test gives its own.
 */
export interface CheckInPage {
  /** A phone or tablet, where tel: and sms: links work (platform/device.ts). */
  phoneLike: boolean;
  /** Puts text on the clipboard; 'refused' when the browser or a policy says no (platform/clipboard.ts). */
  copyText: (text: string) => Promise<'copied' | 'refused'>;
  /**
   * A moment to give back once the check-in is done, when the person asked for memories after a
   * check-in and the rules allow one now (core/insights/memory.ts); null otherwise.
   */
  memory: (now: number) => Promise<Memory | null>;
  /** "Not after check-ins": memories stay on the history page only. */
  stopMemoriesHere: () => Promise<void>;
}

/** Without a page (a test that gives none): a computer with no clipboard, which the message says. */
export const CheckInPageContext = createContext<CheckInPage>({
  phoneLike: false,
  copyText: async () => 'refused',
  memory: async () => null,
  stopMemoriesHere: async () => undefined,
});
