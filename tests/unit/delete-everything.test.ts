import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deleteEverything } from '../../platform/data-transfer';
import { saveJournalDraft } from '../../platform/history/draft';
import { countCheckIns, saveCheckIn } from '../../platform/history/store';
import { addTrustedPerson, loadSetAside, loadSettings, updateSettings } from '../../platform/settings';

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
});
