import { describe, expect, test } from 'vitest';
import { cellX, cellY, type Grid, rasterizeLine, rasterizePolygon } from './grid';
import { blob, buildLandscape, DEMO_BOX, PLACES } from './landscape';
import { quantile } from './organic-matter';
import { createRandom, fractalNoise, hash32, valueNoise } from './random';

const SMALL: Grid = { originX: 0, originY: 100, cellSize: 10, width: 10, height: 10 };

describe('seeded randomness', () => {
  test('the PRNG repeats its sequence for a seed and differs between seeds', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
  });

  test('the hash is a stable 32-bit value', () => {
    expect(hash32(1, 2, 3, 4)).toBe(hash32(1, 2, 3, 4));
    expect(hash32(1, 2, 3, 4)).not.toBe(hash32(1, 2, 3, 5));
    expect(Number.isInteger(hash32(9, -7))).toBe(true);
  });

  test('value noise stays in [-1, 1], is continuous, and varies at its scale', () => {
    let min = 1;
    let max = -1;
    for (let i = 0; i < 2000; i++) {
      const v = fractalNoise(7, i * 37.1, i * 11.3, 500);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(min).toBeGreaterThanOrEqual(-1);
    expect(max).toBeLessThanOrEqual(1);
    expect(max - min).toBeGreaterThan(0.5);
    expect(Math.abs(valueNoise(3, 100, 100, 500) - valueNoise(3, 101, 100, 500))).toBeLessThan(
      0.02,
    );
  });
});

describe('rasterisers', () => {
  test('a polygon marks the cells whose centres lie inside it', () => {
    // x 20-60, y 40-80: columns 2-5, rows 2-5 have centres inside.
    const mask = rasterizePolygon(SMALL, [
      [
        [20, 40],
        [60, 40],
        [60, 80],
        [20, 80],
      ],
    ]);
    const marked: number[] = [];
    mask.forEach((v, i) => {
      if (v) marked.push(i);
    });
    expect(marked.length).toBe(16);
    expect(mask[2 * 10 + 2]).toBe(1);
    expect(mask[5 * 10 + 5]).toBe(1);
    expect(mask[6 * 10 + 5]).toBe(0);
    expect(cellX(SMALL, 2)).toBe(25);
    expect(cellY(SMALL, 2)).toBe(75);
  });

  test('a hole (even-odd) stays empty', () => {
    const outer: [number, number][] = [
      [0, 0],
      [100, 0],
      [100, 100],
      [0, 100],
    ];
    const hole: [number, number][] = [
      [30, 30],
      [70, 30],
      [70, 70],
      [30, 70],
    ];
    const mask = rasterizePolygon(SMALL, [outer, hole]);
    expect(mask.reduce((s, v) => s + v, 0)).toBe(100 - 16);
  });

  test('a line marks every cell it passes, keeping the larger value', () => {
    const target = new Uint8Array(100);
    rasterizeLine(
      SMALL,
      [
        [5, 95],
        [95, 95],
      ],
      target,
      2,
    );
    rasterizeLine(
      SMALL,
      [
        [5, 95],
        [5, 5],
      ],
      target,
      1,
    );
    expect(Array.from(target.subarray(0, 10))).toEqual(Array(10).fill(2));
    expect(target[90]).toBe(1);
  });
});

describe('landscape', () => {
  test('is the same on every call', () => {
    expect(JSON.stringify(buildLandscape())).toBe(JSON.stringify(buildLandscape()));
  });

  test('its outline stays in the box and holds every place and the zonal fixture extent', () => {
    const { outline } = buildLandscape();
    for (const [x, y] of outline) {
      expect(x).toBeGreaterThan(DEMO_BOX.minX);
      expect(x).toBeLessThan(DEMO_BOX.maxX);
      expect(y).toBeGreaterThan(DEMO_BOX.minY);
      expect(y).toBeLessThan(DEMO_BOX.maxY);
    }
    const grid: Grid = { originX: 145000, originY: 471000, cellSize: 100, width: 200, height: 160 };
    const mask = rasterizePolygon(grid, [outline]);
    const inside = (x: number, y: number) =>
      mask[Math.floor((471000 - y) / 100) * 200 + Math.floor((x - 145000) / 100)] === 1;
    for (const place of PLACES) expect(inside(place.x, place.y), place.name).toBe(true);
    for (const [x, y] of [
      [150050, 460050],
      [159950, 460050],
      [150050, 469950],
      [159950, 469950],
    ] as const)
      expect(inside(x, y)).toBe(true);
  });

  test('blobs are closed rings around their centre', () => {
    const ring = blob(5, 1000, 2000, 300, 24);
    expect(ring.length).toBe(24);
    for (const [x, y] of ring) expect(Math.hypot(x - 1000, y - 2000)).toBeLessThan(300 * 1.5);
  });
});

test('quantiles interpolate between order statistics', () => {
  const sorted = [1, 2, 4, 8];
  expect(quantile(sorted, 0)).toBe(1);
  expect(quantile(sorted, 1)).toBe(8);
  expect(quantile(sorted, 0.5)).toBe(3);
});
