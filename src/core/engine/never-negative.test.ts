import fc from 'fast-check';
import { difference, union } from 'polyclip-ts';
import { describe, expect, test } from 'vitest';
import { syntheticLayers } from '../../../test/support/synthetic-layers';
import { DEFAULT_SCENARIO } from '../estimate/scenario';
import { keyFiguresOf, keyFiguresTotal } from '../export/key-figures';
import { multiPolygonArea } from '../parse/geometry';
import { parseAreasFile } from '../parse/index';
import type { Position2 } from '../parse/raw';
import { rdToWgs84 } from '../projection/rd';
import { analyzeAreas } from './analyze';
import type { AreaResult } from './types';

/**
 * Property: whatever rings, holes and parts a file holds (holes outside, inside, equal to or
 * containing their shell, overlapping holes, duplicated and overlapping parts), an imported area
 * is never negative or NaN, equals the area of what it covers (each piece of ground once), and
 * its coverage is 0-100 %. Refusals are allowed; wrong numbers are not.
 */

/** 200 x 160 cells of 25 m; upper-left corner (150000, 470000). */
const grid = { originX: 150_000, originY: 470_000, cellSize: 25, width: 200, height: 160 };
const layers = syntheticLayers(grid);

/** Rectangles on a 50 m lattice: shared edges, duplicates and nesting are frequent. */
const rectangle = fc
  .tuple(
    fc.integer({ min: 0, max: 20 }),
    fc.integer({ min: 0, max: 20 }),
    fc.integer({ min: 1, max: 10 }),
    fc.integer({ min: 1, max: 10 }),
  )
  .map(([i, j, w, h]): Position2[] => {
    const x = 151_000 + 50 * i;
    const y = 466_000 + 50 * j;
    return [
      [x, y],
      [x + 50 * w, y],
      [x + 50 * w, y + 50 * h],
      [x, y + 50 * h],
      [x, y],
    ];
  });

/** Star-shaped (so simple) rings of 3-8 vertices. */
const star = fc
  .tuple(
    fc.integer({ min: 0, max: 1_000 }),
    fc.integer({ min: 0, max: 1_000 }),
    fc.uniqueArray(fc.integer({ min: 0, max: 359 }), { minLength: 3, maxLength: 8 }),
    fc.array(fc.integer({ min: 20, max: 500 }), { minLength: 8, maxLength: 8 }),
  )
  .map(([cx, cy, angles, radii]): Position2[] => {
    const sorted = [...angles].sort((a, b) => a - b);
    const ring = sorted.map((degrees, i): Position2 => {
      const r = radii[i] as number;
      const t = (degrees * Math.PI) / 180;
      return [151_500 + cx + r * Math.cos(t), 466_500 + cy + r * Math.sin(t)];
    });
    return [...ring, ring[0] as Position2];
  });

const ring = fc.oneof(rectangle, star);

/** The ring scaled about its vertex mean: inside (k < 1), equal (1) or around (k > 1) it. */
function scaled(shell: Position2[], k: number): Position2[] {
  const open = shell.slice(0, -1);
  const cx = open.reduce((sum, p) => sum + p[0], 0) / open.length;
  const cy = open.reduce((sum, p) => sum + p[1], 0) / open.length;
  return shell.map(([x, y]): Position2 => [cx + k * (x - cx), cy + k * (y - cy)]);
}

const part = ring.chain((shell) =>
  fc
    .array(
      fc.oneof(
        ring,
        fc.constantFrom(0.3, 0.6, 1, 1.4).map((k) => scaled(shell, k)),
      ),
      { maxLength: 3 },
    )
    .map((holes) => [shell, ...holes]),
);
/** 1-3 parts, sometimes with the first part repeated. */
const feature = fc
  .tuple(fc.array(part, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([parts, duplicate]) => (duplicate ? [...parts, parts[0] as Position2[][]] : parts));

/** A GeoJSON file of RD rings, written in RD (declared) or converted to WGS84. */
function fileOf(features: Position2[][][][], crs: 'rd' | 'wgs84' = 'rd'): Uint8Array {
  const convert = (parts: Position2[][][]) =>
    crs === 'rd' ? parts : parts.map((rings) => rings.map((ring) => ring.map((p) => rdToWgs84(p))));
  return new TextEncoder().encode(
    JSON.stringify({
      type: 'FeatureCollection',
      ...(crs === 'rd' ? { crs: { type: 'name', properties: { name: 'EPSG:28992' } } } : {}),
      features: features.map((parts) => ({
        type: 'Feature',
        properties: {},
        geometry: { type: 'MultiPolygon', coordinates: convert(parts) },
      })),
    }),
  );
}

/** Area (m²) of polyclip output. */
function areaOf(parts: Position2[][][]): number {
  return multiPolygonArea(parts);
}

/** The ground an area covers, each piece once: union of (shell minus the holes inside it). */
function groundM2(parts: Position2[][][]): number {
  const pieces = parts.map(
    ([shell, ...holes]) =>
      difference([shell as Position2[]], ...holes.map((h) => [h])) as Position2[][][],
  );
  const [first, ...rest] = pieces;
  return first ? areaOf(union(first, ...rest) as Position2[][][]) : 0;
}

function expectSound(result: AreaResult): void {
  expect(Number.isFinite(result.area_ha)).toBe(true);
  expect(result.area_ha).toBeGreaterThanOrEqual(0);
  for (const stats of Object.values(result.layers)) {
    if (!stats) continue;
    expect(stats.covered_ha).toBeGreaterThanOrEqual(0);
    expect(stats.valid_ha).toBeGreaterThanOrEqual(0);
    expect(stats.valid_ha).toBeLessThanOrEqual(result.area_ha * (1 + 1e-9) + 1e-9);
  }
  const coverage = keyFiguresOf(result).coveragePct;
  if (coverage !== null) {
    expect(coverage).toBeGreaterThanOrEqual(0);
    expect(coverage).toBeLessThanOrEqual(100);
  }
}

describe('no area, coverage or total is ever negative or NaN', () => {
  test('imported areas: area >= 0, each piece of ground once, coverage 0-100 %', async () => {
    await fc.assert(
      fc.asyncProperty(feature, async (parts) => {
        const parsed = await parseAreasFile({ name: 'random.geojson', bytes: fileOf([parts]) });
        if (!parsed.ok) return; // refused with a message: allowed
        const [area] = parsed.value.areas;
        if (!area) throw new Error('accepted without an area');
        const areaM2 = multiPolygonArea(area.rd);
        expect(areaM2).toBeGreaterThan(0);
        // Holes with less than 1e-6 m² are dropped as empty; the rest must match exactly.
        expect(Math.abs(areaM2 - groundM2(parts))).toBeLessThanOrEqual(1e-6 * areaM2 + 1e-3);
        const analysed = await analyzeAreas(
          [{ id: area.id, name: area.name, rd: area.rd, feature: 1 }],
          layers,
          DEFAULT_SCENARIO,
        );
        for (const result of analysed.areas) expectSound(result);
        const total = keyFiguresTotal(analysed.areas);
        expect(total.areaHa).toBeGreaterThanOrEqual(0);
        if (total.coveragePct !== null) {
          expect(total.coveragePct).toBeGreaterThanOrEqual(0);
          expect(total.coveragePct).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 150, seed: 20261203 },
    );
  }, 60_000);

  test('the same in WGS84: clipping copes with coordinates that went through a projection', async () => {
    await fc.assert(
      fc.asyncProperty(feature, async (parts) => {
        const parsed = await parseAreasFile({
          name: 'random.geojson',
          bytes: fileOf([parts], 'wgs84'),
        });
        if (!parsed.ok) {
          expect(parsed.error.code).not.toBe('import.nestingUnresolved');
          return;
        }
        const [area] = parsed.value.areas;
        if (!area) throw new Error('accepted without an area');
        const areaM2 = multiPolygonArea(area.rd);
        expect(areaM2).toBeGreaterThan(0);
        // WGS84 to RD and back moves vertices by about a millimetre.
        expect(Math.abs(areaM2 - groundM2(parts))).toBeLessThanOrEqual(1e-4 * areaM2 + 1);
      }),
      { numRuns: 200, seed: 20261203 },
    );
  }, 60_000);

  test('a NaN coordinate given to the engine gives no NaN anywhere', async () => {
    const ring: Position2[] = [
      [151_000, 466_000],
      [151_500, 466_000],
      [151_500, Number.NaN],
      [151_000, 466_500],
      [151_000, 466_000],
    ];
    const analysed = await analyzeAreas(
      [{ id: 'x', name: 'x', rd: [[ring]], feature: 1 }],
      layers,
      DEFAULT_SCENARIO,
    );
    const [result] = analysed.areas;
    if (!result) throw new Error('no result');
    expect(result.area_ha).toBe(0);
    for (const stats of Object.values(result.layers)) {
      expect(Number.isNaN(stats?.covered_ha)).toBe(false);
      expect(Number.isNaN(stats?.valid_ha)).toBe(false);
    }
    expect(keyFiguresOf(result).coveragePct).toBeNull();
  });

  test('the engine given unchecked rings (a restored session, say) still reports no negative area', async () => {
    await fc.assert(
      fc.asyncProperty(feature, async (parts) => {
        const analysed = await analyzeAreas(
          [{ id: 'x', name: 'x', rd: parts, feature: 1 }],
          layers,
          DEFAULT_SCENARIO,
        );
        for (const result of analysed.areas) {
          expect(Number.isFinite(result.area_ha)).toBe(true);
          expect(result.area_ha).toBeGreaterThanOrEqual(0);
          const coverage = keyFiguresOf(result).coveragePct;
          if (coverage !== null) {
            expect(coverage).toBeGreaterThanOrEqual(0);
            expect(coverage).toBeLessThanOrEqual(100);
          }
        }
      }),
      { numRuns: 100, seed: 20261203 },
    );
  }, 60_000);
});
