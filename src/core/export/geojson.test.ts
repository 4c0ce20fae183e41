import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { syntheticLayers } from '../../../test/support/synthetic-layers';
import { analyzeAreas } from '../engine/analyze';
import { geometryToRd } from '../engine/session';
import type { AreaResult } from '../engine/types';
import { DEFAULT_SCENARIO, type Scenario } from '../estimate/scenario';
import { parseAreasFile } from '../parse/index';
import type { RdMultiPolygonCoordinates } from '../parse/types';
import { rdToWgs84 } from '../projection/rd';
import { ESTIMATE_FIGURES, RANGE_PARTS } from './figures';
import {
  type ExportArea,
  exportGeoJson,
  formatGeoJson,
  type GeoJsonExportOptions,
} from './geojson';

const grid = { originX: 150_000, originY: 470_000, cellSize: 25, width: 160, height: 120 };
const layers = syntheticLayers(grid);
const LAYER_IDS = layers.map((layer) => layer.id);
const scenario: Scenario = { ...DEFAULT_SCENARIO, horizon_years: 30 };

function wgs84Polygon(rings: [number, number][][]): Polygon {
  return { type: 'Polygon', coordinates: rings.map((ring) => ring.map((p) => [...rdToWgs84(p)])) };
}

/** A field with a hole and a two-part area, drawn in WGS84 as the app keeps them. */
const drawn: { id: string; name: string; geometry: Polygon | MultiPolygon }[] = [
  {
    id: 'veld-1',
    name: 'Veld met "gat"',
    geometry: wgs84Polygon([
      [
        [150_613.3, 467_402.7],
        [152_801.9, 467_950.1],
        [153_390.2, 469_520.4],
        [151_120.6, 469_277.7],
        [150_613.3, 467_402.7],
      ],
      [
        [151_300.5, 468_100.5],
        [151_400.5, 468_600.5],
        [151_800.5, 468_200.5],
        [151_300.5, 468_100.5],
      ],
    ]),
  },
  {
    id: 'plan-2',
    name: 'Plan; twee delen',
    geometry: {
      type: 'MultiPolygon',
      coordinates: [
        wgs84Polygon([
          [
            [153_500, 467_100],
            [153_900, 467_100],
            [153_900, 467_500],
            [153_500, 467_500],
            [153_500, 467_100],
          ],
        ]).coordinates,
        wgs84Polygon([
          [
            [154_000, 468_000],
            [154_300, 468_000],
            [154_300, 468_350],
            [154_000, 468_350],
            [154_000, 468_000],
          ],
        ]).coordinates,
      ],
    },
  },
];

async function analyse(areas: { id: string; name: string; rd: RdMultiPolygonCoordinates }[]) {
  return (await analyzeAreas(areas, layers, scenario)).areas;
}

function options(crs: GeoJsonExportOptions['crs']): GeoJsonExportOptions {
  return {
    crs,
    layerIds: LAYER_IDS,
    scenario,
    source: 'Demodata, fictieve gemeente',
    synthetic: true,
    appVersion: '9.9.9',
    exportedAt: '2026-11-23T12:00:00.000Z',
  };
}

async function exported(crs: GeoJsonExportOptions['crs']) {
  const results = await analyse(
    drawn.map((area) => ({ id: area.id, name: area.name, rd: geometryToRd(area.geometry) })),
  );
  const areas: ExportArea[] = drawn.map((area, index) => ({
    ...area,
    properties: { eigenaar: 'gemeente', stock_t_c_central: -1 },
    result: results[index],
  }));
  return { results, text: formatGeoJson(exportGeoJson(areas, options(crs))) };
}

function expectSameNumbers(before: AreaResult, after: AreaResult) {
  expect(after.id).toBe(before.id);
  expect(after.name).toBe(before.name);
  expect(Math.abs(after.area_ha / before.area_ha - 1)).toBeLessThan(1e-6);
  for (const id of LAYER_IDS) {
    const a = before.layers[id];
    const b = after.layers[id];
    expect(b?.valid_ha).toBeCloseTo(a?.valid_ha ?? NaN, 4);
    if (a?.mean !== undefined && a.mean !== null) {
      expect(Math.abs((b?.mean ?? NaN) / a.mean - 1)).toBeLessThan(1e-6);
    }
  }
  if (!before.estimate || !after.estimate) throw new Error('no estimate');
  for (const [, pick] of ESTIMATE_FIGURES) {
    const a = pick(before.estimate);
    const b = pick(after.estimate);
    for (const part of RANGE_PARTS) {
      const scale = Math.max(1, Math.abs(a?.[part] ?? 0));
      expect(Math.abs((b?.[part] ?? NaN) - (a?.[part] ?? NaN)) / scale).toBeLessThan(1e-6);
    }
  }
}

describe.each([['EPSG:4326'], ['EPSG:28992']] as const)('GeoJSON in %s', (crs) => {
  test('export, import with parseAreasFile, analyse again: same areas and numbers', async () => {
    const { results, text } = await exported(crs);
    const parsed = await parseAreasFile({
      name: 'export.geojson',
      bytes: new TextEncoder().encode(text),
    });
    if (!parsed.ok) throw new Error(`import failed: ${parsed.error.code}`);
    expect(parsed.value.crs).toBe(crs);
    expect(parsed.value.notes).toEqual([]);
    expect(parsed.value.areas.map((area) => area.id)).toEqual(['veld-1', 'plan-2']);
    const again = await analyse(parsed.value.areas);
    expect(again).toHaveLength(2);
    results.forEach((before, index) => {
      const after = again[index];
      if (!after) throw new Error('area lost');
      expectSameNumbers(before, after);
    });
  });
});

test('WGS84 is RFC 7946: no crs member, lon/lat positions, flat properties with units', async () => {
  const { results, text } = await exported('EPSG:4326');
  const json = JSON.parse(text);
  expect(json.type).toBe('FeatureCollection');
  expect(json.crs).toBeUndefined();
  const [lon, lat] = json.features[0].geometry.coordinates[0][0];
  expect(lon).toBeGreaterThan(3.2);
  expect(lon).toBeLessThan(7.3);
  expect(lat).toBeGreaterThan(50.75);
  const properties = json.features[0].properties;
  const estimate = results[0]?.estimate;
  expect(json.features[0].id).toBe('veld-1');
  expect(properties.id).toBe('veld-1');
  expect(properties.name).toBe('Veld met "gat"');
  expect(properties.eigenaar).toBe('gemeente');
  expect(properties.area_ha).toBe(results[0]?.area_ha);
  expect(properties.stock_t_c_central).toBe(estimate?.stock_t_c.central);
  expect(properties.stock_t_c_central).not.toBe(-1);
  expect(properties['cover-crops_t_co2_per_yr_high']).toBe(
    estimate?.measures[0]?.t_co2_per_yr.high,
  );
  expect(properties['cover-crops_on']).toBe(true);
  expect(properties['land-use_akker_ha']).toBe(results[0]?.layers['land-use']?.classes?.akker);
  expect(properties.horizon_years).toBe(30);
  expect(JSON.parse(properties.scenario)).toEqual(scenario);
  expect(properties.method).toBe('nl');
  expect(properties.synthetic).toBe(true);
  expect(properties.app_version).toBe('9.9.9');
  expect(properties.exported_at).toBe('2026-11-23T12:00:00.000Z');
  expect(properties.data_source).toBe('Demodata, fictieve gemeente');
  for (const value of Object.values(properties)) {
    if (value !== null) expect(typeof value).not.toBe('object');
  }
});

test('RD New has the legacy crs member and metres', async () => {
  const { text } = await exported('EPSG:28992');
  const json = JSON.parse(text);
  expect(json.crs).toEqual({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } });
  const [x, y] = json.features[1].geometry.coordinates[0][0][0];
  expect(x).toBeCloseTo(153_500, 3);
  expect(y).toBeCloseTo(467_100, 3);
});

test('an area without a result has null figures, not stale ones from its file', () => {
  const collection = exportGeoJson(
    [{ ...drawn[0], properties: { stock_t_c_central: 5 }, result: null } as ExportArea],
    options(undefined),
  );
  const properties = collection.features[0]?.properties ?? {};
  expect(properties.stock_t_c_central).toBeNull();
  expect(properties.area_ha).toBeNull();
  expect(properties.method).toBe('nl');
});
