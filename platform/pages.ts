import { browser } from 'wxt/browser';

export type ExtensionPage = '/support.html' | '/history.html' | '/welcome.html';

/** The options page's sections, each reachable as options.html#<id>. */
export const OPTIONS_SECTIONS = ['nudges', 'hours', 'offer', 'own', 'people', 'data', 'about'] as const;
export type OptionsSection = (typeof OPTIONS_SECTIONS)[number];

/** Opens one of Outlet's own pages in a new tab. */
export async function openExtensionPage(path: ExtensionPage): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
}

/**
 * Opens the settings, at `section` if given: an options page already open is sent there (its
 * hashchange scrolls and focuses the section) and brought forward, else a new tab opens at
 * options.html#<section>. `runtime.openOptionsPage()` takes no address, so it only serves the top.
 */
export async function openOptions(section?: OptionsSection): Promise<void> {
  if (!section) return browser.runtime.openOptionsPage();
  const path = '/options.html';
  // The views are this extension's own pages, windows like this one (the types call them opaque).
  const views = browser.extension.getViews({ type: 'tab' }) as unknown as (Window & typeof globalThis)[];
  const open = views.find((view) => view.location.pathname === path);
  if (!open) {
    await browser.tabs.create({ url: `${browser.runtime.getURL(path)}#${section}` });
    return;
  }
  // The same hash again fires no hashchange of its own: the page is told all the same.
  if (open.location.hash === `#${section}`) open.dispatchEvent(new open.HashChangeEvent('hashchange'));
  else open.location.hash = section;
  // Brings that tab forward (Chrome and Firefox focus an options page that is already open).
  await browser.runtime.openOptionsPage();
}
