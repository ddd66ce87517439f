// Focus is never lost (issue 16). When the element a person pressed leaves the page (an answered
// question, a dismissed card, a removed person), the browser puts focus on the page's body: a
// keyboard or screen-reader user is then back at the top with nothing said. These two hooks send it
// to the next thing a person would use instead.
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

type Target = () => HTMLElement | null | undefined;

/**
 * For a part that goes away after its own button is pressed, whenever its owner takes it away (at
 * once, or when storage answers): if focus is inside it as it leaves, `target()` gets focus. Runs
 * while the part is still on the page, so focus never passes through the body.
 */
export function useFocusOnLeave<T extends HTMLElement>(target: (from: T) => HTMLElement | null | undefined) {
  const ref = useRef<T>(null);
  const latest = useRef(target);
  latest.current = target;
  useLayoutEffect(
    () => () => {
      const from = ref.current;
      const active = document.activeElement;
      if (from && active && from.contains(active)) latest.current(from)?.focus();
    },
    [],
  );
  return ref as RefObject<T>;
}

/**
 * For an action whose button goes away in a later render (after a save): `rescue(target)` as it
 * starts; after each render of the calling component, once focus has fallen to the body, `target()`
 * gets it. Focus the person has moved elsewhere meanwhile is left where it is; `rescue(null)` cancels.
 */
export function useFocusRescue(): (target: Target | null) => void {
  const pending = useRef<Target | null>(null);
  useLayoutEffect(() => {
    const target = pending.current;
    if (!target) return;
    // Still on the button pressed (not gone yet), or moved elsewhere by the person: nothing lost.
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const element = target();
    if (!element) return;
    pending.current = null;
    element.focus();
  });
  return (target) => {
    pending.current = target;
  };
}

/** The heading of the step that holds `from` (the step's h1, focusable with tabindex="-1"). */
export const stepHeading = (from: Element) => from.closest('.step')?.querySelector<HTMLElement>('h1');
