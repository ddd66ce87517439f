// The popup's first screen is written into popup.html at build time (build/prerender-popup.ts), so it
// shows at first paint, before the app's modules have loaded. For that screen to be *live* too, a tiny
// classic script (entrypoints/first-screen.ts, no framework) notes every click on it and moves focus
// with the arrow keys as the live screen does; when the app mounts, it takes those notes and replays
// them on the live screen (mountCheckIn.tsx). So a feeling clicked at first paint is never lost.
import { roveFocus } from './roving';

interface EarlyInput {
  clicks: string[];
  stop: () => void;
}

declare global {
  interface Window {
    __outletEarlyInput?: EarlyInput;
  }
}

/** A selector that finds the same control in the live screen: its feeling, or its id. */
export function controlKey(element: Element | null): string | null {
  if (!element) return null;
  const feeling = element.getAttribute('data-feeling');
  if (feeling) return `[data-feeling="${feeling}"]`;
  return element.id ? `#${element.id}` : null;
}

/**
 * Starts noting clicks (and moving focus by arrow keys among the feelings) inside `#app`. Listens on
 * the document, so it can start in the page's head, before any of the first screen is parsed: the
 * browser may paint (and a person click) the screen before a script placed after it has run.
 */
export function captureEarlyInput(): void {
  const clicks: string[] = [];
  const inApp = (element: Element) => Boolean(document.getElementById('app')?.contains(element));
  const onClick = (event: Event) => {
    const control = (event.target as Element | null)?.closest('button');
    const key = control && inApp(control) ? controlKey(control) : null;
    if (!key || !control) return;
    clicks.push(key);
    // Seen at once: the button stays pressed-looking until the app takes over.
    control.classList.add('chosen');
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (!target.matches?.('button[data-feeling]') || !inApp(target)) return;
    const feelings = [...document.querySelectorAll<HTMLElement>('#app button[data-feeling]')];
    if (roveFocus(feelings, target, event.key)) event.preventDefault();
  };
  document.addEventListener('click', onClick, true);
  document.addEventListener('keydown', onKeyDown, true);
  window.__outletEarlyInput = {
    clicks,
    stop: () => {
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('keydown', onKeyDown, true);
    },
  };
}

export interface TakenInput {
  clicks: string[];
  /** The control that had focus on the first screen, to give focus back to in the live one. */
  focused: string | null;
}

/** Stops the first-screen script and hands over what it noted (nothing if it never ran). */
export function takeEarlyInput(): TakenInput {
  const early = window.__outletEarlyInput;
  early?.stop();
  delete window.__outletEarlyInput;
  const active = document.activeElement;
  return {
    clicks: early?.clicks ?? [],
    focused: active && active !== document.body ? controlKey(active) : null,
  };
}

/** The feeling a noted control picks (`[data-feeling="calm"]` → "calm"), or null for any other control. */
export function feelingOfKey(key: string): string | null {
  return /^\[data-feeling="([^"]+)"\]$/.exec(key)?.[1] ?? null;
}

/** Gives focus back and replays the clicks, in order, on the live screen under `root`. */
export function replayEarlyInput(root: HTMLElement, taken: TakenInput): void {
  if (taken.focused) root.querySelector<HTMLElement>(taken.focused)?.focus();
  for (const key of taken.clicks) root.querySelector<HTMLElement>(key)?.click();
}
