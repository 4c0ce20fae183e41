import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeCog } from '../raster/cog-writer';
import { openPackage } from './open-package';
import {
  folderSource,
  isPackageZip,
  type PackageSource,
  urlSource,
  zipSource,
} from './package-source';

const packageDir = resolve(import.meta.dirname, '../../../data/packages/test-salland');
const made: string[] = [];

async function readOrNull(path: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}

/** A copy of the test package in a temporary folder, changed by `change`. */
function copy(change: (folder: string) => void = () => {}): PackageSource {
  const folder = mkdtempSync(join(tmpdir(), 'kk-package-'));
  made.push(folder);
  cpSync(packageDir, folder, { recursive: true });
  change(folder);
  return folderSource(folder, readOrNull);
}

function editCatalogue(folder: string, edit: (c: Record<string, unknown>) => void): void {
  const path = join(folder, 'catalogue.json');
  const catalogue = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(catalogue);
  writeFileSync(path, JSON.stringify(catalogue));
}

function zipOf(folder: string, top: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(folder))
    files[top ? `${top}/${name}` : name] = readFileSync(join(folder, name));
  return zipSync(files);
}

afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

describe('openPackage: a good package', () => {
  test('from a folder: catalogue, outline polygons, layers checked', async () => {
    const result = await openPackage(folderSource(packageDir, readOrNull));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value.catalogue.id).toBe('test-salland');
    expect(result.value.outline.features[0]?.geometry.type).toBe('Polygon');
  });

  test('from a zip with the files at its root, or in one top folder', async () => {
    for (const top of ['', 'test-salland']) {
      const bytes = zipOf(packageDir, top);
      expect(isPackageZip(bytes)).toBe(true);
      const source = zipSource('salland.zip', bytes);
      if (!source) throw new Error('not a package zip');
      const result = await openPackage(source);
      expect(result.ok, top).toBe(true);
    }
  });

  test('a zip of areas (no catalogue.json) is not a package', () => {
    const areas = zipSync({
      'areas.geojson': strToU8('{"type":"FeatureCollection","features":[]}'),
    });
    expect(isPackageZip(areas)).toBe(false);
    expect(zipSource('areas.zip', areas)).toBeNull();
    // Two top folders: not "one top folder".
    const two = zipSync({ 'a/catalogue.json': strToU8('{}'), 'b/x.tif': new Uint8Array(4) });
    expect(isPackageZip(two)).toBe(false);
    expect(isPackageZip(new Uint8Array([0x50, 0x4b, 1, 2]))).toBe(false);
  });
});

/** [case, how the package is broken, message codes expected, file named in each] */
const broken: [string, (folder: string) => void, string[], string[]][] = [
  ['no catalogue', (f) => rmSync(join(f, 'catalogue.json')), ['packages.noCatalogue'], ['']],
  [
    'a catalogue that is not JSON',
    (f) => writeFileSync(join(f, 'catalogue.json'), '{"id": "x",'),
    ['packages.notJson'],
    ['catalogue.json'],
  ],
  [
    'a catalogue in the wrong CRS',
    (f) => editCatalogue(f, (c) => void Object.assign(c, { crs: 'EPSG:4326' })),
    ['packages.catalogueInvalid'],
    ['catalogue.json'],
  ],
  [
    'a catalogue without the package keys of DESIGN 8.1',
    (f) =>
      editCatalogue(f, (c) => {
        delete c.sources;
        delete c.created;
      }),
    ['packages.catalogueInvalid', 'packages.catalogueInvalid'],
    ['catalogue.json', 'catalogue.json'],
  ],
  [
    'a layer file missing',
    (f) => rmSync(join(f, 'sealed.tif')),
    ['packages.layerMissing'],
    ['sealed.tif'],
  ],
  [
    'a layer file that is not a GeoTIFF',
    (f) => writeFileSync(join(f, 'land-use.tif'), 'not a tiff'),
    ['packages.layerUnreadable'],
    ['land-use.tif'],
  ],
  [
    'a truncated layer file',
    (f) => {
      const bytes = readFileSync(join(f, 'carbon-stock.tif'));
      writeFileSync(join(f, 'carbon-stock.tif'), bytes.subarray(0, 40));
    },
    ['packages.layerUnreadable'],
    ['carbon-stock.tif'],
  ],
  [
    'a layer in Web Mercator, not EPSG:28992',
    (f) =>
      writeFileSync(
        join(f, 'soil-group.tif'),
        writeCog({
          width: 16,
          height: 16,
          data: new Uint8Array(256).fill(5),
          sampleType: 'uint8',
          originX: 600_000,
          originY: 6_800_000,
          cellSize: 25,
          nodata: 255,
          resampling: 'mode',
          epsg: 3857,
          tileSize: 16,
        }),
      ),
    ['packages.layerCrs'],
    ['soil-group.tif'],
  ],
  [
    'no outline file',
    (f) => rmSync(join(f, 'outline.geojson')),
    ['packages.outlineMissing'],
    ['outline.geojson'],
  ],
  [
    'an outline that is a line',
    (f) =>
      writeFileSync(
        join(f, 'outline.geojson'),
        JSON.stringify({
          type: 'LineString',
          coordinates: [
            [6.2, 52.2],
            [6.3, 52.3],
          ],
        }),
      ),
    ['packages.outlineNotPolygon'],
    ['outline.geojson'],
  ],
  [
    'an outline of points',
    (f) =>
      writeFileSync(
        join(f, 'outline.geojson'),
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: {},
              geometry: { type: 'Point', coordinates: [6.2, 52.2] },
            },
          ],
        }),
      ),
    ['packages.outlineNotPolygon'],
    ['outline.geojson'],
  ],
  [
    'an outline in RD metres, not WGS84',
    (f) =>
      writeFileSync(
        join(f, 'outline.geojson'),
        JSON.stringify({
          type: 'Polygon',
          coordinates: [
            [
              [206000, 474000],
              [209000, 474000],
              [209000, 476000],
              [206000, 474000],
            ],
          ],
        }),
      ),
    ['packages.outlineNotPolygon'],
    ['outline.geojson'],
  ],
  [
    'an outline that is not JSON',
    (f) => writeFileSync(join(f, 'outline.geojson'), 'POLYGON((6 52, 7 52, 7 53, 6 52))'),
    ['packages.notJson'],
    ['outline.geojson'],
  ],
  [
    'a layer missing and an outline that is not a polygon: one message each',
    (f) => {
      rmSync(join(f, 'organic-matter.tif'));
      writeFileSync(join(f, 'outline.geojson'), '{"type":"Point","coordinates":[6.2,52.2]}');
    },
    ['packages.layerMissing', 'packages.outlineNotPolygon'],
    ['organic-matter.tif', 'outline.geojson'],
  ],
];

describe('openPackage: broken packages are refused, one message per problem naming the file', () => {
  test('at least 10 cases', () => expect(broken.length).toBeGreaterThanOrEqual(10));
  for (const [name, breakIt, codes, files] of broken) {
    test(name, async () => {
      const result = await openPackage(copy(breakIt));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems.map((p) => p.code)).toEqual(codes);
      expect(result.error).toEqual(result.problems[0]);
      result.problems.forEach((problem, i) => {
        expect(String(problem.params?.file)).toContain(files[i]);
      });
    });
  }

  test('the same refusals come from a zip', async () => {
    const source = copy((f) => rmSync(join(f, 'sealed.tif')));
    const zip = zipSource('broken.zip', zipOf(source.label, 'broken'));
    if (!zip) throw new Error('zip');
    const result = await openPackage(zip);
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.params?.file])).toEqual([
      ['packages.layerMissing', 'broken.zip: broken/sealed.tif'],
    ]);
  });
});

describe('openPackage from a URL served locally', () => {
  let server: Server;
  let base: string;
  let folder: string;

  beforeAll(async () => {
    folder = copy().label;
    server = createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      if (path.startsWith('/fail/')) return void response.writeHead(500).end('boom');
      let body: Buffer;
      try {
        body = readFileSync(join(folder, path.replace(/^\/(good|gone)\//, '')));
      } catch {
        return void response.writeHead(404).end();
      }
      if (path.startsWith('/gone/') && path.endsWith('.tif'))
        return void response.writeHead(404).end();
      const range = /bytes=(\d+)-(\d*)/.exec(request.headers.range ?? '');
      if (!range) return void response.writeHead(200, { 'content-length': body.length }).end(body);
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
      response
        .writeHead(206, {
          'content-range': `bytes ${start}-${end}/${body.length}`,
          'content-length': end - start + 1,
        })
        .end(body.subarray(start, end + 1));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  test('a folder URL (with or without catalogue.json) opens', async () => {
    for (const url of [`${base}/good`, `${base}/good/`, `${base}/good/catalogue.json`]) {
      const result = await openPackage(urlSource(url));
      expect(result.ok, url).toBe(true);
    }
  });

  test('layers answering 404 are missing, named by URL', async () => {
    const result = await openPackage(urlSource(`${base}/gone/`));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual(Array(5).fill('packages.layerMissing'));
    expect(result.problems[0]?.params?.file).toBe(`${base}/gone/organic-matter.tif`);
  });

  test('a server error is unreachable, naming the URL', async () => {
    const result = await openPackage(urlSource(`${base}/fail/`));
    expect(result.ok ? null : result.error).toEqual({
      kind: 'unreachable',
      code: 'packages.fileUnreachable',
      params: { file: `${base}/fail/catalogue.json` },
    });
  });
});
