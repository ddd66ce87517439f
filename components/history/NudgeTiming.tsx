import { TIMING_ENOUGH, type Timing } from '../../core/nudge-log';
import { formatTime } from '../shared/copy';
import { i18n } from '../shared/words';

/** Where the timing view's kind offer leads: the hours, or the nudges' own section (their mode). */
export type TimingSettings = 'hours' | 'nudges';

interface Props {
  /** The log's table (core/nudge-log.ts nudgeTiming), or null while it is read. */
  timing: Timing | null;
  openSettings: (section: TimingSettings) => void;
}

// Monday first, as most of Outlet's languages' calendars start the week; Sunday last.
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;
// 2026-01-04 was a Sunday: its days name each weekday in the words' language.
const weekdayName = (weekday: number) =>
  i18n.date(new Date(2026, 0, 4 + weekday, 12).getTime(), { weekday: 'short' });
const hourName = (hour: number) => formatTime(new Date(2026, 0, 5, hour).getTime());

/**
 * "When nudges land": for each hour and weekday, how many nudges were taken, put off or closed, once
 * there are enough to show (TIMING_ENOUGH). One table serves everyone: each cell draws its three
 * counts as a bar of three textures (solid, striped, outlined: not colour alone) and says them in
 * words to screen readers. When many nudges at some hours are put off or closed, a kind offer leads
 * to the hours, or to letting nudges wait for a natural pause (the nudges' mode, in settings).
 */
export function NudgeTiming({ timing, openSettings }: Props) {
  if (!timing) return null;
  const hours = Array.from({ length: 24 }, (_, hour) => hour).filter((hour) =>
    WEEK.some((day) => {
      const cell = timing.cells[day]?.[hour];
      return cell && cell.taken + cell.putOff + cell.dismissed > 0;
    }),
  );
  const most = Math.max(1, ...timing.cells.flat().map((cell) => cell.taken + cell.putOff + cell.dismissed));
  return (
    <section aria-labelledby="timing-heading" class="history-timing">
      <h2 id="timing-heading">{i18n.t('putoff.timingTitle')}</h2>
      <p class="help">{i18n.t('putoff.timingIntro')}</p>
      {!timing.enough ? (
        <p data-enough={TIMING_ENOUGH}>{i18n.t('putoff.timingNotYet')}</p>
      ) : (
        <>
          {timing.hardHours.length > 0 && (
            <div class="notice timing-offer">
              <p>{i18n.t('putoff.timingOffer', [i18n.list(timing.hardHours.map(hourName))])}</p>
              <div class="row">
                <button type="button" class="small" onClick={() => openSettings('hours')}>
                  {i18n.t('putoff.timingOfferHours')}
                </button>
                <button type="button" class="small" onClick={() => openSettings('nudges')}>
                  {i18n.t('putoff.timingOfferMode')}
                </button>
              </div>
            </div>
          )}
          <ul class="legend timing-legend" aria-hidden="true">
            <li>
              <span class="swatch timing-taken" /> {i18n.t('putoff.timingTaken')}
            </li>
            <li>
              <span class="swatch timing-putoff" /> {i18n.t('putoff.timingPutOff')}
            </li>
            <li>
              <span class="swatch timing-closed" /> {i18n.t('putoff.timingDismissed')}
            </li>
          </ul>
          <div class="timing-scroll">
            <table class="timing-table">
              <caption>{i18n.t('putoff.timingCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{i18n.t('putoff.timingHour')}</th>
                  {WEEK.map((day) => (
                    <th key={day} scope="col">
                      {weekdayName(day)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {hours.map((hour) => (
                  <tr key={hour}>
                    <th scope="row">{hourName(hour)}</th>
                    {WEEK.map((day) => {
                      const cell = timing.cells[day]?.[hour];
                      const total = cell ? cell.taken + cell.putOff + cell.dismissed : 0;
                      if (!cell || total === 0)
                        return (
                          <td key={day}>
                            <span class="visually-hidden">–</span>
                          </td>
                        );
                      const words = i18n.t('putoff.timingCell', [
                        String(cell.taken),
                        String(cell.putOff),
                        String(cell.dismissed),
                      ]);
                      const width = (n: number) => `${(n / most) * 100}%`;
                      return (
                        <td key={day} title={words}>
                          <span class="timing-bar" aria-hidden="true">
                            <span class="timing-taken" style={{ inlineSize: width(cell.taken) }} />
                            <span class="timing-putoff" style={{ inlineSize: width(cell.putOff) }} />
                            <span class="timing-closed" style={{ inlineSize: width(cell.dismissed) }} />
                          </span>
                          <span class="visually-hidden">{words}</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
