import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FamiliesSetting } from '../../components/FamiliesSetting';
import { FrequencySetting } from '../../components/FrequencySetting';
import { HoursSetting } from '../../components/HoursSetting';
import { OptionsApp } from '../../components/OptionsApp';
import { TrustedPeopleSetting } from '../../components/TrustedPeopleSetting';
import { DEFAULT_SETTINGS } from '../../core/schema';

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
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toBe(`${message} Nothing changed: still every 60 minutes.`);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('saves a custom value in range', () => {
    const onChange = vi.fn(async () => undefined);
    render(<FrequencySetting minutes={60} onChange={onChange} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Nudge every' }), { target: { value: 'custom' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Minutes between nudges' }), {
      target: { value: '50' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onChange).toHaveBeenCalledWith(50);
    expect(screen.queryByRole('alert')).toBeNull();
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
  it('offers no seventh range on a day, which storage could not keep', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ start: i * 120, end: i * 120 + 60, nextDay: false }));
    render(<HoursSetting hours={{ ...DEFAULT_SETTINGS.hours, 3: six }} onChange={async () => undefined} />);
    expect(screen.queryByRole('button', { name: /Add hours on Wednesday/ })).toBeNull();
    expect(screen.getByText(/as many as one day can hold/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Add hours on Thursday/ })).toBeTruthy();
  });
});

describe('OptionsApp', () => {
  it('says plainly when a change could not be saved, and never says "Saved." with it', async () => {
    render(<OptionsApp />);
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
    render(<OptionsApp />);
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
});
