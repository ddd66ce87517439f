// The popup and the check-in window paint their first screen before the app has loaded (the head
// script draws it: entrypoints/first-screen.ts). For that paint to wait for no stylesheet fetch,
// their styles are written into the pages themselves.
import type { Plugin } from 'vite';

const PRERENDERED_PAGES = /entrypoints[\\/](popup|checkin)[\\/]index\.html$/;

/**
 * A Vite plugin: writes the stylesheets of the popup and the check-in window into their pages as
 * <style>, so the first screen's first paint waits for no stylesheet fetch (extension pages' CSP
 * forbids inline scripts, not inline styles). The CSS files stay in the build for the other pages.
 */
export function inlinePopupStyles(): Plugin {
  return {
    name: 'outlet:inline-popup-styles',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!PRERENDERED_PAGES.test(context.filename) || !context.bundle) return html;
        const bundle = context.bundle;
        const withStyles = html.replace(
          /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g,
          (tag, file: string) => {
            const asset = bundle[file];
            if (asset?.type !== 'asset') return tag;
            const css =
              typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
            return `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`;
          },
        );
        // The pages' only module is the one Vite makes for their stylesheets: once the styles are in
        // the page it is empty, and would cost a fetch for nothing. The app is a classic script
        // (entrypoints/checkin-app.tsx).
        return withStyles.replace(
          /<script type="module"[^>]*src="\/([^"]+\.js)"[^>]*><\/script>\s*/g,
          (tag, file: string) => {
            const chunk = bundle[file];
            const empty =
              chunk?.type === 'chunk' && chunk.code.replace(/\/\*[\s\S]*?\*\//g, '').trim() === '';
            return empty ? '' : tag;
          },
        );
      },
    },
  };
}
