import type { ComponentChildren } from 'preact';
import { i18n } from '../../platform/i18n';
import { openShortcutSettings, readCheckInShortcut } from '../../platform/shortcut';
import { BreakSetting } from '../settings/BreakSetting';
import { CallsSetting } from '../settings/CallsSetting';
import { FamiliesSetting } from '../settings/FamiliesSetting';
import { FrequencySetting } from '../settings/FrequencySetting';
import { HoursSetting } from '../settings/HoursSetting';
import { RepairedNotice } from '../settings/RepairedNotice';
import { RestoreDefaults } from '../settings/RestoreDefaults';
import { SaveNote } from '../settings/SaveNote';
import { ShortcutSetting } from '../settings/ShortcutSetting';
import { TestNotification } from '../settings/TestNotification';
import { ToggleSetting } from '../settings/ToggleSetting';
import { TrustedPeopleSetting } from '../settings/TrustedPeopleSetting';
import { type Section, type SettingsActions, useSettings } from '../settings/useSettings';

interface Props {
  /** The extension's version, for About (the entrypoint reads the manifest). */
  version: string;
  sendTestNotification: () => Promise<{ ok: true } | { ok: false; error: string }>;
  actions?: SettingsActions;
  /** The check-in's keyboard shortcut: how to read it and where to change it. */
  shortcut?: { read: () => Promise<string>; open: () => Promise<void> };
}

const browserShortcut = { read: readCheckInShortcut, open: openShortcutSettings };

const SECTIONS = [
  { id: 'nudges', nav: 'options.navNudges', heading: 'options.nudgesHeading' },
  { id: 'hours', nav: 'options.navHours', heading: 'options.hoursHeading' },
  { id: 'offer', nav: 'options.navOffer', heading: 'options.familiesHeading' },
  { id: 'people', nav: 'options.navPeople', heading: 'options.peopleHeading' },
  { id: 'data', nav: 'options.navData', heading: 'options.dataHeading' },
  { id: 'about', nav: 'options.navAbout', heading: 'options.aboutHeading' },
] as const;

type SectionId = (typeof SECTIONS)[number]['id'];

function Part({ id, children }: { id: SectionId; children: ComponentChildren }) {
  const section = SECTIONS.find((s) => s.id === id);
  return (
    <section id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{section ? i18n.t(section.heading) : ''}</h2>
      {children}
    </section>
  );
}

/**
 * Settings in sections a person can jump to. One save model throughout: a change is kept as soon as
 * the field is left or the choice is made, refused input stays in its field with the reason next to
 * it, and "Saved." shows in the section where the change was made.
 */
export function OptionsPage({ version, sendTestNotification, actions, shortcut = browserShortcut }: Props) {
  const form = useSettings(actions);
  const { report, settings, note, saveIn, refusedIn, people } = form;
  if (!settings) return <main class="options" aria-busy="true" />;
  const save = (section: Section) => saveIn(section);

  return (
    <main class="options">
      <h1>{i18n.t('options.title')}</h1>
      <nav class="toc" aria-label={i18n.t('options.navLabel')}>
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{i18n.t(section.nav)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {report && report.repaired.length > 0 && (
        <RepairedNotice fields={report.repaired} onKeep={() => form.keepRepaired(report.repaired)} />
      )}

      <Part id="nudges">
        <ToggleSetting
          id="nudges-enabled"
          checked={settings.nudgesEnabled}
          label={i18n.t('options.nudgesEnabled')}
          onChange={(nudgesEnabled) => save('nudges')({ nudgesEnabled })}
        />
        <FrequencySetting
          minutes={settings.intervalMinutes}
          onChange={(intervalMinutes) => save('nudges')({ intervalMinutes })}
          onRefused={refusedIn('nudges')}
        />
        <ToggleSetting
          id="silent-nudges"
          checked={settings.silentNudges}
          label={i18n.t('options.silentLabel')}
          help={i18n.t('options.silentHelp')}
          onChange={(silentNudges) => save('nudges')({ silentNudges })}
        />
        <BreakSetting
          minutes={settings.breakMinutes}
          onChange={(breakMinutes) => save('nudges')({ breakMinutes })}
          onRefused={refusedIn('nudges')}
        />
        <CallsSetting
          enabled={settings.holdDuringCalls}
          requestAccess={form.actions.requestCallAccess}
          releaseAccess={form.actions.releaseCallAccess}
          onChange={(holdDuringCalls) => save('nudges')({ holdDuringCalls })}
        />
        <p class="help">{i18n.t('options.fullscreenNote')}</p>
        <SaveNote section="nudges" note={note} />
        <TestNotification send={sendTestNotification} />
      </Part>

      <Part id="hours">
        <HoursSetting
          hours={settings.hours}
          onChange={(hours) => save('hours')({ hours })}
          onRefused={refusedIn('hours')}
        />
        <SaveNote section="hours" note={note} />
      </Part>

      <Part id="offer">
        <FamiliesSetting families={settings.families} onChange={(families) => save('offer')({ families })} />
        <SaveNote section="offer" note={note} />
      </Part>

      <Part id="people">
        <TrustedPeopleSetting
          people={settings.trustedPeople}
          onAdd={people.add}
          onRemove={people.remove}
          newId={form.actions.newId}
        />
        <SaveNote section="people" note={note} />
      </Part>

      <Part id="data">
        <p>{i18n.t('options.dataWhere')}</p>
        <p>
          {/* The history page's data section: see, export, import or delete. */}
          <a href="/history.html#data-heading" target="_blank" rel="noopener">
            {i18n.t('options.dataLink')}
          </a>
        </p>
        <RestoreDefaults current={settings} onRestore={form.restoreDefaults} />
        <SaveNote section="data" note={note} />
      </Part>

      <Part id="about">
        <ShortcutSetting read={shortcut.read} open={shortcut.open} />
        <p>{i18n.t('options.privacy')}</p>
        <p>{i18n.t('options.notMedical')}</p>
        <p class="help">{i18n.t('options.version', [version])}</p>
      </Part>
    </main>
  );
}
