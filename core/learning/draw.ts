// A draw from a standard normal with an injected uniform source (Box–Muller), so the picker stays pure
// and its tests deterministic. A source that misbehaves (constant, NaN, outside [0, 1)) still gives a
// finite number: the popup must never hang or pick from NaN.

/** A value strictly inside (0, 1), whatever the source returned. */
function open01(r: number): number {
  if (!Number.isFinite(r) || r <= 0) return Number.EPSILON;
  return r >= 1 ? 1 - Number.EPSILON : r;
}

/** One draw from N(0, 1). */
export function normalDraw(random: () => number): number {
  const u1 = open01(random());
  const u2 = open01(random());
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
