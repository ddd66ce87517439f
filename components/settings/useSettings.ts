import { useRef, useState } from 'preact/hooks';
import type { Parsed, PreferenceKey, Preferences, Settings, TrustedPerson } from '../../core/schema';
import { preferenceFields } from '../../core/schema';
import { type StoredSource, useStoredValue } from '../shared/useStoredValue';

/** Where a change was made: its section says "Saved" (or that it wasn't), where the person looks. */
export type Section = 'nudges' | 'hours' | 'offer' | 'people' | 'data' | 'own';

/** How the settings are read and kept: the pages' entries give the browser's (entrypoints/options/settings.ts). */
export interface SettingsActions {
  source: StoredSource<Parsed<Settings>>;
  update: (patch: Partial<Preferences>) => Promise<void>;
  addPerson: (person: TrustedPerson) => Promise<void>;
  removePerson: (id: string) => Promise<void>;
  restoreDefaults: () => Promise<void>;
  requestCallAccess: () => Promise<boolean>;
  releaseCallAccess: () => Promise<void>;
  newId: () => string;
}

export interface SaveNote {
  section: Section;
  kind: 'saved' | 'failed' | 'restored';
  /** Counts saves, so the same words said again are a new announcement. */
  n: number;
}

/**
 * The settings as both the options and the welcome page use them: read and kept fresh, and every
 * change kept at once through one path, which notes in the change's section whether it was kept.
 * One note at a time, so "Saved" and a failure are never shown together.
 */
export function useSettings(actions: SettingsActions) {
  const report = useStoredValue(actions.source);
  const [note, setNote] = useState<SaveNote | null>(null);
  const count = useRef(0);
  const say = (section: Section, kind: SaveNote['kind']) => setNote({ section, kind, n: ++count.current });
  // Refusals so far, per section: a save that was still on its way when its section refused input
  // keeps quiet on success, so "Saved." never shows beside the refusal the person is looking at.
  const refusals = useRef<Partial<Record<Section, number>>>({});

  /** A change from `section`; rejects when storage refused, so the field can keep what was chosen. */
  const saveIn =
    (section: Section) =>
    async (patch: Partial<Preferences>): Promise<void> => {
      const refusedBefore = refusals.current[section] ?? 0;
      try {
        await actions.update(patch);
        if ((refusals.current[section] ?? 0) === refusedBefore) say(section, 'saved');
      } catch (error) {
        say(section, 'failed');
        throw error;
      }
    };

  /** A field refused what was typed (said next to it): its section no longer claims "Saved". */
  const refusedIn = (section: Section) => () => {
    refusals.current[section] = (refusals.current[section] ?? 0) + 1;
    setNote((current) => (current?.section === section ? null : current));
  };

  const people = {
    add: async (person: TrustedPerson) => {
      await actions.addPerson(person);
      say('people', 'saved');
    },
    remove: async (id: string) => {
      await actions.removePerson(id);
      say('people', 'saved');
    },
  };

  const restoreDefaults = async () => {
    const callsWereOn = report?.value.holdDuringCalls === true;
    try {
      await actions.restoreDefaults();
      say('data', 'restored');
    } catch (error) {
      say('data', 'failed');
      throw error;
    }
    // Holding during calls goes back to off: the access asked for it is given back too.
    if (callsWereOn) await actions.releaseCallAccess().catch(() => undefined);
  };

  /** The repaired notice's "OK, keep the defaults": stores the values now shown. */
  const keepRepaired = (fields: readonly string[]) => {
    const value = report?.value;
    if (!value) return;
    const patch = Object.fromEntries(
      fields
        .filter((field) => field in preferenceFields)
        .map((field) => [field, value[field as PreferenceKey]]),
    );
    void saveIn('nudges')(patch).catch(() => undefined);
  };

  /** A change kept elsewhere (the own outlets' own store): its section says "Saved" all the same. */
  const savedIn = (section: Section) => () => say(section, 'saved');

  return {
    report,
    savedIn,
    settings: report?.value ?? null,
    note,
    saveIn,
    refusedIn,
    people,
    restoreDefaults,
    keepRepaired,
    actions,
  };
}
