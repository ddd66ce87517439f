// Seen by the zones e2e test: the list put a check-in under the day it was written on (Pago Pago)
// but printed its time by the clock of the zone the device is in now (Kiritimati): a day from one
// zone with a time from the other named a moment 24 hours away. The time goes with the day.
import { afterEach, describe, expect, it } from 'vitest';
import { formatEntryTime } from '../../components/shared/copy';
import { placeOnDay } from '../../core/data/days';
import { resetLanguageForTests } from '../../platform/i18n';

const startZone = process.env.TZ;
const inZone = (zone: string) => {
  process.env.TZ = zone;
  resetLanguageForTests();
};
afterEach(() => inZone(startZone ?? 'UTC'));

// 7 Dec 2026, 01:26 in Pago Pago (UTC−11), 8 Dec 02:26 in Kiritimati (UTC+14).
const AT = Date.UTC(2026, 11, 7, 12, 26);
const clock = (text: string) => text.replace(/\s/g, ' ');

describe('the time a check-in is listed at', () => {
  it('is the clock of the zone it was written in, the one its day was read on', () => {
    inZone('Pacific/Pago_Pago');
    const written = placeOnDay({ id: 'a', at: AT, feeling: 'calm', outletId: null, outcome: 'done' }, null);
    expect(written).toMatchObject({ day: '2026-12-07', offset: -660 });
    const there = clock(formatEntryTime(written));
    inZone('Pacific/Kiritimati');
    expect(clock(formatEntryTime(written))).toBe(there);
    expect(there).toMatch(/^1:26 AM$|^01:26$/);
  });

  it('is the clock of here for an entry that never said where it was written', () => {
    inZone('Pacific/Kiritimati');
    expect(clock(formatEntryTime({ at: AT }))).toMatch(/^2:26 AM$|^02:26$/);
  });
});
