// "Quiet the tabs playing sound" (settings.quietAudibleTabs): when a walk or a breath begins, the tabs
// audible then are muted; when it ends (its time is up, or "Stop early"), those tabs, and only those,
// get their sound back. Muting is the browser's own tab mute, through the tabs API: neither listing
// `audible` tabs nor muting needs the "tabs" permission (it only guards url, title and favicon, in
// Chrome and Firefox alike), and nothing is injected into pages, so a video paused by the person stays
// paused and nothing starts playing that wasn't.
//
// Which tabs Outlet muted is stored (MUTED_TABS_KEY), so a worker started since (Chrome stops it after
// 30 s idle) still knows. A tab is given its sound back only when its mute is still Outlet's own:
// `mutedInfo` says who set it last (reason "extension" with our id). A tab the person muted before is
// never touched (it is not audible-and-unmuted), and one they unmuted or muted again meanwhile stays
// as they set it.
import { browser } from 'wxt/browser';
import { MUTED_TABS_KEY } from './storage-keys';

async function storedIds(): Promise<number[]> {
  const raw = (await browser.storage.local.get(MUTED_TABS_KEY))[MUTED_TABS_KEY];
  return Array.isArray(raw) ? raw.filter((id): id is number => Number.isInteger(id)) : [];
}

/** Mutes the tabs playing sound now, and remembers them. Never throws: the walk goes on regardless. */
export async function quietAudibleTabs(): Promise<void> {
  try {
    const playing = await browser.tabs.query({ audible: true, muted: false });
    const muted: number[] = [];
    for (const tab of playing) {
      if (tab.id === undefined) continue;
      try {
        await browser.tabs.update(tab.id, { muted: true });
        muted.push(tab.id);
      } catch {
        // The tab closed meanwhile: nothing to give back.
      }
    }
    // Added to any kept from a walk whose end was not seen (its sound is still owed).
    const owed = await storedIds();
    await browser.storage.local.set({ [MUTED_TABS_KEY]: [...new Set([...owed, ...muted])] });
  } catch (error) {
    console.warn('Outlet: the tabs playing sound could not be quieted.', error);
  }
}

/** Gives back the sound of the tabs Outlet muted, where the mute is still Outlet's. Never throws. */
export async function giveTabsSoundBack(): Promise<void> {
  try {
    const ids = await storedIds();
    if (ids.length === 0) return;
    for (const id of ids) {
      const tab = await browser.tabs.get(id).catch(() => null);
      const info = tab?.mutedInfo;
      if (!info?.muted || info.reason !== 'extension' || info.extensionId !== browser.runtime.id) continue;
      await browser.tabs.update(id, { muted: false }).catch(() => undefined);
    }
    await browser.storage.local.remove(MUTED_TABS_KEY);
  } catch (error) {
    console.warn('Outlet: the tabs could not be given their sound back.', error);
  }
}
