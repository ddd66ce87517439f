import { useEffect, useRef, useState } from 'preact/hooks';
import type { MemoryChoice, MemoryPrefs } from '../../core/insights/memory';
import { MemoryCard } from '../shared/MemoryCard';
import { i18n } from '../shared/words';

/** What the history page reads and changes for "on this day" (the entrypoint gives the stores'). */
export interface MemoryActions {
  find: (now: number) => Promise<MemoryChoice>;
  loadPrefs: () => Promise<MemoryPrefs>;
  savePrefs: (prefs: MemoryPrefs) => Promise<void>;
}

interface Props {
  memories: MemoryActions;
  now: () => number;
  today: string;
  /** Bumped when the history changes: a check-in just made may hold a memory back or let it show. */
  version: unknown;
}

/**
 * "On this day", on the history page: one moment the person felt good about, or that helped, from the
 * same date in an earlier week, month or year; nothing while their latest check-in was heavy. "Not
 * today" puts it away until tomorrow; "Turn off" stops them, and the same place turns them back on.
 */
export function OnThisDay({ memories, now, today, version }: Props) {
  const [prefs, setPrefs] = useState<MemoryPrefs | null>(null);
  const [choice, setChoice] = useState<MemoryChoice | null>(null);
  const [failed, setFailed] = useState(false);
  const [said, setSaid] = useState('');
  const turnOnRef = useRef<HTMLButtonElement>(null);
  const focusTurnOn = useRef(false);
  const putAwayRef = useRef<HTMLParagraphElement>(null);
  const focusPutAway = useRef(false);

  useEffect(() => {
    let live = true;
    void Promise.all([memories.loadPrefs(), memories.find(now())]).then(
      ([loaded, found]) => {
        if (!live) return;
        setPrefs(loaded);
        setChoice(found);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [memories, now, version]);

  useEffect(() => {
    if (focusTurnOn.current && prefs && !prefs.onHistory) {
      focusTurnOn.current = false;
      turnOnRef.current?.focus();
    }
    if (focusPutAway.current && prefs?.putAwayOn) {
      focusPutAway.current = false;
      putAwayRef.current?.focus();
    }
  }, [prefs]);

  const change = async (next: MemoryPrefs, words: string) => {
    try {
      await memories.savePrefs(next);
      setPrefs(next);
      setFailed(false);
      setSaid(words);
    } catch {
      setFailed(true);
    }
  };

  if (!prefs) return null;
  const status = (
    <p class="visually-hidden" role="status">
      {said}
    </p>
  );
  const failure = failed && (
    <p class="error" role="alert">
      {i18n.t('memory.saveFailed')}
    </p>
  );
  const memory = choice?.shown;
  let body: preact.ComponentChildren = null;
  if (!prefs.onHistory) {
    body = (
      <p class="help memory-off">
        {i18n.t('memory.off')}{' '}
        <button
          type="button"
          class="small link"
          ref={turnOnRef}
          onClick={() => void change({ ...prefs, onHistory: true }, i18n.t('memory.turnedOn'))}
        >
          {i18n.t('memory.turnOn')}
        </button>
      </p>
    );
  } else if (memory && prefs.putAwayOn === today) {
    // Put away just now or earlier today: a quiet line where it was, so focus has somewhere to stay.
    body = (
      <p class="help" tabIndex={-1} ref={putAwayRef}>
        {i18n.t('memory.putAwayDone')}
      </p>
    );
  } else if (memory) {
    body = (
      <MemoryCard memory={memory} headingId="memory-heading">
        <div class="row">
          <button
            type="button"
            class="small"
            onClick={() => {
              focusPutAway.current = true;
              void change({ ...prefs, putAwayOn: today }, '');
            }}
          >
            {i18n.t('memory.putAway')}
          </button>
          <button
            type="button"
            class="small link"
            onClick={() => {
              focusTurnOn.current = true;
              void change({ ...prefs, onHistory: false }, i18n.t('memory.turnedOff'));
            }}
          >
            {i18n.t('memory.turnOff')}
          </button>
        </div>
        <label class="check">
          <input
            type="checkbox"
            checked={prefs.afterCheckIn}
            onChange={(event) =>
              void change(
                { ...prefs, afterCheckIn: event.currentTarget.checked },
                event.currentTarget.checked ? i18n.t('memory.afterOn') : i18n.t('memory.afterOff'),
              )
            }
          />{' '}
          {i18n.t('memory.afterCheckIn')}
        </label>
        <p class="help">{i18n.t('memory.note')}</p>
      </MemoryCard>
    );
  }
  return (
    <>
      {body}
      {failure}
      {status}
    </>
  );
}
