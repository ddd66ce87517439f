import type { Schedule, Settings } from '../../core/schema';
import { nudgeStatus } from '../../core/status';
import { describeNudgeStatus } from '../shared/nudgeWords';
import { i18n } from '../shared/words';

interface Props {
  settings: Settings;
  /** The stored plan, once the background has made it. */
  schedule: Schedule | null;
  now: number;
}

/**
 * The welcome's last words: when the first nudge comes, decided by core/status.ts and worded by the
 * very helper the popup's status line uses, so the two never disagree.
 */
export function FirstNudge({ settings, schedule, now }: Props) {
  if (!settings.nudgesEnabled) return <p>{i18n.t('welcome.offNote')}</p>;
  if (!schedule) return <p aria-busy="true">{'\u00a0'}</p>;
  // The popup's sentence, its own full stop left to the one the welcome's sentence ends it with.
  const words = describeNudgeStatus(nudgeStatus(settings, schedule, now), now)
    .trim()
    .replace(/\.$/, '');
  return <p>{words ? i18n.t('welcome.finished', [words]) : ''}</p>;
}
