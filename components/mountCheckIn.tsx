import { render } from 'preact';
import { PopupApp } from './PopupApp';

/**
 * Replaces the first screen written into the page at build time (build/prerender-popup.ts) with
 * the live check-in, in one task, so nothing flickers.
 */
export function mountCheckIn(app: HTMLElement): void {
  app.textContent = '';
  render(<PopupApp />, app);
}
