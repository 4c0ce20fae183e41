import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { type FaultServer, startFaultServer } from '../../test/support/fault-server';
import { resetServiceUrls, setServiceUrls } from '../core/net/services';
import { pdokTileUrl, probePdok } from './basemap-pdok';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({
    '/wmts/standaard/10/527/337.png': { kind: 'bytes', body: 'PNG', contentType: 'image/png' },
    '/hang/standaard/10/527/337.png': { kind: 'hang' },
  });
});
afterAll(() => server.close());
afterEach(() => resetServiceUrls());

test('the probe reads the tile URL from the settings module', async () => {
  setServiceUrls({ pdokBasemapWmts: server.url('/wmts/{layer}/{z}/{x}/{y}.png') });
  const url = pdokTileUrl(5.3872, 52.1552, 10);
  expect(url).toBe(server.url('/wmts/standaard/10/527/337.png'));
  expect(await probePdok(url)).toBe('ok');
});

test('a PDOK that never answers is unreachable after the probe timeout', async () => {
  setServiceUrls({ pdokBasemapWmts: server.url('/hang/{layer}/{z}/{x}/{y}.png') });
  const started = performance.now();
  expect(await probePdok(pdokTileUrl(5.3872, 52.1552, 10), 200)).toBe('unreachable');
  expect(performance.now() - started).toBeLessThan(1500);
});
