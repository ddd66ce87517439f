// Unit tests run against WXT's fake browser. It has no i18n, so messages come straight from
// locales/en.yml, flattened the way @wxt-dev/i18n names them (nudge.line.l1 → nudge_line_l1).
import { readFileSync } from 'node:fs';
import { configure } from '@testing-library/preact';
import { parseYAML } from 'confbox';
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { giveWords } from '../../components/shared/words';
import { resetHistoryForTests } from '../../platform/history/store';
import { i18n } from '../../platform/i18n';
import { resetSettingsForTests } from '../../platform/settings';

function flatten(tree: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}_${key}` : key;
    if (typeof value === 'object' && value !== null)
      Object.assign(out, flatten(value as Record<string, unknown>, name));
    else out[name] = String(value);
  }
  return out;
}

export const messages = flatten(parseYAML(readFileSync('locales/en.yml', 'utf8')) as Record<string, unknown>);

function getMessage(name: string, substitutions?: string | string[]): string {
  const message = messages[name];
  if (message === undefined) return '';
  const subs =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

// waitFor and findBy* give up after 1 s by default: on one busy core a page's storage reads and
// renders took longer (the machine's speed, not the app's), so they wait up to 30 s. They return as
// soon as what they wait for is there, so a passing test waits no longer; only a hang reaches it.
configure({ asyncUtilTimeout: 30_000 });

fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
// The browser's UI language; a test may set another one (and call resetLanguageForTests).
fakeBrowser.i18n.getUILanguage = () => 'en-US';
// What each page's entry does before it renders (components/shared/words.ts).
giveWords(i18n);

/**
 * The fake browser has no `commands.onCommand`: a stand-in whose `trigger` is what a key press of a
 * manifest command does (the "check in now" shortcut, issue 18).
 */
function fakeCommandEvents(): void {
  const listeners: ((command: string) => unknown)[] = [];
  Object.assign(fakeBrowser.commands, {
    onCommand: {
      addListener: (listener: (command: string) => unknown) => void listeners.push(listener),
      removeListener: () => undefined,
      hasListener: () => listeners.length > 0,
      trigger: (command: string) => Promise.all(listeners.map((listener) => listener(command))),
    },
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  fakeCommandEvents();
  resetSettingsForTests();
  // A fresh, empty history database for every test.
  await resetHistoryForTests();
  globalThis.indexedDB = new IDBFactory();
});
