/**
 * `package-build-s` and `package-build-peak-kib` (DESIGN.md 7.3, issue 13): the package builder
 * (`npm run data`) on a generated 10,000 ha municipality (a 10 km x 10 km outline) with 100,000
 * BGT features and 4,000 soil polygons, all from local GeoJSON files written here. Time is wall
 * clock from starting the command to its exit (tsx start-up included); peak memory is the child's
 * maximum resident set size. Target: under 60 s and 2 GB. No baseline.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRandom } from '../../src/core/demo/random';
import type { Benchmark } from './bench-kit';

const root = resolve(import.meta.dirname, '../..');
const MIN_X = 150_000;
const MIN_Y = 440_000;
const SIDE = 10_000;
const BGT_COUNTS: Record<string, number> = {
  pand: 40_000,
  wegdeel: 25_000,
  onbegroeidterreindeel: 10_000,
  begroeidterreindeel: 20_000,
  waterdeel: 5_000,
};
const CRS = '{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}}';

function ring(x: number, y: number, w: number, h: number): string {
  return `[[[${x},${y}],[${x + w},${y}],[${x + w},${y + h}],[${x},${y + h}],[${x},${y}]]]`;
}

async function writeCollection(
  path: string,
  count: number,
  feature: (i: number) => { properties: Record<string, unknown>; coordinates: string },
): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r));
  await write(`{"type":"FeatureCollection","crs":${CRS},"features":[\n`);
  for (let i = 0; i < count; i++) {
    const { properties, coordinates } = feature(i);
    await write(
      `${i ? ',\n' : ''}{"type":"Feature","properties":${JSON.stringify(properties)},"geometry":{"type":"Polygon","coordinates":${coordinates}}}`,
    );
  }
  await write('\n]}\n');
  await new Promise<void>((r) => out.end(r));
}

/** Writes the generated municipality's sources; returns their paths. */
export async function writeBenchSources(dir: string): Promise<Record<string, string>> {
  const random = createRandom(20261203);
  const outline = join(dir, 'outline.geojson');
  await writeCollection(outline, 1, () => ({
    properties: { name: 'bench' },
    coordinates: ring(MIN_X, MIN_Y, SIDE, SIDE),
  }));
  const ids = readFileSync(
    join(root, 'data/reference/bro-bodemkaart-tables/SoilProfiles_MapAreaID.csv'),
    'utf8',
  )
    .split('\n')
    .filter((line) => /^\d/.test(line))
    .map((line) => line.split(',')[0] as string);
  const soil = join(dir, 'soil.geojson');
  // 100 columns x 40 rows of 100 m x 250 m soil polygons.
  await writeCollection(soil, 4000, (i) => ({
    properties: { maparea_id: `V2025-1..soilarea.${ids[i % ids.length]}` },
    coordinates: ring(MIN_X + (i % 100) * 100, MIN_Y + Math.floor(i / 100) * 250, 100, 250),
  }));
  const bgt = join(dir, 'bgt');
  mkdirSync(bgt, { recursive: true });
  const surfaces = ['gesloten verharding', 'open verharding', 'half verhard', 'onverhard'];
  const green = ['bouwland', 'grasland agrarisch', 'loofbos', 'heide', 'groenvoorziening'];
  for (const [collection, count] of Object.entries(BGT_COUNTS)) {
    await writeCollection(join(bgt, `${collection}.geojson`), count, () => {
      const w = 5 + random.next() * 40;
      const h = 5 + random.next() * 40;
      const x = MIN_X + random.next() * (SIDE - w);
      const y = MIN_Y + random.next() * (SIDE - h);
      const properties: Record<string, unknown> = {
        bgt_status: 'bestaand',
        eind_registratie: null,
        relatieve_hoogteligging: 0,
      };
      if (collection === 'begroeidterreindeel') {
        properties.fysiek_voorkomen = green[Math.floor(random.next() * green.length)];
      } else if (collection !== 'pand' && collection !== 'waterdeel') {
        properties.fysiek_voorkomen = surfaces[Math.floor(random.next() * surfaces.length)];
      }
      const r = (v: number) => Math.round(v * 1000) / 1000;
      return { properties, coordinates: ring(r(x), r(y), r(w), r(h)) };
    });
  }
  return { outline, soil, bgt };
}

function runBuild(args: string[]): Promise<{ seconds: number; maxRssKb: number; stderr: string }> {
  const started = performance.now();
  return new Promise((done, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--import', './scripts/lib/report-rss.ts', 'scripts/data.ts', ...args],
      { cwd: root, maxBuffer: 16 * 1024 * 1024, timeout: 600_000 },
      (error, _stdout, stderr) => {
        if (error) {
          reject(new Error(`data failed: ${stderr}`));
          return;
        }
        const rss = /maxrss-kb (\d+)\s*$/.exec(stderr);
        done({
          seconds: (performance.now() - started) / 1000,
          maxRssKb: rss ? Number(rss[1]) : Number.NaN,
          stderr,
        });
      },
    );
  });
}

export const benchmarks: Benchmark[] = [
  {
    name: 'package-build',
    async run({ log }) {
      const dir = mkdtempSync(join(tmpdir(), 'kk-bench-build-'));
      try {
        log('package-build: writing a 10,000 ha municipality with 100,000 BGT features');
        const sources = await writeBenchSources(dir);
        const out = join(dir, 'package');
        const result = await runBuild([
          '--municipality',
          'GM0344',
          '--outline',
          sources.outline as string,
          '--soil',
          sources.soil as string,
          '--bgt',
          sources.bgt as string,
          '--out',
          out,
          '--lang',
          'en',
        ]);
        log(result.stderr.trim());
        return [
          {
            name: 'package-build-s',
            value: result.seconds,
            unit: 's',
            baseline: null,
            target: '< 60 s',
            note: '10,000 ha, 100,000 BGT + 4,000 soil polygons, local GeoJSON',
          },
          {
            name: 'package-build-peak-kib',
            value: result.maxRssKb,
            unit: 'KiB',
            baseline: null,
            target: '< 2 GB',
            note: 'peak resident set size of the build process',
          },
        ];
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
