// The settings as the options and welcome pages keep them in the browser: the wiring that
// components/settings/useSettings.ts is given (issue 16, item 10: page wiring only in entrypoints/).
import type { SettingsActions } from '../../components/settings/useSettings';
import { releaseCallAccess, requestCallAccess } from '../../platform/presence';
import {
  addTrustedPerson,
  removeTrustedPerson,
  restoreDefaultPreferences,
  settingsReportSource,
  updateSettings,
} from '../../platform/storage';

export const browserSettings: SettingsActions = {
  source: settingsReportSource,
  update: updateSettings,
  addPerson: addTrustedPerson,
  removePerson: removeTrustedPerson,
  restoreDefaults: restoreDefaultPreferences,
  requestCallAccess,
  releaseCallAccess,
  newId: () => crypto.randomUUID(),
};
