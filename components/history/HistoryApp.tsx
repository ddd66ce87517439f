import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DaySummary } from '../../core/data/days';
import type { Page, PageQuery } from '../../core/data/transfer';
import { RECENT_HISTORY_LIMIT } from '../../core/history';
import { HELPS_WINDOW_DAYS, whatHelps } from '../../core/insights/helps';
import { weeklyReflection } from '../../core/insights/reflection';
import { helpedThisMonth, weekView } from '../../core/insights/week';
import { YEAR_DAYS, yearGlance } from '../../core/insights/year';
import type { CheckIn } from '../../core/schema';
import { addDays, DAY, localDayKey } from '../../core/time';
import { i18n } from '../shared/words';
import { AppImport, type AppImportActions } from './AppImport';
import { type DataActions, DataPanel } from './DataPanel';
import { DayList } from './DayList';
import { HelpedThisMonth } from './HelpedThisMonth';
import { JournalSearch } from './JournalSearch';
import { type MemoryActions, OnThisDay } from './OnThisDay';
import { WeeklyReflection } from './WeeklyReflection';
import { WeekView } from './WeekView';
import { WhatHelps } from './WhatHelps';
import { YearGlance } from './YearGlance';

export const DAYS_PAGE = 50;
export const JOURNAL_PAGE = 30;
const SEARCH_DELAY_MS = 150;
const REREAD_GAP_MS = 1000;

/** What the page reads and changes in the history: the entrypoint gives the stores' (entrypoints/history/App.tsx). */
export interface HistoryActions {
  checkInsPage: (query: PageQuery) => Promise<Page<CheckIn>>;
  /** The check-ins since a time, newest first, at most `limit` (what seems to help, lately). */
  recentCheckIns: (options: { since: number; limit: number }) => Promise<CheckIn[]>;
  daySummaries: (fromDay: string, toDay: string) => Promise<DaySummary[]>;
  deleteCheckIn: (id: string) => Promise<void>;
  /** Whether to say, once, that the words are kept in the extension's own storage. */
  shouldTellPlace: () => Promise<boolean>;
  markPlaceTold: (now: number) => Promise<void>;
  /** Calls back when this or another page (or the background) changes the history; returns an unwatch. */
  watch: (onChange: () => void) => () => void;
  /** Stores journal lines left in their drafts; says how many still wait. */
  recoverDrafts: () => Promise<{ waiting: number }>;
  /** Checks the day summaries against their entries and mends any that drifted (a long read: after paint). */
  checkSummaries: () => Promise<unknown>;
}

interface Props {
  /** The clock, passed in by the entrypoint (and by tests). */
  now: () => number;
  history: HistoryActions;
  /** "Your data": export, import, delete (the entrypoint gives the stores'). */
  data: DataActions;
  /** "On this day": the memory to show and the person's say over it. */
  memories: MemoryActions;
  /** Bringing entries in from another mood app (issue 19); the section is left out without it. */
  appImport?: AppImportActions;
}

interface Paged {
  entries: CheckIn[];
  next: number | null;
}

/** Runs `run` once the next frame is painted. */
const afterPaint = (run: () => void) =>
  typeof requestAnimationFrame === 'function'
    ? requestAnimationFrame(() => setTimeout(run))
    : setTimeout(run);

const merged = (older: readonly CheckIn[], newer: readonly CheckIn[]) => {
  const seen = new Set(older.map((entry) => entry.id));
  return [...older, ...newer.filter((entry) => !seen.has(entry.id))];
};

/**
 * The history page: check-ins by day, the journal, the week, what helped, the year, and your data.
 * Every read is bounded: a page of entries, a page of journal lines, and one summary per day for a
 * year (YEAR_DAYS + 1, so the 365-day grid and "this month" both fit). It re-reads when another page
 * or the background changes the history.
 */
export function HistoryApp({ now, history, data, memories, appImport }: Props) {
  const [today, setToday] = useState(() => localDayKey(now()));
  const [days, setDays] = useState<Paged | null>(null);
  const [summaries, setSummaries] = useState<DaySummary[] | null>(null);
  // The check-ins "what seems to help" reads: its window, in the popup's bounded amount.
  const [recent, setRecent] = useState<CheckIn[]>([]);
  const [loadFailed, setLoadFailed] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderFailed, setOlderFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [journal, setJournal] = useState<(Paged & { query: string }) | null>(null);
  const [loadingMoreLines, setLoadingMoreLines] = useState(false);
  const [draftsWaiting, setDraftsWaiting] = useState(0);

  // What the page shows now, for re-reads that keep as many entries as the person has opened.
  const shown = useRef({ days: DAYS_PAGE, lines: JOURNAL_PAGE, query: '' });
  const searchSeq = useRef(0);

  useEffect(() => {
    document.title = i18n.t('history.pageTitle');
  }, []);

  // Where the browser refuses the extension a database (Firefox's "never remember history"), the
  // person is told once that their words are kept in the extension's own storage, and still kept.
  const [tellPlace, setTellPlace] = useState(false);
  useEffect(() => {
    void history
      .shouldTellPlace()
      .then(async (tell) => {
        if (!tell) return;
        setTellPlace(true);
        await history.markPlaceTold(now());
      })
      .catch(() => undefined);
  }, [now, history]);

  const loadDays = useCallback(async () => {
    const day = localDayKey(now());
    setToday(day);
    try {
      const [page, found, lately] = await Promise.all([
        history.checkInsPage({ limit: Math.max(DAYS_PAGE, shown.current.days) }),
        history.daySummaries(addDays(day, -YEAR_DAYS), day),
        history.recentCheckIns({ since: now() - HELPS_WINDOW_DAYS * DAY, limit: RECENT_HISTORY_LIMIT }),
      ]);
      setDays(page);
      setSummaries(found);
      setRecent(lately);
      setLoadFailed(false);
    } catch {
      setLoadFailed(true);
    }
  }, [now, history]);

  const search = useCallback(
    async (text: string, limit: number) => {
      const seq = ++searchSeq.current;
      try {
        const page = await history.checkInsPage({ journalOnly: true, query: text, limit });
        // A slower, older search must not overwrite the answer to what is in the box now.
        if (seq === searchSeq.current) setJournal({ ...page, query: text });
      } catch {
        if (seq === searchSeq.current) setLoadFailed(true);
      }
    },
    [history],
  );

  useEffect(() => {
    // The journal is further down the page: it is read once the first screen is in, so the two
    // reads don't compete for it.
    void loadDays().then(() => {
      // The summaries are checked against their entries once the first screen is drawn: the check
      // reads every entry's day (in short slices), and beside the first reads it made the first
      // screen of a history of 200,000 wait 2.9 times as long as an empty one's. A day it mends is
      // announced, so the page reads it again.
      afterPaint(() => void history.checkSummaries().catch(() => undefined));
      void search('', JOURNAL_PAGE);
      // Journal lines left in their drafts (a popup that closed, a save that failed) go into their
      // check-ins now, once the first screen is read; the page re-reads as they are stored.
      void history.recoverDrafts().then(
        ({ waiting }) => setDraftsWaiting(waiting),
        (error) => console.warn('Outlet: the journal drafts could not be read.', error),
      );
    });
    // At once for a change, then at most once per REREAD_GAP_MS while changes keep coming: a big
    // import writes a chunk every few hundred ms, and drawing the whole page after each would take
    // the page from the person (and slow the import). The last change is always read.
    let last = Number.NEGATIVE_INFINITY;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reread = () => {
      last = performance.now();
      timer = undefined;
      void loadDays();
      void search(shown.current.query, Math.max(JOURNAL_PAGE, shown.current.lines));
    };
    const unwatch = history.watch(() => {
      if (timer !== undefined) return;
      const wait = last + REREAD_GAP_MS - performance.now();
      if (wait <= 0) reread();
      else timer = setTimeout(reread, wait);
    });
    return () => {
      unwatch();
      clearTimeout(timer);
    };
  }, [loadDays, search, history]);

  useEffect(() => {
    shown.current.days = days?.entries.length ?? DAYS_PAGE;
  }, [days]);

  // A link to a section (settings' "Your data" opens history.html#data-heading) lands on it once the
  // page has drawn: the browser's own jump happens before there is anything to jump to.
  const jumped = useRef(false);
  useEffect(() => {
    if (days === null || jumped.current) return;
    jumped.current = true;
    const target = location.hash.slice(1);
    if (target) document.getElementById(target)?.scrollIntoView();
  }, [days]);
  useEffect(() => {
    shown.current.lines = journal?.entries.length ?? JOURNAL_PAGE;
  }, [journal]);

  const firstQuery = useRef(true);
  useEffect(() => {
    shown.current.query = query;
    // The empty query at mount is read above, right after the first screen.
    if (firstQuery.current) {
      firstQuery.current = false;
      return;
    }
    const timer = setTimeout(() => void search(query, JOURNAL_PAGE), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, search]);

  const showOlder = async (): Promise<string | null> => {
    if (!days || days.next === null) return null;
    setLoadingOlder(true);
    setOlderFailed(false);
    try {
      const page = await history.checkInsPage({ before: days.next, limit: DAYS_PAGE });
      setDays((current) => ({ entries: merged(current?.entries ?? [], page.entries), next: page.next }));
      return page.next === null ? (page.entries[0]?.id ?? null) : null;
    } catch {
      setOlderFailed(true);
      return null;
    } finally {
      setLoadingOlder(false);
    }
  };

  const showMoreLines = async () => {
    if (!journal || journal.next === null) return;
    setLoadingMoreLines(true);
    const seq = searchSeq.current;
    try {
      const page = await history.checkInsPage({
        before: journal.next,
        journalOnly: true,
        query: journal.query,
        limit: JOURNAL_PAGE,
      });
      if (seq === searchSeq.current)
        setJournal((current) =>
          current ? { ...current, entries: merged(current.entries, page.entries), next: page.next } : current,
        );
    } finally {
      setLoadingMoreLines(false);
    }
  };

  const remove = async (id: string): Promise<boolean> => {
    try {
      await history.deleteCheckIn(id);
    } catch {
      return false;
    }
    setDays(
      (current) => current && { ...current, entries: current.entries.filter((entry) => entry.id !== id) },
    );
    setJournal(
      (current) => current && { ...current, entries: current.entries.filter((entry) => entry.id !== id) },
    );
    return true;
  };

  const insights = useMemo(
    () =>
      summaries && {
        week: weekView(summaries, today),
        month: helpedThisMonth(summaries, today),
        reflection: weeklyReflection(summaries, today),
        year: yearGlance(summaries, today),
        counts: new Map(summaries.map((summary) => [summary.day, summary.count])),
        helps: whatHelps(recent, now()),
      },
    [summaries, today, recent, now],
  );

  return (
    <main class="options history" aria-busy={days === null && !loadFailed}>
      <h1>{i18n.t('history.title')}</h1>
      <p class="help">{i18n.t('history.intro')}</p>
      {tellPlace && (
        <p class="notice" role="status">
          {i18n.t('history.keptInExtensionStorage')}
        </p>
      )}
      {loadFailed && (
        <p class="error" role="alert">
          {i18n.t('history.loadFailed')}
        </p>
      )}
      {draftsWaiting > 0 && (
        <p class="notice" role="status">
          {i18n.t('checkin.draftsWaiting')}
        </p>
      )}
      {days === null || !insights ? (
        !loadFailed && <p class="help">{i18n.t('history.loading')}</p>
      ) : (
        <>
          <WeeklyReflection reflection={insights.reflection} />
          <OnThisDay memories={memories} now={now} today={today} version={days} />
          <WeekView week={insights.week} />
          <HelpedThisMonth outlets={insights.month} />
          <WhatHelps helps={insights.helps} />
          <YearGlance year={insights.year} />
          <DayList
            entries={days.entries}
            today={today}
            hasOlder={days.next !== null}
            loadingOlder={loadingOlder}
            olderFailed={olderFailed}
            dayCount={(day) => insights.counts.get(day)}
            onShowOlder={showOlder}
            onDelete={remove}
          />
          <JournalSearch
            query={query}
            entries={journal?.entries ?? null}
            answered={journal?.query ?? ''}
            hasMore={journal?.next != null}
            loadingMore={loadingMoreLines}
            today={today}
            onQuery={setQuery}
            onShowMore={() => void showMoreLines()}
          />
        </>
      )}
      <DataPanel actions={data} measure={days !== null || loadFailed} />
      {appImport && <AppImport actions={appImport} />}
      <footer class="help">
        <p>{i18n.t('options.privacy')}</p>
        <p>{i18n.t('options.notMedical')}</p>
      </footer>
    </main>
  );
}
