// Arrow keys inside a group that is one Tab stop (a "roving tabindex", as the ARIA Authoring
// Practices describe for a grid or a radio group). Shared by the live feelings (FeelingPicker) and
// the first-screen script that runs before the app (entrypoints/first-screen.ts), so both move alike.

export interface Box {
  left: number;
  top: number;
  width: number;
}

/**
 * Where `key` moves from item `current` among items laid out in `boxes` (rows may wrap, the last row
 * may be shorter): Left/Right go to the previous/next item, wrapping; Up/Down to the item above or
 * below whose centre is nearest; Home/End to the first/last. null for any other key.
 */
export function rovingTarget(boxes: readonly Box[], current: number, key: string): number | null {
  const last = boxes.length - 1;
  if (last < 0) return null;
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  if (key === 'ArrowRight') return current >= last ? 0 : current + 1;
  if (key === 'ArrowLeft') return current <= 0 ? last : current - 1;
  if (key !== 'ArrowUp' && key !== 'ArrowDown') return null;
  const here = boxes[current];
  if (!here) return null;
  const centre = (box: Box) => box.left + box.width / 2;
  const rows = [...new Set(boxes.map((box) => Math.round(box.top)))].sort((a, b) => a - b);
  const row = rows.indexOf(Math.round(here.top));
  const nextRow = rows[key === 'ArrowDown' ? row + 1 : row - 1];
  if (nextRow === undefined) return current;
  let best = current;
  let distance = Number.POSITIVE_INFINITY;
  boxes.forEach((box, i) => {
    if (Math.round(box.top) !== nextRow) return;
    const d = Math.abs(centre(box) - centre(here));
    if (d < distance) {
      best = i;
      distance = d;
    }
  });
  return best;
}

/** Handles a key on one of `items`: moves focus and the single tabindex="0"; true if it did. */
export function roveFocus(items: readonly HTMLElement[], from: HTMLElement, key: string): boolean {
  const current = items.indexOf(from);
  if (current < 0) return false;
  const target = rovingTarget(
    items.map((item) => item.getBoundingClientRect()),
    current,
    key,
  );
  if (target === null) return false;
  const next = items[target];
  if (!next) return false;
  for (const item of items) item.tabIndex = item === next ? 0 : -1;
  next.focus();
  return true;
}
