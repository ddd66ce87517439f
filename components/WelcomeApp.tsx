import { useEffect, useState } from 'preact/hooks';
import { i18n } from '../platform/i18n';
import { sendMessage } from '../platform/messaging';
import { addTrustedPerson, removeTrustedPerson, settingsSource, updateSettings } from '../platform/storage';
import { FamiliesSetting } from './FamiliesSetting';
import { FrequencySetting } from './FrequencySetting';
import { HoursSetting } from './HoursSetting';
import { TrustedPeopleSetting } from './TrustedPeopleSetting';
import { useStoredValue } from './useStoredValue';

/** The first-run page: what Outlet does, a few choices, the privacy promise, then the first nudge. */
export function WelcomeApp() {
  const settings = useStoredValue(settingsSource);
  const [finished, setFinished] = useState(false);
  useEffect(() => {
    document.title = i18n.t('welcome.title');
  }, []);

  const [failed, setFailed] = useState(false);
  // A refused save is said in plain words; the field keeps the choice on screen.
  const update = async (patch: Parameters<typeof updateSettings>[0]) => {
    try {
      await updateSettings(patch);
      setFailed(false);
    } catch (error) {
      setFailed(true);
      throw error;
    }
  };

  if (!settings) return <main class="options" aria-busy="true" />;
  return (
    <main class="options welcome">
      <h1>{i18n.t('welcome.title')}</h1>
      <p>{i18n.t('welcome.intro')}</p>
      <p>{i18n.t('welcome.how')}</p>

      <section aria-labelledby="welcome-rhythm">
        <h2 id="welcome-rhythm">{i18n.t('welcome.rhythmTitle')}</h2>
        <FrequencySetting
          minutes={settings.intervalMinutes}
          onChange={(intervalMinutes) => update({ intervalMinutes })}
        />
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

      {failed && (
        <p class="error" role="alert">
          {i18n.t('options.saveFailed')}
        </p>
      )}
      <section aria-labelledby="welcome-privacy">
        <h2 id="welcome-privacy">{i18n.t('welcome.privacyTitle')}</h2>
        <p>{i18n.t('welcome.privacy')}</p>
        <p class="help">{i18n.t('options.notMedical')}</p>
      </section>

      {finished ? (
        <p class="done" role="status">
          {i18n.plural('welcome.finished', settings.intervalMinutes)}
        </p>
      ) : (
        <button
          type="button"
          class="primary big"
          onClick={async () => {
            await sendMessage('welcomeDone', null);
            setFinished(true);
          }}
        >
          {i18n.t('welcome.start')}
        </button>
      )}
    </main>
  );
}
