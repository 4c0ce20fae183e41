import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FaultServer, startFaultServer } from '../../../test/support/fault-server';
import { syntheticMeta } from '../../../test/support/synthetic-layers';
import { FetchError } from '../net/fetch-error';
import { TileService } from './tile-service';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({
    '/flaky/catalogue.json': [
      { kind: 'status', status: 502 },
      { kind: 'json', value: { layers: [syntheticMeta('carbon-stock')] } },
    ],
    '/gone/catalogue.json': { kind: 'status', status: 410 },
  });
});
afterAll(() => server.close());

test('the catalogue is fetched through the bounded fetch: a 502 is retried', async () => {
  const service = new TileService();
  const catalogue = await service.open(server.url('/flaky/catalogue.json'));
  expect(catalogue.layers.map((layer) => layer.id)).toEqual(['carbon-stock']);
  expect(server.countOf('/flaky/catalogue.json')).toBe(2);
});

test('a catalogue URL that fails rejects with a FetchError naming the URL and status', async () => {
  const service = new TileService();
  const url = server.url('/gone/catalogue.json');
  const error = await service.open(url).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(FetchError);
  expect((error as FetchError).appError).toEqual({
    kind: 'unreachable',
    code: 'net.status',
    params: { url, status: 410 },
  });
});
