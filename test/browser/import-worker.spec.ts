import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from './harness';

/**
 * The import worker in Chromium: a bare page (import-worker-page/) around the client, built with
 * Vite so the module worker is bundled as the app bundles it.
 */
const root = resolve(import.meta.dirname, '../..');
const fixtures = resolve(root, 'test/fixtures/imports/files');
let outDir: string;
let server: Server;
let browser: Browser;
let page: Page;
const errors: string[] = [];

interface Summary {
  ok: boolean;
  error: { kind: string; code: string } | null;
  areas: number;
  firstName: string | null;
  progress: number[];
}

type Check = {
  parse(text: string, name: string): Promise<Summary>;
  cancelled(text: string): Promise<string>;
};

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'kk-import-worker-'));
  await build({
    configFile: false,
    root: resolve(import.meta.dirname, 'import-worker-page'),
    logLevel: 'error',
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true },
  });
  server = createServer((request, response) => {
    const path = join(outDir, request.url === '/' ? 'index.html' : (request.url ?? ''));
    try {
      const body = readFileSync(path);
      const type = extname(path) === '.js' ? 'text/javascript' : 'text/html';
      response.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => 'importCheck' in window);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const parse = (text: string, name: string) =>
  page.evaluate(
    ([t, n]) => (window as unknown as { importCheck: Check }).importCheck.parse(t, n),
    [text, name],
  );

test('a GeoJSON file is parsed in the worker, with progress', async () => {
  const text = readFileSync(join(fixtures, 'geojson_wgs84_geojsonio_utrecht.geojson'), 'utf8');
  const summary = await parse(text, 'utrecht.geojson');
  expect(summary).toMatchObject({ ok: true, areas: 2, firstName: 'Máximapark zuidrand' });
  expect(summary.progress.at(-1)).toBe(1);
});

test('a bad file comes back with its kind and message key', async () => {
  const text = readFileSync(join(fixtures, 'kml_not_xml_html_signin.kml'), 'utf8');
  const summary = await parse(text, 'plan.kml');
  expect(summary).toMatchObject({
    ok: false,
    error: { kind: 'unreadable', code: 'import.htmlPage' },
  });
});

test('a large import is cancelled at once, and the next one works', async () => {
  const features = Array.from({ length: 20_000 }, (_, i) => {
    const x = 140_000 + (i % 100) * 100;
    const y = 450_000 + Math.floor(i / 100) * 100;
    return `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[${x},${y}],[${x + 50},${y}],[${x + 50},${y + 50}],[${x},${y}]]]}}`;
  });
  const big = `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
  const outcome = await page.evaluate(
    (t) => (window as unknown as { importCheck: Check }).importCheck.cancelled(t),
    big,
  );
  expect(outcome).toBe('AbortError');
  const text = readFileSync(join(fixtures, 'wkt_polygon_rd_postgis.wkt'), 'utf8');
  expect(await parse(text, 'plot.wkt')).toMatchObject({ ok: true, areas: 1 });
  expect(errors).toEqual([]);
});
