// Puts every module the popup (and the check-in window, the same app) imports statically into ONE
// chunk, so the page loads two files (its tiny entry and this chunk, preloaded) instead of a graph of
// seven shared chunks. Rollup splits shared code by the set of pages that use it; for the popup that
// meant seven requests in flight before the app could run, and each one costs far more than its bytes
// on a busy machine (same-browser A/B, 25 loads each: ratio to the one-button page 1.55 → 1.20).
// The other pages import what they share with the popup from this chunk too: the options and history
// pages then load some check-in code they don't run, a trade made for the page that must be instant.
import type { Plugin } from 'vite';

const POPUP_PAGES = /entrypoints[\\/](popup|checkin)[\\/]index\.html$/;
const POPUP_ENTRIES = /entrypoints[\\/](popup|checkin)[\\/](index\.html|main\.tsx)$/;

const CHECKIN_STYLES = /assets[\\/]outlet\.css(\?|$)/;

interface ModuleGraph {
  getModuleInfo: (id: string) => { importers: readonly string[] } | null;
}

/** A Vite plugin: the popup's static module graph as one chunk, `popup-app`. */
export function popupChunk(): Plugin {
  return {
    name: 'outlet:popup-chunk',
    apply: 'build',
    outputOptions(options) {
      // The background and the first-screen script are built as one file each: nothing to group.
      if ((options as { codeSplitting?: unknown }).codeSplitting === false || options.inlineDynamicImports)
        return;
      const inPopup = new Map<string, boolean>();
      const reachedFromPopup = (id: string, graph: ModuleGraph): boolean => {
        const known = inPopup.get(id);
        if (known !== undefined) return known;
        inPopup.set(id, false); // an import cycle is no way in
        const reached =
          POPUP_PAGES.test(id) ||
          (graph.getModuleInfo(id)?.importers ?? []).some((importer) => reachedFromPopup(importer, graph));
        inPopup.set(id, reached);
        return reached;
      };
      return {
        ...options,
        manualChunks(id: string, graph: ModuleGraph) {
          // The entries stay their own (each page runs only its own main), and so do the check-in's
          // styles: the other pages must not get them (base.css, which every page has, comes along).
          if (POPUP_ENTRIES.test(id) || CHECKIN_STYLES.test(id)) return undefined;
          return reachedFromPopup(id, graph) ? 'popup-app' : undefined;
        },
      };
    },
  };
}
