import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimerAction } from '../../components/checkin/TimerAction';

const START = new Date(2026, 4, 12, 14, 0).getTime();
const MINUTE = 60_000;
const CSS = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/outlet.css'), 'utf8');

afterEach(cleanup);

/** The share of the ring still drawn. */
function ringLeft(): number {
  const arc = document.querySelector('.ring-left');
  const full = Number(arc?.getAttribute('stroke-dasharray'));
  return 1 - Number(arc?.getAttribute('stroke-dashoffset')) / full;
}

describe('the countdown ring', () => {
  it.each([
    [0, 1],
    [2.5, 0.75],
    [5, 0.5],
    [9, 0.1],
  ])('after %d of 10 minutes, shows %d of the ring', (passed, share) => {
    render(
      <TimerAction
        endsAt={START + 10 * MINUTE}
        minutes={10}
        clock={() => START + passed * MINUTE}
        onStop={vi.fn()}
        onOver={vi.fn()}
      />,
    );
    expect(ringLeft()).toBeCloseTo(share, 5);
    // The numbers stay the timer; the ring is decoration for screen readers.
    expect(screen.getByRole('timer').textContent).toMatch(/^\d\d:\d\d$/);
    expect(document.querySelector('.ring svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('is never animated with reduced motion: its only transition sits under no-preference', () => {
    const outside = CSS.replace(/@media \(prefers-reduced-motion: no-preference\) \{[\s\S]*?\n\}/g, '');
    expect(CSS).toMatch(/no-preference\) \{\s*\.ring-left \{\s*transition/);
    expect(outside).not.toMatch(/\.ring[^{]*\{[^}]*(transition|animation)/);
  });
});
