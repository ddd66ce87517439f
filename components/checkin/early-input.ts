// The popup's first screen is drawn by a tiny classic script in the page's head
// (entrypoints/first-screen.ts, no framework), so it shows at first paint, before the app's modules
// have loaded. For that screen to be *live* too, the script notes every click on it and moves focus
// with the arrow keys as the live screen does; and when the first thing clicked is a feeling, it
// picks that feeling's outlet and shows it at once (first-outlet.ts), without waiting for the app.
// When the app mounts, it takes those notes (mountCheckIn.tsx): it starts at the outlet already
// shown and replays the clicks made since on the live screen. So a click at first paint is acted on
// at once and never lost.
import type { FirstPick } from '../../core/checkin/flow';
import { type FeelingId, isFeelingId } from '../../core/feelings';
import { roveFocus } from './roving';

interface EarlyInput {
  clicks: string[];
  /** The first feeling clicked and the outlet drawn for it, once drawn. */
  shown: FirstPick | null;
  stop: () => void;
}

declare global {
  interface Window {
    __outletEarlyInput?: EarlyInput;
  }
}

/** A selector that finds the same control in the live screen: its feeling, its id, or its radio value. */
export function controlKey(element: Element | null): string | null {
  if (!element) return null;
  const feeling = element.getAttribute('data-feeling');
  if (feeling) return `[data-feeling="${feeling}"]`;
  if (element.id) return `#${element.id}`;
  const name = element.getAttribute('name');
  const value = element.getAttribute('value');
  return element.tagName === 'INPUT' && name && value ? `input[name="${name}"][value="${value}"]` : null;
}

/** The outlet step drawn for a feeling clicked first, and what it offers. */
export interface DrawnOutlet {
  step: HTMLElement;
  shown: NonNullable<FirstPick['shown']>;
}

/**
 * Draws the outlet step for a feeling clicked first: at once when what the pick needs is at hand,
 * later when it has to be read first; null when it can't be told (the app picks when it runs).
 */
export type DrawOutlet = (feeling: FeelingId, at: number) => DrawnOutlet | null | Promise<DrawnOutlet | null>;

/**
 * Starts noting clicks (and moving focus by arrow keys among the feelings) inside `#app`. Listens on
 * the document, so it can start in the page's head, before any of the first screen is parsed: the
 * browser may paint (and a person click) the screen before a script placed after it has run. With
 * `drawOutlet`, a feeling clicked first is answered at once with its outlet step.
 */
export function captureEarlyInput(drawOutlet?: DrawOutlet): void {
  const clicks: string[] = [];
  let stopped = false;
  const inApp = (element: Element) => Boolean(document.getElementById('app')?.contains(element));
  const show = (feeling: FeelingId, drawn: DrawnOutlet | null) => {
    const feelings = document.querySelector('#app section.step');
    if (!drawn || stopped || !feelings) return;
    feelings.replaceWith(drawn.step);
    early.shown = { feeling, shown: drawn.shown };
    // As the app does for every new step: keyboard and screen-reader users land on its heading. In
    // a task of its own: focusing lays out the page at once (6 ms here), which the step's own
    // first paint need not wait for.
    setTimeout(() => {
      if (!stopped) drawn.step.querySelector<HTMLElement>('h1')?.focus();
    }, 0);
  };
  const showOutlet = (feeling: FeelingId) => {
    try {
      const drawing = drawOutlet?.(feeling, Date.now()) ?? null;
      if (drawing instanceof Promise)
        void drawing.then((drawn) => show(feeling, drawn)).catch(() => undefined);
      else show(feeling, drawing);
    } catch {
      // Nothing drawn: the app picks when it runs, as for any noted click.
    }
  };
  const onClick = (event: Event) => {
    const control = (event.target as Element | null)?.closest('button, input[type="radio"]');
    const key = control && inApp(control) ? controlKey(control) : null;
    if (!key || !control) return;
    const first = clicks.length === 0;
    clicks.push(key);
    if (control.tagName !== 'BUTTON') return;
    // Seen at once: the button stays pressed-looking until its outlet (or the app) takes over.
    control.classList.add('chosen');
    const feeling = feelingOfKey(key);
    if (first && isFeelingId(feeling)) showOutlet(feeling);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (!target.matches?.('button[data-feeling]') || !inApp(target)) return;
    const feelings = [...document.querySelectorAll<HTMLElement>('#app button[data-feeling]')];
    if (roveFocus(feelings, target, event.key)) event.preventDefault();
  };
  document.addEventListener('click', onClick, true);
  document.addEventListener('keydown', onKeyDown, true);
  const early: EarlyInput = {
    clicks,
    shown: null,
    stop: () => {
      stopped = true;
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('keydown', onKeyDown, true);
    },
  };
  window.__outletEarlyInput = early;
}

export interface TakenInput {
  clicks: string[];
  /** The first feeling clicked, and the outlet already drawn for it (then `clicks` start after it). */
  shown: FirstPick | null;
  /** The control that had focus on the first screen, to give focus back to in the live one. */
  focused: string | null;
}

/** Stops the first-screen script and hands over what it noted (nothing if it never ran). */
export function takeEarlyInput(): TakenInput {
  const early = window.__outletEarlyInput;
  early?.stop();
  delete window.__outletEarlyInput;
  const active = document.activeElement;
  const shown = early?.shown ?? null;
  return {
    clicks: (shown ? early?.clicks.slice(1) : early?.clicks) ?? [],
    shown,
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
