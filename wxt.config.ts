import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { inlinePopupStyles } from './build/popup-page';
import { CALL_SITES } from './platform/call-sites';

// Outlet's manifest is deliberately small: no host permissions, no remote code.
export default defineConfig({
  // OUTLET_OUT_DIR lets a second build (the bench, a screenshot run) go elsewhere than .output/.
  outDir: process.env.OUTLET_OUT_DIR || '.output',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // OUTLET_SOURCEMAP=1 adds source maps, to see what takes up room in a bundle.
  vite: () => ({
    plugins: [preact(), inlinePopupStyles()],
    build: {
      sourcemap: process.env.OUTLET_SOURCEMAP === '1',
      // <link rel=modulepreload> for a page's static chunks (options, history, welcome, support):
      // fetched at once, not in a waterfall. Every browser Outlet supports has it. Not for dynamic
      // imports: Vite's helper would add those links to the page from script, in the middle of
      // whatever started the import (on the popup, when it still had modules, that was the click
      // picking a feeling: ~6 ms of it). The lazy chunks are small and their imports already loaded.
      modulePreload: {
        polyfill: false,
        resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
      },
    },
  }),
  // `npm run zip` (Chrome) and `npm run zip:firefox`, which adds the sources archive AMO asks for.
  // The archive holds exactly what `npm ci && npm run build:firefox` needs to make the same build
  // (README, "Build from source"): listed, not everything minus some, so a stray file never ships.
  zip: {
    includeSources: [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'README.md',
      'PRIVACY.md',
      'assets/**',
      'build/**',
      'components/**',
      'core/**',
      'entrypoints/**',
      'locales/**',
      'platform/**',
      'public/**',
      'scripts/make-icons.mjs',
    ],
    // Belt and braces: build output, screenshots and tests never go in, whatever the list says.
    excludeSources: ['.output/**', '.out-*/**', 'node_modules/**', 'tests/**', '**/screenshots/**'],
  },
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      // WXT reads an entrypoint named "history" as a replacement for the browser's own History page
      // (chrome_url_overrides): Outlet's history is a page of its own, opened from the popup and
      // settings, and Ctrl+H must stay the browser's.
      if (manifest.chrome_url_overrides) {
        delete manifest.chrome_url_overrides.history;
        if (Object.keys(manifest.chrome_url_overrides).length === 0) delete manifest.chrome_url_overrides;
      }
      // WXT puts the popup's <title> over action.default_title; the toolbar tooltip is a message.
      if (manifest.action) manifest.action.default_title = '__MSG_actionTitle__';
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // unlimitedStorage: the history database has no ceiling and is never evicted (README, "Where your words live").
    permissions: ['alarms', 'notifications', 'storage', 'unlimitedStorage', 'idle'],
    // Asked for only when the person turns on "hold nudges during web calls" (platform/presence.ts).
    optional_host_permissions: [...CALL_SITES],
    action: { default_title: '__MSG_actionTitle__' },
    // The toolbar popup (the check-in) from the keyboard, in Chrome and Firefox MV3 alike. A person
    // changes it in the browser's own shortcut settings; options shows it (platform/shortcut.ts).
    // "check-in-now" (platform/shortcut.ts CHECK_IN_NOW_COMMAND) counts as a break from the key press
    // itself (issue 18): the interval starts again, then the check-in opens.
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+O' } },
      'check-in-now': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_putoff_commandCheckInNow__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'outlet@outlet.invalid',
              // data_collection_permissions needs Firefox 140.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
