import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type FaultServer, startFaultServer } from '../../../test/support/fault-server';
import { syntheticMeta } from '../../../test/support/synthetic-layers';
import { DEFAULT_SCENARIO } from '../estimate/scenario';
import type { Catalogue } from '../raster/catalogue-types';
import { openDataset } from './dataset';
import { createAnalysisSession } from './session';

const fixtures = resolve(import.meta.dirname, '../../../test/fixtures/zonal');
const expected = JSON.parse(readFileSync(`${fixtures}/small.expected.json`, 'utf8')) as {
  features: Array<{ id: string; mean: number; sum_t: number; valid_ha: number }>;
};
const wgs84 = JSON.parse(
  readFileSync(`${fixtures}/small.polygons.wgs84.geojson`, 'utf8'),
) as FeatureCollection<Polygon, { id: string; name: string }>;

const catalogue: Catalogue = {
  id: 'test',
  title: { nl: 'test', en: 'test' },
  crs: 'EPSG:28992',
  bbox_rd: [150_000, 460_000, 160_000, 470_000],
  synthetic: false,
  attribution: { nl: 'test', en: 'test' },
  layers: [
    syntheticMeta('carbon-stock', { file: 'stock.tif', synthetic: false }),
    syntheticMeta('sealed', { file: 'broken.tif', synthetic: false }),
    { ...syntheticMeta('sealed'), id: 'potential', kind: 'derived' },
  ],
};

let folder: string;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'kk-dataset-'));
  copyFileSync(`${fixtures}/small.tif`, join(folder, 'stock.tif'));
  writeFileSync(join(folder, 'broken.tif'), 'not a tiff');
  writeFileSync(join(folder, 'catalogue.json'), JSON.stringify(catalogue));
  // A static server with HTTP Range support, as the app's server has.
  server = createServer((request, response) => {
    try {
      const body = readFileSync(join(folder, (request.url ?? '/').slice(1)));
      const range = /bytes=(\d+)-(\d*)/.exec(request.headers.range ?? '');
      if (!range) {
        response.writeHead(200, { 'content-length': body.length }).end(body);
        return;
      }
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
      response
        .writeHead(206, {
          'content-range': `bytes ${start}-${end}/${body.length}`,
          'content-length': end - start + 1,
        })
        .end(body.subarray(start, end + 1));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

const readText = (path: string) => Promise.resolve(readFileSync(path, 'utf8'));

describe('openDataset', () => {
  test('opens the layers with a file from a folder, only those asked for', async () => {
    const result = await openDataset(
      { kind: 'path', path: join(folder, 'catalogue.json'), readText },
      { ids: ['carbon-stock'] },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.layers.map((layer) => layer.id)).toEqual(['carbon-stock']);
    expect(result.value.layers[0]?.raster.width).toBe(400);
  });

  test('a layer that is not a GeoTIFF is an unreadable error naming the layer', async () => {
    const result = await openDataset({
      kind: 'path',
      path: join(folder, 'catalogue.json'),
      readText,
    });
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'unreadable',
        code: 'errors.layerUnreadable',
        params: { id: 'sealed', file: 'broken.tif' },
      },
    });
  });

  test('a catalogue URL answering 404 is unreachable, naming the URL and the status', async () => {
    const url = `${baseUrl}/missing.json`;
    const result = await openDataset({ kind: 'url', url });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'unreachable', code: 'net.status', params: { url, status: 404 } },
    });
  });
});

describe('openDataset over a server with faults', () => {
  let faults: FaultServer;
  beforeAll(async () => {
    const hanging: Catalogue = {
      ...catalogue,
      layers: [syntheticMeta('carbon-stock', { file: 'hang.tif', synthetic: false })],
    };
    faults = await startFaultServer({
      '/catalogue.json': { kind: 'json', value: hanging },
      '/hang.tif': { kind: 'hang' },
      '/slow.json': { kind: 'stall', length: 1000, sent: 10 },
    });
  });
  afterAll(() => faults.close());

  test('a layer whose server never answers is unreachable within the first-byte timeout', async () => {
    const started = performance.now();
    const result = await openDataset({
      kind: 'url',
      url: faults.url('/catalogue.json'),
      limits: { firstByteMs: 200 },
    });
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'unreachable',
        code: 'net.firstByteTimeout',
        params: {
          url: faults.url('/hang.tif'),
          seconds: 0.2,
          id: 'carbon-stock',
          file: 'hang.tif',
        },
      },
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test('a catalogue whose body stalls is unreachable', async () => {
    const result = await openDataset({
      kind: 'url',
      url: faults.url('/slow.json'),
      limits: { rateWindowMs: 200 },
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({ kind: 'unreachable', code: 'net.stalled' });
  });
});

describe('analysis session over a dataset served by URL', () => {
  test('WGS84 areas give the fixture statistics within 1e-5', async () => {
    const session = createAnalysisSession();
    const opened = await session.open({ kind: 'url', url: `${baseUrl}/catalogue.json` }, [
      'carbon-stock',
    ]);
    expect(opened.ok).toBe(true);
    const areas = wgs84.features.slice(0, 4).map((feature) => ({
      id: feature.properties.id,
      name: feature.properties.name,
      geometry: feature.geometry,
    }));
    const response = await session.analyze(1, areas, DEFAULT_SCENARIO);
    if (response.status !== 'done') throw new Error(response.status);
    for (const area of response.result.areas) {
      const want = expected.features.find((feature) => feature.id === area.id);
      const stats = area.layers['carbon-stock'];
      if (!want || !stats || stats.mean === undefined || stats.mean === null)
        throw new Error(area.id);
      expect(Math.abs(stats.mean / want.mean - 1)).toBeLessThan(1e-5);
      expect(Math.abs(stats.sum_t / want.sum_t - 1)).toBeLessThan(1e-5);
      expect(area.estimate?.stock_t_c.central).toBeCloseTo(stats.sum_t, 4);
    }
    expect(response.result.warnings.map((warning) => warning.kind)).toEqual(['cross-omitted']);
  });

  test('before a dataset is open a request fails with a message key', async () => {
    const response = await createAnalysisSession().analyze(1, [], DEFAULT_SCENARIO);
    expect(response).toEqual({
      requestId: 1,
      status: 'failed',
      error: { kind: 'usage', code: 'analysis.notOpened' },
    });
  });
});
