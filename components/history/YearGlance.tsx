import type { FeelingState } from '../../core/insights/states';
import type { MonthFeel, YearGlance as Year, YearDay } from '../../core/insights/year';
import { dayBounds, HOUR } from '../../core/time';
import { i18n } from '../shared/words';
import { checkInsCount, monthName, shortMonth, stateLabel } from './words';

interface Props {
  year: Year;
}

const CELL = 11;
const STEP = 13;
const TOP = 16;
const HALF = CELL / 2;

// Weeks run Monday to Sunday, one column each, the oldest on the left.
const row = (weekday: number) => (weekday + 6) % 7;

function summary(year: Year): string {
  return year.total === 0
    ? i18n.t('history.yearSummaryNone')
    : i18n.t('history.yearSummary', [String(year.daysWithCheckIns), checkInsCount(year.total)]);
}

/** Can't-tell is striped as well as coloured (as in the week's chart), so it reads apart from numb. */
const fillOf = (state: FeelingState) => (state === 'cantTell' ? 'url(#year-stripes)' : undefined);

/**
 * One day's mark at (x, y), in its feeling's colour and a shape of its own, so no two states differ
 * by colour alone: pleasant a circle, tense a diamond, low a square, numb a square crossed by a flat
 * line, can't-tell a striped square, a feeling Outlet no longer knows a small square. Two states felt
 * as often share the square corner to corner. A day without check-ins is a faint square.
 */
function Mark({ feel, x, y }: { feel: readonly FeelingState[]; x: number; y: number }) {
  const [first, second] = feel;
  if (!first) return <rect x={x} y={y} width={CELL} height={CELL} rx="2" class="level-0" />;
  if (second)
    return (
      <g class="year-mixed">
        <path d={`M${x} ${y}h${CELL}L${x} ${y + CELL}z`} class={`fill-${first}`} fill={fillOf(first)} />
        <path d={`M${x + CELL} ${y}v${CELL}h${-CELL}z`} class={`fill-${second}`} fill={fillOf(second)} />
      </g>
    );
  const cls = `fill-${first}`;
  switch (first) {
    case 'pleasant':
      return <circle cx={x + HALF} cy={y + HALF} r={HALF} class={cls} />;
    case 'tense':
      return (
        <path
          d={`M${x + HALF} ${y - 0.5}l${HALF + 0.5} ${HALF + 0.5}l${-HALF - 0.5} ${HALF + 0.5}l${-HALF - 0.5} ${-HALF - 0.5}z`}
          class={cls}
        />
      );
    case 'numb':
      return (
        <g>
          <rect x={x} y={y} width={CELL} height={CELL} rx="2" class={cls} />
          <line x1={x + 2} x2={x + CELL - 2} y1={y + HALF} y2={y + HALF} class="year-flat" />
        </g>
      );
    case 'other':
      return <rect x={x + 2} y={y + 2} width={CELL - 4} height={CELL - 4} rx="1" class={cls} />;
    default:
      return <rect x={x} y={y} width={CELL} height={CELL} rx="2" class={cls} fill={fillOf(first)} />;
  }
}

const STRIPES = (
  <pattern id="year-stripes" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <rect width="4" height="4" class="fill-cantTell" />
    <line x1="0" y1="0" x2="0" y2="4" class="stripe" />
  </pattern>
);

const noon = (day: string) => dayBounds(day).start + 12 * HOUR;

/** "Monday, 1 June: Pleasant", the day's words for its mark (a tooltip; the table says the same). */
function dayWords(day: YearDay): string {
  const date = i18n.date(noon(day.day), { weekday: 'long', day: 'numeric', month: 'long' });
  if (day.feel.length === 0) return i18n.t('year.cellNone', [date]);
  return i18n.t('year.cell', [date, i18n.list(day.feel.map(stateLabel)), checkInsCount(day.count)]);
}

const FEEL_ORDER: readonly (keyof MonthFeel)[] = [
  'pleasant',
  'tense',
  'low',
  'numb',
  'cantTell',
  'other',
  'mixed',
];
const feelLabel = (feel: keyof MonthFeel) => (feel === 'mixed' ? i18n.t('year.mixed') : stateLabel(feel));

/** "Pleasant 12, Numb 2, Two as often 1": a month's days by how they felt. */
function monthFeelWords(feel: MonthFeel): string {
  const parts = FEEL_ORDER.filter((key) => feel[key] > 0).map((key) =>
    i18n.t('history.weekStateCount', [feelLabel(key), String(feel[key])]),
  );
  return parts.length === 0 ? i18n.t('history.cellNone') : i18n.list(parts);
}

/**
 * The last 365 days, each day marked by how it felt (the feelings' own colours and a shape for each,
 * numb and can't-tell as their own), a legend in words, and the same by month as a table.
 */
export function YearGlance({ year }: Props) {
  const first = year.days[0];
  const offset = first ? row(first.weekday) : 0;
  const columns = Math.ceil((year.days.length + offset) / 7);
  const width = columns * STEP;
  const height = TOP + 7 * STEP;
  const text = summary(year);
  const used = new Set(year.days.flatMap((day) => (day.feel.length === 2 ? ['mixed'] : day.feel)));
  const legend = FEEL_ORDER.filter((feel) => used.has(feel));
  return (
    <section aria-labelledby="year-heading" class="history-year">
      <h2 id="year-heading">{i18n.t('history.yearHeading')}</h2>
      <p>{text}</p>
      <div class="year-scroll">
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={i18n.t('year.label', [text])}>
          <defs>{STRIPES}</defs>
          {year.days.map((day, index) => {
            const column = Math.floor((index + offset) / 7);
            const isMonthStart = day.day.endsWith('-01') || index === 0;
            return (
              <g key={day.day} data-day={day.day}>
                {isMonthStart && column < columns - 1 && (
                  <text x={column * STEP} y={TOP - 5} class="month-label">
                    {shortMonth(day.day.slice(0, 7))}
                  </text>
                )}
                <title>{dayWords(day)}</title>
                <Mark feel={day.feel} x={column * STEP} y={TOP + row(day.weekday) * STEP} />
              </g>
            );
          })}
        </svg>
      </div>
      {/* Hidden from screen readers: the table below says the same, month by month. */}
      <ul class="legend year-legend" aria-hidden="true">
        {legend.map((feel) => (
          <li key={feel}>
            <svg viewBox="-1 -1 13 13" class="swatch" aria-hidden="true">
              <Mark feel={feel === 'mixed' ? ['pleasant', 'low'] : [feel]} x={0} y={0} />
            </svg>
            {feelLabel(feel)}
          </li>
        ))}
        <li>
          <svg viewBox="-1 -1 13 13" class="swatch" aria-hidden="true">
            <Mark feel={[]} x={0} y={0} />
          </svg>
          {i18n.t('year.none')}
        </li>
      </ul>
      <p class="help">{i18n.t('year.howDays')}</p>
      <details>
        <summary>{i18n.t('history.yearInWords')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{i18n.t('history.colMonth')}</th>
              <th scope="col">{i18n.t('history.colDaysWith')}</th>
              <th scope="col">{i18n.t('history.colCheckIns')}</th>
              <th scope="col">{i18n.t('year.colFeel')}</th>
            </tr>
          </thead>
          <tbody>
            {[...year.months].reverse().map((month) => (
              <tr key={month.month}>
                <th scope="row">{monthName(month.month)}</th>
                <td>{month.daysWithCheckIns}</td>
                <td>{month.count}</td>
                <td>{monthFeelWords(month.feel)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
