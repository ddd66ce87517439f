import { useEffect, useRef, useState } from 'preact/hooks';
import { OUTLET_FAMILIES } from '../../core/families';
import { WEEK, WEEKDAYS } from '../../core/settings-form';
import {
  FIXED_TIMES_MAX,
  type FixedOffer,
  type FixedTime,
  type FixedTimeProblem,
  validateFixedTimes,
} from '../../core/time/fixed-times';
import { formatClock, parseClock, type Weekday } from '../../core/time/hours';
import { familyLabel } from '../shared/copy';
import { i18n } from '../shared/words';
import { ToggleSetting } from './ToggleSetting';
import { useFollowStored } from './useFollowStored';
import { clockExample, weekdayName } from './words';

interface Props {
  times: readonly FixedTime[];
  /** Only at these times, no nudge every interval (settings.fixedTimesOnly). */
  only: boolean;
  onChange: (times: FixedTime[]) => Promise<void>;
  onOnlyChange: (only: boolean) => Promise<void>;
  /**
   * A change was refused, by the form or by storage (said next to the time): the section says
   * neither "Saved." nor its own failure beside it.
   */
  onRefused?: () => void;
}

interface DraftTime {
  /** Stable across edits, so focus stays in the row being changed. */
  key: number;
  time: string;
  days: Weekday[];
  offer: FixedOffer;
}

const OFFERS: readonly FixedOffer[] = ['checkin', ...OUTLET_FAMILIES];
const offerLabel = (offer: FixedOffer) =>
  offer === 'checkin' ? i18n.t('clock.offerCheckin') : familyLabel(offer);
const shortDay = (day: Weekday) => i18n.date(new Date(2026, 0, 4 + day), { weekday: 'short' });

let nextKey = 1;
const toDraft = (times: readonly FixedTime[]): DraftTime[] =>
  times.map((t) => ({ key: nextKey++, time: formatClock(t.minute), days: [...t.days], offer: t.offer }));

const problemText: Record<FixedTimeProblem['problem'] | 'bad-time', () => string> = {
  'bad-time': () => i18n.t('clock.problemTime', [clockExample()]),
  'out-of-range': () => i18n.t('clock.problemTime', [clockExample()]),
  'no-days': () => i18n.t('clock.problemDays'),
  'same-time': () => i18n.t('clock.problemSame'),
};

/** The times as storage keeps them, or the problem of each row that has one (by row key). */
function check(draft: readonly DraftTime[]): { times: FixedTime[] } | { problems: Map<number, string> } {
  const problems = new Map<number, string>();
  const times = draft.map((row) => {
    const minute = parseClock(row.time);
    if (minute === null) problems.set(row.key, problemText['bad-time']());
    return { minute: minute ?? 0, days: WEEK.filter((d) => row.days.includes(d)), offer: row.offer };
  });
  if (problems.size === 0) {
    for (const { index, problem } of validateFixedTimes(times)) {
      const row = draft[index];
      if (row) problems.set(row.key, problemText[problem]());
    }
  }
  return problems.size > 0 ? { problems } : { times };
}

/** A time for a new row: late morning on weekdays, or the first free hour after it. */
function freshTime(rows: readonly DraftTime[]): DraftTime {
  const taken = (minute: number) =>
    rows.some((row) => parseClock(row.time) === minute && row.days.some((d) => WEEKDAYS.includes(d)));
  const hours = [11, 16, 9, 13, 15, 10, 14, 17, 12, 8, 18, 19, 20, 7];
  const hour = hours.find((h) => !taken(h * 60)) ?? 21;
  return { key: nextKey++, time: formatClock(hour * 60), days: [...WEEKDAYS], offer: 'checkin' };
}

/**
 * Fixed clock times: "11:00 on weekdays: a walk". Each row is a time, its days and what it offers; a
 * change is kept as soon as the time is left or a choice is made, when the whole list checks out; a
 * refused one stays on screen as typed, with the reason next to it (the one schema decides:
 * core/schema.ts, core/time/fixed-times.ts).
 */
export function FixedTimesSetting({ times, only, onChange, onOnlyChange, onRefused }: Props) {
  const [problems, setProblems] = useState<Map<number, string>>(new Map());
  // Follow the stored times (a save, another tab, restore defaults) unless a change is still on
  // screen: one refused, one not saved yet, or a time being typed.
  const {
    form: draft,
    setForm: setDraft,
    kept,
  } = useFollowStored(times, toDraft, { hold: problems.size > 0, same: samePlain });
  // The rows whose change storage refused, and why: the list as a whole is one save, but the row
  // the person changed is where they look. Each stays said until a save goes through.
  const [unsaved, setUnsaved] = useState<Map<number, string>>(new Map());
  // Only the latest save's answer is said: an earlier one it carried along is settled by it.
  const saves = useRef(0);
  const focusKey = useRef<number | null>(null);
  const root = useRef<HTMLDivElement>(null);

  // A row just added: its time field takes focus, so the person can type the time at once.
  useEffect(() => {
    if (focusKey.current === null) return;
    root.current?.querySelector<HTMLInputElement>(`#fixed-time-${focusKey.current}`)?.focus();
    focusKey.current = null;
  });

  /**
   * Shows `next` and keeps it when the whole list checks out. `changed`: the row changed or added
   * (its key), or the row removed and where it stood, which comes back if storage refuses.
   */
  const commit = (next: DraftTime[], changed: number | { removed: DraftTime; at: number }) => {
    setDraft(next);
    const result = check(next);
    if ('problems' in result) {
      setProblems(result.problems);
      onRefused?.();
      return;
    }
    setProblems(new Map());
    if (JSON.stringify(result.times) === JSON.stringify(times)) {
      kept(next);
      return setUnsaved(new Map());
    }
    const save = ++saves.current;
    onChange(result.times).then(
      () => {
        // Stored now: the rows follow what is stored again. (Not before: a change storage refused
        // stays on screen, unsaved, whatever another tab stores meanwhile.)
        kept(next);
        if (save === saves.current) setUnsaved(new Map());
      },
      () => {
        if (save !== saves.current) return;
        const said = (key: number, text: string) => setUnsaved((rows) => new Map(rows).set(key, text));
        if (typeof changed === 'number') {
          said(changed, i18n.t('options.saveFailed'));
        } else {
          // Still stored: it comes back where it stood, so the list shows what is kept.
          const { removed, at } = changed;
          setDraft((rows) =>
            rows.some((r) => r.key === removed.key) ? rows : rows.toSpliced(at, 0, removed),
          );
          said(removed.key, i18n.t('tidy_fixedRemoveFailed'));
        }
        onRefused?.();
      },
    );
  };
  const patched = (key: number, patch: Partial<DraftTime>) =>
    draft.map((row) => (row.key === key ? { ...row, ...patch } : row));

  return (
    <div class="fixed-times" ref={root}>
      <h3 id="fixed-times-title">{i18n.t('clock.heading')}</h3>
      <p class="help" id="fixed-times-help">
        {i18n.t('clock.intro')}
      </p>
      {draft.length === 0 && <p class="help">{i18n.t('clock.none')}</p>}
      <ul class="fixed-list" aria-labelledby="fixed-times-title">
        {draft.map((row, index) => {
          const invalid = problems.get(row.key);
          const problem = invalid ?? unsaved.get(row.key);
          const errorId = problem ? `fixed-error-${row.key}` : undefined;
          const name = i18n.t('clock.rowLabel', [String(index + 1)]);
          return (
            <li key={row.key}>
              <fieldset class="fixed-time" aria-describedby={errorId}>
                <legend>{name}</legend>
                <div class="row">
                  <label>
                    {i18n.t('clock.time')}{' '}
                    <input
                      id={`fixed-time-${row.key}`}
                      type="time"
                      value={row.time}
                      aria-invalid={invalid !== undefined}
                      aria-describedby={errorId}
                      onInput={(e) => setDraft(patched(row.key, { time: e.currentTarget.value }))}
                      onBlur={(e) => commit(patched(row.key, { time: e.currentTarget.value }), row.key)}
                    />
                  </label>
                  <label>
                    {i18n.t('clock.offer')}{' '}
                    <select
                      value={row.offer}
                      onChange={(e) =>
                        commit(patched(row.key, { offer: e.currentTarget.value as FixedOffer }), row.key)
                      }
                    >
                      {OFFERS.map((offer) => (
                        <option key={offer} value={offer}>
                          {offerLabel(offer)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button
                    type="button"
                    class="small"
                    aria-label={`${i18n.t('clock.remove')}: ${name}`}
                    onClick={() => {
                      const rest = draft.filter((r) => r.key !== row.key);
                      // Focus goes on to what follows, not to the page's top.
                      const after = rest[index] ?? rest[index - 1];
                      focusKey.current = after ? after.key : null;
                      if (!after) root.current?.querySelector<HTMLButtonElement>('.fixed-add')?.focus();
                      commit(rest, { removed: row, at: index });
                    }}
                  >
                    {i18n.t('clock.remove')}
                  </button>
                </div>
                <fieldset class="fixed-days">
                  <legend>{i18n.t('clock.days')}</legend>
                  {WEEK.map((day) => (
                    <label key={day} class="check day">
                      <input
                        type="checkbox"
                        aria-label={weekdayName(day)}
                        checked={row.days.includes(day)}
                        aria-invalid={invalid !== undefined}
                        onChange={(e) =>
                          commit(
                            patched(row.key, {
                              days: e.currentTarget.checked
                                ? [...row.days, day]
                                : row.days.filter((d) => d !== day),
                            }),
                            row.key,
                          )
                        }
                      />
                      <span aria-hidden="true">{shortDay(day)}</span>
                    </label>
                  ))}
                </fieldset>
                {problem && (
                  <p id={errorId} class="error" role="alert">
                    {problem}
                  </p>
                )}
              </fieldset>
            </li>
          );
        })}
      </ul>
      {draft.length < FIXED_TIMES_MAX ? (
        <button
          type="button"
          class="small fixed-add"
          onClick={() => {
            const row = freshTime(draft);
            focusKey.current = row.key;
            commit([...draft, row], row.key);
          }}
        >
          {i18n.t('clock.add')}
        </button>
      ) : (
        <p class="help">{i18n.t('clock.full')}</p>
      )}
      {times.length > 0 && (
        <ToggleSetting
          id="fixed-times-only"
          checked={only}
          label={i18n.t('clock.onlyLabel')}
          onChange={onOnlyChange}
        />
      )}
    </div>
  );
}

const toPlain = (rows: readonly DraftTime[]) => rows.map(({ key: _key, ...rest }) => rest);
/** Two lists of rows that show the same times (whatever their keys). */
const samePlain = (a: readonly DraftTime[], b: readonly DraftTime[]) =>
  JSON.stringify(toPlain(a)) === JSON.stringify(toPlain(b));
