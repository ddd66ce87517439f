import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { RANGES_PER_DAY_MAX, type TimeRange, type WeekHours } from '../../core/schema';
import { copyDayToAll, quickView, WEEK, WEEKDAYS } from '../../core/settings-form';
import {
  formatClock,
  hasActiveHours,
  parseClock,
  type RangeProblem,
  validateHours,
  type Weekday,
} from '../../core/time/hours';
import { i18n } from '../shared/words';
import { useFollowStored } from './useFollowStored';
import { clockExample, weekdayName } from './words';

interface Props {
  hours: WeekHours;
  onChange: (hours: WeekHours) => Promise<void>;
  /** A change was refused (shown next to the range): the section no longer says "Saved". */
  onRefused?: () => void;
  /** The welcome page: only the quick way (the same hours every weekday, weekend on or off). */
  quickOnly?: boolean;
  /** The page already says, at its top, that no day has hours: not again at the top of these. */
  noHoursSaidAbove?: boolean;
}

interface DraftRange {
  start: string;
  end: string;
  nextDay: boolean;
}
type Draft = Record<Weekday, DraftRange[]>;
type Mode = 'same' | 'each';
/** Where a change was made: the quick block, or one day's box. */
type Place = 'quick' | Weekday;

const toDraftRanges = (ranges: readonly TimeRange[]): DraftRange[] =>
  ranges.map((r) => ({ start: formatClock(r.start), end: formatClock(r.end), nextDay: r.nextDay }));
const toDraft = (hours: WeekHours): Draft =>
  Object.fromEntries(WEEK.map((day) => [day, toDraftRanges(hours[day])])) as Draft;
/** What the fields show of a stored week: its ranges, and whether the quick way's weekend is on. */
const toForm = (hours: WeekHours) => ({ draft: toDraft(hours), weekend: quickView(hours).weekend });

const problemText: Record<RangeProblem['problem'] | 'bad-time', () => string> = {
  'ends-before-start': () => i18n.t('options.hoursEndsBeforeStart'),
  empty: () => i18n.t('options.hoursEmpty'),
  overlap: () => i18n.t('options.hoursOverlap'),
  'out-of-range': () => i18n.t('options.hoursBadTime', [clockExample()]),
  'bad-time': () => i18n.t('options.hoursBadTime', [clockExample()]),
};

/** A checked week, or the problems found, keyed `<day>-<index>`. */
function check(draft: Draft): { hours: WeekHours } | { problems: Map<string, string> } {
  const problems = new Map<string, string>();
  const parsed = {} as Record<Weekday, TimeRange[]>;
  for (const day of WEEK) {
    parsed[day] = draft[day].map((range, index) => {
      const start = parseClock(range.start);
      const end = parseClock(range.end);
      if (start === null || end === null) problems.set(`${day}-${index}`, problemText['bad-time']());
      return { start: start ?? 0, end: end ?? 0, nextDay: range.nextDay };
    });
  }
  if (problems.size === 0) {
    for (const problem of validateHours(parsed)) {
      if (!problems.has(`${problem.day}-${problem.index}`))
        problems.set(`${problem.day}-${problem.index}`, problemText[problem.problem]());
    }
  }
  return problems.size > 0 ? { problems } : { hours: parsed };
}

/**
 * Active hours: nudges only come inside them. The quick way is one set of ranges for Monday to
 * Friday, with the weekend on or off; the detailed way is each day on its own, with "use these hours
 * every day". A change is kept as soon as a time is left or a choice is made, once the whole week
 * checks out; a refused one stays on screen as typed, with the reason next to it.
 */
export function HoursSetting({
  hours,
  onChange,
  onRefused,
  quickOnly = false,
  noHoursSaidAbove = false,
}: Props) {
  const [mode, setMode] = useState<Mode>(() => (quickOnly || quickView(hours).uniform ? 'same' : 'each'));
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  // The fields follow the stored hours when they change (a save, another tab, restore defaults),
  // unless the person has changed something here since: a refused change still on screen, or a time
  // being typed (once the field is left, the person's week is what gets kept).
  const {
    form: { draft, weekend },
    setForm,
    kept,
  } = useFollowStored(hours, toForm, { hold: problems.size > 0 });
  const setDraft = (next: Draft) => setForm((now) => ({ ...now, draft: next }));
  const setWeekend = (next: boolean) => setForm((now) => ({ ...now, weekend: next }));
  const uniform = quickView(hours).uniform;
  // A change that left no day with hours (copying an empty day, removing the last range): kept, and
  // said right where it was made, with the week before it to go back to and the control pressed.
  const [undo, setUndo] = useState<{ place: Place; before: WeekHours; control: HTMLElement | null } | null>(
    null,
  );
  const root = useRef<HTMLDivElement>(null);

  /** Checks and keeps `next`; an unchanged week saves nothing (so "Saved" means something changed). */
  const commit = (next: Draft, place: Place) => {
    setDraft(next);
    const result = check(next);
    if ('problems' in result) {
      setProblems(result.problems);
      onRefused?.();
      return;
    }
    setProblems(new Map());
    kept(toForm(result.hours));
    if (JSON.stringify(result.hours) === JSON.stringify(hours)) return;
    if (!hasActiveHours(result.hours) && hasActiveHours(hours)) {
      const control = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setUndo({ place, before: hours, control });
    } else setUndo(null);
    void onChange(result.hours).catch(() => undefined);
  };

  // After Undo, once the week is drawn again: the control pressed, or the first field of its box,
  // takes focus (the Undo button is gone, and focus must never fall to the page body).
  const focusAfterUndo = useRef<{ place: Place; control: HTMLElement | null } | null>(null);
  useEffect(() => {
    const target = focusAfterUndo.current;
    if (!target) return;
    focusAfterUndo.current = null;
    const control = target.control && root.current?.contains(target.control) ? target.control : null;
    const box = root.current?.querySelector<HTMLElement>(`[data-place="${target.place}"]`);
    (control ?? box?.querySelector<HTMLElement>('input, button'))?.focus();
  });

  const undoNoHours = () => {
    if (!undo) return;
    focusAfterUndo.current = { place: undo.place, control: undo.control };
    commit(toDraft(undo.before), undo.place);
  };

  /** "No nudges will come" where the person is looking: in the box they changed, or at the top. */
  const noHoursNote = (place: Place | 'top') => {
    if (hasActiveHours(hours)) return null;
    const here = undo ? undo.place === place : place === 'top' && !noHoursSaidAbove;
    if (!here) return null;
    return (
      <div class="notice no-hours" role="status">
        {/* Said once: with the notice at the top of settings already saying no nudges will come,
            the note beside Undo says only what the change did. */}
        <p>{i18n.t(undo && noHoursSaidAbove ? 'options.hoursNoneUndo' : 'options.hoursNoneLeft')}</p>
        {undo && (
          <button type="button" class="small" onClick={undoNoHours}>
            {i18n.t('options.undo')}
          </button>
        )}
      </div>
    );
  };

  // The quick way edits Monday's ranges and writes them to every weekday (and the weekend if on).
  const quickDraft = (ranges: DraftRange[], withWeekend: boolean): Draft =>
    Object.fromEntries(
      WEEK.map((day) => [day, WEEKDAYS.includes(day) || withWeekend ? ranges.map((r) => ({ ...r })) : []]),
    ) as Draft;
  const quickProblems = new Map<string, string>();
  for (const [key, text] of problems) {
    const [, index] = key.split('-');
    if (!quickProblems.has(`q-${index}`)) quickProblems.set(`q-${index}`, text);
  }

  const modeChoice = !quickOnly && (
    <fieldset class="hours-mode">
      <legend>{i18n.t('options.hoursMode')}</legend>
      {(['same', 'each'] as const).map((choice) => (
        <label key={choice} class="check">
          <input type="radio" name="hours-mode" checked={mode === choice} onChange={() => setMode(choice)} />
          {i18n.t(choice === 'same' ? 'options.hoursSame' : 'options.hoursEachDay')}
        </label>
      ))}
    </fieldset>
  );

  return (
    <div class="hours" ref={root}>
      {!quickOnly && <p class="help">{i18n.t('options.hoursHelp')}</p>}
      {noHoursNote('top')}
      {modeChoice}
      {mode === 'same' ? (
        <div class="quick-hours" data-place="quick">
          {!uniform && <p class="help">{i18n.t('options.hoursDiffer')}</p>}
          <p class="range-label">{i18n.t('options.hoursWeekdays')}</p>
          <Ranges
            idPrefix="q"
            label={i18n.t('options.hoursWeekdays')}
            ranges={draft[1]}
            problems={quickProblems}
            onInput={(ranges) => setDraft({ ...draft, 1: ranges })}
            onCommit={(ranges) => commit(quickDraft(ranges, weekend), 'quick')}
          />
          {noHoursNote('quick')}
          <label class="check">
            <input
              type="checkbox"
              checked={weekend}
              onChange={(event) => {
                setWeekend(event.currentTarget.checked);
                commit(quickDraft(draft[1], event.currentTarget.checked), 'quick');
              }}
            />
            {i18n.t('options.hoursWeekend')}
          </label>
        </div>
      ) : (
        // A compact week: a row a day, its name, its ranges inline, then adding and copying.
        <div class="week">
          {WEEK.map((day) => (
            <fieldset key={day} class="day" data-place={day}>
              <legend>{weekdayName(day)}</legend>
              <Ranges
                idPrefix={String(day)}
                label={weekdayName(day)}
                compact
                ranges={draft[day]}
                problems={problems}
                onInput={(ranges) => setDraft({ ...draft, [day]: ranges })}
                onCommit={(ranges) => commit({ ...draft, [day]: ranges }, day)}
              >
                {/* The visible words stay the button's name (what speech input users say); the day it
                    copies from is its description. */}
                <span id={`hours-copy-${day}`} class="visually-hidden">
                  {i18n.t('options.hoursCopyLabel', [weekdayName(day)])}
                </span>
                <button
                  type="button"
                  class="small link"
                  aria-describedby={`hours-copy-${day}`}
                  onClick={() => {
                    const week = check({ ...draft });
                    // Copying a day that doesn't check out would only copy its problem.
                    if ('problems' in week) return commit(draft, day);
                    commit(toDraft(copyDayToAll(week.hours, day)), day);
                  }}
                >
                  {i18n.t('options.hoursCopy')}
                </button>
              </Ranges>
              {noHoursNote(day)}
            </fieldset>
          ))}
        </div>
      )}
    </div>
  );
}

/** A new range: 9 to 5 on an empty day, else an hour after the last one ends (so it doesn't overlap). */
function nextRange(ranges: DraftRange[]): DraftRange {
  const last = ranges[ranges.length - 1];
  const lastEnd = last ? parseClock(last.end) : null;
  if (!last || lastEnd === null || last.nextDay || lastEnd + 120 > 1439)
    return { start: '09:00', end: '17:00', nextDay: false };
  return { start: formatClock(lastEnd + 60), end: formatClock(lastEnd + 120), nextDay: false };
}

interface RangesProps {
  idPrefix: string;
  /** The day (or "Monday to Friday") the ranges are for, in the buttons' names. */
  label: string;
  ranges: DraftRange[];
  problems: Map<string, string>;
  /** While typing: the draft only. */
  onInput: (ranges: DraftRange[]) => void;
  /** A time left, a box ticked, a range added or removed: check and keep. */
  onCommit: (ranges: DraftRange[]) => void;
  /** A row of the week: the day's name is beside it, so "Add hours" needs it only in its name. */
  compact?: boolean;
  /** More of the row's tools, after "Add hours". */
  children?: ComponentChildren;
}

function Ranges({ idPrefix, label, ranges, problems, onInput, onCommit, compact, children }: RangesProps) {
  const patched = (index: number, patch: Partial<DraftRange>) =>
    ranges.map((r, i) => (i === index ? { ...r, ...patch } : r));
  return (
    <div class="ranges">
      {ranges.length === 0 && <p class="help">{i18n.t('options.hoursNone')}</p>}
      {ranges.map((range, index) => {
        const id = `${idPrefix}-${index}`;
        const problem = problems.get(id);
        const described = problem ? `hours-error-${id}` : undefined;
        return (
          <div key={id} class="range">
            <div class="row">
              <label>
                {i18n.t('options.hoursFrom')}{' '}
                <input
                  type="time"
                  value={range.start}
                  aria-invalid={problem !== undefined}
                  aria-describedby={described}
                  onInput={(e) => onInput(patched(index, { start: e.currentTarget.value }))}
                  onBlur={(e) => onCommit(patched(index, { start: e.currentTarget.value }))}
                />
              </label>
              <label>
                {i18n.t('options.hoursTo')}{' '}
                <input
                  type="time"
                  value={range.end}
                  aria-invalid={problem !== undefined}
                  aria-describedby={described}
                  onInput={(e) => onInput(patched(index, { end: e.currentTarget.value }))}
                  onBlur={(e) => onCommit(patched(index, { end: e.currentTarget.value }))}
                />
              </label>
              <label class="check">
                <input
                  type="checkbox"
                  checked={range.nextDay}
                  onChange={(e) => onCommit(patched(index, { nextDay: e.currentTarget.checked }))}
                />
                {i18n.t('options.hoursNextDay')}
              </label>
              <button
                type="button"
                class="small"
                aria-label={i18n.t('options.hoursRemove', [label])}
                onClick={() => onCommit(ranges.filter((_, i) => i !== index))}
              >
                {i18n.t('options.hoursRemoveShort')}
              </button>
            </div>
            {problem && (
              <p id={`hours-error-${id}`} class="error" role="alert">
                {problem}
              </p>
            )}
          </div>
        );
      })}
      {/* No more ranges than storage keeps for one day: the limit is kept where ranges are made. */}
      <div class="range-tools">
        {ranges.length < RANGES_PER_DAY_MAX ? (
          <button
            type="button"
            class="small"
            // In the week the visible words are short; the name still begins with them, for speech input.
            aria-label={compact ? i18n.t('options.hoursAdd', [label]) : undefined}
            onClick={() => onCommit([...ranges, nextRange(ranges)])}
          >
            {compact ? i18n.t('options.hoursAddShort') : i18n.t('options.hoursAdd', [label])}
          </button>
        ) : (
          <p class="help">{i18n.plural('options.hoursFull', RANGES_PER_DAY_MAX)}</p>
        )}
        {children}
      </div>
    </div>
  );
}
