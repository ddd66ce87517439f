// Issue 16: settings that leave no nudge possible (no active hours on any day, or every stretch of
// them shorter than the time between nudges) used to be said only by the popup's status line
// ("No nudge fits your active hours"). The options page now says so at its top, with the way to
// fix it, and so does the toolbar icon, in its badge text and its title (never colour alone).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SCHEDULE, type WeekHours } from '../../core/schema';
import { nudgeStatus, settingsLeaveNoNudge } from '../../core/status';
import { DEFAULT_HOURS } from '../../core/time/hours';
import { loadSettings, updateSettings } from '../../platform/settings';
import { settle, startBackground, stopBackground, TUESDAY_MORNING } from './background-harness';
import { optionsPage } from './render-options';

afterEach(cleanup);

const NO_HOURS: WeekHours = { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] };
/** Half an hour each weekday: too short for a nudge every 60 minutes. */
const half = [{ start: 540, end: 570, nextDay: false }];
const SHORT_HOURS: WeekHours = { 0: [], 1: half, 2: half, 3: half, 4: half, 5: half, 6: [] };

/** The notice at the page's top: before the first section, after the title. */
const topNotice = () => {
  const first = document.querySelector('main > section');
  return [...document.querySelectorAll('main .no-nudge')].find(
    (el) => first && el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
};

describe('settingsLeaveNoNudge', () => {
  it.each([
    ['the default hours', DEFAULT_HOURS, 60, false],
    ['no hours on any day', NO_HOURS, 60, true],
    ['half an hour a day, a nudge every 60 minutes', SHORT_HOURS, 60, true],
    ['half an hour a day, a nudge every 20 minutes', SHORT_HOURS, 20, false],
  ])('%s: %s', async (_, hours, intervalMinutes, none) => {
    const settings = { ...(await loadSettings()), hours, intervalMinutes };
    expect(settingsLeaveNoNudge(settings, TUESDAY_MORNING)).toBe(none);
    // The popup's status line agrees.
    expect(nudgeStatus(settings, DEFAULT_SCHEDULE, TUESDAY_MORNING).kind === 'no-room').toBe(none);
  });

  it('is false when nudges are turned off: that is a choice, said by its own switch', async () => {
    const settings = { ...(await loadSettings()), hours: NO_HOURS, nudgesEnabled: false };
    expect(settingsLeaveNoNudge(settings, TUESDAY_MORNING)).toBe(false);
  });
});

describe('the options page, when no nudge can come', () => {
  it('says so at the top when no day has hours, with a link to the hours', async () => {
    await updateSettings({ hours: NO_HOURS });
    render(optionsPage());
    await screen.findByRole('heading', { name: 'Active hours' });
    const notice = topNotice();
    expect(notice?.textContent).toMatch(/No day has active hours now, so no nudges will come/);
    const fix = screen.getByRole('link', { name: 'Change your active hours' });
    expect(fix.getAttribute('href')).toBe('#hours');
    expect(notice?.contains(fix)).toBe(true);
  });

  it('says so when every stretch is shorter than the time between nudges', async () => {
    await updateSettings({ hours: SHORT_HOURS, intervalMinutes: 60 });
    render(optionsPage());
    await screen.findByRole('heading', { name: 'Active hours' });
    expect(topNotice()?.textContent).toMatch(/shorter than the time between nudges/);
    expect(screen.getByRole('link', { name: 'Change your active hours' })).toBeTruthy();
  });

  it('says nothing of the kind with hours that leave room, and goes once the hours are fixed', async () => {
    await updateSettings({ hours: NO_HOURS });
    render(optionsPage());
    await screen.findByRole('heading', { name: 'Active hours' });
    expect(topNotice()).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add hours on Monday to Friday' }));
    await waitFor(() => expect(topNotice()).toBeUndefined());
    expect(screen.queryByRole('link', { name: 'Change your active hours' })).toBeNull();
  });
});

describe('the toolbar icon, when no nudge can come', () => {
  beforeEach(() => startBackground(TUESDAY_MORNING));
  afterEach(stopBackground);

  const badge = () => fakeBrowser.action.getBadgeText({});
  const title = () => fakeBrowser.action.getTitle({});

  it('says so in its badge and title once the hours leave no room, and stops when they do', async () => {
    expect(await badge()).toBe('');
    await updateSettings({ hours: NO_HOURS });
    await settle();
    await waitFor(async () => expect(await badge()).toBe('!'));
    expect(await title()).toBe('Outlet: no nudge fits your active hours. You can change them in settings.');

    await updateSettings({ hours: DEFAULT_HOURS });
    await settle();
    await waitFor(async () => expect(await badge()).toBe(''));
    expect(await title()).toBe('Outlet: check in');
  });

  it('says so for hours too short for the interval too', async () => {
    await updateSettings({ hours: SHORT_HOURS, intervalMinutes: 60 });
    await settle();
    await waitFor(async () => expect(await badge()).toBe('!'));
    await updateSettings({ intervalMinutes: 20 });
    await settle();
    await waitFor(async () => expect(await badge()).toBe(''));
  });
});
