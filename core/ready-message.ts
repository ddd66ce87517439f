// A short message a person can copy and send as it is, written for the talking outlet it goes with.
// Its words live in locales/en.yml under outlet.<key>.message.m1 … mN, with the person's name as $1.

import { outletCopyKey } from './copy-keys';

/** How many ready messages each talking outlet has. */
export const READY_MESSAGES: Readonly<Record<string, number>> = {
  'talk-message': 3,
  'talk-call': 2,
  'talk-thanks': 2,
  'talk-voice-note': 2,
  'talk-share-good': 2,
  'talk-ask-how': 2,
  'talk-company': 2,
};

export function readyMessageKeys(outletId: string): string[] {
  const count = READY_MESSAGES[outletId] ?? 0;
  return Array.from({ length: count }, (_, i) => `outlet.${outletCopyKey(outletId)}.message.m${i + 1}`);
}

/**
 * Which message to start with: steady for one person and one outlet (so it doesn't change under
 * someone's eyes when the popup reopens), different from one person to the next.
 */
export function firstMessageIndex(outletId: string, personId: string, count: number): number {
  if (count <= 0) return 0;
  let hash = 0;
  for (const char of `${personId}:${outletId}`) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % count;
}
