import { useState } from 'preact/hooks';
import { isFeelingId } from '../../core/feelings';
import type { Memory } from '../../core/insights/memory';
import { outletById } from '../../core/outlets';
import { feelingLabel, outletTitle } from './copy';
import { i18n } from './words';

/** "A year ago today", "3 months ago today", "A week ago today". */
export const memoryWhen = (memory: Pick<Memory, 'unit' | 'count'>): string =>
  i18n.plural(`memory.when.${memory.unit}`, memory.count);

interface Props {
  memory: Memory;
  /** The heading's level where the card sits (a section of the history, a step of the check-in). */
  headingId: string;
  /** Controls under the moment (put away, turn off): each page gives its own. */
  children?: preact.ComponentChildren;
}

/**
 * One moment given back: when it was, how the person felt or what helped, and their words. A line from
 * a heavy day (the moment is kept because the outlet helped) waits behind "Read what you wrote".
 */
export function MemoryCard({ memory, headingId, children }: Props) {
  const [lineAsked, setLineAsked] = useState(false);
  const { entry } = memory;
  const outlet = entry.outletId && outletById(entry.outletId) ? outletTitle(entry.outletId) : null;
  const lineShown = Boolean(entry.journal) && (memory.lineOpen || lineAsked);
  return (
    <section class="memory-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{i18n.t('memory.heading')}</h2>
      <p class="memory-when">{memoryWhen(memory)}</p>
      {memory.why === 'felt-good' ? (
        <p>
          {i18n.t('memory.feltGood', [
            isFeelingId(entry.feeling) ? feelingLabel(entry.feeling) : entry.feeling,
          ])}
          {outlet && entry.outcome === 'done' ? ` ${i18n.t('memory.didOutlet', [outlet])}` : ''}
        </p>
      ) : (
        <p>{i18n.t('memory.helped', [outlet ?? i18n.t('memory.anOutlet')])}</p>
      )}
      {lineShown ? (
        <blockquote class="journal-line">{entry.journal}</blockquote>
      ) : (
        entry.journal && (
          <button type="button" class="small link" onClick={() => setLineAsked(true)}>
            {i18n.t('memory.readLine')}
          </button>
        )
      )}
      {children}
    </section>
  );
}
