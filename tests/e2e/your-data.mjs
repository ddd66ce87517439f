// Everything a person keeps, set up alike by the tests that carry it out and back in (export, delete
// everything, import: data.test.mjs, plain; crypto.test.mjs, encrypted): every preference set to
// something other than its default, and two trusted people with awkward names.
import { ALWAYS_ON_HOURS, patchSettings, seedHistory, storedData } from './outlet.mjs';

/** Every preference set explicitly (not the defaults), so the stored settings compare whole with what an import writes back. */
export const PREFERENCES = {
  nudgesEnabled: true,
  intervalMinutes: 45,
  families: ['movement', 'journaling', 'creative', 'body'],
  hours: ALWAYS_ON_HOURS,
  breakMinutes: 10,
  holdDuringCalls: false,
  silentNudges: true,
  nudgeMode: 'quiet',
  fixedTimes: [{ minute: 660, days: [1, 2, 3, 4, 5], offer: 'movement' }],
  fixedTimesOnly: false,
  quietAudibleTabs: true,
};

export const PEOPLE = [
  { id: 'person-sam', name: 'Sam', phone: '+44 20 7946 0018' },
  { id: 'person-aicha', name: 'Aïcha', email: 'aicha@example.org' },
];

/** Stores `checkIns`, the preferences above and the people; returns all that is stored, to compare after. */
export async function storeEverything(ext, checkIns) {
  await seedHistory(ext, checkIns);
  await patchSettings(ext, { ...PREFERENCES, trustedPeople: PEOPLE });
  return storedData(ext);
}
