import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FaultServer, startFaultServer } from '../../test/support/fault-server';
import { fetchDatasetJson } from './dataset';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({
    '/catalogue.json': { kind: 'json', value: { layers: [] } },
    '/index.html': { kind: 'bytes', body: '<!doctype html>', contentType: 'text/html' },
    '/broken.json': { kind: 'bytes', body: '{"layers":', contentType: 'application/json' },
    '/error.json': { kind: 'status', status: 503 },
  });
});
afterAll(() => server.close());

test('a dataset JSON file is read', async () => {
  expect(await fetchDatasetJson(server.url('/catalogue.json'))).toEqual({
    ok: true,
    value: { layers: [] },
    notes: [],
  });
});

test('a server error is unreachable, naming the URL and the status, after retries', async () => {
  const url = server.url('/error.json');
  expect(await fetchDatasetJson(url)).toEqual({
    ok: false,
    error: { kind: 'unreachable', code: 'net.status', params: { url, status: 503 } },
  });
  expect(server.countOf('/error.json')).toBe(3);
});

test('an index page instead of the file is "not there"; broken JSON is invalid', async () => {
  const html = await fetchDatasetJson(server.url('/index.html'));
  expect(html.ok || html.error.code).toBe('map.datasetUnavailable');
  const broken = await fetchDatasetJson(server.url('/broken.json'));
  expect(broken.ok || broken.error.code).toBe('map.datasetInvalid');
});

test('a cancelled read comes back as a value saying so', async () => {
  const controller = new AbortController();
  controller.abort();
  const result = await fetchDatasetJson(server.url('/catalogue.json'), controller.signal);
  expect(result.ok || result.error.code).toBe('net.cancelled');
});
