import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { popupChunk } from './build/popup-chunk';
import { inlinePopupStyles } from './build/popup-page';
import { CALL_SITES } from './platform/call-sites';

// Outlet's manifest is deliberately small: no host permissions, no remote code.
export default defineConfig({
  // OUTLET_OUT_DIR lets a second build (the bench, a screenshot run) go elsewhere than .output/.
  outDir: process.env.OUTLET_OUT_DIR || '.output',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // OUTLET_SOURCEMAP=1 adds source maps, to see what takes up room in a bundle.
  vite: () => ({
    plugins: [preact(), inlinePopupStyles(), popupChunk()],
    build: {
      sourcemap: process.env.OUTLET_SOURCEMAP === '1',
      // <link rel=modulepreload> for a page's static chunks: fetched at once, not in a waterfall
      // (measured on the popup: tests/bench/popup.bench.mjs). Every browser Outlet supports has it.
      // Not for dynamic imports: Vite's helper would add those links to the page from script, inside
      // the click that picks a feeling (its first save imports the history store), which profiled
      // at ~6 ms of that click before the outlet step could render. The lazy chunks are small and
      // their own imports are already loaded.
      modulePreload: {
        polyfill: false,
        resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // unlimitedStorage: the history database has no ceiling and is never evicted (README, "Where your words live").
    permissions: ['alarms', 'notifications', 'storage', 'unlimitedStorage', 'idle'],
    // Asked for only when the person turns on "hold nudges during web calls" (platform/presence.ts).
    optional_host_permissions: [...CALL_SITES],
    action: { default_title: '__MSG_actionTitle__' },
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
