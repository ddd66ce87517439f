import type { Schedule, Settings } from '../../core/schema';
import { i18n } from '../shared/words';
import { NudgeStatus, type NudgeStatusActions } from './NudgeStatus';

interface Props {
  settings: Settings;
  schedule: Schedule | null;
  now: number;
  saveError: boolean;
  draftsWaiting: number;
  actions: NudgeStatusActions & { openSupport: () => void; openHistory: () => void };
}

/** Under every step: a failed save said, the nudges' status with pause, support and history. */
export function CheckInFooter({ settings, schedule, now, saveError, draftsWaiting, actions }: Props) {
  return (
    <>
      {saveError && (
        <p class="error" role="alert">
          {i18n.t('checkin.saveFailed')}
        </p>
      )}
      {draftsWaiting > 0 && (
        <p class="notice" role="status">
          {i18n.t('checkin.draftsWaiting')}
        </p>
      )}
      <NudgeStatus settings={settings} schedule={schedule} now={now} actions={actions} />
      <p class="support-link">
        <button type="button" class="link small" onClick={actions.openSupport}>
          {i18n.t('support.link')}
        </button>
        <button type="button" class="link small" onClick={actions.openHistory}>
          {i18n.t('history.link')}
        </button>
      </p>
    </>
  );
}
