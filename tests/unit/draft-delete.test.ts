// Seen in the e2e suite: a popup closed right after its save left the journal draft (settling it
// was cut short), and the next open put the check-in back although it had been deleted meanwhile.
// Deleting a check-in takes its waiting line with it.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CheckIn } from '../../core/schema';
import { recoverJournalDrafts, saveJournalDraft } from '../../platform/history/draft';
import { deleteCheckIn, getCheckIn, saveCheckIn } from '../../platform/history/store';

const entry: CheckIn = {
  id: 'c1',
  at: 1_780_000_000_000,
  feeling: 'sad',
  outletId: 'journal-line',
  outcome: 'done',
};

describe('a check-in deleted from the history', () => {
  it('takes its waiting journal line with it: nothing comes back at the next open', async () => {
    await saveJournalDraft({ ...entry, journal: 'Saved, then deleted' }, 'Saved, then deleted');
    await saveCheckIn({ ...entry, journal: 'Saved, then deleted' });
    await deleteCheckIn('c1');
    await recoverJournalDrafts();
    expect(await getCheckIn('c1')).toBeNull();
    expect(
      Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith('journalDraft')),
    ).toEqual([]);
  });
});
