import { useState } from 'preact/hooks';
import { type PreferenceKey, type Preferences, preferenceFields } from '../core/schema';
import { i18n } from '../platform/i18n';
import { sendMessage } from '../platform/messaging';
import { openExtensionPage } from '../platform/pages';
import { releaseCallAccess, requestCallAccess } from '../platform/presence';
import {
  addTrustedPerson,
  removeTrustedPerson,
  settingsReportSource,
  updateSettings,
} from '../platform/storage';
import { BreakSetting } from './BreakSetting';
import { CallsSetting } from './CallsSetting';
import { FamiliesSetting } from './FamiliesSetting';
import { FrequencySetting } from './FrequencySetting';
import { HoursSetting } from './HoursSetting';
import { RepairedNotice } from './RepairedNotice';
import { TestNotification } from './TestNotification';
import { TrustedPeopleSetting } from './TrustedPeopleSetting';
import { useStoredValue } from './useStoredValue';

const openHistory = () => void openExtensionPage('/history.html');

/** Settings: how often, what to offer, and who to reach out to. Each change saves at once. */
export function OptionsApp() {
  const report = useStoredValue(settingsReportSource);
  const settings = report?.value ?? null;
  const [saved, setSaved] = useState(0);

  const [failed, setFailed] = useState(false);

  // Every change is kept at once; a refusal (storage full, over sync's limits) is said in plain words,
  // and rethrown so the field that asked can keep what the person chose on screen.
  const update = async (patch: Partial<Preferences>) => {
    try {
      await updateSettings(patch);
      setFailed(false);
      setSaved((n) => n + 1);
    } catch (error) {
      setFailed(true);
      throw error;
    }
  };
  const keepRepaired = (fields: readonly string[]) => {
    const value = report?.value;
    if (!value) return;
    const patch = Object.fromEntries(
      fields
        .filter((field) => field in preferenceFields)
        .map((field) => [field, value[field as PreferenceKey]]),
    );
    void update(patch).catch(() => undefined);
  };

  if (!settings) return <main class="options" aria-busy="true" />;
  return (
    <main class="options">
      <h1>{i18n.t('options.title')}</h1>
      {report && report.repaired.length > 0 && (
        <RepairedNotice fields={report.repaired} onKeep={() => keepRepaired(report.repaired)} />
      )}
      <section aria-labelledby="nudges-title">
        <h2 id="nudges-title">{i18n.t('options.nudgesHeading')}</h2>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.nudgesEnabled}
            onChange={(event) =>
              void update({ nudgesEnabled: event.currentTarget.checked }).catch(() => undefined)
            }
          />
          {i18n.t('options.nudgesEnabled')}
        </label>
        <FrequencySetting
          minutes={settings.intervalMinutes}
          onChange={(intervalMinutes) => update({ intervalMinutes })}
        />
        <BreakSetting minutes={settings.breakMinutes} onChange={(breakMinutes) => update({ breakMinutes })} />
        <CallsSetting
          enabled={settings.holdDuringCalls}
          requestAccess={requestCallAccess}
          releaseAccess={releaseCallAccess}
          onChange={(holdDuringCalls) => update({ holdDuringCalls })}
        />
        <p class="help">{i18n.t('options.fullscreenNote')}</p>
        <TestNotification send={() => sendMessage('testNotification', null)} />
      </section>
      <section>
        <HoursSetting hours={settings.hours} onChange={(hours) => update({ hours })} />
      </section>
      <FamiliesSetting families={settings.families} onChange={(families) => update({ families })} />
      <TrustedPeopleSetting
        people={settings.trustedPeople}
        onAdd={addTrustedPerson}
        onRemove={removeTrustedPerson}
        newId={() => crypto.randomUUID()}
      />
      <p class="saved" aria-live="polite">
        {saved > 0 && !failed ? i18n.t('options.saved') : ''}
      </p>
      {failed && (
        <p class="error" role="alert">
          {i18n.t('options.saveFailed')}
        </p>
      )}
      <footer class="help">
        <p>
          <button type="button" class="link" onClick={openHistory}>
            {i18n.t('history.link')}
          </button>
        </p>
        <p>{i18n.t('options.privacy')}</p>
        <p>{i18n.t('options.notMedical')}</p>
      </footer>
    </main>
  );
}
