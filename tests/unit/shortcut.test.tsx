import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ShortcutSetting } from '../../components/settings/ShortcutSetting';
import { openShortcutSettings, readCheckInShortcut } from '../../platform/shortcut';

afterEach(cleanup);

const change = () => screen.getByRole('button', { name: 'Change the shortcut' });

/** What the browser's commands.getAll answers (the fake browser has no commands of its own). */
const stubCommands = (commands: { name: string; shortcut: string }[]) =>
  // Chrome's types pick the callback overload of getAll; the app uses the promise one.
  vi.spyOn(fakeBrowser.commands, 'getAll').mockImplementation((async () => commands) as never);

describe('ShortcutSetting', () => {
  // Issue 16: in Firefox the button opens the add-ons page, where the shortcuts hide in a menu.
  it('says where Firefox keeps the shortcuts on the page it opens, and Chrome needs no such hint', async () => {
    const view = render(<ShortcutSetting read={async () => ''} open={async () => undefined} firefox />);
    expect(change().getAttribute('aria-describedby')).toBe('shortcut-help');
    expect(document.getElementById('shortcut-help')?.textContent).toMatch(
      /gear menu ⚙ and choose “Manage Extension Shortcuts”/,
    );
    view.unmount();
    render(<ShortcutSetting read={async () => ''} open={async () => undefined} firefox={false} />);
    expect(document.getElementById('shortcut-help')?.textContent).not.toMatch(/gear menu/);
  });

  it('shows the keys that open the check-in', async () => {
    render(<ShortcutSetting read={async () => 'Alt+Shift+O'} open={async () => undefined} firefox={false} />);
    const keys = await screen.findByText('Alt+Shift+O');
    expect(keys.tagName).toBe('KBD');
    expect(keys.parentElement?.textContent).toBe('Open the check-in from the keyboard: Alt+Shift+O');
  });

  it('says "not set" when the browser has no keys for it', async () => {
    render(<ShortcutSetting read={async () => ''} open={async () => undefined} firefox={false} />);
    await screen.findByText('not set');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("says so when the browser couldn't tell, and still offers the change", async () => {
    render(
      <ShortcutSetting
        read={() => Promise.reject(new Error('no commands API'))}
        open={async () => undefined}
        firefox={false}
      />,
    );
    await screen.findByText("The browser didn't say which keys are set.");
    expect(change()).toBeTruthy();
  });

  it("opens the browser's shortcut settings from the button", async () => {
    const open = vi.fn(async () => undefined);
    render(<ShortcutSetting read={async () => 'Alt+Shift+O'} open={open} firefox={false} />);
    fireEvent.click(change());
    expect(open).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("says where to look when that page didn't open", async () => {
    render(
      <ShortcutSetting
        read={async () => 'Alt+Shift+O'}
        open={() => Promise.reject(new Error('refused'))}
        firefox={false}
      />,
    );
    fireEvent.click(change());
    expect((await screen.findByRole('alert')).textContent).toMatch(/under Keyboard shortcuts/);
  });

  it('reads the keys again when the page is shown again (back from changing them)', async () => {
    let keys = 'Alt+Shift+O';
    render(<ShortcutSetting read={async () => keys} open={async () => undefined} firefox={false} />);
    await screen.findByText('Alt+Shift+O');
    keys = 'Ctrl+Shift+Y';
    document.dispatchEvent(new Event('visibilitychange'));
    await screen.findByText('Ctrl+Shift+Y');
    expect(screen.queryByText('Alt+Shift+O')).toBeNull();
  });
});

describe('platform/shortcut', () => {
  it("reads the check-in's command, not another one", async () => {
    stubCommands([
      { name: 'other', shortcut: 'Ctrl+Shift+K' },
      { name: '_execute_action', shortcut: 'Alt+Shift+O' },
    ]);
    expect(await readCheckInShortcut()).toBe('Alt+Shift+O');
  });

  it.each([
    ['no keys', [{ name: '_execute_action', shortcut: '' }]],
    ['no command at all', []],
  ])('gives an empty string for %s', async (_, commands) => {
    stubCommands(commands);
    expect(await readCheckInShortcut()).toBe('');
  });

  it("opens Chrome's shortcut page in a tab (Chrome has no API for it)", async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openShortcutSettings();
    expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' });
  });
});

describe('ShortcutSetting in the options page', () => {
  it('sits in About, with the keys read from the browser', async () => {
    stubCommands([{ name: '_execute_action', shortcut: 'Alt+Shift+O' }]);
    // The fake browser has no manifest: the page's wiring reads its version from it.
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '1.2.3' } as never);
    const { App } = await import('../../entrypoints/options/App');
    render(<App />);
    expect(await screen.findByText('Outlet version 1.2.3')).toBeTruthy();
    const about = await screen.findByRole('region', { name: 'About' });
    await waitFor(() => expect(about.textContent).toContain('Alt+Shift+O'));
    expect(about.querySelector('button')?.textContent).toBe('Change the shortcut');
  });
});
