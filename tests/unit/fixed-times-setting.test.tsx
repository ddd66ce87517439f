// The fixed-times setting (components/settings/FixedTimesSetting.tsx) when storage refuses a change:
// the row that changed says why, next to it, and keeps what the person chose; a removed time that
// could not be removed comes back, saying so. Once a save goes through, the reason goes.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { options } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FixedTimesSetting } from '../../components/settings/FixedTimesSetting';
import type { FixedTime } from '../../core/time/fixed-times';
import { loadSettings, updateSettings } from '../../platform/settings';
import { optionsPage } from './render-options';

afterEach(cleanup);

const ELEVEN: FixedTime = { minute: 11 * 60, days: [1, 2, 3, 4, 5], offer: 'checkin' };
const FOUR: FixedTime = { minute: 16 * 60, days: [1, 2, 3, 4, 5], offer: 'movement' };
const NOT_SAVED = "Couldn't save that just now, so it isn't kept yet. Please try again in a moment.";
const NOT_REMOVED = "Couldn't remove this time just now, so it's still here. Please try again in a moment.";

const row = (n: number) => screen.getByRole('group', { name: `Fixed time ${n}` });
const timeOf = (n: number) => within(row(n)).getByLabelText('Time') as HTMLInputElement;

function setting(times: FixedTime[], onChange: (times: FixedTime[]) => Promise<void>) {
  const onRefused = vi.fn();
  render(
    <FixedTimesSetting
      times={times}
      only={false}
      onChange={onChange}
      onOnlyChange={async () => undefined}
      onRefused={onRefused}
    />,
  );
  return { onRefused };
}

describe('FixedTimesSetting, a change storage refused', () => {
  it('says why next to the time that changed, and keeps the time chosen', async () => {
    const { onRefused } = setting([ELEVEN, FOUR], () => Promise.reject(new Error('QUOTA_BYTES')));
    fireEvent.input(timeOf(2), { target: { value: '17:00' } });
    fireEvent.blur(timeOf(2));
    expect((await within(row(2)).findByRole('alert')).textContent).toBe(NOT_SAVED);
    expect(within(row(1)).queryByRole('alert')).toBeNull();
    expect(timeOf(2).value).toBe('17:00');
    // Said here, so the section no longer says "Saved." for it.
    expect(onRefused).toHaveBeenCalled();
  });

  it('says why on a new time that could not be kept, and keeps the row', async () => {
    setting([ELEVEN], () => Promise.reject(new Error('QUOTA_BYTES')));
    fireEvent.click(screen.getByRole('button', { name: 'Add a time' }));
    expect((await within(row(2)).findByRole('alert')).textContent).toBe(NOT_SAVED);
    expect(timeOf(2).value).toBe('16:00');
  });

  it('brings back a time that could not be removed, saying so', async () => {
    setting([ELEVEN, FOUR], () => Promise.reject(new Error('QUOTA_BYTES')));
    fireEvent.click(screen.getByRole('button', { name: 'Remove: Fixed time 1' }));
    await waitFor(() => expect(within(row(1)).getByRole('alert').textContent).toBe(NOT_REMOVED));
    expect(timeOf(1).value).toBe('11:00');
    expect(timeOf(2).value).toBe('16:00');
  });

  it('keeps saying why on every row not kept yet when the next change is refused too', async () => {
    setting([ELEVEN, FOUR], () => Promise.reject(new Error('QUOTA_BYTES')));
    fireEvent.input(timeOf(2), { target: { value: '17:00' } });
    fireEvent.blur(timeOf(2));
    await within(row(2)).findByRole('alert');
    fireEvent.click(screen.getByRole('button', { name: 'Remove: Fixed time 1' }));
    await waitFor(() => expect(within(row(1)).getByRole('alert').textContent).toBe(NOT_REMOVED));
    expect(within(row(2)).getByRole('alert').textContent).toBe(NOT_SAVED);
    expect(timeOf(2).value).toBe('17:00');
  });

  it('lets the reason go once a save goes through', async () => {
    const onChange = vi
      .fn<(times: FixedTime[]) => Promise<void>>()
      .mockRejectedValueOnce(new Error('QUOTA_BYTES'))
      .mockResolvedValue(undefined);
    setting([ELEVEN], onChange);
    fireEvent.input(timeOf(1), { target: { value: '12:00' } });
    fireEvent.blur(timeOf(1));
    await within(row(1)).findByRole('alert');
    fireEvent.blur(timeOf(1));
    await waitFor(() => expect(within(row(1)).queryByRole('alert')).toBeNull());
    expect(onChange).toHaveBeenLastCalledWith([{ ...ELEVEN, minute: 12 * 60 }]);
  });
});

describe('OptionsPage, a fixed time storage refused', () => {
  it('says it once, next to the time, and keeps the stored times as they were', async () => {
    await updateSettings({ fixedTimes: [ELEVEN] });
    render(optionsPage());
    await screen.findByRole('group', { name: 'Fixed time 1' });
    // The page's second read of storage (its watch) lands just after the first paint; typing in
    // the same millisecond is not what a person does.
    await new Promise((resolve) => setTimeout(resolve, 100));
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    fireEvent.input(timeOf(1), { target: { value: '12:00' } });
    fireEvent.blur(timeOf(1));
    expect((await within(row(1)).findByRole('alert')).textContent).toBe(NOT_SAVED);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.queryByText('Saved.')).toBeNull();
    expect((await loadSettings()).fixedTimes).toEqual([ELEVEN]);
  });
});

describe('FixedTimesSetting, stored times arriving as the person types', () => {
  it('keeps a time typed after the render, before the effect that follows the stored times', async () => {
    let store: (times: FixedTime[]) => void = () => undefined;
    function Page() {
      const [times, setTimes] = useState<FixedTime[]>([ELEVEN]);
      store = setTimes;
      return (
        <FixedTimesSetting
          times={times}
          only={false}
          onChange={async () => undefined}
          onOnlyChange={async () => undefined}
        />
      );
    }
    render(<Page />);
    // The paint is held, so the effects of the next render wait as they do on a busy page.
    const paint = options.requestAnimationFrame;
    const painted: (() => void)[] = [];
    options.requestAnimationFrame = (callback) => void painted.push(callback);
    try {
      // Another tab changed the offer: rendered, its effect not run yet...
      store([{ ...ELEVEN, offer: 'movement' }]);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(painted).toHaveLength(1);
      // ...when the person types a time.
      fireEvent.input(timeOf(1), { target: { value: '12:00' } });
    } finally {
      options.requestAnimationFrame = paint;
    }
    for (const callback of painted) callback();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(timeOf(1).value).toBe('12:00');
  });
});

describe('FixedTimesSetting, stored times after a save', () => {
  /** The setting on a page whose stored times `store` changes, as a save's echo or another tab does. */
  function page(onChange: (times: FixedTime[]) => Promise<void>) {
    let store: (times: FixedTime[]) => void = () => undefined;
    function Page() {
      const [times, setTimes] = useState<FixedTime[]>([ELEVEN]);
      store = setTimes;
      return (
        <FixedTimesSetting
          times={times}
          only={false}
          onChange={onChange}
          onOnlyChange={async () => undefined}
        />
      );
    }
    render(<Page />);
    return (times: FixedTime[]) => act(() => store(times));
  }

  it('keeps a time storage refused on screen when another tab changes the times', async () => {
    const store = page(() => Promise.reject(new Error('QUOTA_BYTES')));
    fireEvent.input(timeOf(1), { target: { value: '12:00' } });
    fireEvent.blur(timeOf(1));
    await within(row(1)).findByRole('alert');
    await store([{ ...ELEVEN, offer: 'movement' }]);
    expect(timeOf(1).value).toBe('12:00');
    expect(within(row(1)).getByRole('alert').textContent).toBe(NOT_SAVED);
  });

  it('leaves the person in the field they are in when the save comes back, and follows later changes', async () => {
    const store = page(async () => undefined);
    timeOf(1).focus();
    fireEvent.input(timeOf(1), { target: { value: '12:00' } });
    fireEvent.blur(timeOf(1));
    timeOf(1).focus();
    await act(() => Promise.resolve());
    // The save's echo.
    await store([{ ...ELEVEN, minute: 12 * 60 }]);
    expect(document.activeElement).toBe(timeOf(1));
    // Another tab, later: shown as it is.
    await store([{ ...ELEVEN, minute: 13 * 60 }]);
    expect(timeOf(1).value).toBe('13:00');
  });
});
