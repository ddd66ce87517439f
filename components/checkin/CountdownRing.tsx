import type { ComponentChildren } from 'preact';

interface Props {
  /** How much of the time is left, from 1 (just started) to 0 (over). */
  left: number;
  children: ComponentChildren;
}

const R = 44;
const CIRCUMFERENCE = 2 * Math.PI * R;

/**
 * A walk's countdown as a ring that empties clockwise, with the time in words at its centre. The
 * ring is decoration (the numbers inside are the timer for screen readers). It moves by a sliver
 * each second; only with prefers-reduced-motion: no-preference does CSS smooth those steps, so
 * with reduced motion it is a still ring that is redrawn, never animated.
 */
export function CountdownRing({ left, children }: Props) {
  const share = Math.min(1, Math.max(0, Number.isFinite(left) ? left : 0));
  return (
    <div class="ring">
      <svg viewBox="0 0 100 100" aria-hidden="true" focusable="false">
        <circle class="ring-track" cx="50" cy="50" r={R} />
        <circle
          class="ring-left"
          cx="50"
          cy="50"
          r={R}
          stroke-dasharray={CIRCUMFERENCE}
          stroke-dashoffset={CIRCUMFERENCE * (1 - share)}
          transform="rotate(-90 50 50)"
        />
      </svg>
      <div class="ring-centre">{children}</div>
    </div>
  );
}
