// Every word Outlet shows comes from locales/en.yml (turned into _locales/*/messages.json, with
// typed keys, by the @wxt-dev/i18n module at build time) through this `i18n.t`.
//
// A small typed wrapper over the browser's own getMessage instead of @wxt-dev/i18n's runtime: that
// runtime (plural forms, named substitutions, which Outlet doesn't use) cost ~0.5 KB gzipped in the
// popup and in the background, which both sit at their size budgets.

import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '#i18n';

export type MessageKey = keyof GeneratedI18nStructure;

type Substitutions<K extends MessageKey> = GeneratedI18nStructure[K]['substitutions'] extends 0
  ? []
  : [substitutions: string[]];

type MessageName = Parameters<typeof browser.i18n.getMessage>[0];

function message(key: string, substitutions?: string[]): string {
  // Chrome's message names can't hold dots: "status.next" is stored as "status_next".
  const text = browser.i18n.getMessage(key.replaceAll('.', '_') as MessageName, substitutions);
  if (!text) console.warn(`Outlet: no message for "${key}"`);
  return text;
}

export const i18n = {
  /** The message for `key` ("status.next"), with `$1`, `$2`… filled in from `substitutions`. */
  t<K extends MessageKey>(key: K, ...[substitutions]: Substitutions<K>): string {
    return message(key, substitutions);
  },
  /**
   * A message whose key is built from an id of a closed list (a feeling, an outlet, a family, a
   * settings field). Unit tests check that every such key has its message in every locale.
   */
  dynamic(key: string): string {
    return message(key);
  },
};
