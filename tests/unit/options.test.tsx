import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NudgeStatus } from '../../components/checkin/NudgeStatus';
import { FirstNudge } from '../../components/pages/FirstNudge';
import { BreakSetting } from '../../components/settings/BreakSetting';
import { FamiliesSetting } from '../../components/settings/FamiliesSetting';
import { FrequencySetting } from '../../components/settings/FrequencySetting';
import { HoursSetting } from '../../components/settings/HoursSetting';
import { TrustedPeopleSetting } from '../../components/settings/TrustedPeopleSetting';
import { DEFAULT_SCHEDULE, DEFAULT_SETTINGS, type Schedule, type Settings } from '../../core/schema';
import { changesToDefaults, quickView, weekFromQuick } from '../../core/settings-form';
import { DEFAULT_HOURS } from '../../core/time/hours';
import { browserSettings } from '../../entrypoints/options/settings';
import { loadSettings, restoreDefaultPreferences, updateSettings } from '../../platform/settings';
import { optionsPage } from './render-options';

afterEach(cleanup);

describe('FrequencySetting', () => {
  it('saves a preset as soon as it is chosen', () => {
    const onChange = vi.fn(async () => undefined);
    render(<FrequencySetting minutes={60} onChange={onChange} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Nudge every' }), { target: { value: '90' } });
    expect(onChange).toHaveBeenCalledWith(90);
  });

  it.each([
    ['0', "That's very often. The shortest gap is 15 minutes."],
    ['5000', "That's a long wait. The longest gap is 240 minutes (4 hours)."],
    ['abc', "That doesn't look like a number. Try something like 50."],
    ['', 'Please enter a number of minutes.'],
  ])('refuses %j with a clear message and keeps the last good value', (text, message) => {
    const onChange = vi.fn(async () => undefined);
    render(<FrequencySetting minutes={60} onChange={onChange} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Nudge every' }), { target: { value: 'custom' } });
    const input = screen.getByRole('textbox', { name: 'Minutes between nudges' });
    fireEvent.input(input, { target: { value: text } });
    fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toBe(`${message} Nothing changed: still every 60 minutes.`);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // Not kept, and the field still shows what the person typed.
    expect(onChange).not.toHaveBeenCalled();
    expect((input as HTMLInputElement).value).toBe(text);
  });

  it('keeps a custom value in range when the field is left, with no Save button', () => {
    const onChange = vi.fn(async () => undefined);
    render(<FrequencySetting minutes={60} onChange={onChange} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Nudge every' }), { target: { value: 'custom' } });
    const input = screen.getByRole('textbox', { name: 'Minutes between nudges' });
    fireEvent.input(input, { target: { value: '50' } });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.blur(input);
    expect(onChange).toHaveBeenCalledWith(50);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: /save/i })).toBeNull();
  });

  // Issue 16: the field sat in a <form> with nothing to submit.
  it('keeps a custom value on Enter too, and is no form with nothing to submit', () => {
    const onChange = vi.fn(async () => undefined);
    const { container } = render(<FrequencySetting minutes={60} onChange={onChange} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Nudge every' }), { target: { value: 'custom' } });
    const input = screen.getByRole('textbox', { name: 'Minutes between nudges' });
    fireEvent.input(input, { target: { value: '75' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledWith(75);
    expect(container.querySelector('form')).toBeNull();
  });
});

describe('BreakSetting', () => {
  it('keeps a whole number of minutes when the field is left', () => {
    const onChange = vi.fn(async () => undefined);
    render(<BreakSetting minutes={5} onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: 'A break counts from' });
    fireEvent.input(input, { target: { value: '12' } });
    fireEvent.blur(input);
    expect(onChange).toHaveBeenCalledWith(12);
  });

  it('keeps a number being typed when a stored value arrives meanwhile, then follows the stored one', () => {
    const onChange = vi.fn(async () => undefined);
    const view = render(<BreakSetting minutes={5} onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: 'A break counts from' }) as HTMLInputElement;
    fireEvent.input(input, { target: { value: '12' } });
    view.rerender(<BreakSetting minutes={7} onChange={onChange} />);
    expect(input.value).toBe('12');
    fireEvent.blur(input);
    expect(onChange).toHaveBeenLastCalledWith(12);
    view.rerender(<BreakSetting minutes={12} onChange={onChange} />);
    view.rerender(<BreakSetting minutes={20} onChange={onChange} />);
    expect(input.value).toBe('20');
  });

  it.each(['0', '61', '2.5', 'ten', ''])('refuses %j next to the field, and keeps what was typed', (text) => {
    const onChange = vi.fn(async () => undefined);
    const onRefused = vi.fn();
    render(<BreakSetting minutes={5} onChange={onChange} onRefused={onRefused} />);
    const input = screen.getByRole('textbox', { name: 'A break counts from' }) as HTMLInputElement;
    fireEvent.input(input, { target: { value: text } });
    fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toMatch(/Nothing changed: still 5 minutes/);
    expect(onChange).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalled();
    expect(input.value).toBe(text);
  });
});

describe('FamiliesSetting', () => {
  it('turns a family off', () => {
    const onChange = vi.fn(async () => undefined);
    render(<FamiliesSetting families={['movement', 'body']} onChange={onChange} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Movement' }));
    expect(onChange).toHaveBeenCalledWith(['body']);
  });

  it('keeps at least one family, and says why', () => {
    const onChange = vi.fn(async () => undefined);
    render(<FamiliesSetting families={['body']} onChange={onChange} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Body and breath' }));
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/at least one/);
    expect((screen.getByRole('checkbox', { name: 'Body and breath' }) as HTMLInputElement).checked).toBe(
      true,
    );
  });
});

describe('TrustedPeopleSetting', () => {
  const noop = async () => undefined;

  it('adds a person with a phone number', () => {
    const onChange = vi.fn(async () => undefined);
    render(<TrustedPeopleSetting people={[]} onAdd={onChange} onRemove={noop} newId={() => 'p1'} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Ana' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Phone (optional)' }), {
      target: { value: '+1 555 0100' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    expect(onChange).toHaveBeenCalledWith({ id: 'p1', name: 'Ana', phone: '+1 555 0100' });
  });

  it('explains a bad email next to the field and adds nobody', () => {
    const onChange = vi.fn(async () => undefined);
    render(<TrustedPeopleSetting people={[]} onAdd={onChange} onRemove={noop} newId={() => 'p1'} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Ana' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Email (optional)' }), { target: { value: 'ana@' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    expect(screen.getByRole('alert').textContent).toBe("That email address doesn't look right.");
    expect(onChange).not.toHaveBeenCalled();
  });

  it('removes a person', () => {
    const onChange = vi.fn(async () => undefined);
    render(
      <TrustedPeopleSetting
        people={[{ id: 'p1', name: 'Ana' }]}
        onAdd={noop}
        onRemove={onChange}
        newId={() => 'x'}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove Ana' }));
    expect(onChange).toHaveBeenCalledWith('p1');
  });

  it('refuses an email longer than storage keeps, next to the field', () => {
    const onAdd = vi.fn(async () => undefined);
    render(<TrustedPeopleSetting people={[]} onAdd={onAdd} onRemove={noop} newId={() => 'p1'} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Ana' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Email (optional)' }), {
      target: { value: `${'a'.repeat(120)}@example.org` },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    expect(screen.getByRole('alert').textContent).toMatch(/longer than Outlet can keep/);
    expect(onAdd).not.toHaveBeenCalled();
  });

  it('offers no 21st person, and says why', () => {
    const onAdd = vi.fn(async () => undefined);
    const people = Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, name: `Friend ${i}` }));
    render(<TrustedPeopleSetting people={people} onAdd={onAdd} onRemove={noop} newId={() => 'x'} />);
    expect((screen.getByRole('button', { name: 'Add person' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/as many as Outlet keeps/)).toBeTruthy();
  });

  it('says so when storage refused the new person, and keeps what was typed', async () => {
    const onAdd = vi.fn(async () => {
      throw new Error('Resource::kQuotaBytes quota exceeded');
    });
    render(<TrustedPeopleSetting people={[]} onAdd={onAdd} onRemove={noop} newId={() => 'p1'} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Ana' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Couldn't save that/);
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('Ana');
  });
});

describe('HoursSetting', () => {
  const time = (name: RegExp, index = 0) => screen.getAllByLabelText(name)[index] as HTMLInputElement;

  it('sets the same hours Monday to Friday the quick way, kept when the time is left', () => {
    const onChange = vi.fn(async () => undefined);
    render(<HoursSetting hours={DEFAULT_HOURS} onChange={onChange} />);
    expect(
      (screen.getByRole('radio', { name: 'The same hours every weekday' }) as HTMLInputElement).checked,
    ).toBe(true);
    const from = time(/^From/);
    fireEvent.input(from, { target: { value: '08:30' } });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.blur(from);
    expect(onChange).toHaveBeenCalledWith(weekFromQuick([{ start: 510, end: 1080, nextDay: false }], false));
  });

  it('turns the weekend on with the same hours, at once', () => {
    const onChange = vi.fn(async () => undefined);
    render(<HoursSetting hours={DEFAULT_HOURS} onChange={onChange} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Weekends too/ }));
    expect(onChange).toHaveBeenCalledWith(weekFromQuick(DEFAULT_HOURS[1], true));
  });

  it('refuses hours that end before they start, next to them, keeping what was typed', () => {
    const onChange = vi.fn(async () => undefined);
    const onRefused = vi.fn();
    render(<HoursSetting hours={DEFAULT_HOURS} onChange={onChange} onRefused={onRefused} />);
    const to = time(/^to/);
    fireEvent.input(to, { target: { value: '08:00' } });
    fireEvent.blur(to);
    expect(screen.getByRole('alert').textContent).toMatch(/ends before it starts/);
    expect(to.value).toBe('08:00');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(onChange).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalled();
  });

  // Seen as a flaky e2e test, and a real loss: a save is written up to half a second later
  // (platform/settings.ts batches), and its echo used to reset every field to the stored hours,
  // wiping a time being typed meanwhile.
  it('keeps a time being typed when stored hours arrive meanwhile, and follows them once it is left', () => {
    const onChange = vi.fn(async () => undefined);
    const view = render(<HoursSetting hours={DEFAULT_HOURS} onChange={onChange} />);
    const from = time(/^From/);
    fireEvent.input(from, { target: { value: '07:15' } });
    // The echo of an earlier change (here: the weekend turned on elsewhere) lands before the field is left.
    const echoed = weekFromQuick(DEFAULT_HOURS[1], true);
    view.rerender(<HoursSetting hours={echoed} onChange={onChange} />);
    expect(time(/^From/).value).toBe('07:15');
    fireEvent.blur(time(/^From/));
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ 1: [{ start: 435, end: 1080, nextDay: false }] }),
    );
    // Untouched again: a later stored change shows as it is.
    view.rerender(<HoursSetting hours={DEFAULT_HOURS} onChange={onChange} />);
    expect(time(/^From/).value).toBe('09:00');
  });

  it('gives the example time in the same 12- or 24-hour habit as the page', () => {
    render(<HoursSetting hours={DEFAULT_HOURS} onChange={async () => undefined} />);
    const from = time(/^From/);
    fireEvent.input(from, { target: { value: '' } });
    fireEvent.blur(from);
    const example = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(
      new Date(2026, 0, 5, 15, 30),
    );
    expect(screen.getByRole('alert').textContent).toBe(`Please enter a time, like ${example}.`);
  });

  it('edits one day on its own the detailed way, and copies it to every day', () => {
    const onChange = vi.fn(async () => undefined);
    render(<HoursSetting hours={DEFAULT_HOURS} onChange={onChange} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Different hours each day' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add hours on Saturday' }));
    expect(onChange).toHaveBeenLastCalledWith({
      ...DEFAULT_HOURS,
      6: [{ start: 540, end: 1020, nextDay: false }],
    });
    // The button says what it does; which day it copies is its description.
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Use these hours every day',
        description: "Use Tuesday's hours on every day of the week",
      }),
    );
    expect(onChange).toHaveBeenLastCalledWith(weekFromQuick(DEFAULT_HOURS[2], true));
  });

  it('adds a range after the last one, so it can be kept at once', () => {
    const onChange = vi.fn(async () => undefined);
    render(<HoursSetting hours={DEFAULT_HOURS} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add hours on Monday to Friday' }));
    expect(onChange).toHaveBeenCalledWith(
      weekFromQuick(
        [
          { start: 540, end: 1080, nextDay: false },
          { start: 1140, end: 1200, nextDay: false },
        ],
        false,
      ),
    );
  });

  it('opens the detailed way when the days differ', () => {
    render(
      <HoursSetting
        hours={{ ...DEFAULT_HOURS, 3: [{ start: 600, end: 720, nextDay: false }] }}
        onChange={async () => undefined}
      />,
    );
    expect(
      (screen.getByRole('radio', { name: 'Different hours each day' }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it('offers no seventh range on a day, which storage could not keep', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ start: i * 120, end: i * 120 + 60, nextDay: false }));
    render(<HoursSetting hours={{ ...DEFAULT_SETTINGS.hours, 3: six }} onChange={async () => undefined} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Different hours each day' }));
    expect(screen.queryByRole('button', { name: /Add hours on Wednesday/ })).toBeNull();
    expect(screen.getByText(/as many as one day can hold/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Add hours on Thursday/ })).toBeTruthy();
  });
});

/** Types into a field and leaves it, as a person does: the page has re-rendered before the blur. */
async function typeAndLeave(field: HTMLElement, value: string) {
  fireEvent.input(field, { target: { value } });
  await waitFor(() => expect((field as HTMLInputElement).value).toBe(value));
  fireEvent.blur(field);
}

describe('OptionsPage', () => {
  it('says plainly when a change could not be saved, and never says "Saved." with it', async () => {
    render(optionsPage());
    const box = await screen.findByRole('checkbox', { name: 'Send me gentle nudges' });
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    fireEvent.click(box);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Couldn't save that just now/);
    expect(screen.queryByText('Saved.')).toBeNull();
  });

  it('says plainly which saved setting was broken, keeps the rest, and lets the person keep the defaults', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const people = [{ id: 'p', name: 'Ana' }];
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, intervalMinutes: 'abc', trustedPeople: people },
      'checkin:a': { id: 'a', at: 1, feeling: 'calm', outletId: null, outcome: 'skipped' },
    });
    await fakeBrowser.storage.sync.set({ 'pref:intervalMinutes': 'abc' });
    render(optionsPage());
    const notice = await screen.findByRole('status');
    expect(notice.textContent).toContain("couldn't be read, so they are back to their defaults: how often.");
    expect(screen.getByRole('button', { name: 'Remove Ana' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'OK, keep the defaults' }));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect((await fakeBrowser.storage.sync.get('pref:intervalMinutes'))['pref:intervalMinutes']).toBe(60);
    // The broken original was kept aside before the default went over it; the people are untouched.
    const local = await fakeBrowser.storage.local.get(null);
    const aside = Object.entries(local).filter(([key]) => key.startsWith('aside:'));
    expect(aside.map(([, item]) => (item as { value: unknown }).value)).toContainEqual('abc');
    expect(screen.getByRole('button', { name: 'Remove Ana' })).toBeTruthy();
  });

  it('offers a table of contents with each section', async () => {
    render(optionsPage());
    const nav = await screen.findByRole('navigation', { name: 'On this page' });
    expect([...nav.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Nudges', '#nudges'],
      ['Hours', '#hours'],
      ['What to offer', '#offer'],
      ['People', '#people'],
      ['Your data', '#data'],
      ['About', '#about'],
    ]);
    for (const id of ['nudges', 'hours', 'offer', 'people', 'data', 'about'])
      expect(document.getElementById(id)?.tagName).toBe('SECTION');
    expect(screen.getByText('Outlet version 1.2.3')).toBeTruthy();
    expect(screen.getByRole('link', { name: /See, export or delete/ }).getAttribute('href')).toBe(
      '/history.html#data-heading',
    );
  });

  it('keeps each kind of field as it is left, and says "Saved." in that section only', async () => {
    render(optionsPage());
    const nudges = () => document.getElementById('nudges') as HTMLElement;
    const hours = () => document.getElementById('hours') as HTMLElement;

    fireEvent.click(await screen.findByRole('checkbox', { name: 'Nudge without a sound' }));
    await waitFor(async () => expect((await loadSettings()).silentNudges).toBe(true));
    await waitFor(() => expect(nudges().querySelector('.saved')?.textContent).toBe('Saved.'));

    fireEvent.change(screen.getByRole('combobox', { name: 'Nudge every' }), { target: { value: 'custom' } });
    const custom = screen.getByRole('textbox', { name: 'Minutes between nudges' });
    await typeAndLeave(custom, '50');
    await waitFor(async () => expect((await loadSettings()).intervalMinutes).toBe(50));

    const breakField = screen.getByRole('textbox', { name: 'A break counts from' });
    await typeAndLeave(breakField, '9');
    await waitFor(async () => expect((await loadSettings()).breakMinutes).toBe(9));

    const to = screen.getAllByLabelText(/^to/)[0] as HTMLInputElement;
    await typeAndLeave(to, '17:00');
    await waitFor(async () =>
      expect((await loadSettings()).hours[3]).toEqual([{ start: 540, end: 1020, nextDay: false }]),
    );
    await waitFor(() => expect(hours().querySelector('.saved')?.textContent).toBe('Saved.'));
    expect(nudges().querySelector('.saved')?.textContent).toBe('');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Movement' }));
    await waitFor(async () => expect((await loadSettings()).families).not.toContain('movement'));

    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Ana' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    await waitFor(async () =>
      expect((await loadSettings()).trustedPeople.map((p) => p.name)).toEqual(['Ana']),
    );
  });

  it('shows refused input next to its field, keeps the stored value, and drops the section\'s "Saved."', async () => {
    render(optionsPage());
    const breakField = (await screen.findByRole('textbox', {
      name: 'A break counts from',
    })) as HTMLInputElement;
    // The page's second read of storage (its watch) lands just after the first paint; typing in
    // the same millisecond is not what a person does.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await typeAndLeave(breakField, '9');
    await waitFor(() => expect(screen.getByText('Saved.')).toBeTruthy());
    await typeAndLeave(breakField, '900');
    expect(screen.getByRole('alert').textContent).toMatch(/from 1 to 60/);
    expect(screen.queryByText('Saved.')).toBeNull();
    expect(breakField.value).toBe('900');
    expect((await loadSettings()).breakMinutes).toBe(9);
  });

  it('restores the defaults after naming exactly what changes, and leaves the people alone', async () => {
    await updateSettings({
      intervalMinutes: 45,
      families: ['movement', 'body'],
      silentNudges: true,
      hours: { ...DEFAULT_HOURS, 6: [{ start: 600, end: 840, nextDay: false }] },
    });
    await fakeBrowser.storage.local.set({ 'person:p': { id: 'p', name: 'Ana', addedAt: 1 } });
    render(optionsPage());
    fireEvent.click(await screen.findByRole('button', { name: 'Restore default settings…' }));
    const confirm = screen.getByRole('group', { name: /back to their defaults/ });
    const time = (h: number, m = 0) =>
      new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(
        new Date(2026, 0, 5, h, m),
      );
    expect([...confirm.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'how often: every 45 minutes, back to every 60 minutes',
      'what to offer: all but Journaling, Talking to someone, Creative, and Letting it out, back to every kind',
      `active hours (Saturday): ${time(10)}–${time(14)}, back to no nudges`,
      'silent nudges: on, back to off',
    ]);
    expect(confirm.textContent).toContain('Your people, check-ins and journal stay exactly as they are.');
    fireEvent.click(screen.getByRole('button', { name: 'Restore these' }));
    await waitFor(async () => expect((await loadSettings()).intervalMinutes).toBe(60));
    const after = await loadSettings();
    const { trustedPeople, ...preferences } = after;
    const { trustedPeople: _, ...defaults } = DEFAULT_SETTINGS;
    expect(preferences).toEqual(defaults);
    expect(trustedPeople).toEqual([{ id: 'p', name: 'Ana' }]);
    expect(await screen.findByText('Back to the defaults.')).toBeTruthy();
  });

  it('says when there is nothing to restore', async () => {
    render(optionsPage());
    fireEvent.click(await screen.findByRole('button', { name: 'Restore default settings…' }));
    expect(screen.getByText('Everything is already at its default.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Restore these' })).toBeNull();
  });
});

describe('settings-form', () => {
  it('sees the default week as the same hours every weekday, weekend off', () => {
    expect(quickView(DEFAULT_HOURS)).toEqual({ ranges: DEFAULT_HOURS[1], weekend: false, uniform: true });
    expect(weekFromQuick(DEFAULT_HOURS[1], false)).toEqual(DEFAULT_HOURS);
  });

  it('lists only the preferences that differ from the defaults', () => {
    const { trustedPeople: _, ...defaults } = DEFAULT_SETTINGS;
    expect(changesToDefaults(defaults, defaults)).toEqual([]);
    const families = [...defaults.families].reverse();
    expect(changesToDefaults({ ...defaults, families }, defaults)).toEqual([]);
    expect(changesToDefaults({ ...defaults, breakMinutes: 7 }, defaults).map((c) => c.key)).toEqual([
      'breakMinutes',
    ]);
  });

  it('restoreDefaultPreferences puts back every preference', async () => {
    await updateSettings({ breakMinutes: 7, silentNudges: true });
    await restoreDefaultPreferences();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the first nudge, said by the welcome page and the popup', () => {
  const MINUTE = 60_000;
  const now = new Date(2026, 2, 10, 10, 0).getTime(); // a Tuesday, inside the default hours
  const cases: [string, Settings, Schedule][] = [
    ['planned today', DEFAULT_SETTINGS, { ...DEFAULT_SCHEDULE, nextNudgeAt: now + 60 * MINUTE }],
    [
      'not planned yet (one interval from now)',
      { ...DEFAULT_SETTINGS, intervalMinutes: 45 },
      DEFAULT_SCHEDULE,
    ],
    [
      'outside the hours, tomorrow',
      { ...DEFAULT_SETTINGS, hours: { ...DEFAULT_HOURS, 2: [] } },
      { ...DEFAULT_SCHEDULE, nextNudgeAt: new Date(2026, 2, 11, 10, 0).getTime() },
    ],
    ['no room in the hours', { ...DEFAULT_SETTINGS, hours: weekFromQuick([], false) }, DEFAULT_SCHEDULE],
  ];
  it.each(cases)('%s: the same words', (_, settings, schedule) => {
    const popup = render(
      <NudgeStatus
        settings={settings}
        schedule={schedule}
        now={now}
        actions={{
          pause: () => undefined,
          resume: () => undefined,
          openSettings: () => undefined,
          acceptCalmerPace: () => undefined,
          dismissCalmerPace: () => undefined,
        }}
      />,
    );
    const popupWords = popup.container.querySelector('.status-line')?.textContent ?? '';
    popup.unmount();
    const welcome = render(<FirstNudge settings={settings} schedule={schedule} now={now} />);
    expect(popupWords.trim()).not.toBe('');
    expect(welcome.container.textContent).toBe(
      `${popupWords.replace(/\.$/, '')}. You can close this tab; Outlet waits in the toolbar.`,
    );
  });
});

describe('OptionsPage, a save still on its way when a refusal comes', () => {
  // Seen in the e2e screenshots (dark-22-options-refused-hours.png): "Weekends too" ticked, then a
  // time refused before the weekend's write was done (sync writes are spaced half a second apart).
  // The earlier save then said "Saved." right under the refusal.
  it('does not say "Saved." beside the refusal when the earlier change is kept after it', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const actions = {
      ...browserSettings,
      update: async (patch: Parameters<typeof browserSettings.update>[0]) => {
        await held;
        await browserSettings.update(patch);
      },
    };
    render(optionsPage({ actions }));
    const hours = () => document.getElementById('hours') as HTMLElement;
    fireEvent.click(await screen.findByRole('checkbox', { name: /Weekends too/ }));
    const to = screen.getAllByLabelText(/^to/)[0] as HTMLInputElement;
    await typeAndLeave(to, '07:00');
    expect(within(hours()).getByRole('alert').textContent).toMatch(/ends before it starts/);
    release();
    await waitFor(async () => expect((await loadSettings()).hours[6]).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(within(hours()).getByRole('alert').textContent).toMatch(/ends before it starts/);
    expect(hours().querySelector('.saved')?.textContent).toBe('');
  });
});

describe('OptionsPage, a change that leaves no active hours', () => {
  // Seen in light-options-no-nudge.png: the notice at the top and the Undo note beside the emptied
  // day said "No day has active hours now, so no nudges will come…" twice over, word for word.
  const SENTENCE = 'No day has active hours now, so no nudges will come.';
  const times = (text: string) => (document.querySelector('main')?.textContent ?? '').split(text).length - 1;

  it('says it once after "Use these hours every day" under an empty Saturday, and Undo is in view', async () => {
    render(optionsPage());
    fireEvent.click(await screen.findByRole('radio', { name: 'Different hours each day' }));
    const copySaturday = screen.getByRole('button', {
      name: 'Use these hours every day',
      description: "Use Saturday's hours on every day of the week",
    });
    copySaturday.focus();
    fireEvent.click(copySaturday);
    const undo = await screen.findByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.querySelector('main .no-nudge')).toBeTruthy());
    expect(times(SENTENCE)).toBe(1);
    // The note beside Undo still says what Undo undoes, in Saturday's box.
    const note = undo.closest('.notice') as HTMLElement;
    expect(copySaturday.closest('fieldset')?.contains(note)).toBe(true);
    expect(note.textContent?.replace('Undo', '').trim()).not.toBe('');
  });

  it('says it once after removing the last range, and not at all once Undo brings the hours back', async () => {
    render(optionsPage());
    fireEvent.click(await screen.findByRole('button', { name: 'Remove these hours on Monday to Friday' }));
    await screen.findByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.querySelector('main .no-nudge')).toBeTruthy());
    expect(times(SENTENCE)).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(document.querySelector('main .no-nudge')).toBeNull());
    expect(times(SENTENCE)).toBe(0);
  });
});
