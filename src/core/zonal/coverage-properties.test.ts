import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { RdMultiPolygonCoordinates } from '../parse/types';
import { createMemoryRaster } from '../raster/memory-raster';
import { coverageFractions, type Grid, planarAreaM2, preparePolygon } from './coverage-fractions';
import { zonalStats } from './zonal-stats';

type Ring = Array<[number, number]>;

const gridArbitrary = fc.record({
  originX: fc.integer({ min: -5, max: 5 }).map((n) => 150_000 + n * 25),
  originY: fc.integer({ min: -5, max: 5 }).map((n) => 470_000 + n * 25),
  cellSize: fc.constantFrom(1, 2.5, 25),
  width: fc.integer({ min: 1, max: 12 }),
  height: fc.integer({ min: 1, max: 12 }),
});

/** A star-shaped (so simple) ring around a centre, with its smallest radius. */
interface Star {
  ring: Ring;
  centre: [number, number];
  minRadius: number;
}

function starArbitrary(grid: Grid): fc.Arbitrary<Star> {
  const extentX = grid.width * grid.cellSize;
  const extentY = grid.height * grid.cellSize;
  return fc
    .record({
      cx: fc.double({ min: -0.3, max: 1.3, noNaN: true }),
      cy: fc.double({ min: -0.3, max: 1.3, noNaN: true }),
      radii: fc.array(fc.double({ min: 0.05, max: 0.8, noNaN: true }), {
        minLength: 3,
        maxLength: 24,
      }),
      jitter: fc.array(fc.double({ min: -0.45, max: 0.45, noNaN: true }), {
        minLength: 24,
        maxLength: 24,
      }),
    })
    .map(({ cx, cy, radii, jitter }) => {
      const size = Math.max(extentX, extentY);
      const centreX = grid.originX + cx * extentX;
      const centreY = grid.originY - cy * extentY;
      const n = radii.length;
      const ring: Ring = radii.map((r, i) => {
        // Jitter below half a step keeps the angles increasing: the ring stays simple.
        const angle = ((i + (jitter[i] ?? 0)) / n) * 2 * Math.PI;
        return [centreX + r * size * Math.cos(angle), centreY + r * size * Math.sin(angle)];
      });
      ring.push([...(ring[0] as [number, number])]);
      return {
        ring,
        centre: [centreX, centreY] as [number, number],
        minRadius: Math.min(...radii) * size,
      };
    });
}

const caseArbitrary = gridArbitrary.chain((grid) =>
  fc.record({ grid: fc.constant(grid), star: starArbitrary(grid) }),
);

function fractionsOf(grid: Grid, polygon: RdMultiPolygonCoordinates): Float64Array {
  const out = new Float64Array(grid.width * grid.height);
  coverageFractions(grid, preparePolygon(polygon), [0, 0, grid.width, grid.height], out);
  return out;
}

/** Sutherland-Hodgman clip of a ring to the half-plane where `inside` holds (area-exact). */
function clipRing(
  ring: Ring,
  inside: (p: [number, number]) => boolean,
  cut: (a: [number, number], b: [number, number]) => [number, number],
): Ring {
  const open = ring.slice(0, -1);
  const out: Ring = [];
  for (let i = 0; i < open.length; i++) {
    const a = open[i] as [number, number];
    const b = open[(i + 1) % open.length] as [number, number];
    if (inside(b)) {
      if (!inside(a)) out.push(cut(a, b));
      out.push(b);
    } else if (inside(a)) out.push(cut(a, b));
  }
  if (out.length > 0) out.push([...(out[0] as [number, number])]);
  return out;
}

const atX =
  (x: number) =>
  (a: [number, number], b: [number, number]): [number, number] => [
    x,
    a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0]),
  ];
const atY =
  (y: number) =>
  (a: [number, number], b: [number, number]): [number, number] => [
    a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]),
    y,
  ];

function clipToGrid(ring: Ring, grid: Grid): Ring {
  const minX = grid.originX;
  const maxX = grid.originX + grid.width * grid.cellSize;
  const maxY = grid.originY;
  const minY = grid.originY - grid.height * grid.cellSize;
  let out = clipRing(ring, (p) => p[0] >= minX, atX(minX));
  out = clipRing(out, (p) => p[0] <= maxX, atX(maxX));
  out = clipRing(out, (p) => p[1] >= minY, atY(minY));
  return clipRing(out, (p) => p[1] <= maxY, atY(maxY));
}

function sum(values: Float64Array): number {
  return values.reduce((a, b) => a + b, 0);
}

describe('coverage fraction properties', () => {
  test('fractions lie in [0, 1]', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ grid, star }) => {
        for (const f of fractionsOf(grid, [[star.ring]])) {
          expect(f >= 0 && f <= 1).toBe(true);
        }
      }),
    );
  });

  test('Σ fraction x cell area equals the polygon area inside the raster', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ grid, star }) => {
        const cellArea = grid.cellSize ** 2;
        const inside = planarAreaM2([[clipToGrid(star.ring, grid)]]);
        const covered = sum(fractionsOf(grid, [[star.ring]])) * cellArea;
        expect(Math.abs(covered - inside)).toBeLessThanOrEqual(1e-9 * (inside + cellArea));
      }),
    );
  });

  test('with a hole, the hole area inside the raster is left out', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.double({ min: 0.005, max: 0.05 }), ({ grid, star }, share) => {
        // With 4 or more vertices the angular gaps stay below 0.95 pi, so the star contains the
        // disc of radius minRadius x cos(0.475 pi) > 0.078 minRadius around its centre.
        fc.pre(star.ring.length >= 5);
        const [cx, cy] = star.centre;
        const r = star.minRadius * share;
        const hole: Ring = [
          [cx - r, cy - r],
          [cx - r, cy + r],
          [cx + r, cy + r],
          [cx + r, cy - r],
          [cx - r, cy - r],
        ];
        const cellArea = grid.cellSize ** 2;
        const inside =
          planarAreaM2([[clipToGrid(star.ring, grid)]]) - planarAreaM2([[clipToGrid(hole, grid)]]);
        const covered = sum(fractionsOf(grid, [[star.ring, hole]])) * cellArea;
        expect(Math.abs(covered - inside)).toBeLessThanOrEqual(1e-9 * (inside + cellArea));
      }),
    );
  });

  test('splitting a polygon in two gives parts that add up to the whole', () => {
    fc.assert(
      fc.property(
        caseArbitrary,
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ grid, star }, at) => {
          const xs = star.ring.map((p) => p[0]);
          const x = Math.min(...xs) + at * (Math.max(...xs) - Math.min(...xs));
          const left = clipRing(star.ring, (p) => p[0] <= x, atX(x));
          const right = clipRing(star.ring, (p) => p[0] >= x, atX(x));
          const whole = fractionsOf(grid, [[star.ring]]);
          const a = left.length > 3 ? fractionsOf(grid, [[left]]) : new Float64Array(whole.length);
          const b =
            right.length > 3 ? fractionsOf(grid, [[right]]) : new Float64Array(whole.length);
          whole.forEach((f, i) => {
            expect(Math.abs((a[i] as number) + (b[i] as number) - f)).toBeLessThan(1e-9);
          });
        },
      ),
    );
  });

  test('shifting polygon and raster together by whole cells changes nothing', () => {
    fc.assert(
      fc.property(
        caseArbitrary,
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: -400, max: 400 }),
        ({ grid, star }, dx, dy) => {
          const shiftX = dx * grid.cellSize;
          const shiftY = dy * grid.cellSize;
          const moved = { ...grid, originX: grid.originX + shiftX, originY: grid.originY + shiftY };
          const ring = star.ring.map(([x, y]) => [x + shiftX, y + shiftY] as [number, number]);
          const before = fractionsOf(grid, [[star.ring]]);
          const after = fractionsOf(moved, [[ring]]);
          before.forEach((f, i) => {
            expect(Math.abs((after[i] as number) - f)).toBeLessThan(1e-9);
          });
        },
      ),
    );
  });

  test('ring orientation does not matter', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ grid, star }) => {
        const forward = fractionsOf(grid, [[star.ring]]);
        const backward = fractionsOf(grid, [[[...star.ring].reverse()]]);
        forward.forEach((f, i) => {
          expect(Math.abs((backward[i] as number) - f)).toBeLessThan(1e-12);
        });
      }),
    );
  });

  test('a polygon covering the whole raster returns the raster’s own statistics', async () => {
    await fc.assert(
      fc.asyncProperty(
        gridArbitrary,
        fc.array(fc.integer({ min: -1, max: 4000 }), { minLength: 144, maxLength: 144 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        async (grid, codes, margin) => {
          const n = grid.width * grid.height;
          // Values in 1/16 steps; -1 marks nodata.
          const data = new Float32Array(codes.slice(0, n).map((c) => (c < 0 ? -9999 : c / 16)));
          const raster = createMemoryRaster({ ...grid, data, nodata: -9999, tileSize: 4 });
          const pad = margin * grid.cellSize;
          const x0 = grid.originX - pad;
          const x1 = grid.originX + grid.width * grid.cellSize + pad;
          const y1 = grid.originY + pad;
          const y0 = grid.originY - grid.height * grid.cellSize - pad;
          const polygon: Ring = [
            [x0, y0],
            [x1, y0],
            [x1, y1],
            [x0, y1],
            [x0, y0],
          ];
          const { stats } = await zonalStats(raster, null, [[polygon]]);
          const valid = Array.from(data).filter((v) => v !== -9999);
          const cellHa = grid.cellSize ** 2 / 10_000;
          expect(stats.covered_ha).toBeCloseTo(n * cellHa, 9);
          expect(stats.valid_ha).toBeCloseTo(valid.length * cellHa, 9);
          if (valid.length === 0) {
            expect(stats.mean).toBeNull();
            return;
          }
          const total = valid.reduce((a, b) => a + b, 0);
          expect(stats.mean).toBeCloseTo(total / valid.length, 9);
          expect(stats.min).toBe(Math.min(...valid));
          expect(stats.max).toBe(Math.max(...valid));
          expect(stats.sum_t).toBeCloseTo(total * cellHa, 9);
        },
      ),
    );
  });
});
