import { useEffect, useState } from 'preact/hooks';
import { formatClock, parseClock, type RangeProblem, validateHours, type Weekday } from '../core/hours';
import { RANGES_PER_DAY_MAX, type TimeRange, type WeekHours } from '../core/schema';
import { i18n } from '../platform/i18n';

interface Props {
  hours: WeekHours;
  onChange: (hours: WeekHours) => Promise<void>;
}

interface DraftRange {
  start: string;
  end: string;
  nextDay: boolean;
}
type Draft = Record<Weekday, DraftRange[]>;

// Monday first: the way most people plan a working week.
const WEEK: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];
const weekdayName = (day: Weekday) =>
  new Intl.DateTimeFormat(undefined, { weekday: 'long' }).format(new Date(2026, 0, 4 + day));

const toDraft = (hours: WeekHours): Draft =>
  Object.fromEntries(
    WEEK.map((day) => [
      day,
      hours[day].map((r) => ({ start: formatClock(r.start), end: formatClock(r.end), nextDay: r.nextDay })),
    ]),
  ) as Draft;

const problemText: Record<RangeProblem['problem'] | 'bad-time', () => string> = {
  'ends-before-start': () => i18n.t('options.hoursEndsBeforeStart'),
  empty: () => i18n.t('options.hoursEmpty'),
  overlap: () => i18n.t('options.hoursOverlap'),
  'out-of-range': () => i18n.t('options.hoursBadTime'),
  'bad-time': () => i18n.t('options.hoursBadTime'),
};

/** Active hours per weekday: nudges only come inside them. Saved as a whole, after checking. */
export function HoursSetting({ hours, onChange }: Props) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(hours));
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (!dirty) setDraft(toDraft(hours));
  }, [hours]);

  const edit = (day: Weekday, ranges: DraftRange[]) => {
    setDraft({ ...draft, [day]: ranges });
    setDirty(true);
    setProblems(new Map());
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const found = new Map<string, string>();
    const parsed = {} as Record<Weekday, TimeRange[]>;
    for (const day of WEEK) {
      parsed[day] = draft[day].map((range, index) => {
        const start = parseClock(range.start);
        const end = parseClock(range.end);
        if (start === null || end === null) found.set(`${day}-${index}`, problemText['bad-time']());
        return { start: start ?? 0, end: end ?? 0, nextDay: range.nextDay };
      });
    }
    if (found.size === 0) {
      for (const problem of validateHours(parsed)) {
        found.set(`${problem.day}-${problem.index}`, problemText[problem.problem]());
      }
    }
    setProblems(found);
    if (found.size > 0) return;
    await onChange(parsed);
    setDirty(false);
  };

  return (
    <form class="hours" onSubmit={save} noValidate aria-labelledby="hours-title">
      <h2 id="hours-title">{i18n.t('options.hoursHeading')}</h2>
      <p class="help">{i18n.t('options.hoursHelp')}</p>
      {WEEK.map((day) => (
        <fieldset key={day} class="day">
          <legend>{weekdayName(day)}</legend>
          {draft[day].length === 0 && <p class="help">{i18n.t('options.hoursNone')}</p>}
          {draft[day].map((range, index) => {
            const id = `${day}-${index}`;
            const problem = problems.get(id);
            const update = (patch: Partial<DraftRange>) =>
              edit(
                day,
                draft[day].map((r, i) => (i === index ? { ...r, ...patch } : r)),
              );
            return (
              <div key={id} class="range">
                <div class="row">
                  <label>
                    {i18n.t('options.hoursFrom')}{' '}
                    <input
                      type="time"
                      value={range.start}
                      aria-invalid={problem !== undefined}
                      aria-describedby={problem ? `hours-error-${id}` : undefined}
                      onInput={(e) => update({ start: e.currentTarget.value })}
                    />
                  </label>
                  <label>
                    {i18n.t('options.hoursTo')}{' '}
                    <input
                      type="time"
                      value={range.end}
                      aria-invalid={problem !== undefined}
                      aria-describedby={problem ? `hours-error-${id}` : undefined}
                      onInput={(e) => update({ end: e.currentTarget.value })}
                    />
                  </label>
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={range.nextDay}
                      onChange={(e) => update({ nextDay: e.currentTarget.checked })}
                    />
                    {i18n.t('options.hoursNextDay')}
                  </label>
                  <button
                    type="button"
                    class="small"
                    aria-label={i18n.t('options.hoursRemove', [weekdayName(day)])}
                    onClick={() =>
                      edit(
                        day,
                        draft[day].filter((_, i) => i !== index),
                      )
                    }
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
          {draft[day].length < RANGES_PER_DAY_MAX ? (
            <button
              type="button"
              class="small"
              onClick={() => edit(day, [...draft[day], { start: '09:00', end: '17:00', nextDay: false }])}
            >
              {i18n.t('options.hoursAdd', [weekdayName(day)])}
            </button>
          ) : (
            <p class="help">{i18n.plural('options.hoursFull', RANGES_PER_DAY_MAX)}</p>
          )}
        </fieldset>
      ))}
      <div class="row">
        <button type="submit" class="primary" disabled={!dirty}>
          {i18n.t('options.hoursSave')}
        </button>
        {dirty && <span class="help">{i18n.t('options.hoursUnsaved')}</span>}
      </div>
    </form>
  );
}
