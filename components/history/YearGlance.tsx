import type { YearGlance as Year } from '../../core/insights/year';
import { i18n } from '../shared/words';
import { checkInsCount, monthName, shortMonth } from './words';

interface Props {
  year: Year;
}

const CELL = 11;
const STEP = 13;
const TOP = 16;

// Weeks run Monday to Sunday, one column each, the oldest on the left.
const row = (weekday: number) => (weekday + 6) % 7;

function summary(year: Year): string {
  return year.total === 0
    ? i18n.t('history.yearSummaryNone')
    : i18n.t('history.yearSummary', [String(year.daysWithCheckIns), checkInsCount(year.total)]);
}

/** The last 365 days as a grid shaded by check-ins, with the same by month as a table. */
export function YearGlance({ year }: Props) {
  const first = year.days[0];
  const offset = first ? row(first.weekday) : 0;
  const columns = Math.ceil((year.days.length + offset) / 7);
  const width = columns * STEP;
  const height = TOP + 7 * STEP;
  const text = summary(year);
  return (
    <section aria-labelledby="year-heading" class="history-year">
      <h2 id="year-heading">{i18n.t('history.yearHeading')}</h2>
      <p>{text}</p>
      <div class="year-scroll">
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={i18n.t('history.yearLabel', [text])}>
          {year.days.map((day, index) => {
            const column = Math.floor((index + offset) / 7);
            const isMonthStart = day.day.endsWith('-01') || index === 0;
            return (
              <g key={day.day}>
                {isMonthStart && column < columns - 1 && (
                  <text x={column * STEP} y={TOP - 5} class="month-label">
                    {shortMonth(day.day.slice(0, 7))}
                  </text>
                )}
                <rect
                  x={column * STEP}
                  y={TOP + row(day.weekday) * STEP}
                  width={CELL}
                  height={CELL}
                  rx="2"
                  class={`level-${day.level}`}
                />
              </g>
            );
          })}
        </svg>
      </div>
      <p class="legend year-legend" aria-hidden="true">
        {i18n.t('history.yearFewer')}
        {[0, 1, 2, 3, 4].map((level) => (
          <svg key={level} viewBox="0 0 12 12" class="swatch" aria-hidden="true">
            <rect width="12" height="12" rx="2" class={`level-${level}`} />
          </svg>
        ))}
        {i18n.t('history.yearMore')}
      </p>
      <details>
        <summary>{i18n.t('history.yearInWords')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{i18n.t('history.colMonth')}</th>
              <th scope="col">{i18n.t('history.colDaysWith')}</th>
              <th scope="col">{i18n.t('history.colCheckIns')}</th>
            </tr>
          </thead>
          <tbody>
            {[...year.months].reverse().map((month) => (
              <tr key={month.month}>
                <th scope="row">{monthName(month.month)}</th>
                <td>{month.daysWithCheckIns}</td>
                <td>{month.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
