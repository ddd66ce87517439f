import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CheckIn } from '../../core/schema';
import { recoverJournalDraft, saveJournalDraft } from '../../platform/history/draft';
import { allCheckIns, saveCheckIn } from '../../platform/history/store';

const entry: CheckIn = {
  id: 'c1',
  at: 1_780_000_000_000,
  feeling: 'sad',
  outletId: 'journal-line',
  outcome: 'skipped',
};

describe('a journal draft', () => {
  it('survives the popup closing: the next page puts the line into its check-in', async () => {
    await saveCheckIn(entry); // stored as the outlet step starts
    await saveJournalDraft(entry, 'Half a thought');
    // …the popup closes here, before any button. The next one opens:
    expect(await recoverJournalDraft()).toBe(true);
    expect((await allCheckIns()).entries).toMatchObject([{ ...entry, journal: 'Half a thought' }]);
    expect(await fakeBrowser.storage.local.get('journalDraft')).toEqual({});
    expect(await recoverJournalDraft()).toBe(false);
  });

  it('keeps what the check-in gained meanwhile, and the line even if the check-in was never stored', async () => {
    await saveCheckIn({ ...entry, helped: 'yes' });
    await saveJournalDraft(entry, 'Line');
    await recoverJournalDraft();
    expect((await allCheckIns()).entries[0]).toMatchObject({ helped: 'yes', journal: 'Line' });

    await saveJournalDraft({ ...entry, id: 'c2' }, 'Only in the draft');
    await recoverJournalDraft();
    expect((await allCheckIns()).entries.map((c) => c.journal)).toEqual(['Line', 'Only in the draft']);
  });

  it('forgets an emptied draft', async () => {
    await saveJournalDraft(entry, 'x');
    await saveJournalDraft(entry, '  ');
    expect(await recoverJournalDraft()).toBe(false);
  });
});
