import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { OwnOutlet } from '../../core/outlets/own';
import { noNudgeReason } from '../../core/status';
import { BreakSetting } from '../settings/BreakSetting';
import { CallsSetting } from '../settings/CallsSetting';
import { FamiliesSetting } from '../settings/FamiliesSetting';
import { FixedTimesSetting } from '../settings/FixedTimesSetting';
import { FrequencySetting } from '../settings/FrequencySetting';
import { HoursSetting } from '../settings/HoursSetting';
import { NoNudgeNotice } from '../settings/NoNudgeNotice';
import { NudgeModeSetting } from '../settings/NudgeModeSetting';
import { type OwnOutletActions, OwnOutletsSetting } from '../settings/OwnOutletsSetting';
import { RepairedNotice } from '../settings/RepairedNotice';
import { RestoreDefaults } from '../settings/RestoreDefaults';
import { SaveNote } from '../settings/SaveNote';
import { ShortcutSetting } from '../settings/ShortcutSetting';
import { TestNotification } from '../settings/TestNotification';
import { ToggleSetting } from '../settings/ToggleSetting';
import { TrustedPeopleSetting } from '../settings/TrustedPeopleSetting';
import { type Section, type SettingsActions, useSettings } from '../settings/useSettings';
import { type StoredSource, useStoredValue } from '../shared/useStoredValue';
import { i18n } from '../shared/words';

interface Props {
  /** The extension's version, for About (the entrypoint reads the manifest). */
  version: string;
  sendTestNotification: () => Promise<{ ok: true } | { ok: false; error: string }>;
  /** How the settings are read and kept (the entrypoint gives the browser's). */
  actions: SettingsActions;
  /** The check-in's keyboard shortcut: how to read it, where to change it, and whether that is Firefox's page. */
  shortcut: { read: () => Promise<string>; open: () => Promise<void>; firefox: boolean };
  /** The clock, for whether the hours leave room for a nudge (tests pass their own). */
  clock?: () => number;
  /** The person's own outlets, read and kept apart from the settings (platform/own-outlets.ts). */
  own?: { source: StoredSource<OwnOutlet[]>; actions: OwnOutletActions };
}

const SECTIONS = [
  { id: 'nudges', nav: 'options.navNudges', heading: 'options.nudgesHeading' },
  { id: 'hours', nav: 'options.navHours', heading: 'options.hoursHeading' },
  { id: 'offer', nav: 'options.navOffer', heading: 'options.familiesHeading' },
  { id: 'people', nav: 'options.navPeople', heading: 'options.peopleHeading' },
  { id: 'data', nav: 'options.navData', heading: 'options.dataHeading' },
  { id: 'about', nav: 'options.navAbout', heading: 'options.aboutHeading' },
] as const satisfies readonly { id: string; nav: string; heading: string }[];

/** No own outlets to show (a page given none, such as a test's): an empty list that never changes. */
const NO_OWN_SOURCE: StoredSource<OwnOutlet[]> = { load: async () => [], watch: () => () => undefined };

/** The sections a link can land on (options.html#people); the entrypoint checks they are the ones platform/pages.ts links to. */
export type SectionId = (typeof SECTIONS)[number]['id'];

function Part({ id, children }: { id: SectionId; children: ComponentChildren }) {
  const section = SECTIONS.find((s) => s.id === id);
  return (
    <section id={id} aria-labelledby={`${id}-title`}>
      {/* tabIndex -1: a link to the section (options.html#people) gives its heading focus. */}
      <h2 id={`${id}-title`} tabIndex={-1}>
        {section ? i18n.t(section.heading) : ''}
      </h2>
      {children}
    </section>
  );
}

/**
 * Settings in sections a person can jump to. One save model throughout: a change is kept as soon as
 * the field is left or the choice is made, refused input stays in its field with the reason next to
 * it, and "Saved." shows in the section where the change was made.
 */
export function OptionsPage({
  version,
  sendTestNotification,
  actions,
  shortcut,
  clock = Date.now,
  own,
}: Props) {
  const form = useSettings(actions);
  const ownOutlets = useStoredValue(own?.source ?? NO_OWN_SOURCE);
  const { report, settings, note, saveIn, refusedIn, people } = form;
  useSectionLinks(settings !== null);
  if (!settings) return <main class="options settings" aria-busy="true" />;
  const save = (section: Section) => saveIn(section);
  const noNudge = noNudgeReason(settings, clock());

  return (
    <main class="options settings">
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
      {noNudge && <NoNudgeNotice reason={noNudge} />}

      <Part id="nudges">
        {/* Side by side where the window is wide enough, top to bottom in each column: when and how
            often first, then how a nudge comes (sound, calls). */}
        <div class="nudge-fields">
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
          <NudgeModeSetting
            mode={settings.nudgeMode}
            onChange={(nudgeMode) => save('nudges')({ nudgeMode })}
          />
          <BreakSetting
            minutes={settings.breakMinutes}
            onChange={(breakMinutes) => save('nudges')({ breakMinutes })}
            onRefused={refusedIn('nudges')}
          />
          <ToggleSetting
            id="silent-nudges"
            checked={settings.silentNudges}
            label={i18n.t('options.silentLabel')}
            help={i18n.t('options.silentHelp')}
            onChange={(silentNudges) => save('nudges')({ silentNudges })}
          />
          <CallsSetting
            enabled={settings.holdDuringCalls}
            requestAccess={form.actions.requestCallAccess}
            releaseAccess={form.actions.releaseCallAccess}
            onChange={(holdDuringCalls) => save('nudges')({ holdDuringCalls })}
            onRefused={refusedIn('nudges')}
          />
          <p class="help">{i18n.t('options.fullscreenNote')}</p>
          <ToggleSetting
            id="quiet-audible-tabs"
            checked={settings.quietAudibleTabs}
            label={i18n.t('clock.quietTabsLabel')}
            help={i18n.t('clock.quietTabsHelp')}
            onChange={(quietAudibleTabs) => save('nudges')({ quietAudibleTabs })}
          />
        </div>
        <SaveNote section="nudges" note={note} />
        <TestNotification send={sendTestNotification} />
      </Part>

      <Part id="hours">
        <div class="hours-fields">
          <HoursSetting
            hours={settings.hours}
            onChange={(hours) => save('hours')({ hours })}
            onRefused={refusedIn('hours')}
            noHoursSaidAbove={noNudge === 'no-hours'}
          />
          <FixedTimesSetting
            times={settings.fixedTimes}
            only={settings.fixedTimesOnly}
            onChange={(fixedTimes) => save('hours')({ fixedTimes })}
            onOnlyChange={(fixedTimesOnly) => save('hours')({ fixedTimesOnly })}
            onRefused={refusedIn('hours')}
          />
        </div>
        <SaveNote section="hours" note={note} />
      </Part>

      <Part id="offer">
        <FamiliesSetting
          families={settings.families}
          onChange={(families) => save('offer')({ families })}
          onRefused={refusedIn('offer')}
        />
        {/* The person's own ideas, under the kinds they belong to (and follow when one is off). One
            "Saved." for the section, under both: a note each made the page too tall to fit. */}
        {own && ownOutlets && (
          <OwnOutletsSetting
            outlets={ownOutlets}
            actions={own.actions}
            onSaved={form.savedIn('offer')}
            onRefused={refusedIn('offer')}
          />
        )}
        <SaveNote section="offer" note={note} />
      </Part>

      <Part id="people">
        <TrustedPeopleSetting
          people={settings.trustedPeople}
          onAdd={people.add}
          onRemove={people.remove}
          newId={form.actions.newId}
          onRefused={refusedIn('people')}
        />
        <SaveNote section="people" note={note} />
      </Part>

      <Part id="data">
        <p>{i18n.t('options.dataWhere')}</p>
        <div class="data-tools">
          <p>
            {/* The history page's data section: see, export, import or delete. */}
            <a href="/history.html#data-heading" target="_blank" rel="noopener">
              {i18n.t('options.dataLink')}
            </a>
          </p>
          <RestoreDefaults current={settings} onRestore={form.restoreDefaults} />
        </div>
        <SaveNote section="data" note={note} />
      </Part>

      <Part id="about">
        <ShortcutSetting read={shortcut.read} open={shortcut.open} firefox={shortcut.firefox} />
        <p>{i18n.t('options.privacy')}</p>
        <p>{i18n.t('options.notMedical')}</p>
        <p class="help">{i18n.t('options.version', [version])}</p>
      </Part>
    </main>
  );
}

/**
 * A link to a section (options.html#people, "Add a trusted person" in the check-in) lands on it: its
 * section scrolled to the top and its heading focused. The browser's own jump to the address's #part comes before
 * the settings are read, when no section exists yet, so the page makes it once they are shown, and
 * again whenever the address's #part changes (an options page already open, sent somewhere else).
 */
function useSectionLinks(shown: boolean) {
  useEffect(() => {
    if (!shown) return;
    const go = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!SECTIONS.some((section) => section.id === id)) return;
      const heading = document.getElementById(`${id}-title`);
      if (!heading) return;
      // The section, not its heading, to the top: its card's edge (and scroll margin) stays in view.
      document.getElementById(id)?.scrollIntoView?.({ block: 'start' });
      heading.focus({ preventScroll: true });
    };
    go();
    window.addEventListener('hashchange', go);
    return () => window.removeEventListener('hashchange', go);
  }, [shown]);
}
