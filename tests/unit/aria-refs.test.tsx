// Issue 16: `aria-controls` named elements that did not exist while a menu was closed
// (`context-choices`, `pause-menu`). Every ARIA id reference on the check-in must resolve, closed
// or open, on the app's screen and on the one the head script draws before it.
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFirstScreen } from '../../components/checkin/first-screen';
import { i18n } from '../../platform/i18n';
import { renderCheckIn } from './render-checkin';

afterEach(cleanup);

const ID_REFS = [
  'aria-controls',
  'aria-labelledby',
  'aria-describedby',
  'aria-owns',
  'aria-activedescendant',
];

/** Every id an ARIA attribute names that no element in `root` carries. */
function unresolved(root: ParentNode): string[] {
  const missing: string[] = [];
  for (const attribute of ID_REFS) {
    for (const element of root.querySelectorAll(`[${attribute}]`)) {
      for (const id of (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) missing.push(`${attribute}="${id}"`);
      }
    }
  }
  return missing;
}

describe('ARIA references on the check-in', () => {
  it('all resolve with the menus closed, and with each one open', () => {
    renderCheckIn({ now: new Date(2026, 11, 7, 10).getTime() });
    expect(unresolved(document)).toEqual([]);
    const where = screen.getByRole('button', { expanded: false, name: /Where you are|can step away/i });
    fireEvent.click(where);
    expect(where.getAttribute('aria-expanded')).toBe('true');
    expect(unresolved(document)).toEqual([]);
    fireEvent.click(where);
    const pause = screen.getByRole('button', { name: /^Pause/ });
    fireEvent.click(pause);
    expect(pause.getAttribute('aria-expanded')).toBe('true');
    expect(pause.getAttribute('aria-controls')).toBe('pause-menu');
    expect(unresolved(document)).toEqual([]);
  });

  it('all resolve on the first screen the head script draws', () => {
    document.body.replaceChildren(buildFirstScreen((key, subs) => i18n.dynamic(key, subs)));
    expect(unresolved(document)).toEqual([]);
  });
});
