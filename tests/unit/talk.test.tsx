// Talking outlets on a computer: a ready message to copy, and call/text links only where the
// device can use them.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReadyMessage } from '../../components/checkin/ReadyMessage';
import { TalkToSomeone } from '../../components/checkin/TalkToSomeone';
import { OUTLETS } from '../../core/outlets';
import { firstMessageIndex, readyMessageKeys } from '../../core/ready-message';
import type { TrustedPerson } from '../../core/schema';
import { isPhoneLike } from '../../platform/device';
import { messages } from './setup';

const ANA: TrustedPerson = { id: 'p-ana', name: 'Ana', phone: '+44 7700 900123', email: 'ana@example.org' };
const TALKING = OUTLETS.filter((outlet) => outlet.action.kind === 'talk');
const links = () =>
  screen.queryAllByRole('link').map((a) => (a as HTMLAnchorElement).getAttribute('href')?.split(':')[0]);

afterEach(cleanup);

describe('isPhoneLike', () => {
  it.each([
    [
      'Chrome on a desktop',
      { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140', userAgentData: { mobile: false } },
      false,
    ],
    [
      'Chrome on Android',
      { userAgent: 'Mozilla/5.0 (Linux; Android 15) Mobile', userAgentData: { mobile: true } },
      true,
    ],
    [
      'Firefox on Windows',
      { userAgent: 'Mozilla/5.0 (Windows NT 10.0; rv:140.0) Gecko Firefox/140.0' },
      false,
    ],
    [
      'Firefox on Android',
      { userAgent: 'Mozilla/5.0 (Android 15; Mobile; rv:142.0) Gecko Firefox/142.0' },
      true,
    ],
    [
      'Safari on an iPhone',
      { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148' },
      true,
    ],
  ])('%s: %s', (_, nav, expected) => {
    expect(isPhoneLike(nav)).toBe(expected);
  });
});

describe('TalkToSomeone', () => {
  it('on a computer offers the message to copy and email, with call and text one click away', () => {
    render(
      <TalkToSomeone
        outletId="talk-voice-note"
        person={ANA}
        phoneLike={false}
        onAddPerson={vi.fn()}
        onReachedOut={vi.fn()}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Copy message' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Copy a ready message' }));
    expect(screen.getByRole('button', { name: 'Copy message' })).toBeTruthy();
    expect(links()).toEqual(['mailto']);
    fireEvent.click(screen.getByRole('button', { name: 'Call or text from this computer' }));
    expect(links()).toEqual(['tel', 'sms', 'mailto']);
  });

  it('on a phone shows call and message links straight away', () => {
    render(
      <TalkToSomeone
        outletId="talk-call"
        person={ANA}
        phoneLike
        onAddPerson={vi.fn()}
        onReachedOut={vi.fn()}
      />,
    );
    expect(links()).toEqual(['tel', 'sms', 'mailto']);
    expect(screen.queryByRole('button', { name: 'Call or text from this computer' })).toBeNull();
  });
});

describe('the ready message, opened from its button', () => {
  it('opens onto "Copy message", described by the message, and Escape closes it back onto the button', () => {
    const outside = vi.fn();
    render(
      // biome-ignore lint/a11y/noStaticElementInteractions: stands in for the check-in's own Escape.
      <div onKeyDown={outside}>
        <TalkToSomeone
          outletId="talk-voice-note"
          person={ANA}
          phoneLike={false}
          onAddPerson={vi.fn()}
          onReachedOut={vi.fn()}
        />
      </div>,
    );
    const toggle = screen.getByRole('button', { name: 'Copy a ready message' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const copy = screen.getByRole('button', { name: 'Copy message' });
    expect(document.activeElement).toBe(copy);
    expect(document.getElementById(copy.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'Ana',
    );
    fireEvent.keyDown(copy, { key: 'Escape' });
    expect(screen.queryByRole('button', { name: 'Copy message' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
    expect(outside).not.toHaveBeenCalled();
  });
});

describe('ReadyMessage', () => {
  it.each(TALKING.map((o) => o.id))('%s has kind messages of its own, each naming the person', (id) => {
    const keys = readyMessageKeys(id);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) {
      const text = messages[key.replaceAll('.', '_')] ?? '';
      expect(text, key).toContain('$1');
      expect(text.length, key).toBeLessThan(160);
    }
  });

  it('copies the message shown, and says so', async () => {
    const copy = vi.fn(async () => 'copied' as const);
    render(<ReadyMessage outletId="talk-thanks" person={ANA} copy={copy} />);
    const shown = document.querySelector('.ready-text')?.textContent ?? '';
    expect(shown).toContain('Ana');
    fireEvent.click(screen.getByRole('button', { name: 'Copy message' }));
    expect(await screen.findByText('Copied. Paste it wherever you usually write to Ana.')).toBeTruthy();
    expect(copy).toHaveBeenCalledWith(shown);
  });

  it('opened by "Copy a ready message", has copied the message shown already: one click', async () => {
    const copy = vi.fn(async () => 'copied' as const);
    render(<ReadyMessage outletId="talk-thanks" person={ANA} copy={copy} copyAtOnce onClose={() => {}} />);
    const shown = document.querySelector('.ready-text')?.textContent ?? '';
    expect(await screen.findByText('Copied. Paste it wherever you usually write to Ana.')).toBeTruthy();
    expect(copy).toHaveBeenCalledTimes(1);
    expect(copy).toHaveBeenCalledWith(shown);
  });

  it('says plainly when the browser refuses, and how to copy by hand', async () => {
    render(<ReadyMessage outletId="talk-thanks" person={ANA} copy={async () => 'refused'} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy message' }));
    expect((await screen.findByRole('status')).textContent).toMatch(
      /didn't let Outlet copy.*select the message/,
    );
  });

  it('offers other words, and comes back round to the first', () => {
    render(<ReadyMessage outletId="talk-message" person={ANA} />);
    const text = () => document.querySelector('.ready-text')?.textContent;
    const first = text();
    const seen = new Set([first]);
    for (let i = 0; i < readyMessageKeys('talk-message').length; i++) {
      fireEvent.click(screen.getByRole('button', { name: 'Other words' }));
      seen.add(text());
    }
    expect(seen.size).toBe(readyMessageKeys('talk-message').length);
    expect(text()).toBe(first);
  });

  it('starts with the same message for the same person, and a valid one for anyone', () => {
    expect(firstMessageIndex('talk-call', 'p-ana', 2)).toBe(firstMessageIndex('talk-call', 'p-ana', 2));
    for (const id of ['a', 'b', 'c', 'p-1', 'p-22']) {
      const index = firstMessageIndex('talk-message', id, 3);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(3);
    }
  });
});
