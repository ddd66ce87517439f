import type { HelpedOutlet } from '../../core/insights/week';
import { i18n } from '../shared/words';
import { outletWords } from './words';

interface Props {
  outlets: readonly HelpedOutlet[];
}

const TONE_KEYS = {
  often: 'history.monthOften',
  sometimes: 'history.monthSometimes',
  aLittle: 'history.monthALittle',
} as const;

/** Outlets you said helped this month, in tentative words; never what didn't. */
export function HelpedThisMonth({ outlets }: Props) {
  return (
    <section aria-labelledby="month-heading" class="history-month">
      <h2 id="month-heading">{i18n.t('history.monthHeading')}</h2>
      {outlets.length === 0 ? (
        <p class="help">{i18n.t('history.monthEmpty')}</p>
      ) : (
        <>
          <ul class="helped-list">
            {outlets.map((outlet) => (
              <li key={outlet.outletId}>
                <strong>{outletWords(outlet.outletId)}</strong>
                <span>
                  {i18n.t(TONE_KEYS[outlet.tone])}. {i18n.plural('history.monthDays', outlet.days)}
                </span>
              </li>
            ))}
          </ul>
          <p class="help">{i18n.t('history.monthNote')}</p>
        </>
      )}
    </section>
  );
}
