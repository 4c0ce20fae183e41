import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeAreas } from '../src/core/engine/analyze';
import { DEFAULT_SCENARIO } from '../src/core/estimate/scenario';
import { type CogInput, writeCog } from '../src/core/raster/cog-writer';
import { openRaster } from '../src/core/raster/raster-source';
import { catalogueLayerFor } from './lib/layer-meta';
import { run } from './lib/run';

/** `--layer`, `--unit`, `--band` with the user's own rasters in any CRS (DESIGN.md 8.2, 7.1). */

const scratch = mkdtempSync(join(tmpdir(), 'koolstofkaart-own-raster-'));

/** About 56 ha near Amersfoort, RD New. */
const RING = [
  [155_000, 463_000],
  [155_900, 463_100],
  [155_800, 463_800],
  [155_100, 463_700],
  [155_000, 463_000],
];
const AREAS = join(scratch, 'areas.geojson');
writeFileSync(
  AREAS,
  JSON.stringify({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    features: [
      {
        type: 'Feature',
        properties: { id: 'a', name: 'A' },
        geometry: { type: 'Polygon', coordinates: [RING] },
      },
    ],
  }),
);

function tif(name: string, input: Partial<CogInput> & Pick<CogInput, 'data'>): string {
  const file = join(scratch, name);
  const width = input.width ?? 60;
  writeFileSync(
    file,
    writeCog({
      width,
      height: input.height ?? 60,
      sampleType: 'float32',
      originX: 5.37,
      originY: 52.17,
      cellSize: 0.001,
      cellHeight: 0.0006,
      crs: { kind: 'geographic', epsg: 4326 },
      nodata: -9999,
      resampling: 'average',
      ...input,
    }),
  );
  return file;
}

const values = (scale: number) =>
  new Float32Array(3600).map((_, i) => (i % 29 === 0 ? -9999 : scale * (40 + (i % 37))));
const STOCK_4326 = tif('stock-4326.tif', { data: values(1) });
const STOCK_KG = tif('stock-kgm2.tif', { data: values(0.1) });
const TWO_BANDS = tif('two-bands.tif', { data: values(0.1), extraBands: [values(1)] });

interface Output {
  areas: Array<{
    layers: Record<string, { mean: number; valid_ha: number; covered_ha: number; sum_t: number }>;
    estimate: { stock_t_c: { central: number } } | null;
    cross?: unknown[];
  }>;
  warnings: Array<{ kind: string; message: string }>;
}

async function json(argv: string[]): Promise<Output> {
  const outcome = await run([AREAS, ...argv, '--format', 'json', '--lang', 'en']);
  expect(outcome.code, outcome.stdout + outcome.stderr).toBe(0);
  return JSON.parse(outcome.stdout);
}

async function refused(argv: string[]): Promise<{ kind: string; message: string }> {
  const outcome = await run([AREAS, ...argv, '--format', 'json', '--lang', 'en']);
  expect(outcome.code).toBe(2);
  return JSON.parse(outcome.stdout).error;
}

describe('--layer in any CRS', () => {
  test('an EPSG:4326 raster gives the engine numbers on the same file', async () => {
    const output = await json(['--layer', `carbon-stock=${STOCK_4326}`]);
    const stats = output.areas[0]?.layers['carbon-stock'];
    const raster = await openRaster({ kind: 'path', path: STOCK_4326 });
    const meta = catalogueLayerFor('carbon-stock', raster, 'stock-4326.tif');
    const engine = await analyzeAreas(
      [{ id: 'a', name: 'A', rd: [[RING as [number, number][]]] }],
      [{ id: 'carbon-stock', raster, meta, user: true }],
      DEFAULT_SCENARIO,
    );
    const expected = engine.areas[0]?.layers['carbon-stock'];
    expect(stats?.mean).toBe(expected?.mean);
    expect(stats?.valid_ha).toBe(expected?.valid_ha);
    expect(stats?.covered_ha).toBeCloseTo(56, 4);
    expect(output.warnings.map((warning) => warning.kind)).not.toContain('implausible');
  });

  test('--unit carbon-stock=kg/m2 multiplies by 10; without it the values are implausible', async () => {
    const plain = await json(['--layer', `carbon-stock=${STOCK_4326}`]);
    const kg = await json(['--layer', `carbon-stock=${STOCK_KG}`, '--unit', 'carbon-stock=kg/m2']);
    const a = plain.areas[0]?.layers['carbon-stock']?.mean ?? 0;
    const b = kg.areas[0]?.layers['carbon-stock']?.mean ?? 0;
    expect(Math.abs(a - b)).toBeLessThan(1e-4 * a);
    expect(kg.warnings.map((warning) => warning.kind)).not.toContain('implausible');
    const unitless = await json(['--layer', `carbon-stock=${STOCK_KG}`]);
    const notice = unitless.warnings.find((warning) => warning.kind === 'implausible');
    expect(notice?.message).toMatch(/kg\/m2/);
  });

  test('a multi-band raster needs --band; --band picks the band (1-based)', async () => {
    const error = await refused(['--layer', `carbon-stock=${TWO_BANDS}`]);
    expect(error.kind).toBe('usage');
    expect(error.message).toMatch(/--band carbon-stock=/);
    const second = await json(['--layer', `carbon-stock=${TWO_BANDS}`, '--band', 'carbon-stock=2']);
    const plain = await json(['--layer', `carbon-stock=${STOCK_4326}`]);
    expect(second.areas[0]?.layers['carbon-stock']?.mean).toBe(
      plain.areas[0]?.layers['carbon-stock']?.mean,
    );
    expect(
      (await refused(['--layer', `carbon-stock=${TWO_BANDS}`, '--band', 'carbon-stock=3'])).kind,
    ).toBe('unsupported');
  });

  test('usage errors: a unit on a class layer, an unknown unit, options for a layer not given', async () => {
    const classUnit = await refused(['--layer', `land-use=${STOCK_4326}`, '--unit', 'land-use=%']);
    expect(classUnit.kind).toBe('usage');
    expect(classUnit.message).toMatch(/class layer/);
    expect(
      (await refused(['--layer', `carbon-stock=${STOCK_4326}`, '--unit', 'carbon-stock=lb'])).kind,
    ).toBe('usage');
    expect(
      (await refused(['--layer', `carbon-stock=${STOCK_4326}`, '--unit', 'sealed=%'])).kind,
    ).toBe('usage');
    expect(
      (await refused(['--layer', `carbon-stock=${STOCK_4326}`, '--band', 'carbon-stock=x'])).kind,
    ).toBe('usage');
  });

  test('layers on other grids are resampled for the estimate, with a notice', async () => {
    const land = join(scratch, 'land-rd.tif');
    writeFileSync(
      land,
      writeCog({
        width: 40,
        height: 40,
        data: new Uint8Array(1600).fill(1),
        sampleType: 'uint8',
        originX: 154_000,
        originY: 464_500,
        cellSize: 75,
        nodata: 255,
        resampling: 'nearest',
      }),
    );
    const output = await json([
      '--layer',
      `carbon-stock=${STOCK_4326}`,
      '--layer',
      `land-use=${land}`,
    ]);
    expect(output.warnings.map((warning) => warning.kind)).toContain('resampled');
    expect(output.areas[0]?.estimate).not.toBeNull();
  });
});
