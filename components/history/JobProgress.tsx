// How far a long job of "Your data" is (an import or an export of a big history), with a way to stop
// it. Polite to screen readers: only `phase` is a live region, and it changes a few times a job
// ("Reading the file…", "Importing…"); the count beside the bar changes with every chunk and is read
// when a person goes to it, never announced on its own.
import { useId } from 'preact/hooks';

export interface JobProgressProps {
  /** What is happening, in a few words: announced when it changes. */
  phase: string;
  /** How far, in words ("12,000 of 200,000"); empty while it can't be told. */
  detail: string;
  /** Done so far and the whole; without `max` the bar shows work going on without a measure. */
  value?: number;
  max?: number;
  cancelLabel: string;
  /** Asks the job to stop between two chunks; the job's own message then says what was kept. */
  onCancel: () => void;
  /** True once Cancel was pressed and the job is finishing its current chunk. */
  stopping?: boolean;
}

export function JobProgress({
  phase,
  detail,
  value,
  max,
  cancelLabel,
  onCancel,
  stopping,
}: JobProgressProps) {
  const id = useId();
  return (
    <div class="job-progress">
      <p id={id} class="job-words">
        <span role="status">{phase}</span>
        {detail && <span class="job-detail"> {detail}</span>}
      </p>
      {max !== undefined && max > 0 ? (
        <progress aria-labelledby={id} max={max} value={value ?? 0} />
      ) : (
        <progress aria-labelledby={id} />
      )}
      <button type="button" class="secondary" disabled={stopping} onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
