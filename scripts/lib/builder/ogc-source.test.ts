import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { RD_URI } from '../../../src/core/builder/ogc-api';
import { type Fault, type FaultServer, startFaultServer } from '../../../test/support/fault-server';
import type { BuildFailure } from './build';
import { runDataCommand } from './data-command';
import { openOgcSource } from './ogc-source';

/**
 * OGC API Features paging against a local server replaying SPECIFICATION-SHAPED responses (not
 * recorded from PDOK): pages shaped as OGC API Features Part 1 and PDOK answer them, with cursor
 * paging through `next` links, `numberReturned`, `timeStamp` and `links`, plus injected faults.
 */
let server: FaultServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const LIMITS = {
  firstByteMs: 300,
  deadlineMs: 3000,
  retries: 2,
  backoffMs: 10,
  maxRetryWaitMs: 50,
};
const BOX: [number, number, number, number] = [100_000, 480_000, 101_000, 481_000];

/** A specification-shaped items page: `count` features, a `next` link to `nextCursor` if any. */
function specificationShapedPage(
  origin: string,
  collection: string,
  cursor: number,
  count: number,
  nextCursor: number | null,
): unknown {
  const self = `${origin}/ogc/collections/${collection}/items?f=json&cursor=${cursor}`;
  return {
    type: 'FeatureCollection',
    timeStamp: '2026-12-03T10:00:00Z',
    numberReturned: count,
    links: [
      { rel: 'self', type: 'application/geo+json', href: self },
      ...(nextCursor === null
        ? []
        : [
            {
              rel: 'next',
              type: 'application/geo+json',
              title: 'Next page',
              href: `${origin}/ogc/collections/${collection}/items?f=json&cursor=${nextCursor}`,
            },
          ]),
    ],
    features: Array.from({ length: count }, (_, i) => ({
      type: 'Feature',
      id: `${collection}.${cursor}.${i}`,
      properties: {
        bgt_status: 'bestaand',
        eind_registratie: null,
        relatieve_hoogteligging: 0,
        fysiek_voorkomen: 'gesloten verharding',
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [100_000, 480_000],
            [100_010, 480_000],
            [100_010, 480_010],
            [100_000, 480_000],
          ],
        ],
      },
    })),
  };
}

function collectionMeta(collection: string): Fault {
  return {
    kind: 'json',
    value: {
      id: collection,
      links: [],
      crs: [RD_URI, 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'],
      storageCrs: RD_URI,
    },
  };
}

/** A server for collection `wegdeel` whose pages come from `pageFault(cursor, count)`. */
async function serve(
  pageFault: (cursor: number, count: number, request: IncomingMessage) => Fault,
) {
  const requestUrls: string[] = [];
  const perCursor = new Map<number, number>();
  server = await startFaultServer({
    '/ogc/collections/wegdeel': collectionMeta('wegdeel'),
    '/ogc/collections/wegdeel/items': (request) => {
      requestUrls.push(request.url ?? '');
      const cursor = Number(new URL(request.url ?? '', 'http://x').searchParams.get('cursor') ?? 0);
      const count = perCursor.get(cursor) ?? 0;
      perCursor.set(cursor, count + 1);
      return pageFault(cursor, count, request);
    },
  });
  return { requestUrls, perCursor, origin: server.origin };
}

/** Three pages: cursor 0 (2 features) → 1 (2) → 2 (1). */
function threePages(origin: string) {
  return (cursor: number): Fault => ({
    kind: 'json',
    value: specificationShapedPage(
      origin,
      'wegdeel',
      cursor,
      cursor === 2 ? 1 : 2,
      cursor < 2 ? cursor + 1 : null,
    ),
  });
}

async function readAll(cacheDir: string, offline = false, url = server?.url('/ogc') ?? '') {
  const opened = await openOgcSource(url, 'bgt-wegdeel', 'wegdeel', {
    offline,
    cacheDir,
    limits: LIMITS,
    datetime: '2026-12-03T00:00:00Z',
    progress: () => {},
  });
  if (!opened.source)
    return { failure: { kind: 'usage', problems: opened.problems } as BuildFailure };
  let features = 0;
  try {
    const summary = await opened.source.read(BOX, () => {
      features++;
    });
    return { summary, features, crs: opened.source.crs };
  } catch (error) {
    const failure = (error as { builderFailure?: BuildFailure }).builderFailure;
    if (!failure) throw error;
    return { failure };
  }
}

describe('OGC API Features paging (specification-shaped responses)', () => {
  test('follows next links with bbox, bbox-crs, crs and datetime; hashes the pages in order', async () => {
    const { requestUrls, origin } = await serve((cursor) =>
      threePages(server?.origin ?? '')(cursor),
    );
    const cache = mkdtempSync(join(tmpdir(), 'kk-ogc-'));
    const result = await readAll(cache);
    expect(result.features).toBe(5);
    expect(result.crs).toBe('rd');
    const first = new URL(requestUrls[0] ?? '', origin).searchParams;
    expect(first.get('bbox')).toBe('100000,480000,101000,481000');
    expect(first.get('bbox-crs')).toBe(RD_URI);
    expect(first.get('crs')).toBe(RD_URI);
    expect(first.get('datetime')).toBe('2026-12-03T00:00:00Z');
    expect(first.get('limit')).toBe('1000');
    expect(requestUrls).toHaveLength(3);
    const hash = createHash('sha256');
    for (const cursor of [0, 1, 2]) {
      hash.update(
        JSON.stringify(
          specificationShapedPage(
            origin,
            'wegdeel',
            cursor,
            cursor === 2 ? 1 : 2,
            cursor < 2 ? cursor + 1 : null,
          ),
        ),
      );
    }
    expect(result.summary?.sha256).toBe(hash.digest('hex'));
  });

  test('a 500 and a 429 are retried; the build carries on', async () => {
    await serve((cursor, count) => {
      if (cursor === 1 && count === 0) return { kind: 'status', status: 500 };
      if (cursor === 2 && count === 0)
        return { kind: 'status', status: 429, headers: { 'Retry-After': '0' } };
      return threePages(server?.origin ?? '')(cursor);
    });
    const result = await readAll(mkdtempSync(join(tmpdir(), 'kk-ogc-')));
    expect(result.features).toBe(5);
  });

  test('a timeout fails clearly; a rerun resumes from the cache', async () => {
    let hang = true;
    const { perCursor } = await serve((cursor) =>
      cursor === 2 && hang ? { kind: 'hang' } : threePages(server?.origin ?? '')(cursor),
    );
    const cache = mkdtempSync(join(tmpdir(), 'kk-ogc-'));
    const failed = await readAll(cache);
    expect(failed.failure?.kind).toBe('unreachable');
    expect(JSON.stringify(failed.failure?.problems)).toContain('cursor=2');
    hang = false;
    const again = await readAll(cache);
    expect(again.features).toBe(5);
    // Pages 0 and 1 came from the cache: each was fetched once.
    expect(perCursor.get(0)).toBe(1);
    expect(perCursor.get(1)).toBe(1);
  });

  test('malformed JSON fails clearly, is not cached, and a rerun fetches it again', async () => {
    let broken = true;
    const { perCursor } = await serve((cursor) =>
      cursor === 1 && broken
        ? {
            kind: 'bytes',
            body: '{"type":"FeatureCollection","features":[{',
            contentType: 'application/json',
          }
        : threePages(server?.origin ?? '')(cursor),
    );
    const cache = mkdtempSync(join(tmpdir(), 'kk-ogc-'));
    const failed = await readAll(cache);
    expect(failed.failure?.problems[0]?.code).toBe('builder.pageInvalid');
    expect(failed.failure?.problems[0]?.params.detail).toBe('malformed JSON');
    broken = false;
    expect((await readAll(cache)).features).toBe(5);
    expect(perCursor.get(0)).toBe(1);
    expect(perCursor.get(1)).toBe(2);
  });

  test('a repeated page (a next link back to an earlier page) is refused, not looped', async () => {
    await serve((cursor) => ({
      kind: 'json',
      value: specificationShapedPage(
        server?.origin ?? '',
        'wegdeel',
        cursor,
        1,
        cursor === 1 ? 0 : 1,
      ),
    }));
    const result = await readAll(mkdtempSync(join(tmpdir(), 'kk-ogc-')));
    expect(result.failure?.problems[0]?.code).toBe('builder.pagingLoop');
  });

  test('an empty collection gives no features and no error', async () => {
    await serve(() => ({
      kind: 'json',
      value: specificationShapedPage(server?.origin ?? '', 'wegdeel', 0, 0, null),
    }));
    const result = await readAll(mkdtempSync(join(tmpdir(), 'kk-ogc-')));
    expect(result.features).toBe(0);
    expect(result.failure).toBeUndefined();
  });

  test('--offline reads the cache only, and names a page that is not in it', async () => {
    const { origin } = await serve((cursor) => threePages(server?.origin ?? '')(cursor));
    const cache = mkdtempSync(join(tmpdir(), 'kk-ogc-'));
    expect((await readAll(cache)).features).toBe(5);
    await server?.close();
    server = null;
    expect((await readAll(cache, true, `${origin}/ogc`)).features).toBe(5);
    const empty = mkdtempSync(join(tmpdir(), 'kk-ogc-'));
    const missing = await readAll(empty, true, `${origin}/ogc`);
    expect(missing.failure?.problems[0]?.code).toBe('builder.offlineMissing');
  });

  test('a missing collection is refused before any page is read', async () => {
    server = await startFaultServer({});
    const result = await readAll(mkdtempSync(join(tmpdir(), 'kk-ogc-')));
    expect(result.failure?.problems[0]?.code).toMatch(/^net\./);
  });
});

describe('npm run data with --bgt as an OGC API Features URL', () => {
  test('builds from the API, fails clearly on a fault, and a rerun resumes from the cache', async () => {
    const collections = [
      'pand',
      'wegdeel',
      'ondersteunendwegdeel',
      'onbegroeidterreindeel',
      'begroeidterreindeel',
      'waterdeel',
    ];
    let fail = true;
    const routes: Record<string, import('../../../test/support/fault-server').Route> = {};
    for (const collection of collections) {
      routes[`/ogc/collections/${collection}`] = collectionMeta(collection);
      routes[`/ogc/collections/${collection}/items`] = (request) => {
        const cursor = Number(
          new URL(request.url ?? '', 'http://x').searchParams.get('cursor') ?? 0,
        );
        if (collection === 'waterdeel' && fail) return { kind: 'status', status: 503 };
        const count = collection === 'wegdeel' ? (cursor === 0 ? 2 : 1) : 0;
        const next = collection === 'wegdeel' && cursor === 0 ? 1 : null;
        return {
          kind: 'json',
          value: specificationShapedPage(server?.origin ?? '', collection, cursor, count, next),
        };
      };
    }
    server = await startFaultServer(routes);
    const dir = mkdtempSync(join(tmpdir(), 'kk-ogc-build-'));
    const outline = join(dir, 'outline.geojson');
    writeFileSync(
      outline,
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [100_000, 480_000],
                  [100_100, 480_000],
                  [100_100, 480_100],
                  [100_000, 480_100],
                  [100_000, 480_000],
                ],
              ],
            },
          },
        ],
      }),
    );
    const args = [
      '--municipality',
      'GM0397',
      '--outline',
      outline,
      '--bgt',
      server.url('/ogc'),
      '--cache',
      join(dir, 'cache'),
      '--lang',
      'en',
    ];
    const env = { ...process.env };
    process.env.KOOLSTOFKAART_FETCH_RETRIES = '0';
    try {
      const lines: string[] = [];
      expect(await runDataCommand([...args, '--out', join(dir, 'a')], (t) => lines.push(t))).toBe(
        2,
      );
      expect(lines.join('')).toMatch(/waterdeel/);
      expect(existsSync(join(dir, 'a'))).toBe(false);
      const wegdeelPages = server.countOf('/ogc/collections/wegdeel/items');
      fail = false;
      const again: string[] = [];
      expect(
        await runDataCommand([...args, '--out', join(dir, 'b')], (t) => again.push(t)),
        again.join(''),
      ).toBe(0);
      // The wegdeel pages came from the cache on the rerun.
      expect(server.countOf('/ogc/collections/wegdeel/items')).toBe(wegdeelPages);
      expect(again.join('')).toMatch(/bgt-wegdeel: 2 pages, 2 from the cache/);
      const catalogue = JSON.parse(readFileSync(join(dir, 'b', 'catalogue.json'), 'utf8'));
      const wegdeel = catalogue.sources.find((s: { id: string }) => s.id === 'bgt-wegdeel');
      expect(wegdeel.url).toBe(server.url('/ogc/collections/wegdeel'));
      expect(wegdeel.sha256).toMatch(/^[0-9a-f]{64}$/);
      const report = JSON.parse(readFileSync(join(dir, 'b', 'build-report.json'), 'utf8'));
      expect(report.sources.find((s: { id: string }) => s.id === 'bgt-wegdeel').features_read).toBe(
        3,
      );
    } finally {
      process.env = env;
    }
  });
});
