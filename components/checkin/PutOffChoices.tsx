import { type PutOffChoice, putOffUntil } from '../../core/putoff';
import type { Settings } from '../../core/schema';
import { formatTime } from '../shared/copy';
import { nudgeWhen } from '../shared/nudgeWords';
import { i18n } from '../shared/words';

interface Props {
  settings: Settings;
  now: number;
  /** A nudge closed within the hour (then it is brought back), else a nudge waiting now. */
  closedAt: number | null;
  onPutOff: (choice: PutOffChoice) => void;
}

/**
 * "In 10 minutes" and "Later today" for a nudge waiting now, or one closed within the hour ("want it
 * back?"): the same two choices as the notification's buttons, here for Firefox (whose notifications
 * have none) and for whoever opened the popup instead. Each says when the nudge would come; a
 * "later today" that today's hours can't hold says "next time" and when that is (core/putoff.ts).
 */
export function PutOffChoices({ settings, now, closedAt, onPutOff }: Props) {
  const soon = putOffUntil('soon', settings, now);
  const later = putOffUntil('later', settings, now);
  if (!soon && !later) return null;
  return (
    <section class="notice putoff" aria-label={i18n.t('putoff.choicesLabel')}>
      <p>{closedAt === null ? i18n.t('putoff.waiting') : i18n.t('putoff.closed', [formatTime(closedAt)])}</p>
      <div class="row">
        {soon?.when === 'soon' && (
          <button type="button" class="small" onClick={() => onPutOff('soon')}>
            {i18n.t('putoff.soon')}
          </button>
        )}
        {later && (
          <button type="button" class="small" onClick={() => onPutOff('later')}>
            {later.when === 'next-hours'
              ? i18n.t('putoff.nextAt', [nudgeWhen(later.until, now)])
              : i18n.t('putoff.laterAt', [formatTime(later.until)])}
          </button>
        )}
      </div>
    </section>
  );
}
