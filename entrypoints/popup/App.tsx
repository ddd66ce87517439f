import { useEffect, useMemo, useState } from 'preact/hooks';
import { CheckIn, type CheckInActions } from '../../components/checkin/CheckIn';
import { type CheckInPage, CheckInPageContext } from '../../components/checkin/page';
import { giveOwnOutlets } from '../../components/shared/copy';
import { useStoredValue } from '../../components/shared/useStoredValue';
import type { FirstPick, FlowResult } from '../../core/checkin/flow';
import { type ResumeInput, resumeFlow } from '../../core/checkin/resume';
import type { Learned } from '../../core/learning/totals';
import type { OwnOutlet } from '../../core/outlets/own';
import type { CheckIn as CheckInEntry, Context, Schedule, Settings } from '../../core/schema';
import {
  dismissCalmerOffer,
  pauseNudges,
  putOffNudge,
  resumeNudges,
  startOutlet,
  startTimer,
  stopTimer,
} from '../../platform/changes';
import { readResume, saveFlow } from '../../platform/checkin';
import { copyText } from '../../platform/clipboard';
import { isPhoneLike } from '../../platform/device';
import { takeEarlyRead } from '../../platform/early-read';
import {
  historySource,
  recoverJournalDrafts,
  saveCheckIn,
  saveJournalDraft,
} from '../../platform/history/popup';
import { learnedFromEarlyRead, learnedSourceFrom } from '../../platform/learning';
import { memoryAfterCheckIn, stopMemoriesAfterCheckIn } from '../../platform/memories';
import { sendMessage } from '../../platform/messaging';
import { ownOutletsSource } from '../../platform/own-outlets';
import { ownOutletsFrom } from '../../platform/own-outlets-read';
import { type ExtensionPage, openExtensionPage, openOptions } from '../../platform/pages';
import {
  contextFromEarlyRead,
  contextSource,
  saveContext,
  saveSupportState,
  scheduleFromEarlyRead,
  scheduleSource,
  settingsFromEarlyRead,
  settingsSource,
  supportSource,
  timerSource,
  updateSettings,
} from '../../platform/storage';

const openPage = (path: ExtensionPage) => void openExtensionPage(path);

const timerFailed = (error: unknown) => console.warn('Outlet: the timer could not be saved.', error);

const actions: CheckInActions = {
  // A new check-in counts as a break: the background hears of it (IndexedDB has no onChanged).
  saveCheckIn: async (entry) => {
    const { created } = await saveCheckIn(entry);
    if (created) void sendMessage('checkedIn', null).catch(() => undefined);
  },
  saveDraft: (entry, text) => void saveJournalDraft(entry, text).catch(() => undefined),
  saveFlow: (flow) =>
    void saveFlow(flow).catch((error) =>
      console.warn('Outlet: the check-in under way could not be kept.', error),
    ),
  saveContext,
  // These reject when the change isn't stored (a lost answer is checked against storage:
  // platform/changes.ts): the status line then says so.
  pause: pauseNudges,
  resume: resumeNudges,
  putOff: putOffNudge,
  // The background sets (or clears) the timer's alarm even when the timer can't be saved, and the
  // countdown here runs on its own; a failure is only logged (CheckIn has no place to say it yet).
  startTimer: (minutes, checkInId) => void startTimer(minutes, checkInId).catch(timerFailed),
  stopTimer: () => void stopTimer().catch(timerFailed),
  openSettings: (section) => void openOptions(section),
  openSupport: () => openPage('/support.html'),
  openHistory: () => openPage('/history.html'),
  dismissSupport: () => saveSupportState({ dismissedAt: Date.now() }),
  acceptCalmerPace: async (intervalMinutes) => {
    await updateSettings({ intervalMinutes });
    await dismissCalmerOffer();
  },
  dismissCalmerPace: dismissCalmerOffer,
  random: Math.random,
  newId: () => crypto.randomUUID(),
  // Read at each call, so the clock in use is whatever Date.now is then (a test's fake clock too).
  clock: () => Date.now(),
};

/** The device and the clipboard, for the check-in's talking outlets. */
const page: CheckInPage = {
  phoneLike: isPhoneLike(),
  copyText,
  memory: memoryAfterCheckIn,
  stopMemoriesHere: stopMemoriesAfterCheckIn,
};

/** What the page's head script already read (platform/early-read.ts): null where it couldn't tell. */
export interface EarlyData {
  settings: Settings | null;
  context: Context | null;
  /** What taking up the check-in under way needs (platform/checkin.ts). */
  resume?: Omit<ResumeInput, 'now'>;
  /** What the picker learned (platform/learning.ts), from the same read. */
  learned?: Learned | null;
  /** The person's own outlets, from the same read (platform/own-outlets-read.ts). */
  own?: OwnOutlet[];
  /** The schedule, from the same read: a fixed time's family is known at the first render. */
  schedule?: Schedule | null;
}

/** The settings and the context from the head script's read, if it ran (it starts before the modules load). */
export async function readEarlyData(): Promise<EarlyData> {
  const read = takeEarlyRead();
  const [settings, context, resume, learned, own, schedule] = await Promise.all([
    settingsFromEarlyRead(read),
    contextFromEarlyRead(read),
    readResume(read).catch(() => undefined),
    learnedFromEarlyRead(read),
    read?.local.then((local) => ownOutletsFrom(local).outlets).catch(() => undefined),
    scheduleFromEarlyRead(read, Date.now()),
  ]);
  return { settings: settings?.value ?? null, context, resume, learned, own, schedule };
}

/**
 * The check-in wired to the browser (tabs, storage, the clock, chance): the toolbar popup's page, and
 * the check-in window's (entrypoints/checkin). With `early`, a feeling clicked before the app ran is
 * acted on in its first render, without waiting for storage.
 */
export function App({ early, firstPick = null }: { early?: EarlyData; firstPick?: FirstPick | null }) {
  // The check-in under way when the page opened: known at once from the head script's read, else
  // read now (the first screen shows meanwhile, and is left for it if the person hasn't begun).
  const [resumed, setResumed] = useState<FlowResult | null | undefined>(() =>
    early?.resume ? resumeFlow({ ...early.resume, now: Date.now() }) : undefined,
  );
  useEffect(() => {
    if (resumed !== undefined) return;
    void readResume().then(
      (input) => setResumed(resumeFlow({ ...input, now: Date.now() })),
      () => setResumed(null),
    );
  }, []);
  // Journal lines left in their drafts (a popup that closed, a save that failed) go into their
  // check-ins now; the person hears of any that still have to wait.
  const [draftsWaiting, setDraftsWaiting] = useState(0);
  useEffect(() => {
    void recoverJournalDrafts().then(({ waiting }) => setDraftsWaiting(waiting), console.warn);
  }, []);
  const settings = useStoredValue(settingsSource, early?.settings);
  const schedule = useStoredValue(scheduleSource, early?.schedule);
  const timer = useStoredValue(timerSource);
  const context = useStoredValue(contextSource, early?.context);
  const history = useStoredValue<CheckInEntry[]>(historySource);
  const support = useStoredValue(supportSource);
  // Read once at the open (the head script's read, when there was one), then again on each change.
  const learnedFrom = useMemo(() => learnedSourceFrom(early?.learned), []);
  const learned = useStoredValue(learnedFrom);
  const own = useStoredValue(ownOutletsSource, early?.own);
  // Their titles, for every outlet named on the page ("And now?", "did it help?").
  giveOwnOutlets(own ?? []);
  // Opening the popup before the welcome's "Start Outlet" starts Outlet all the same (nothing is
  // planned until then, platform/nudges.ts): the status line already says when the first nudge
  // comes, one interval from now, and this makes it so. Once started, the background ignores it.
  const notPlanned = settings?.nudgesEnabled === true && schedule?.nextNudgeAt === null;
  useEffect(() => {
    if (notPlanned) void startOutlet().catch(() => undefined);
  }, [notPlanned]);
  const [now, setNow] = useState(Date.now);
  // Keeps "Paused until …" honest if the popup stays open across the end of a pause.
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(tick);
  }, []);
  return (
    <CheckInPageContext.Provider value={page}>
      <CheckIn
        data={{ settings, schedule, timer, context, history, learned, support, now, draftsWaiting, own }}
        actions={actions}
        firstPick={firstPick}
        resumed={resumed}
      />
    </CheckInPageContext.Provider>
  );
}
