// Draws from a Beta distribution with an injected uniform source, so the picker stays pure and its tests
// deterministic. Gamma by Marsaglia & Tsang (2000), normals by Box–Muller. A source that misbehaves
// (constant, NaN, outside [0, 1)) must never hang the popup: the sampler tries a bounded number of times
// and then answers the mean.

/** A value strictly inside (0, 1), whatever the source returned. */
function open01(r: number): number {
  if (!Number.isFinite(r) || r <= 0) return Number.EPSILON;
  return r >= 1 ? 1 - Number.EPSILON : r;
}

function normal(random: () => number): number {
  const u1 = open01(random());
  const u2 = open01(random());
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

const TRIES = 12;

function gamma(shape: number, random: () => number): number {
  if (shape < 1) return gamma(shape + 1, random) * open01(random()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (let i = 0; i < TRIES; i++) {
    const x = normal(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = open01(random());
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
  return shape;
}

/** One draw from Beta(a, b), a and b > 0. */
export function betaDraw(a: number, b: number, random: () => number): number {
  const x = gamma(a, random);
  const y = gamma(b, random);
  const sum = x + y;
  return sum > 0 && Number.isFinite(sum) ? x / sum : a / (a + b);
}
