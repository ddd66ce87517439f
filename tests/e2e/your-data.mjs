// Everything a person keeps, set up alike by the tests that carry it out and back in (export, delete
// everything, import: data.test.mjs, plain; crypto.test.mjs, encrypted): every preference set to
// something other than its default, two trusted people with awkward names, and a week and a bit of
// check-ins with every optional field.
import { ALWAYS_ON_HOURS, MINUTE, patchSettings, seedHistory, storedData } from './outlet.mjs';

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

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

/** A week and a bit of varied check-ins: every optional field, journal lines with awkward text. */
export function sampleHistory(now = Date.now()) {
  const at = (daysAgo, hours, minutes) => {
    const date = new Date(now - daysAgo * DAY);
    date.setHours(hours, minutes, 0, 0);
    return date.getTime();
  };
  const context = { canStepAway: true, alone: false, minutes: 5 };
  return [
    {
      id: 'h-01',
      at: at(8, 9, 15),
      feeling: 'calm',
      outletId: 'walk-street',
      outcome: 'done',
      context,
      shown: ['walk-street'],
      helped: 'yes',
      helpAsked: true,
    },
    {
      id: 'h-02',
      at: at(8, 14, 40),
      feeling: 'stressed',
      outletId: 'journal-weight',
      outcome: 'done',
      journal: 'Deadline moved again — "fine", I said. 😤',
      intensity: 4,
      context: { canStepAway: false, alone: true, minutes: 2 },
      shown: ['slow-breath', 'journal-weight'],
    },
    {
      id: 'h-03',
      at: at(7, 11, 5),
      feeling: 'tired',
      outletId: 'stretch-up',
      outcome: 'skipped',
      context,
      shown: ['stretch-up'],
    },
    {
      id: 'h-04',
      at: at(6, 10, 0),
      feeling: 'lonely',
      outletId: 'talk-message',
      outcome: 'done',
      reachedOut: true,
      helped: 'a-bit',
      helpAsked: true,
      context,
      shown: ['talk-message'],
    },
    {
      id: 'h-05',
      at: at(5, 16, 30),
      feeling: 'angry',
      outletId: 'pillow-yell',
      outcome: 'done',
      intensity: 5,
      context: { canStepAway: true, alone: true, minutes: 5 },
      shown: ['pillow-yell'],
      helped: 'no',
      helpAsked: true,
    },
    { id: 'h-06', at: at(5, 17, 45), feeling: 'numb', outletId: null, outcome: 'skipped' },
    {
      id: 'h-07',
      at: at(4, 9, 30),
      feeling: 'grateful',
      outletId: 'journal-three-good',
      outcome: 'done',
      journal: 'Coffee, sun on the desk, a kind email. <b>That</b> is all.',
      context,
      shown: ['journal-three-good'],
    },
    {
      id: 'h-08',
      at: at(3, 13, 20),
      feeling: 'anxious',
      outletId: 'breath-minute',
      outcome: 'done',
      intensity: 3,
      context,
      shown: ['five-things', 'breath-minute'],
      helped: 'yes',
      helpAsked: true,
    },
    {
      id: 'h-09',
      at: at(2, 15, 10),
      feeling: 'cant-tell',
      outletId: 'feel-where',
      outcome: 'skipped',
      context,
      shown: ['feel-where'],
      helpAsked: true,
    },
    {
      id: 'h-10',
      at: at(1, 10, 50),
      feeling: 'hopeful',
      outletId: 'journal-next-step',
      outcome: 'done',
      journal: 'Next step: ask Ana about Thursday; =SUM(A1) is not a formula here.',
      context,
      shown: ['journal-next-step'],
    },
    {
      id: 'h-11',
      at: at(1, 18, 5),
      feeling: 'overwhelmed',
      outletId: 'doodle',
      outcome: 'done',
      context,
      shown: ['doodle'],
    },
    {
      id: 'h-12',
      at: now - 3 * HOUR,
      feeling: 'content',
      outletId: 'journal-line',
      outcome: 'done',
      journal: 'Ein ruhiger Morgen. Ça va. 静かな朝。 مرحبا',
      context,
      shown: ['journal-line'],
    },
    {
      id: 'h-13',
      at: now - 1 * HOUR,
      feeling: 'sad',
      outletId: 'hand-on-heart',
      outcome: 'skipped',
      intensity: 2,
      context,
      shown: ['hand-on-heart'],
    },
  ];
}

/** Stores `checkIns`, the preferences above and the people; returns all that is stored, to compare after. */
export async function storeEverything(ext, checkIns) {
  await seedHistory(ext, checkIns);
  await patchSettings(ext, { ...PREFERENCES, trustedPeople: PEOPLE });
  return storedData(ext);
}
