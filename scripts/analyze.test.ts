import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { writeArrayBuffer } from 'geotiff';
import { beforeAll, describe, expect, test } from 'vitest';
import { csvHeader } from './lib/format-csv';
import { readCsv } from './lib/read-csv';
import { run } from './lib/run';

const root = resolve(import.meta.dirname, '..');
const zonal = join(root, 'test/fixtures/zonal');
const imports = join(root, 'test/fixtures/imports');
const RD_POLYGONS = join(zonal, 'small.polygons.rd.geojson');
const WGS84_POLYGONS = join(zonal, 'small.polygons.wgs84.geojson');
const STOCK = `carbon-stock=${join(zonal, 'small.tif')}`;
const scratch = mkdtempSync(join(tmpdir(), 'koolstofkaart-analyze-'));

interface Expected {
  id: string;
  area_ha: number;
  covered_ha: number;
  valid_ha: number;
  mean: number | null;
  sum_t: number;
  min: number | null;
  max: number | null;
}
const expected: Expected[] = JSON.parse(
  readFileSync(join(zonal, 'small.expected.json'), 'utf8'),
).features;

interface Range {
  low: number;
  central: number;
  high: number;
}
interface JsonArea {
  id: string;
  name: string;
  area_ha: number;
  layers: Record<string, Expected>;
  estimate: {
    stock_t_c: Range;
    stock_t_c_per_ha: Range | null;
    method: string;
    measures: Array<{ id: string; on: boolean }>;
  } | null;
}
interface JsonOutput {
  areas: JsonArea[];
  warnings: Array<{ kind: string; message: string; feature: number | null }>;
}

function relative(a: number, b: number): number {
  return a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
}

async function json(argv: string[]): Promise<JsonOutput> {
  const outcome = await run([...argv, '--format', 'json']);
  expect(outcome.code, outcome.stderr).toBe(0);
  return JSON.parse(outcome.stdout);
}

function errorOf(stdout: string): { kind: string; message: string } {
  const parsed = JSON.parse(stdout);
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(Object.keys(parsed.error)).toEqual(['kind', 'message']);
  return parsed.error;
}

describe('the zonal fixture with --layer carbon-stock=small.tif', () => {
  let rd: JsonOutput;
  beforeAll(async () => {
    rd = await json([RD_POLYGONS, '--layer', STOCK]);
  });

  test('RD polygons match the exact statistics within 1e-6 (area 1e-4, min/max exact)', () => {
    expect(rd.areas.map((a) => a.id)).toEqual(expected.map((e) => e.id));
    for (const e of expected) {
      const area = rd.areas.find((a) => a.id === e.id);
      const stats = area?.layers['carbon-stock'];
      if (!area || !stats) throw new Error(`no result for ${e.id}`);
      expect(relative(area.area_ha, e.area_ha)).toBeLessThanOrEqual(1e-4);
      expect(relative(stats.covered_ha, e.covered_ha)).toBeLessThanOrEqual(1e-6);
      expect(relative(stats.valid_ha, e.valid_ha)).toBeLessThanOrEqual(1e-6);
      if (e.mean === null) {
        expect(stats.mean).toBeNull();
        expect(stats.sum_t).toBe(0);
      } else {
        expect(relative(stats.mean ?? NaN, e.mean)).toBeLessThanOrEqual(1e-6);
        expect(relative(stats.sum_t, e.sum_t)).toBeLessThanOrEqual(1e-6);
        expect(stats.min).toBe(e.min);
        expect(stats.max).toBe(e.max);
      }
    }
  });

  test('the estimate counts cells with data only: stock_t_c = sum_t, measured so low = high', () => {
    for (const area of rd.areas) {
      const stats = area.layers['carbon-stock'];
      expect(area.estimate?.stock_t_c.central).toBeCloseTo(stats?.sum_t ?? NaN, 6);
      expect(area.estimate?.stock_t_c.low).toBe(area.estimate?.stock_t_c.central);
      expect(area.estimate?.method).toBe('nl');
      expect(area.estimate?.measures).toHaveLength(7);
    }
  });

  test('without soil and land use the cross table is omitted with a localized file warning', () => {
    const warning = rd.warnings.find((w) => w.kind === 'cross-omitted');
    expect(warning?.feature).toBeNull();
    expect(warning?.message).toMatch(/bodemgroep × landgebruik/);
    for (const area of rd.areas) expect(area).not.toHaveProperty('cross');
  });

  test('WGS84 polygons match within 1e-5', async () => {
    const wgs84 = await json([WGS84_POLYGONS, '--layer', STOCK]);
    for (const e of expected) {
      const stats = wgs84.areas.find((a) => a.id === e.id)?.layers['carbon-stock'];
      expect(relative(stats?.valid_ha ?? NaN, e.valid_ha)).toBeLessThanOrEqual(1e-5);
      if (e.mean !== null) expect(relative(stats?.mean ?? NaN, e.mean)).toBeLessThanOrEqual(1e-5);
    }
  });

  test.each([
    ['nl', ';', (s: string) => Number(s.replace(',', '.'))],
    ['en', ',', (s: string) => Number(s)],
  ] as const)('CSV in %s reads back to the JSON numbers', async (language, separator, read) => {
    const outcome = await run([
      RD_POLYGONS,
      '--layer',
      STOCK,
      '--format',
      'csv',
      '--lang',
      language,
    ]);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout.charCodeAt(0)).toBe(0xfeff);
    const comment = outcome.stdout.slice(1, outcome.stdout.indexOf('\r\n'));
    expect(comment).toMatch(/^# Koolstofkaart/);
    expect(comment).toMatch(language === 'nl' ? /methode: nl/ : /method: nl/);
    const [header, ...rows] = readCsv(outcome.stdout, separator);
    expect(header).toEqual(csvHeader(['carbon-stock']));
    expect(rows).toHaveLength(expected.length);
    const at = (name: string) => header?.indexOf(name) ?? -1;
    for (const row of rows) {
      const area = rd.areas.find((a) => a.id === row[0]);
      expect(row[1]).toBe(area?.name);
      expect(read(row[at('area_ha')] ?? '')).toBeCloseTo(area?.area_ha ?? NaN, 5);
      const mean = area?.layers['carbon-stock']?.mean;
      expect(read(row[at('carbon-stock_mean')] ?? '')).toBeCloseTo(mean ?? NaN, 5);
      expect(read(row[at('stock_t_c_central')] ?? '')).toBeCloseTo(
        area?.estimate?.stock_t_c.central ?? NaN,
        5,
      );
    }
  });

  test('table: aligned rows with every area, in the chosen language', async () => {
    const nl = await run([RD_POLYGONS, '--layer', STOCK]);
    const en = await run([RD_POLYGONS, '--layer', STOCK, '--format', 'table', '--lang', 'en']);
    expect(nl.code).toBe(0);
    expect(nl.stdout).toMatch(/Methode: Nederlandse coëfficiënten/);
    expect(en.stdout).toMatch(/Method: Dutch coefficients/);
    for (const e of expected) expect(en.stdout).toMatch(new RegExp(`^${e.id} `, 'm'));
    expect(en.stdout).toContain('5,000.00');
    expect(nl.stdout).toContain('5.000,00');
  });

  test('--out writes the result to a file and leaves stdout empty; progress goes to stderr', async () => {
    const file = join(scratch, 'result.json');
    const outcome = await run([RD_POLYGONS, '--layer', STOCK, '--format', 'json', '--out', file]);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).areas).toHaveLength(expected.length);
  });
});

describe('--scenario', () => {
  test('a scenario file changes the method and the measures', async () => {
    const file = join(scratch, 'scenario.json');
    writeFileSync(file, JSON.stringify({ method: 'ipcc', measures: { rotation: { on: true } } }));
    const out = await json([RD_POLYGONS, '--layer', STOCK, '--scenario', file]);
    const estimate = out.areas[0]?.estimate;
    expect(estimate?.method).toBe('ipcc');
    expect(estimate?.measures.find((m) => m.id === 'rotation')?.on).toBe(true);
  });

  test.each([
    ['wrong field', JSON.stringify({ f_c: 'half' })],
    ['not JSON', '{ method: nl'],
  ])('a scenario file with a %s exits 2, kind usage', async (_what, text) => {
    const file = join(scratch, `bad-${text.length}.json`);
    writeFileSync(file, text);
    const outcome = await run([
      RD_POLYGONS,
      '--layer',
      STOCK,
      '--scenario',
      file,
      '--format',
      'json',
    ]);
    expect(outcome.code).toBe(2);
    expect(errorOf(outcome.stdout).kind).toBe('usage');
  });

  test('a scenario file that does not exist exits 2, kind usage', async () => {
    const outcome = await run([
      RD_POLYGONS,
      '--scenario',
      join(scratch, 'none.json'),
      '--format',
      'json',
    ]);
    expect(outcome.code).toBe(2);
    expect(errorOf(outcome.stdout).kind).toBe('usage');
  });
});

describe('wrong command lines exit 2 with kind usage', () => {
  test.each([
    [['--format', 'json']],
    [[RD_POLYGONS, '--format', 'json', '--colour', 'red']],
    [[RD_POLYGONS, '--format', 'json', '--layer', 'carbon=stock.tif']],
    [[RD_POLYGONS, '--format', 'json', '--layer', `potential=${join(zonal, 'small.tif')}`]],
    [[RD_POLYGONS, '--format', 'json', '--lang', 'de']],
    [[RD_POLYGONS, RD_POLYGONS, '--format', 'json']],
  ])('%j', async (argv) => {
    const outcome = await run(argv);
    expect(outcome.code).toBe(2);
    expect(errorOf(outcome.stdout).kind).toBe('usage');
    expect(outcome.stderr.length).toBeGreaterThan(0);
  });

  test('the message follows --lang; without --format json stdout stays empty', async () => {
    const en = await run([
      RD_POLYGONS,
      '--layer',
      'carbon=x.tif',
      '--format',
      'json',
      '--lang',
      'en',
    ]);
    expect(errorOf(en.stdout).message).toMatch(/^Unknown layer carbon\. Choose one of: /);
    const nl = await run([RD_POLYGONS, '--layer', 'carbon=x.tif']);
    expect(nl.code).toBe(2);
    expect(nl.stdout).toBe('');
    expect(nl.stderr).toMatch(/^Onbekende kaartlaag carbon\./);
  });

  test('--help prints the usage in the chosen language on stdout and exits 0', async () => {
    const nl = await run(['--help']);
    expect(nl.code).toBe(0);
    expect(nl.stdout).toMatch(/^Gebruik: npm run -s analyze/);
    const en = await run(['-h', '--lang', 'en']);
    expect(en.stdout).toMatch(/--layer <id>=<GeoTIFF>/);
    expect(en.stdout).toMatch(/Exit code: 0 done, 2 input that cannot be used, 1 internal fault/);
  });

  test('an unknown --format is itself a usage error, reported as text', async () => {
    const outcome = await run([RD_POLYGONS, '--format', 'xml']);
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toMatch(/Kies json, csv of table/);
  });
});

test('--layer takes a URL: the GeoTIFF is read with HTTP range requests', async () => {
  const bytes = readFileSync(join(zonal, 'small.tif'));
  const ranges: string[] = [];
  const server = createServer((request, response) => {
    if (request.url !== '/small.tif') {
      response.writeHead(404).end();
      return;
    }
    const match = /bytes=(\d+)-(\d*)/.exec(request.headers.range ?? '');
    if (!match) {
      response.writeHead(200, { 'Content-Length': bytes.length, 'Accept-Ranges': 'bytes' });
      response.end(bytes);
      return;
    }
    ranges.push(match[0]);
    const start = Number(match[1]);
    const end = Math.min(match[2] ? Number(match[2]) : bytes.length - 1, bytes.length - 1);
    response.writeHead(206, {
      'Content-Range': `bytes ${start}-${end}/${bytes.length}`,
      'Content-Length': end - start + 1,
      'Accept-Ranges': 'bytes',
    });
    response.end(bytes.subarray(start, end + 1));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  try {
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/small.tif`;
    const out = await json([RD_POLYGONS, '--layer', `carbon-stock=${url}`]);
    const tiny = expected.find((e) => e.id === 'tiny');
    const stats = out.areas.find((a) => a.id === 'tiny')?.layers['carbon-stock'];
    expect(relative(stats?.mean ?? NaN, tiny?.mean ?? NaN)).toBeLessThanOrEqual(1e-6);
    expect(ranges.length).toBeGreaterThan(0);
    const missing = await run([RD_POLYGONS, '--layer', `carbon-stock=${url}x`, '--format', 'json']);
    expect(missing.code).toBe(2);
    // An error status is unreachable (DESIGN 7.2), naming the URL and the status.
    expect(errorOf(missing.stdout).kind).toBe('unreachable');
    expect(errorOf(missing.stdout).message).toContain(`${url}x`);
  } finally {
    server.close();
  }
});

describe('--layer rasters that cannot be used exit 2', () => {
  test('a file that does not exist or is not a GeoTIFF: unreadable', async () => {
    const notTiff = join(scratch, 'not-a.tif');
    writeFileSync(notTiff, 'this is no tiff');
    for (const file of [join(scratch, 'missing.tif'), notTiff]) {
      const outcome = await run([
        RD_POLYGONS,
        '--layer',
        `carbon-stock=${file}`,
        '--format',
        'json',
      ]);
      expect(outcome.code).toBe(2);
      expect(errorOf(outcome.stdout).kind).toBe('unreadable');
    }
  });

  // Web Mercator is read since DESIGN.md 8.2 (scripts/analyze-own-raster.test.ts); a CRS outside
  // 8.2's list, such as Lambert-93, is still refused and named.
  test('a GeoTIFF in an unsupported CRS (EPSG:2154): unsupported, and the message names it', async () => {
    const file = join(scratch, 'lambert93.tif');
    const buffer = await writeArrayBuffer(new Float32Array(16).fill(50), {
      height: 4,
      width: 4,
      ModelPixelScale: [25, 25, 0],
      ModelTiepoint: [0, 0, 0, 600000, 6800000, 0],
      GTModelTypeGeoKey: 1,
      ProjectedCSTypeGeoKey: 2154,
    });
    writeFileSync(file, Buffer.from(buffer));
    const outcome = await run([RD_POLYGONS, '--layer', `carbon-stock=${file}`, '--format', 'json']);
    expect(outcome.code).toBe(2);
    const error = errorOf(outcome.stdout);
    expect(error.kind).toBe('unsupported');
    expect(error.message).toContain('EPSG:2154');
  });
});

describe('areas files (test/fixtures/imports/expected.json)', () => {
  interface ImportCase {
    file: string;
    valid: boolean;
    polygons: number;
    total_area_ha: number | null;
    error_kind: string | null;
  }
  const cases: ImportCase[] = JSON.parse(readFileSync(join(imports, 'expected.json'), 'utf8'));

  test.each(cases.map((c) => [c.file, c] as const))('%s', async (_file, c) => {
    const outcome = await run([join(imports, c.file), '--layer', STOCK, '--format', 'json']);
    if (c.valid) {
      expect(outcome.code, outcome.stdout).toBe(0);
      const out: JsonOutput = JSON.parse(outcome.stdout);
      expect(out.areas).toHaveLength(c.polygons);
      const total = out.areas.reduce((sum, area) => sum + area.area_ha, 0);
      expect(relative(total, c.total_area_ha ?? NaN)).toBeLessThanOrEqual(1e-4);
      // These places lie outside the fixture raster: analysed without data, with a notice each.
      expect(out.warnings.filter((w) => w.kind === 'no-data')).toHaveLength(c.polygons);
    } else {
      expect(outcome.code).toBe(2);
      expect(errorOf(outcome.stdout).kind).toBe(c.error_kind);
    }
  });

  test('an areas file that does not exist: exit 2, unreadable', async () => {
    const outcome = await run([
      join(scratch, 'nothing.geojson'),
      '--layer',
      STOCK,
      '--format',
      'json',
    ]);
    expect(outcome.code).toBe(2);
    expect(errorOf(outcome.stdout).kind).toBe('unreadable');
  });
});

describe('without --layer: the demo dataset', () => {
  test('all five base layers, a cross table and a synthetic estimate per area', async () => {
    const out = await json([WGS84_POLYGONS]);
    expect(out.areas).toHaveLength(expected.length);
    const big = out.areas.find((a) => a.id === 'big_complex') as JsonArea & {
      cross?: Array<{ ha: number; stock_t_c: number }>;
      estimate: { synthetic: boolean; peat: { ha: number } } | null;
    };
    expect(Object.keys(big.layers).sort()).toEqual([
      'carbon-stock',
      'land-use',
      'organic-matter',
      'sealed',
      'soil-group',
    ]);
    expect(big.estimate?.synthetic).toBe(true);
    // The demo stock is derived from OM, so it is recomputed per cell from OM (stored at 0.01 %)
    // and agrees with the stored stock layer (0.1 t C/ha steps) to their rounding.
    const sumT = big.layers['carbon-stock']?.sum_t ?? NaN;
    expect(relative(big.estimate?.stock_t_c.central ?? NaN, sumT)).toBeLessThan(1e-3);
    const crossStock = (big.cross ?? []).reduce((sum, cell) => sum + cell.stock_t_c, 0);
    expect(big.cross?.length).toBeGreaterThan(1);
    expect(crossStock).toBeCloseTo(big.layers['carbon-stock']?.sum_t ?? NaN, 3);
    expect(out.warnings.some((w) => w.kind === 'cross-omitted')).toBe(false);
  });

  test('f_C 0.58 in the scenario raises the demo stock by 0.58 / 0.5', async () => {
    const file = join(scratch, 'van-bemmelen.json');
    writeFileSync(file, JSON.stringify({ f_c: 0.58 }));
    const base = await json([RD_POLYGONS]);
    const raised = await json([RD_POLYGONS, '--scenario', file]);
    const stockOf = (out: JsonOutput) =>
      out.areas.find((a) => a.id === 'irregular_20ha')?.estimate?.stock_t_c.central ?? NaN;
    expect(stockOf(raised) / stockOf(base)).toBeCloseTo(0.58 / 0.5, 9);
  });

  test('the CSV comment names the method, the demo and that it is synthetic', async () => {
    const outcome = await run([RD_POLYGONS, '--format', 'csv', '--lang', 'en']);
    expect(outcome.code).toBe(0);
    const comment = outcome.stdout.slice(1, outcome.stdout.indexOf('\r\n'));
    expect(comment).toMatch(/method: nl/);
    expect(comment).toMatch(/Klaverwaard/);
    expect(comment).toMatch(/synthetic/);
  });
});

test('a point among polygons: exit 0, a warning per skipped feature, no estimate without stock', async () => {
  const square = (x: number) => [
    [
      [x, 461000],
      [x + 1000, 461000],
      [x + 1000, 462000],
      [x, 462000],
      [x, 461000],
    ],
  ];
  const file = join(scratch, 'partial.geojson');
  writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      features: [
        {
          type: 'Feature',
          properties: { id: 'a' },
          geometry: { type: 'Polygon', coordinates: square(151000) },
        },
        {
          type: 'Feature',
          properties: { id: 'p' },
          geometry: { type: 'Point', coordinates: [151500, 461500] },
        },
        {
          type: 'Feature',
          properties: { id: 'b' },
          geometry: { type: 'Polygon', coordinates: square(153000) },
        },
      ],
    }),
  );
  const out = await json([file, '--layer', `sealed=${join(zonal, 'small.tif')}`, '--lang', 'en']);
  expect(out.areas.map((a) => [a.id, a.area_ha])).toEqual([
    ['a', 100],
    ['b', 100],
  ]);
  expect(out.areas.every((a) => a.estimate === null)).toBe(true);
  const point = out.warnings.find((w) => w.feature === 2);
  expect(point?.kind).toBe('no-polygons');
  expect(point?.message.length).toBeGreaterThan(10);
  expect(out.warnings.find((w) => w.kind === 'partial')?.feature).toBeNull();
});

test('an internal fault (the demo catalogue missing or broken) exits 1 with kind internal', async () => {
  const broken = join(scratch, 'broken-catalogue.json');
  writeFileSync(broken, '{"layers": 12');
  for (const catalogue of [join(scratch, 'no-catalogue.json'), broken]) {
    const outcome = await run([RD_POLYGONS, '--format', 'json', '--lang', 'en'], { catalogue });
    expect(outcome.code).toBe(1);
    const error = errorOf(outcome.stdout);
    expect(error.kind).toBe('internal');
    expect(error.message).toContain(catalogue);
  }
});

describe('the real command (spawned)', () => {
  const exec = promisify(execFile);
  const cli = ['tsx', join(root, 'scripts/analyze.ts')];

  test('stdout holds only the JSON result, progress goes to stderr', async () => {
    const { stdout, stderr } = await exec(
      'npx',
      [...cli, RD_POLYGONS, '--layer', STOCK, '--format', 'json', '--lang', 'en'],
      { cwd: root },
    );
    const out: JsonOutput = JSON.parse(stdout);
    expect(out.areas).toHaveLength(expected.length);
    expect(stderr).toContain('Analysing 11 areas');
  });

  test('a bad option exits 2 with the error JSON', async () => {
    const failure = await exec('npx', [...cli, RD_POLYGONS, '--format', 'json', '--bogus'], {
      cwd: root,
    }).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(errorOf(failure?.stdout ?? '').kind).toBe('usage');
  });
});
