// The words of an export file as plain data (`LabelWords`): what the history page reads from its
// words once, and what crosses to the data worker, which has no words of its own (a worker of an
// extension page has no browser.i18n) but makes the file of a big history (platform/data-worker.ts).
// `labelsFrom` turns them into the labels the pure export (export.ts) writes with, the same on the
// page and in the worker, so a file is the same wherever it was made.
import { isOwnOutletId } from '../outlets/own';
import type { After, CheckIn } from '../schema';
import { localOffsetMinutes } from '../time';
import type { Clock } from '../words';
import type { CsvLabels, JournalLabels } from './export';
import type { ExportLabels } from './transfer';

export interface LabelWords {
  csv: {
    header: CsvLabels['header'];
    done: string;
    skipped: string;
    helped: Record<NonNullable<CheckIn['helped']>, string>;
    after: Record<After, string>;
    yes: string;
    no: string;
  };
  journal: { title: string; after: Record<After, string> };
  /** Each feeling's name by id; an id not here is written as itself. */
  feelings: Record<string, string>;
  /**
   * Each outlet's title by id (the catalogue's and the person's own). An id not here is written as
   * itself, or as `removedOwnOutlet` when it was one of the person's own (never by its id).
   */
  outlets: Record<string, string>;
  removedOwnOutlet: string;
  /** The language and clock times are written in. */
  clock: Clock;
}

/** The labels an export writes with, from its words. */
export function labelsFrom(words: LabelWords): ExportLabels {
  const feeling = (id: string) => words.feelings[id] || id;
  const time = { hour: 'numeric', minute: '2-digit', hourCycle: words.clock.hourCycle } as const;
  const here = new Intl.DateTimeFormat(words.clock.locale, time);
  const asWritten = new Intl.DateTimeFormat(words.clock.locale, { ...time, timeZone: 'UTC' });
  return {
    csv: {
      header: words.csv.header,
      feeling,
      outlet: (id) => (id ? words.outlets[id] || (isOwnOutletId(id) ? words.removedOwnOutlet : id) : ''),
      outcome: (outcome) => (outcome === 'done' ? words.csv.done : words.csv.skipped),
      helped: (answer) => (answer ? words.csv.helped[answer] : ''),
      after: (answer) => (answer ? words.csv.after[answer] : ''),
      yesNo: (yes) => (yes ? words.csv.yes : words.csv.no),
    },
    journal: {
      title: words.journal.title,
      feeling,
      // As the person's clock showed it when they wrote (its `offset`), as the history page shows it.
      time: (entry) =>
        entry.offset === undefined || entry.offset === localOffsetMinutes(entry.at)
          ? here.format(entry.at)
          : asWritten.format(entry.at + entry.offset * 60_000),
      after: (answer) => (answer ? words.journal.after[answer] : ''),
    } satisfies JournalLabels,
  };
}
