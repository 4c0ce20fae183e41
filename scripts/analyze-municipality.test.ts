import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MultiPolygon } from 'geojson';
import proj4 from 'proj4';
import { expect, test } from 'vitest';
import { RD_PROJ4 } from '../src/core/projection/rd';
import { MUNICIPALITY_OUTLINES } from './lib/municipalities';
import { run } from './lib/run';

/** `--municipality <code>` (DESIGN.md 8.3): the shipped 2022 CBS outlines as areas. */
const root = resolve(import.meta.dirname, '..');
const WGS84_POLYGONS = join(root, 'test/fixtures/zonal/small.polygons.wgs84.geojson');

interface Feature {
  properties: { statcode: string; statnaam: string };
  geometry: MultiPolygon;
}
const outlines: Feature[] = JSON.parse(readFileSync(MUNICIPALITY_OUTLINES, 'utf8')).features;

/** Planar RD New area in ha, vertices projected one by one, holes subtracted (shoelace). */
function planarRdHa(geometry: MultiPolygon): number {
  const toRd = proj4('WGS84', RD_PROJ4);
  let m2 = 0;
  for (const polygon of geometry.coordinates) {
    polygon.forEach((ring, index) => {
      const points = ring.map((position) => toRd.forward([position[0], position[1]]));
      let twice = 0;
      for (let i = 0; i < points.length - 1; i++) {
        const [x0, y0] = points[i] as number[];
        const [x1, y1] = points[i + 1] as number[];
        twice += (x0 as number) * (y1 as number) - (x1 as number) * (y0 as number);
      }
      m2 += (index === 0 ? 1 : -1) * Math.abs(twice / 2);
    });
  }
  return m2 / 10_000;
}

async function json(argv: string[]) {
  const outcome = await run([...argv, '--format', 'json']);
  expect(outcome.code, outcome.stderr).toBe(0);
  return JSON.parse(outcome.stdout) as {
    areas: Array<{ id: string; name: string; area_ha: number }>;
    warnings: Array<{ kind: string; feature: number | null }>;
  };
}

test('--municipality alone analyses the shipped outline: id the code, name "<name> (GM0000)"', async () => {
  const out = await json(['--municipality', 'gm0344']);
  expect(out.areas).toHaveLength(1);
  const [utrecht] = out.areas;
  expect(utrecht).toMatchObject({ id: 'GM0344', name: 'Utrecht (GM0344)' });
  const outline = outlines.find((each) => each.properties.statcode === 'GM0344');
  const expected = planarRdHa(outline?.geometry as MultiPolygon);
  expect(Math.abs((utrecht?.area_ha as number) - expected) / expected).toBeLessThan(1e-6);
  // Utrecht is outside the synthetic demo: analysed with no-data, not refused.
  expect(out.warnings.some((warning) => warning.kind === 'no-data')).toBe(true);
});

test('--municipality is repeatable and comes after the areas of a file', async () => {
  const fromFile = await json([WGS84_POLYGONS]);
  const out = await json([
    WGS84_POLYGONS,
    '--municipality',
    'GM0518',
    '--municipality=GM1900',
    '--municipality',
    'GM0518',
  ]);
  expect(out.areas.map((area) => area.id)).toEqual([
    ...fromFile.areas.map((area) => area.id),
    'GM0518',
    'GM1900',
  ]);
  expect(out.areas.at(-2)?.name).toBe("'s-Gravenhage (GM0518)");
  expect(out.areas.at(-1)?.name).toBe('Súdwest-Fryslân (GM1900)');
});

test.each([
  ['GM0001', 'unknown'],
  ['GM1992', 'created in 2023 (Voorne aan Zee)'],
  ['Utrecht', 'a name, not a code'],
])('--municipality %s (%s) is a usage error naming the 2022 outlines', async (code) => {
  for (const lang of ['nl', 'en'] as const) {
    const outcome = await run(['--municipality', code, '--format', 'json', '--lang', lang]);
    expect(outcome.code).toBe(2);
    const { error } = JSON.parse(outcome.stdout);
    expect(error.kind).toBe('usage');
    expect(error.message).toContain(code);
    expect(error.message).toContain('2022');
  }
});

test('an unknown code is refused before an areas file is analysed', async () => {
  const outcome = await run([WGS84_POLYGONS, '--municipality', 'GM0001', '--format', 'json']);
  expect(outcome.code).toBe(2);
  expect(JSON.parse(outcome.stdout).error.kind).toBe('usage');
});
