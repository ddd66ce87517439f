import { FEELING_STATES, type FeelingState } from '../../core/insights/states';
import type { WeekView as Week } from '../../core/insights/week';
import { i18n } from '../shared/words';
import {
  checkInsCount,
  daysCount,
  feelingWords,
  outletWords,
  shortDate,
  shortWeekday,
  stateLabel,
} from './words';

interface Props {
  week: Week;
}

const COLUMN = 60;
const BAR = 28;
const CHART_TOP = 8;
const CHART_HEIGHT = 120;
const WIDTH = COLUMN * 7;
const HEIGHT = CHART_TOP + CHART_HEIGHT + 44;

function summary(week: Week): string {
  if (week.total === 0) return i18n.t('history.weekSummaryNone');
  const states = i18n.list(
    FEELING_STATES.filter((state) => week.states[state] > 0).map((state) =>
      i18n.t('history.weekStateCount', [stateLabel(state), String(week.states[state])]),
    ),
  );
  return i18n.t('history.weekSummary', [
    checkInsCount(week.total),
    daysCount(week.daysWithCheckIns),
    `${states}.`,
  ]);
}

/**
 * Feelings per day for the last seven days as stacked bars, a mark under each day where an outlet was
 * marked helpful, and the same in a visible table. The table is shown, not hidden: seven rows are
 * easy to read, they name the actual feelings (the chart only groups them), and one version for
 * everyone can't drift from what screen readers hear.
 */
export function WeekView({ week }: Props) {
  const scale = CHART_HEIGHT / week.maxCount;
  const used = FEELING_STATES.filter((state) => week.states[state] > 0);
  return (
    <section aria-labelledby="week-heading" class="history-week">
      <h2 id="week-heading">{i18n.t('history.weekHeading')}</h2>
      <div class="week-layout">
        <figure class="week-chart">
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary(week)}>
            <defs>
              <pattern
                id="stripes"
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect width="6" height="6" class="fill-cantTell" />
                <line x1="0" y1="0" x2="0" y2="6" class="stripe" />
              </pattern>
            </defs>
            <line
              x1="0"
              x2={WIDTH}
              y1={CHART_TOP + CHART_HEIGHT}
              y2={CHART_TOP + CHART_HEIGHT}
              class="axis"
            />
            {week.days.map((day, index) => {
              const x = index * COLUMN + (COLUMN - BAR) / 2;
              let y = CHART_TOP + CHART_HEIGHT;
              return (
                <g key={day.day}>
                  {FEELING_STATES.filter((state) => day.states[state] > 0).map((state) => {
                    const height = day.states[state] * scale;
                    y -= height;
                    return (
                      <rect
                        key={state}
                        x={x}
                        y={y}
                        width={BAR}
                        height={Math.max(height - 1, 1)}
                        rx="3"
                        class={fillClass(state)}
                      />
                    );
                  })}
                  <text x={index * COLUMN + COLUMN / 2} y={CHART_TOP + CHART_HEIGHT + 18} class="day-label">
                    {shortWeekday(day.day)}
                  </text>
                  {day.helped.length > 0 && (
                    <g
                      class="helped-mark"
                      transform={`translate(${index * COLUMN + COLUMN / 2} ${HEIGHT - 12})`}
                    >
                      <circle r="8" />
                      <path d="M -4 0 L -1 3 L 4 -3" />
                    </g>
                  )}
                </g>
              );
            })}
          </svg>
          <figcaption>
            <ul class="legend">
              {used.map((state) => (
                <li key={state}>
                  <svg viewBox="0 0 12 12" aria-hidden="true" class="swatch">
                    <rect width="12" height="12" rx="2" class={fillClass(state)} />
                  </svg>
                  {stateLabel(state)}
                </li>
              ))}
              {week.days.some((day) => day.helped.length > 0) && (
                <li>
                  <svg viewBox="-9 -9 18 18" aria-hidden="true" class="swatch helped-mark">
                    <circle r="8" />
                    <path d="M -4 0 L -1 3 L 4 -3" />
                  </svg>
                  {i18n.t('history.weekHelpedMark')}
                </li>
              )}
            </ul>
          </figcaption>
        </figure>
        <table class="week-table">
          <caption>{i18n.t('history.weekTableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t('history.colDay')}</th>
              <th scope="col">{i18n.t('history.colFeelings')}</th>
              <th scope="col">{i18n.t('history.colHelped')}</th>
            </tr>
          </thead>
          <tbody>
            {week.days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{shortDate(day.day)}</th>
                <td>
                  {day.feelings.length === 0
                    ? i18n.t('history.cellNone')
                    : i18n.list(
                        day.feelings.map(({ id, count }) =>
                          count > 1
                            ? i18n.t('history.feelingTimes', [feelingWords(id), String(count)])
                            : feelingWords(id),
                        ),
                      )}
                </td>
                <td>
                  {day.helped.length === 0
                    ? i18n.t('history.cellNone')
                    : i18n.list(day.helped.map(outletWords))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Can't-tell is striped as well as coloured, so it reads apart from numb without colour. */
const fillClass = (state: FeelingState) => (state === 'cantTell' ? 'fill-stripes' : `fill-${state}`);
