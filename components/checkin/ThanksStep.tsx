import { useContext, useEffect, useState } from 'preact/hooks';
import type { Outcome } from '../../core/checkin/flow';
import type { Memory } from '../../core/insights/memory';
import { MemoryCard } from '../shared/MemoryCard';
import { i18n } from '../shared/words';
import { CheckInPageContext } from './page';

interface Props {
  outcome: Outcome;
  onAgain: () => void;
  /** The clock, for the memory's rules (what "today" and "lately" are). */
  now: () => number;
}

/**
 * A kind word, whatever the person did; skipping is fine. When they asked for memories after a
 * check-in and this one was light, a moment from this day in an earlier week, month or year below it.
 */
export function ThanksStep({ outcome, onAgain, now }: Props) {
  const { memory: findMemory, stopMemoriesHere } = useContext(CheckInPageContext);
  const [stopped, setStopped] = useState<'no' | 'yes' | 'failed'>('no');
  const [memory, setMemory] = useState<Memory | null>(null);
  useEffect(() => {
    let live = true;
    void findMemory(now()).then(
      (found) => live && setMemory(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [findMemory, now]);
  return (
    <section class="step thanks" aria-labelledby="thanks-title">
      <h1 id="thanks-title" tabIndex={-1}>
        {outcome === 'done' ? i18n.t('checkin.thanksDone') : i18n.t('checkin.thanksSkipped')}
      </h1>
      {memory && stopped !== 'yes' && (
        <MemoryCard memory={memory} headingId="memory-heading">
          <button
            type="button"
            class="small link"
            onClick={() =>
              void stopMemoriesHere().then(
                () => setStopped('yes'),
                () => setStopped('failed'),
              )
            }
          >
            {i18n.t('memory.notHere')}
          </button>
          {stopped === 'failed' && (
            <p class="error" role="alert">
              {i18n.t('memory.saveFailed')}
            </p>
          )}
        </MemoryCard>
      )}
      {stopped === 'yes' && (
        <p class="help" role="status">
          {i18n.t('memory.notHereDone')}
        </p>
      )}
      <button type="button" class="link" onClick={onAgain}>
        {i18n.t('checkin.again')}
      </button>
    </section>
  );
}
