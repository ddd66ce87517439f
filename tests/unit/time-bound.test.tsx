// The latest (and earliest) time a check-in may hold, in every zone (issue 15): an entry the schema
// accepts must have a local day, day bounds, a next day and words in every view, however far east or
// west the person is. 8.64e15 (Date's own end) failed east of UTC: its local day ends past Date's range.
// Each case sets TZ at run time (Node applies it to Date and Intl at once).
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayHeading } from '../../components/history/words';
import { formatTime } from '../../components/shared/copy';
import { buildExportJson } from '../../core/data/export';
import { TIME_MAX } from '../../core/data/export-format';
import { parseImportFile } from '../../core/data/import';
import { type CheckIn, DEFAULT_SETTINGS, EPOCH_MS_MAX, parseCheckIn } from '../../core/schema';
import { addDays, dayBounds, localDayKey } from '../../core/time';
import { App as HistoryApp } from '../../entrypoints/history/App';
import { mergeCheckIns } from '../../platform/history/store';

// UTC+14 and UTC−12 are the ends of the world's clocks; the others are where people were seen to
// lose their history (UTC, Tokyo) or travel between (Pago Pago, Kiritimati).
const ZONES = [
  'Pacific/Kiritimati',
  'Etc/GMT-14',
  'Etc/GMT+12',
  'Pacific/Pago_Pago',
  'Asia/Tokyo',
  'UTC',
  'America/New_York',
  'Australia/Lord_Howe',
];
const zoneBefore = process.env.TZ;

const entry = (at: number): CheckIn => ({
  id: `at-${at}`,
  at,
  feeling: 'calm',
  outletId: 'walk-street',
  outcome: 'done',
  journal: 'at the edge of time',
});

const { trustedPeople: _people, ...preferences } = DEFAULT_SETTINGS;
const fileWith = (checkIns: CheckIn[]) =>
  buildExportJson({ preferences, trustedPeople: [], checkIns, setAside: [], unreadable: [] }, 0);

describe('one bound for every time', () => {
  it('is the same for storage and for a file', () => {
    expect(TIME_MAX).toBe(EPOCH_MS_MAX);
  });
});

describe.each(ZONES)('times at the bound, in %s', (zone) => {
  beforeEach(() => {
    process.env.TZ = zone;
  });
  afterEach(() => {
    cleanup();
    process.env.TZ = zoneBefore;
  });

  it.each([
    ['the earliest', 0],
    ['the latest', TIME_MAX],
  ])('%s time has a local day, its bounds, the next day and words', (_name, at) => {
    const day = localDayKey(at);
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const { start, end } = dayBounds(day);
    expect(start).toBeLessThanOrEqual(at);
    expect(end).toBeGreaterThan(at);
    for (const next of [addDays(day, 1), addDays(day, -1)]) {
      expect(next).toMatch(/^\d{4,5}-\d{2}-\d{2}$/);
      expect(Number.isFinite(dayBounds(next).end)).toBe(true);
    }
    expect(formatTime(at)).not.toBe('');
    expect(dayHeading(day, localDayKey(Date.UTC(2027, 0, 6)))).not.toBe('');
    expect(new Intl.DateTimeFormat('en', { dateStyle: 'full', timeStyle: 'long' }).format(at)).not.toBe('');
  });

  it('refuses one millisecond past the bound, in storage and in a file alike', () => {
    expect(parseCheckIn(entry(TIME_MAX))).not.toBeNull();
    expect(parseCheckIn(entry(TIME_MAX + 1))).toBeNull();
    expect(parseImportFile(fileWith([entry(TIME_MAX)])).ok).toBe(true);
    expect(parseImportFile(fileWith([entry(TIME_MAX + 1)])).ok).toBe(false);
  });

  it('shows a check-in at the latest time on the history page, with its day and its line', async () => {
    await mergeCheckIns([entry(TIME_MAX), { ...entry(Date.UTC(2027, 0, 6, 12)), journal: 'today' }]);
    render(<HistoryApp now={() => Date.UTC(2027, 0, 6, 18)} />);
    const checkIns = await screen.findByRole('region', { name: 'Check-ins' });
    expect(await within(checkIns).findAllByText('at the edge of time')).toHaveLength(1);
    const journal = screen.getByRole('region', { name: 'Journal' });
    expect(await within(journal).findAllByText('at the edge of time')).toHaveLength(1);
  });
});
