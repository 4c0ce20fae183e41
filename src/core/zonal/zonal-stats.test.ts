import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, test } from 'vitest';
import type { RdMultiPolygonCoordinates } from '../parse/types';
import { wgs84ToRd } from '../projection/rd';
import { openRaster, type Raster } from '../raster/raster-source';
import { zonalStats } from './zonal-stats';

const dir = resolve(import.meta.dirname, '../../../test/fixtures/zonal');

interface Expected {
  id: string;
  area_ha: number;
  covered_ha: number;
  valid_ha: number;
  mean: number | null;
  sum_t: number;
  min: number | null;
  max: number | null;
  cells_touched: number;
  valid_cells_touched: number;
}

const expected = (
  JSON.parse(readFileSync(`${dir}/small.expected.json`, 'utf8')) as { features: Expected[] }
).features;

function load(file: string): Feature<Polygon | MultiPolygon, { id: string }>[] {
  const collection = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    { id: string }
  >;
  return collection.features;
}

function toRd(
  geometry: Polygon | MultiPolygon,
  transform: (p: [number, number]) => [number, number],
): RdMultiPolygonCoordinates {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((polygon) =>
    polygon.map((ring) => ring.map((p) => transform([p[0] as number, p[1] as number]))),
  );
}

function relativeError(actual: number, wanted: number): number {
  return wanted === 0 ? Math.abs(actual) : Math.abs(actual - wanted) / Math.abs(wanted);
}

let raster: Raster;
beforeAll(async () => {
  raster = await openRaster({ kind: 'path', path: `${dir}/small.tif` });
});

describe('zonal statistics match small.expected.json (RD polygons)', () => {
  const features = load('small.polygons.rd.geojson');
  test('the fixture lists every polygon', () => {
    expect(features.map((f) => f.properties.id)).toEqual(expected.map((e) => e.id));
  });
  for (const want of expected) {
    test(want.id, async () => {
      const feature = features.find((f) => f.properties.id === want.id);
      if (!feature) throw new Error(`no polygon ${want.id}`);
      const result = await zonalStats(
        raster,
        null,
        toRd(feature.geometry, (p) => p),
      );
      const stats = result.stats;
      if (stats.classes) throw new Error('continuous layer expected');
      expect(relativeError(result.area_ha, want.area_ha)).toBeLessThan(1e-4);
      expect(relativeError(stats.covered_ha, want.covered_ha)).toBeLessThan(1e-6);
      expect(relativeError(stats.valid_ha, want.valid_ha)).toBeLessThan(1e-6);
      expect(relativeError(stats.sum_t, want.sum_t)).toBeLessThan(1e-6);
      if (want.mean === null) expect(stats.mean).toBeNull();
      else expect(relativeError(stats.mean ?? Number.NaN, want.mean)).toBeLessThan(1e-6);
      expect(stats.min).toBe(want.min);
      expect(stats.max).toBe(want.max);
      expect(result.cells_touched).toBe(want.cells_touched);
      expect(result.valid_cells_touched).toBe(want.valid_cells_touched);
    });
  }
});

describe('zonal statistics match small.expected.json (WGS84 polygons through proj4)', () => {
  const features = load('small.polygons.wgs84.geojson');
  for (const want of expected) {
    test(want.id, async () => {
      const feature = features.find((f) => f.properties.id === want.id);
      if (!feature) throw new Error(`no polygon ${want.id}`);
      const result = await zonalStats(raster, null, toRd(feature.geometry, wgs84ToRd));
      const stats = result.stats;
      if (stats.classes) throw new Error('continuous layer expected');
      expect(relativeError(result.area_ha, want.area_ha)).toBeLessThan(1e-4);
      expect(relativeError(stats.covered_ha, want.covered_ha)).toBeLessThan(1e-5);
      expect(relativeError(stats.valid_ha, want.valid_ha)).toBeLessThan(1e-5);
      expect(relativeError(stats.sum_t, want.sum_t)).toBeLessThan(1e-5);
      if (want.mean === null) expect(stats.mean).toBeNull();
      else expect(relativeError(stats.mean ?? Number.NaN, want.mean)).toBeLessThan(1e-5);
    });
  }
});
