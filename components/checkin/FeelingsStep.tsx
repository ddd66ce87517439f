import type { FeelingId } from '../../core/feelings';
import type { Helped } from '../../core/insights';
import type { After, Context } from '../../core/schema';
import { outletTitle } from '../shared/copy';
import { i18n } from '../shared/words';
import { AfterQuestion } from './AfterQuestion';
import { ContextPicker } from './ContextPicker';
import { FeelingPicker } from './FeelingPicker';
import { HelpedQuestion } from './HelpedQuestion';
import { RunningTimer } from './RunningTimer';
import { SupportCard } from './SupportCard';
import type { TimerProps } from './TimerStep';

export interface FeelingsStepProps {
  context: Context | null;
  onContext: (context: Context) => void;
  onPick: (feeling: FeelingId) => void;
  /** A feeling picked while the data it needs is still on its way: shown as chosen. */
  chosen: FeelingId | null;
  support: {
    reason: 'heavy-checkins' | 'not-helping';
    onOpenSupport: () => void;
    onDismiss: () => void;
  } | null;
  running: TimerProps | null;
  earlier: { outletId: string; onAnswer: (helped: Helped | null) => void } | null;
  /** "And now?" about the outlet just done (core/checkin/after.ts): asked instead of `earlier`. */
  after?: { outletId: string; onAnswer: (after: After | null) => void } | null;
}

/**
 * The first screen: where you are (it shapes the suggestion, so it comes first), then "How are you
 * right now?". build/prerender-popup.ts writes the same markup into popup.html.
 */
export function FeelingsStep({
  context,
  onContext,
  onPick,
  chosen,
  support,
  running,
  earlier,
  after = null,
}: FeelingsStepProps) {
  // With more than one thing waiting below the feelings, the support card is one line and the hint
  // gives way, so all of it fits the popup with its footer (tests/e2e/fit-states.test.mjs).
  const crowded = [support, running, earlier ?? after].filter(Boolean).length > 1;
  return (
    <section
      class={crowded ? 'step crowded' : 'step'}
      aria-labelledby="feelings-title"
      aria-busy={chosen !== null}
    >
      <ContextPicker context={context} onChange={onContext} />
      <h1 id="feelings-title" tabIndex={-1}>
        {i18n.t('checkin.title')}
      </h1>
      {!crowded && <p class="hint">{i18n.t('checkin.hint')}</p>}
      <FeelingPicker onPick={onPick} />
      {/* After the feelings, so a keyboard reaches them first, whatever else is shown. */}
      {support && <SupportCard {...support} compact={crowded} />}
      {running && <RunningTimer {...running} />}
      {earlier && <HelpedQuestion outletId={earlier.outletId} when="earlier" onAnswer={earlier.onAnswer} />}
      {after && (
        <AfterQuestion
          legend={i18n.t('checkin.afterEarlier', [outletTitle(after.outletId)])}
          when="earlier"
          onAnswer={after.onAnswer}
        />
      )}
    </section>
  );
}
