import { useEffect, useRef, useState } from 'preact/hooks';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a setting's fields show for a stored value: they follow it when it changes elsewhere (a
 * save's echo, another options tab, restore defaults) unless the person has changed them since they
 * last matched what was stored or kept, or `hold` (a refused change still on screen). A save is
 * written up to half a second later: its echo must not wipe what was typed meanwhile.
 *
 * The fields are compared as they are now, not as this render has them: Preact runs the effect that
 * follows after the paint, and a key pressed in between is not in that render's state (the race of
 * tests/unit/minutes-field.test.tsx and tests/unit/hours-setting.test.tsx). So every change goes
 * through `setForm`. `kept(form)` says the fields now are what is stored; `onFollow` hears each stored
 * value they take. `same` says two forms show the same (by default, the same JSON).
 */
export function useFollowStored<T, F>(
  stored: T,
  toForm: (stored: T) => F,
  {
    hold = false,
    same = sameJson,
    onFollow,
  }: { hold?: boolean; same?: (a: F, b: F) => boolean; onFollow?: (stored: T) => void } = {},
) {
  const [form, setFormState] = useState(() => toForm(stored));
  // What the fields last showed of the stored value, or were kept as.
  const shown = useRef(form);
  // The fields now, ahead of the render that will show them.
  const latest = useRef(form);
  // Changes the person made (typed, or kept), so the effect knows whether one came after its render.
  const changes = useRef(0);
  const changesAtRender = changes.current;
  const setForm = (next: F | ((now: F) => F)) => {
    const value = typeof next === 'function' ? (next as (now: F) => F)(latest.current) : next;
    if (!same(value, latest.current)) changes.current += 1;
    latest.current = value;
    setFormState(value);
  };
  useEffect(() => {
    // A change made after this render, even one already kept, is newer than the stored value
    // this render brought: that value is left, and the change's own echo is followed instead.
    if (hold || changes.current !== changesAtRender || !same(latest.current, shown.current)) return;
    const next = toForm(stored);
    shown.current = next;
    // Fields that already show it stay as they are (rows keep their keys, and focus its field).
    if (!same(next, latest.current)) {
      latest.current = next;
      setFormState(next);
    }
    onFollow?.(stored);
  }, [stored]);
  const kept = (now: F) => {
    if (!same(now, shown.current)) changes.current += 1;
    shown.current = now;
  };
  return { form, setForm, kept };
}
