import { useMemo, useRef } from 'preact/hooks';
import type { FirstPick, OutletOffer } from '../../core/checkin/flow';
import type { FeelingId } from '../../core/feelings';
import { recentlyShown, withShown } from '../../core/history';
import { type Learned, pooled } from '../../core/learning/totals';
import { journalPromptKey, outletPool, ownAsOutlet, pick } from '../../core/outlets';
import type { OwnOutlet } from '../../core/outlets/own';
import type { CheckIn, Context, Settings } from '../../core/schema';
import { localDayKey, localOffsetMinutes } from '../../core/time';
import { i18n } from '../shared/words';

interface Sources {
  settings: Settings;
  context: Context;
  history: CheckIn[] | null;
  now: number;
  random: () => number;
  newId: () => string;
  clock: () => number;
  firstPick: FirstPick | null;
  /** What the picker learned (platform/learning.ts); null while loading or when nothing is stored. */
  learned?: Learned | null;
  /** The person's own outlets; null or missing while loading (the catalogue's are offered meanwhile). */
  own?: readonly OwnOutlet[] | null;
}

/**
 * How an outlet is picked for a feeling (core/outlets), with what the page knows: the settings, the
 * context, what helped lately. Gives the offer for a new check-in, or the next idea within one.
 */
export function useOffers({
  settings,
  context,
  history,
  now,
  random,
  newId,
  clock,
  firstPick,
  learned,
  own,
}: Sources) {
  const list = history ?? [];
  const totals = useMemo(() => (learned ? pooled(learned, now) : undefined), [learned, now]);
  const ownOutlets = useMemo(() => (own ?? []).map(ownAsOutlet), [own]);
  const lastJournalPrompt = useRef<string | undefined>(undefined);

  // The outlet the head script already showed for the first pick: it stays on screen (the same
  // check-in, from the moment of the click) if it fits what the settings and context allow. Used once.
  const shownFirst = useRef(firstPick?.shown ? { ...firstPick.shown, feeling: firstPick.feeling } : null);
  const takeShownFirst = (feeling: FeelingId) => {
    const shownBefore = shownFirst.current;
    shownFirst.current = null;
    if (shownBefore?.feeling !== feeling) return null;
    const outlet = outletPool(feeling, settings.families, context, ownOutlets).find(
      (o) => o.id === shownBefore.outletId,
    );
    return { ...shownBefore, outlet };
  };

  /** An outlet for `feeling`: for a new check-in, or the next idea within `previous`. */
  return (feeling: FeelingId, previous: CheckIn | null, intensity?: number): OutletOffer => {
    const shown = previous?.shown ?? [];
    const before = previous ? null : takeShownFirst(feeling);
    const picked = before?.outlet
      ? { outlet: before.outlet, reason: null }
      : pick({
          feeling,
          enabledFamilies: settings.families,
          context,
          exclude: shown,
          recentlyShown: recentlyShown(list),
          learned: totals,
          intensity,
          history: list,
          random,
          own: ownOutlets,
        });
    const at = previous ? previous.at : (before?.at ?? clock());
    const entry: CheckIn = previous
      ? { ...previous, outletId: picked.outlet.id, shown: withShown(shown, picked.outlet.id) }
      : {
          id: before?.checkInId ?? newId(),
          at,
          // The local day it is written on: counted there wherever it is answered (core/data/days.ts).
          day: localDayKey(at),
          offset: localOffsetMinutes(at),
          feeling,
          outletId: picked.outlet.id,
          outcome: 'skipped',
          context,
          shown: [picked.outlet.id],
        };
    let journalPrompt = '';
    if (picked.outlet.action.kind === 'journal') {
      const key = journalPromptKey(picked.outlet, random, lastJournalPrompt.current);
      lastJournalPrompt.current = key;
      journalPrompt = i18n.dynamic(key);
    }
    return { entry, outlet: picked.outlet, reason: picked.reason, journalPrompt };
  };
}
