import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Polygon } from 'geojson';
import { afterAll, describe, expect, test } from 'vitest';
import { readMapAreaTable, SoilJoin } from '../src/core/builder/soil-join';
import { rdToWgs84, wgs84ToRd } from '../src/core/projection/rd';
import { readBroTables } from '../src/core/soil/bro-tables';
import { writeGpkg } from '../test/support/gpkg-writer';
import { runDataCommand } from './lib/builder/data-command';
import { run } from './lib/run';

/**
 * End to end (DESIGN.md 8.4): a package for Heemstede (GM0397, the shipped CBS outline) from
 * source files this test writes: soil polygons with BRO map-area ids and a BGT folder. The package
 * opens with `analyze --package`, and a drawn area's numbers follow from the source polygons.
 */
const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'kk-data-'));
afterAll(() => {
  // Left for inspection on failure; tmpdir is cleaned by the system.
});

const tables = join(root, 'data/reference/bro-bodemkaart-tables');
const profiles = readBroTables(
  readFileSync(join(tables, 'SoilProfiles.csv'), 'utf8'),
  readFileSync(join(tables, 'SoilHorizons.csv'), 'utf8'),
);
const areas = readMapAreaTable(readFileSync(join(tables, 'SoilProfiles_MapAreaID.csv'), 'utf8'));
if (!profiles.ok || !areas.ok) throw new Error('BRO tables');
const soil = new SoilJoin(areas.value, profiles.value);

// A 100 m square on the 25 m grid inside Heemstede (RD), where the test draws its area.
const [cx, cy] = wgs84ToRd([4.6155, 52.3505]);
const X = Math.round(cx / 25) * 25;
const Y = Math.round(cy / 25) * 25;

type Ring = Array<[number, number]>;
const rect = (x0: number, y0: number, x1: number, y1: number): Ring => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const RD_CRS = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } };

function collection(
  features: Array<{ properties: Record<string, unknown>; ring: Ring }>,
  crs: unknown = RD_CRS,
): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    ...(crs === null ? {} : { crs }),
    features: features.map(({ properties, ring }) => ({
      type: 'Feature',
      properties,
      geometry: { type: 'Polygon', coordinates: [ring] },
    })),
  });
}

const BIG = 5000;
function writeSources(dir: string): { soil: string; bgt: string } {
  mkdirSync(join(dir, 'bgt'), { recursive: true });
  const soilPath = join(dir, 'soil.geojson');
  // West of X + 40: map area 05485 (profile 2110, moerig); east: 09940 (profile 9024090).
  writeFileSync(
    soilPath,
    collection([
      {
        properties: { maparea_id: 'V2025-1..soilarea.05485' },
        ring: rect(X - BIG, Y - BIG, X + 40, Y + BIG),
      },
      {
        properties: { maparea_id: 'V2025-1..soilarea.09940' },
        ring: rect(X + 40, Y - BIG, X + BIG, Y + BIG),
      },
    ]),
  );
  const bgt = join(dir, 'bgt');
  // A building over the west half of the square; a historic and a bridge-level one that must not count.
  writeFileSync(
    join(bgt, 'pand.geojson'),
    collection([
      {
        properties: { bgt_status: 'bestaand', eind_registratie: null, relatieve_hoogteligging: 0 },
        ring: rect(X, Y, X + 50, Y + 100),
      },
      {
        properties: {
          bgt_status: 'bestaand',
          eind_registratie: '2019-05-01T00:00:00Z',
          relatieve_hoogteligging: 0,
        },
        ring: rect(X + 50, Y, X + 100, Y + 100),
      },
      {
        properties: { bgt_status: 'bestaand', relatieve_hoogteligging: 1 },
        ring: rect(X + 50, Y, X + 100, Y + 100),
      },
    ]),
  );
  // Agricultural grassland over the east half, written in CRS84 (no crs member).
  const toCrs84 = (ring: Ring): Ring =>
    ring.map(([x, y]) => rdToWgs84([x, y]) as unknown as [number, number]);
  const east = toCrs84(rect(X + 50, Y, X + 100, Y + 100));
  writeFileSync(
    join(bgt, 'begroeidterreindeel.geojson'),
    collection(
      [
        {
          properties: {
            bgt_status: 'bestaand',
            fysiek_voorkomen: 'grasland agrarisch',
            relatieve_hoogteligging: 0,
          },
          ring: east,
        },
        {
          properties: {
            bgt_status: 'bestaand',
            fysiek_voorkomen: 'maanlandschap',
            relatieve_hoogteligging: 0,
          },
          ring: toCrs84(rect(X + 150, Y + 150, X + 200, Y + 200)),
        },
      ],
      null,
    ),
  );
  return { soil: soilPath, bgt };
}

interface AreaJson {
  area_ha: number;
  layers: Record<
    string,
    { mean: number | null; valid_ha: number; classes?: Record<string, number> }
  >;
}

describe('npm run data: a package for a real municipality from local files', () => {
  const out = join(work, 'package');
  const sources = writeSources(work);
  const lines: string[] = [];

  test('builds, and refuses an existing --out without --force', async () => {
    const code = await runDataCommand(
      [
        '--municipality',
        'GM0397',
        '--out',
        out,
        '--soil',
        sources.soil,
        '--bgt',
        sources.bgt,
        '--lang',
        'en',
      ],
      (text) => lines.push(text),
    );
    expect(code, lines.join('')).toBe(0);
    for (const name of [
      'catalogue.json',
      'outline.geojson',
      'build-report.json',
      'sealed.tif',
      'land-use.tif',
      'organic-matter.tif',
      'carbon-stock.tif',
      'soil-group.tif',
    ]) {
      expect(existsSync(join(out, name)), name).toBe(true);
    }
    expect(lines.join('')).toMatch(/bgt-pand: 3 features read/);
    const again: string[] = [];
    expect(
      await runDataCommand(
        ['--municipality', 'GM0397', '--out', out, '--bgt', sources.bgt, '--lang', 'en'],
        (t) => again.push(t),
      ),
    ).toBe(2);
    expect(again.join('')).toMatch(/already exists/);
  });

  test('the catalogue names the municipality, the builder and each source with its sha256', () => {
    const catalogue = JSON.parse(readFileSync(join(out, 'catalogue.json'), 'utf8'));
    expect(catalogue.municipality).toEqual({ code: 'GM0397', name: 'Heemstede' });
    expect(catalogue.synthetic).toBe(false);
    expect(catalogue.outline).toBe('outline.geojson');
    const ids = catalogue.sources.map((s: { id: string }) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'cbs-gemeenten-2022',
        'bro-bodemkaart',
        'bgt-pand',
        'bgt-begroeidterreindeel',
        'bro-soilprofiles_mapareaid',
      ]),
    );
    for (const source of catalogue.sources) expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
    const stock = catalogue.layers.find((l: { id: string }) => l.id === 'carbon-stock');
    expect(stock.stock_range).toEqual([0.87, 1.15]);
    expect(stock.derived_from).toBeUndefined();
    const sealed = catalogue.layers.find((l: { id: string }) => l.id === 'sealed');
    expect(sealed.source.en).toMatch(/Assumption.*pand 1.*half verhard 0.5/);
  });

  test('build-report.json counts filtered objects and unmapped values', () => {
    const report = JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8'));
    const pand = report.sources.find((s: { id: string }) => s.id === 'bgt-pand');
    expect(pand.filtered).toEqual({ historic: 1, 'not-ground-level': 1 });
    expect(pand.features_used).toBe(1);
    expect(report.unmapped).toEqual([
      {
        collection: 'begroeidterreindeel',
        attribute: 'fysiek_voorkomen',
        value: 'maanlandschap',
        count: 1,
      },
    ]);
    expect(report.grid.cell_m).toBe(25);
    for (const value of report.grid.bbox_rd) expect(value % 25).toBe(0);
  });

  test('analyze --package: the drawn square follows from the source polygons', async () => {
    const ring = rect(X, Y, X + 100, Y + 100).map(([x, y]) => rdToWgs84([x, y]));
    const areasFile = join(work, 'square.geojson');
    writeFileSync(
      areasFile,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'square' },
            geometry: { type: 'Polygon', coordinates: [ring] },
          },
        ],
      }),
    );
    const outcome = await run([areasFile, '--package', out, '--format', 'json', '--lang', 'en']);
    expect(outcome.code, outcome.stderr).toBe(0);
    const area = (JSON.parse(outcome.stdout) as { areas: AreaJson[] }).areas[0] as AreaJson;
    const west = soil.lookup('05485');
    const eastValues = soil.lookup('09940');
    if (!west || !eastValues) throw new Error('join');
    // The soil boundary at X + 40 splits the square 40 : 60; cells are coverage-weighted means,
    // so the area mean is the area-weighted mean of the two polygons.
    expect(area.layers['organic-matter']?.mean).toBeCloseTo(
      0.4 * west.organicMatterPct + 0.6 * eastValues.organicMatterPct,
      4,
    );
    expect(area.layers['carbon-stock']?.mean).toBeCloseTo(
      0.4 * west.stockTonnesCPerHa + 0.6 * eastValues.stockTonnesCPerHa,
      3,
    );
    // Half the square is a current, ground-level building: 50 % sealed; the others do not count.
    // (The drawn square went through WGS84, so its edges sit within millimetres of the grid.)
    expect(area.layers.sealed?.mean).toBeCloseTo(50, 2);
    expect(area.layers['land-use']?.classes?.bebouwd).toBeCloseTo(0.5, 4);
    expect(area.layers['land-use']?.classes?.grasland).toBeCloseTo(0.5, 4);
  });
});

describe('the soil map as a GeoPackage in the BRO schema', () => {
  test('gives the same soil layers as the same polygons in GeoJSON', async () => {
    const dir = join(work, 'gpkg');
    mkdirSync(dir, { recursive: true });
    const soilGeoJson = JSON.parse(readFileSync(writeSources(dir).soil, 'utf8')) as {
      features: Array<{ properties: Record<string, string>; geometry: Polygon }>;
    };
    const gpkg = join(dir, 'bodemkaart.gpkg');
    writeGpkg(gpkg, {
      table: 'soilarea',
      epsg: 28992,
      columns: { maparea_id: 'TEXT' },
      features: soilGeoJson.features.map((f) => ({
        properties: f.properties,
        geometry: f.geometry,
      })),
    });
    const build = async (soilPath: string, out: string) => {
      const lines: string[] = [];
      const code = await runDataCommand(
        ['--municipality', 'GM0397', '--out', out, '--soil', soilPath, '--lang', 'en'],
        (t) => lines.push(t),
      );
      expect(code, lines.join('')).toBe(0);
    };
    await build(gpkg, join(dir, 'from-gpkg'));
    await build(join(dir, 'soil.geojson'), join(dir, 'from-geojson'));
    for (const name of ['organic-matter.tif', 'carbon-stock.tif', 'soil-group.tif']) {
      expect(
        readFileSync(join(dir, 'from-gpkg', name)).equals(
          readFileSync(join(dir, 'from-geojson', name)),
        ),
        name,
      ).toBe(true);
    }
  });
});

describe('--brp', () => {
  test('BRP Bouwland over BGT farmland turns the grassland half into arable', async () => {
    const dir = join(work, 'brp');
    const { bgt } = writeSources(dir);
    const brp = join(dir, 'brp.geojson');
    writeFileSync(
      brp,
      collection([
        {
          properties: { category: 'Bouwland', gewas: 'Mais' },
          ring: rect(X + 50, Y, X + 100, Y + 100),
        },
        { properties: { category: 'Onbekend' }, ring: rect(X + 150, Y + 150, X + 200, Y + 200) },
      ]),
    );
    const out = join(dir, 'out');
    const lines: string[] = [];
    const code = await runDataCommand(
      ['--municipality', 'GM0397', '--bgt', bgt, '--brp', brp, '--out', out],
      (t) => lines.push(t),
    );
    expect(code, lines.join('')).toBe(0);
    const areasFile = join(dir, 'square.geojson');
    const ring = rect(X, Y, X + 100, Y + 100).map(([x, y]) => rdToWgs84([x, y]));
    writeFileSync(
      areasFile,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'sq' },
            geometry: { type: 'Polygon', coordinates: [ring] },
          },
        ],
      }),
    );
    const outcome = await run([areasFile, '--package', out, '--format', 'json', '--lang', 'en']);
    expect(outcome.code, outcome.stderr).toBe(0);
    const area = (JSON.parse(outcome.stdout) as { areas: AreaJson[] }).areas[0] as AreaJson;
    expect(area.layers['land-use']?.classes?.akker).toBeCloseTo(0.5, 4);
    // (At most a sliver of the next cell, from the square's round trip through WGS84.)
    expect(area.layers['land-use']?.classes?.grasland ?? 0).toBeCloseTo(0, 4);
    const report = JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8'));
    expect(report.unmapped).toContainEqual({
      collection: 'brp',
      attribute: 'category',
      value: 'Onbekend',
      count: 1,
    });
    const catalogue = JSON.parse(readFileSync(join(out, 'catalogue.json'), 'utf8'));
    expect(catalogue.layers.find((l: { id: string }) => l.id === 'land-use').licence).toMatch(
      /RVO/,
    );
  });
});

describe('--outline', () => {
  test('an outline file in RD replaces the shipped one; outline.geojson is written in WGS84', async () => {
    const dir = join(work, 'outline');
    const { bgt } = writeSources(dir);
    const outlinePath = join(dir, 'outline-rd.geojson');
    writeFileSync(
      outlinePath,
      collection([{ properties: {}, ring: rect(X, Y, X + 100, Y + 100) }]),
    );
    const out = join(dir, 'out');
    const lines: string[] = [];
    const code = await runDataCommand(
      ['--municipality', 'GM0397', '--outline', outlinePath, '--bgt', bgt, '--out', out],
      (t) => lines.push(t),
    );
    expect(code, lines.join('')).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8'));
    expect(report.grid.bbox_rd).toEqual([X, Y, X + 100, Y + 100]);
    expect(report.cells.with_data).toBe(16);
    const outline = JSON.parse(readFileSync(join(out, 'outline.geojson'), 'utf8'));
    const [lon, lat] = outline.features[0].geometry.coordinates[0][0][0];
    expect(lon).toBeCloseTo(rdToWgs84([X, Y])[0], 5);
    expect(lat).toBeCloseTo(rdToWgs84([X, Y])[1], 5);
  });
});

describe('validation before work', () => {
  test('a soil file in another CRS and a BGT file without its column are each refused by name', async () => {
    const dir = join(work, 'bad');
    mkdirSync(join(dir, 'bgt'), { recursive: true });
    writeFileSync(
      join(dir, 'soil.geojson'),
      collection([{ properties: { maparea_id: '1' }, ring: rect(0, 0, 10, 10) }], {
        type: 'name',
        properties: { name: 'urn:ogc:def:crs:EPSG::3857' },
      }),
    );
    writeFileSync(
      join(dir, 'bgt', 'wegdeel.geojson'),
      collection([{ properties: { bgt_status: 'bestaand' }, ring: rect(X, Y, X + 10, Y + 10) }]),
    );
    const lines: string[] = [];
    const code = await runDataCommand(
      [
        '--municipality',
        'GM0397',
        '--out',
        join(dir, 'out'),
        '--soil',
        join(dir, 'soil.geojson'),
        '--bgt',
        join(dir, 'bgt'),
        '--lang',
        'en',
      ],
      (t) => lines.push(t),
    );
    expect(code).toBe(2);
    const text = lines.join('');
    expect(text).toMatch(/soil\.geojson is in urn:ogc:def:crs:EPSG::3857/);
    expect(text).toMatch(/wegdeel\.geojson lacks the column\(s\) fysiek_voorkomen/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  test('an unknown municipality code and missing options are usage errors', async () => {
    const lines: string[] = [];
    expect(
      await runDataCommand(
        ['--municipality', 'GM9999', '--out', join(work, 'x'), '--bgt', work],
        (t) => lines.push(t),
      ),
    ).toBe(2);
    expect(await runDataCommand(['--out', join(work, 'x')], (t) => lines.push(t))).toBe(2);
    expect(
      await runDataCommand(['--municipality', 'GM0397', '--out', join(work, 'x'), '--what'], (t) =>
        lines.push(t),
      ),
    ).toBe(2);
  });
});
