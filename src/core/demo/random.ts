/**
 * Deterministic randomness for the demo generator: a seeded PRNG and 2-D value noise built on an
 * integer hash. Only integer arithmetic and + - * / feed the values, so every run and every
 * platform gives the same numbers (no Math.random, no dates).
 */

/** 32-bit integer hash of up to three integers and a seed (a Murmur3-style finaliser). */
export function hash32(seed: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ Math.imul(a | 0, 0xcc9e2d51), 0x1b873593);
  h = (h << 13) | (h >>> 19);
  h = Math.imul(h ^ Math.imul(b | 0, 0x27d4eb2f), 0x165667b1);
  h = (h << 11) | (h >>> 21);
  h = Math.imul(h ^ Math.imul(c | 0, 0x9e3779b1), 0x85ebca77);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash mapped to [0, 1). */
export function hashUnit(seed: number, a: number, b = 0, c = 0): number {
  return hash32(seed, a, b, c) / 4294967296;
}

/** A seeded PRNG (mulberry32): `next()` gives uniform numbers in [0, 1). */
export function createRandom(seed: number): {
  next(): number;
  between(min: number, max: number): number;
} {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, between: (min, max) => min + (max - min) * next() };
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t);
}

/** Value noise at (x, y) in units of the lattice spacing `scale`, in [-1, 1]. */
export function valueNoise(seed: number, x: number, y: number, scale: number): number {
  const fx = x / scale;
  const fy = y / scale;
  const ix = Math.floor(fx);
  const iy = Math.floor(fy);
  const tx = smooth(fx - ix);
  const ty = smooth(fy - iy);
  const v00 = hashUnit(seed, ix, iy);
  const v10 = hashUnit(seed, ix + 1, iy);
  const v01 = hashUnit(seed, ix, iy + 1);
  const v11 = hashUnit(seed, ix + 1, iy + 1);
  const top = v00 + (v10 - v00) * tx;
  const bottom = v01 + (v11 - v01) * tx;
  return (top + (bottom - top) * ty) * 2 - 1;
}

/**
 * Fractal value noise: octaves halving in scale and amplitude (`persistence`), normalised to
 * about [-1, 1]. `scale` is the largest feature size in the coordinates' units (metres).
 */
export function fractalNoise(
  seed: number,
  x: number,
  y: number,
  scale: number,
  octaves = 4,
  persistence = 0.5,
): number {
  let sum = 0;
  let amplitude = 1;
  let total = 0;
  let size = scale;
  for (let octave = 0; octave < octaves; octave++) {
    sum += amplitude * valueNoise(seed + octave * 7919, x, y, size);
    total += amplitude;
    amplitude *= persistence;
    size /= 2;
  }
  return sum / total;
}

/** Periodic 1-D value noise over a circle: `t` in [0, 1), `knots` lattice points, in [-1, 1]. */
export function circularNoise(seed: number, t: number, knots: number): number {
  const f = (((t % 1) + 1) % 1) * knots;
  const i = Math.floor(f);
  const w = smooth(f - i);
  const a = hashUnit(seed, i % knots);
  const b = hashUnit(seed, (i + 1) % knots);
  return (a + (b - a) * w) * 2 - 1;
}
