import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FaultServer, startFaultServer } from '../../../test/support/fault-server';
import { openRaster } from '../raster/raster-source';
import { FetchError } from './fetch-error';

const SMALL_TIF = join(import.meta.dirname, '../../../test/fixtures/zonal/small.tif');
const FAST = { firstByteMs: 300, rateWindowMs: 300, minBytesPerSecond: 1000, backoffMs: 10 };

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({
    '/small.tif': { kind: 'bytes', body: readFileSync(SMALL_TIF), contentType: 'image/tiff' },
    '/hang.tif': { kind: 'hang' },
    '/trickle.tif': { kind: 'trickle', length: 100_000, everyMs: 20, partial: true },
    '/flaky.tif': [
      { kind: 'status', status: 503 },
      { kind: 'bytes', body: readFileSync(SMALL_TIF) },
    ],
  });
});
afterAll(() => server.close());

test('a raster URL is read with HTTP range requests through the bounded fetch', async () => {
  const raster = await openRaster({ kind: 'url', url: server.url('/small.tif'), limits: FAST });
  const cells = await raster.readWindow(0, [0, 0, 4, 4]);
  expect(cells).toHaveLength(16);
  const requests = server.requests.filter((request) => request.path === '/small.tif');
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.every((request) => /^bytes=\d+-\d+$/.test(request.headers.range ?? ''))).toBe(
    true,
  );
});

test('a raster server that never answers throws a FetchError naming the URL', async () => {
  const url = server.url('/hang.tif');
  const opening = openRaster({ kind: 'url', url, limits: FAST });
  await expect(opening).rejects.toThrow(FetchError);
  const error = (await opening.then(
    () => null,
    (caught: unknown) => caught,
  )) as FetchError;
  expect(error.appError).toMatchObject({ kind: 'unreachable', params: { url } });
  expect(error.failure.cause).toBe('first-byte-timeout');
});

test('a raster trickling at 50 bytes/s is given up as too slow', async () => {
  const error = await openRaster({ kind: 'url', url: server.url('/trickle.tif'), limits: FAST })
    .then(() => null)
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(FetchError);
  expect((error as FetchError).failure.cause).toBe('too-slow');
});

test('a 503 on a range request is retried', async () => {
  const raster = await openRaster({ kind: 'url', url: server.url('/flaky.tif'), limits: FAST });
  expect(raster.width).toBeGreaterThan(0);
  expect(server.countOf('/flaky.tif')).toBeGreaterThanOrEqual(2);
});

test('the caller aborting a raster read is a cancellation', async () => {
  const controller = new AbortController();
  const opening = openRaster(
    { kind: 'url', url: server.url('/hang.tif'), limits: { ...FAST, firstByteMs: 5000 } },
    controller.signal,
  );
  setTimeout(() => controller.abort(), 50);
  const error = await opening.then(() => null).catch((caught: unknown) => caught);
  expect((error as Error).name).toBe('AbortError');
});
