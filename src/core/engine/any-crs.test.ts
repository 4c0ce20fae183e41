import { describe, expect, test } from 'vitest';
import { syntheticMeta } from '../../../test/support/synthetic-layers';
import { DEFAULT_SCENARIO } from '../estimate/scenario';
import type { RdMultiPolygonCoordinates } from '../parse/types';
import { crsTransform } from '../projection/raster-crs';
import { wgs84ToRd } from '../projection/rd';
import { createMemoryRaster } from '../raster/memory-raster';
import type { Raster } from '../raster/raster-source';
import { planarAreaM2 } from '../zonal/coverage-fractions';
import { projectRings } from '../zonal/projected-polygon';
import type { ContinuousLayerStats } from '../zonal/types';
import { analyzeAreas } from './analyze';
import type { AnalysisArea, EngineLayer } from './types';

/**
 * Statistics in a raster's own CRS (DESIGN.md 8.2) against a small exact oracle: the projected
 * rings are clipped against every cell rectangle (Sutherland–Hodgman) in the raster's CRS.
 */

const NODATA = -9999;

/** 200 x 200 cells of 0.001° x 0.0006° (non-square) over Amersfoort, EPSG:4326. */
function geographicStock(): Raster {
  const width = 200;
  const height = 200;
  const data = new Float32Array(width * height);
  let seed = 7;
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    data[i] = seed % 13 === 0 ? NODATA : 30 + (seed % 1000) / 10;
  }
  return createMemoryRaster({
    width,
    height,
    originX: 5.3,
    originY: 52.2,
    cellSize: 0.001,
    cellHeight: 0.0006,
    data,
    nodata: NODATA,
    crs: 'EPSG:4326',
    epsg: 4326,
  });
}

/** 60 x 60 cells of 250 m over Amersfoort in SoilGrids' Homolosine (IGH), as SoilGrids' grid. */
function homolosineStock(): Raster {
  const [x, y] = crsTransform('IGH').fromRd([151_000, 467_000]);
  const data = new Float32Array(3600).map((_, i) => (i % 11 === 0 ? NODATA : 40 + (i % 71)));
  return createMemoryRaster({
    width: 60,
    height: 60,
    originX: Math.floor(x / 250) * 250,
    originY: Math.ceil(y / 250) * 250,
    cellSize: 250,
    data,
    nodata: NODATA,
    crs: 'IGH',
    epsg: 32767,
  });
}

type Ring = Array<[number, number]>;

function clipRing(ring: Ring, x0: number, y0: number, x1: number, y1: number): Ring {
  const planes: Array<(p: [number, number]) => number> = [
    (p) => p[0] - x0,
    (p) => x1 - p[0],
    (p) => p[1] - y0,
    (p) => y1 - p[1],
  ];
  let points = ring.slice(0, -1);
  for (const inside of planes) {
    const next: Ring = [];
    for (let i = 0; i < points.length; i++) {
      const a = points[i] as [number, number];
      const b = points[(i + 1) % points.length] as [number, number];
      const da = inside(a);
      const db = inside(b);
      if (da >= 0) next.push(a);
      if (da >= 0 !== db >= 0) {
        const t = da / (da - db);
        next.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
      }
    }
    points = next;
    if (points.length === 0) break;
  }
  let area = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i] as [number, number];
    const b = points[(i + 1) % points.length] as [number, number];
    area += a[0] * b[1] - b[0] * a[1];
  }
  return points.length >= 3 && area !== 0 ? points : [];
}

/** Shoelace area, relative to the first point (degrees² would lose digits otherwise). */
function shoelace(points: Ring): number {
  let area = 0;
  const [ox, oy] = points[0] ?? [0, 0];
  for (let i = 0; i < points.length; i++) {
    const a = points[i] as [number, number];
    const b = points[(i + 1) % points.length] as [number, number];
    area += (a[0] - ox) * (b[1] - oy) - (b[0] - ox) * (a[1] - oy);
  }
  return Math.abs(area / 2);
}

/** The statistics of 8.2 computed by clipping every cell (one polygon with holes). */
function oracle(rd: RdMultiPolygonCoordinates, raster: Raster) {
  const rings = projectRings(rd, raster)[0] as Ring[];
  const P = rings.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * shoelace(ring), 0);
  const areaHa = planarAreaM2(rd) / 10_000;
  const cw = raster.cellSize;
  const ch = raster.cellHeight ?? cw;
  const a = cw * ch;
  const data = (raster as unknown as { data?: Float32Array }).data;
  let fAll = 0;
  let fValid = 0;
  let weighted = 0;
  let fSum = 0;
  let min = Infinity;
  let max = -Infinity;
  return {
    async run() {
      const values = data ?? (await raster.readWindow(0, [0, 0, raster.width, raster.height]));
      for (let row = 0; row < raster.height; row++) {
        for (let col = 0; col < raster.width; col++) {
          const x0 = raster.originX + col * cw;
          const y1 = raster.originY - row * ch;
          let covered = 0;
          rings.forEach((ring, i) => {
            // Clip in coordinates relative to the cell's corner, for the digits.
            const local = ring.map(([x, y]) => [x - x0, y - (y1 - ch)] as [number, number]);
            const part = clipRing(local, 0, 0, cw, ch);
            covered += (i === 0 ? 1 : -1) * (part.length ? shoelace(part) : 0);
          });
          const f = covered / a;
          if (f <= 1e-12) continue;
          fAll += f * a;
          const v = values[row * raster.width + col] as number;
          if (v === NODATA) continue;
          fValid += f * a;
          weighted += f * v;
          fSum += f;
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      const mean = weighted / fSum;
      return {
        area_ha: areaHa,
        covered_ha: (areaHa * fAll) / P,
        valid_ha: (areaHa * fValid) / P,
        mean,
        min,
        max,
        sum_t: mean * ((areaHa * fValid) / P),
      };
    },
  };
}

function rdRing(points: Array<[number, number]>): RdMultiPolygonCoordinates {
  return [[[...points, points[0] as [number, number]]]];
}

/** About 1,000 ha around Amersfoort, with a hole, edges long enough to need densifying. */
const BIG: RdMultiPolygonCoordinates = [
  [
    [
      [153_000, 461_000],
      [156_400, 461_300],
      [156_900, 464_200],
      [154_800, 465_100],
      [152_900, 463_900],
      [153_000, 461_000],
    ],
    [
      [154_000, 462_000],
      [154_000, 462_600],
      [154_700, 462_600],
      [154_000, 462_000],
    ],
  ],
];

/** A strip 12 m wide and 3 km long, diagonal to the cells. */
const STRIP = rdRing([
  [152_500, 460_500],
  [155_000, 462_200],
  [154_993, 462_210],
  [152_493, 460_510],
]);

function stockLayer(raster: Raster): EngineLayer {
  return { id: 'carbon-stock', raster, meta: syntheticMeta('carbon-stock'), user: true };
}

const near = (value: number, expected: number, relative = 1e-9) =>
  expect(Math.abs(value - expected)).toBeLessThanOrEqual(
    relative * Math.max(1, Math.abs(expected)),
  );

describe('statistics in the raster CRS (DESIGN.md 8.2)', () => {
  test.each([
    ['EPSG:4326', 'a 1,000 ha polygon with a hole', BIG],
    ['EPSG:4326', 'a thin strip', STRIP],
    ['IGH', 'a 1,000 ha polygon with a hole', BIG],
  ])('an %s raster over %s equals the clipping oracle', async (crs, _name, rd) => {
    const raster = crs === 'IGH' ? homolosineStock() : geographicStock();
    const area: AnalysisArea = { id: 'a', name: 'A', rd };
    const result = await analyzeAreas([area], [stockLayer(raster)], DEFAULT_SCENARIO);
    const stats = result.areas[0]?.layers['carbon-stock'] as ContinuousLayerStats;
    const expected = await oracle(rd, raster).run();
    near(result.areas[0]?.area_ha ?? 0, expected.area_ha);
    near(stats.covered_ha, expected.covered_ha);
    near(stats.valid_ha, expected.valid_ha);
    near(stats.mean ?? 0, expected.mean);
    expect(stats.min).toBe(expected.min);
    expect(stats.max).toBe(expected.max);
    near(stats.sum_t, expected.sum_t);
    // The raster covers the whole area: covered_ha is area_ha up to the densified curvature.
    near(stats.covered_ha, expected.area_ha, 1e-6);
    // Estimate: the stock total is sum_t (cells count area_ha · f · a / P).
    near(result.areas[0]?.estimate?.stock_t_c.central ?? 0, stats.sum_t, 1e-9);
    if (rd === BIG) expect(expected.area_ha).toBeGreaterThan(900);
  });

  test('every projected segment spans at most half a cell', () => {
    const raster = geographicStock();
    const rings = projectRings(BIG, raster);
    const ch = raster.cellHeight ?? raster.cellSize;
    for (const ring of rings[0] ?? []) {
      expect(ring.length).toBeGreaterThan(20);
      for (let i = 0; i + 1 < ring.length; i++) {
        const [a, b] = [ring[i] as [number, number], ring[i + 1] as [number, number]];
        expect(Math.abs(b[0] - a[0]) / raster.cellSize).toBeLessThanOrEqual(0.5);
        expect(Math.abs(b[1] - a[1]) / ch).toBeLessThanOrEqual(0.5);
      }
    }
  });

  test('an RD raster of non-square cells goes through the same path and equals the oracle', async () => {
    const width = 120;
    const height = 100;
    const data = new Float32Array(width * height).map((_, i) => (i % 17 === 0 ? NODATA : i % 50));
    const raster = createMemoryRaster({
      width,
      height,
      originX: 152_000,
      originY: 466_000,
      cellSize: 50,
      cellHeight: 60,
      data,
      nodata: NODATA,
    });
    const result = await analyzeAreas(
      [{ id: 'a', name: 'A', rd: BIG }],
      [stockLayer(raster)],
      DEFAULT_SCENARIO,
    );
    const stats = result.areas[0]?.layers['carbon-stock'] as ContinuousLayerStats;
    const expected = await oracle(BIG, raster).run();
    near(stats.valid_ha, expected.valid_ha);
    near(stats.mean ?? 0, expected.mean);
  });

  test('a raster that misses the area gives covered_ha 0 and the notice no-data', async () => {
    const raster = geographicStock();
    const far = wgs84ToRd([6.5, 53.0]);
    const rd = rdRing([
      [far[0], far[1]],
      [far[0] + 500, far[1]],
      [far[0] + 500, far[1] + 500],
      [far[0], far[1] + 500],
    ]);
    const result = await analyzeAreas(
      [{ id: 'x', name: 'X', rd }],
      [stockLayer(raster)],
      DEFAULT_SCENARIO,
    );
    expect(result.areas[0]?.layers['carbon-stock']?.covered_ha).toBe(0);
    expect(result.warnings.map((warning) => warning.kind)).toContain('no-data');
  });

  test('layers on another grid are read at the stock cell centres: resampled, cross computed', async () => {
    const stock = geographicStock();
    const landData = new Uint8Array(80 * 80).fill(1);
    for (let i = 0; i < landData.length; i++) if (i % 80 >= 40) landData[i] = 2;
    const soilData = new Uint8Array(80 * 80).fill(5);
    const rdGrid = { width: 80, height: 80, originX: 152_000, originY: 466_000, cellSize: 75 };
    const land = createMemoryRaster({ ...rdGrid, data: landData, nodata: 255 });
    const soil = createMemoryRaster({ ...rdGrid, data: soilData, nodata: 255 });
    const layers: EngineLayer[] = [
      stockLayer(stock),
      { id: 'land-use', raster: land, meta: syntheticMeta('land-use') },
      { id: 'soil-group', raster: soil, meta: syntheticMeta('soil-group') },
    ];
    const result = await analyzeAreas([{ id: 'a', name: 'A', rd: BIG }], layers, DEFAULT_SCENARIO);
    const warning = result.warnings.find((w) => w.kind === 'resampled');
    expect(warning?.params).toEqual({ layers: 'land-use, soil-group', reference: 'carbon-stock' });
    const cross = result.areas[0]?.cross ?? [];
    expect(cross.map((row) => row.land_use).sort()).toEqual(['akker', 'grasland']);
    const stats = result.areas[0]?.layers['carbon-stock'] as ContinuousLayerStats;
    const crossHa = cross.reduce((sum, row) => sum + row.ha, 0);
    const crossStock = cross.reduce((sum, row) => sum + row.stock_t_c, 0);
    near(crossHa, stats.valid_ha, 1e-9);
    near(crossStock, stats.sum_t, 1e-9);
    // Land use's own statistics are still its own grid's exact coverage.
    expect(result.areas[0]?.layers['land-use']?.covered_ha).toBeGreaterThan(900);
    const transform = crsTransform('EPSG:4326');
    expect(transform.code).toBe('EPSG:4326');
  });
});
