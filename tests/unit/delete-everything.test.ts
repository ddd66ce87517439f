import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ownOutletId } from '../../core/outlets';
import { loadPlacements, rememberPlacements } from '../../platform/app-import';
import { deleteEverything, storedSummary } from '../../platform/data-transfer';
import { saveJournalDraft } from '../../platform/history/draft';
import { countCheckIns, saveCheckIn } from '../../platform/history/store';
import { addOwnOutlet, loadOwnOutlets } from '../../platform/own-outlets';
import { addTrustedPerson, loadSetAside, loadSettings, updateSettings } from '../../platform/settings';
import { FIRST_PICK_OWN_KEY } from '../../platform/storage-keys';

describe('delete everything', () => {
  it('takes the history, the people, the originals kept aside and every left-over draft; keeps the preferences', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const entry = {
      id: 'a',
      at: 1_780_000_000_000,
      feeling: 'calm',
      outletId: null,
      outcome: 'skipped' as const,
    };
    await saveCheckIn(entry);
    await addTrustedPerson({ id: 'p', name: 'Ana' });
    await fakeBrowser.storage.sync.set({ 'pref:families': ['nonsense'] });
    await updateSettings({ families: ['body'] }); // the broken original goes aside
    await saveJournalDraft(entry, 'half a line');
    await saveJournalDraft({ ...entry, id: 'b' }, 'another half line');
    // One left by an older Outlet, under its single key.
    await fakeBrowser.storage.local.set({ journalDraft: { entry, text: 'an old half line' } });
    expect(await loadSetAside()).toHaveLength(1);

    await deleteEverything();
    expect(await countCheckIns()).toBe(0);
    expect((await loadSettings()).trustedPeople).toEqual([]);
    expect(await loadSetAside()).toEqual([]);
    const left = Object.keys(await fakeBrowser.storage.local.get(null));
    expect(left.filter((key) => key.startsWith('journalDraft'))).toEqual([]);
    expect((await loadSettings()).families).toEqual(['body']);
  });

  const clouds = {
    id: ownOutletId('creative', 'clouds'),
    family: 'creative' as const,
    title: 'Doodle two clouds',
    how: 'On the back of an envelope.',
    minutes: 2,
    needsAway: false,
    needsAlone: false,
  };

  it("takes the person's own ideas and the mood names remembered from other apps too", async () => {
    await addOwnOutlet(clouds);
    await rememberPlacements('daylio', { 'ok but sleepy': 'tired', rad: 'excited' });
    await rememberPlacements('pixels', { '2': 'down' });
    await loadOwnOutlets(); // as the settings page does: the popup's copy for its first pick
    expect(localStorage.getItem(FIRST_PICK_OWN_KEY)).toContain('Doodle two clouds');

    await deleteEverything();
    expect(await loadOwnOutlets()).toEqual([]);
    expect(await loadPlacements('daylio')).toEqual({});
    expect(await loadPlacements('pixels')).toEqual({});
    // The popup's copy of them goes as well: their words are nowhere on the device.
    expect(localStorage.getItem(FIRST_PICK_OWN_KEY) ?? '[]').not.toContain('Doodle two clouds');
  });

  it('counts them for the confirmation, which names what goes', async () => {
    await addOwnOutlet(clouds);
    await rememberPlacements('daylio', { 'ok but sleepy': 'tired', rad: 'excited' });
    await rememberPlacements('pixels', { '2': 'down' });
    expect(await storedSummary()).toMatchObject({ ownOutlets: 1, moodNames: 3 });
    await deleteEverything();
    expect(await storedSummary()).toMatchObject({ ownOutlets: 0, moodNames: 0 });
  });
});
