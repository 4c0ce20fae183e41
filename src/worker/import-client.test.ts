import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Endpoint, expose } from 'comlink';
import { afterEach, expect, test } from 'vitest';
import { parseAreasFile } from '../core/parse';
import { importApi } from './import-api';
import { createImportClient, type ImportClient, type ImportEndpoint } from './import-client';

/** A worker stand-in: the real worker API exposed on the other end of a MessageChannel. */
let started = 0;
function channelWorker(): ImportEndpoint {
  started++;
  const { port1, port2 } = new MessageChannel();
  expose(importApi, port2 as unknown as Endpoint);
  return Object.assign(port1 as unknown as Endpoint, {
    terminate: () => {
      port1.close();
      port2.close();
    },
  });
}

const fixture = resolve(
  import.meta.dirname,
  '../../test/fixtures/imports/files/geojson_rd_qgis_crs_gouda.geojson',
);
const read = () => new Uint8Array(readFileSync(fixture));

function manySquares(count: number): Uint8Array {
  const features = Array.from({ length: count }, (_, i) => {
    const x = 140_000 + (i % 100) * 100;
    const y = 450_000 + Math.floor(i / 100) * 100;
    return `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[${x},${y}],[${x + 50},${y}],[${x + 50},${y + 50}],[${x},${y}]]]}}`;
  });
  return new TextEncoder().encode(
    `{"type":"FeatureCollection","features":[${features.join(',')}]}`,
  );
}

let client: ImportClient;
afterEach(() => client?.dispose());

test('the client returns what the parser returns, with progress up to 1', async () => {
  client = createImportClient(channelWorker);
  const progress: number[] = [];
  const result = await client.parse({
    file: { name: 'a.geojson', bytes: read() },
    onProgress: (f) => progress.push(f),
  });
  const direct = await parseAreasFile({ name: 'a.geojson', bytes: read() });
  expect(result).toEqual(direct);
  await new Promise((r) => setTimeout(r, 10));
  expect(progress.at(-1)).toBe(1);
});

test('a File is read and parsed; bad files come back as values', async () => {
  client = createImportClient(channelWorker);
  const result = await client.parse({
    file: new File(['{"type":"FeatureCollection","features":[]}'], 'leeg.geojson'),
  });
  expect(result).toEqual({ ok: false, error: { kind: 'empty', code: 'import.noFeatures' } });
});

test('cancel rejects with AbortError and the next import starts a fresh worker', async () => {
  started = 0;
  client = createImportClient(channelWorker);
  const running = client.parse({ file: { name: 'big.geojson', bytes: manySquares(5_000) } });
  client.cancel();
  await expect(running).rejects.toMatchObject({ name: 'AbortError' });
  const next = await client.parse({ file: { name: 'a.geojson', bytes: read() } });
  expect(next.ok && next.value.areas.length).toBe(3);
  expect(started).toBe(2);
});

test('an AbortSignal cancels too', async () => {
  client = createImportClient(channelWorker);
  const controller = new AbortController();
  const running = client.parse({
    file: { name: 'big.geojson', bytes: manySquares(5_000) },
    signal: controller.signal,
  });
  controller.abort();
  await expect(running).rejects.toMatchObject({ name: 'AbortError' });
});

test('a cancel while a File is still being read counts too', async () => {
  started = 0;
  client = createImportClient(channelWorker);
  const running = client.parse({ file: new File([read()], 'a.geojson') });
  client.cancel();
  await expect(running).rejects.toMatchObject({ name: 'AbortError' });
  expect(started).toBe(0);
});

test('an already aborted signal rejects without starting a worker', async () => {
  started = 0;
  client = createImportClient(channelWorker);
  const running = client.parse({
    file: { name: 'a.geojson', bytes: read() },
    signal: AbortSignal.abort(),
  });
  await expect(running).rejects.toMatchObject({ name: 'AbortError' });
  expect(started).toBe(0);
});
