import { browser } from 'wxt/browser';

export type ExtensionPage = '/support.html' | '/history.html' | '/welcome.html';

/** Opens one of Outlet's own pages in a new tab. */
export async function openExtensionPage(path: ExtensionPage): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
}
