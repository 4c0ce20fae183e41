import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type Plugin, preview } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { rdToWgs84 } from '../../src/core/projection/rd';
import { BASE_URL, launchBrowser, openApp, TEST_PORT } from './harness';
import { importOutcome, pickFile } from './import-helpers';
import { waitForLayers } from './map-helpers';

/**
 * The app as a PWA (DESIGN 9 "Offline", docs/offline.md): after one visit it starts, shows the demo
 * and the packages opened, imports and analyses with the network off; its service worker answers
 * Range requests from its caches. Service workers are allowed in these tests only (harness.ts).
 */

const DATA = resolve(import.meta.dirname, '../../data');
const PACKAGE_CACHE = 'koolstofkaart-packages-v1';
/** The update test's own server of the build. */
const UPDATE_PORT = TEST_PORT + 7;

/** The key figures of DESIGN 7.4. */
const FIGURES = [
  'area-ha',
  'coverage-pct',
  'sealed-pct',
  'om-mean',
  'stock-mean',
  'stock-total',
  'co2-total',
  'deficit-total',
  'potential-year',
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A 1.2 x 0.9 km field in the demo municipality as an RD New GeoJSON file, for the import button. */
function fieldFile(): string {
  const ring = [
    [154_200, 462_300],
    [155_400, 462_300],
    [155_400, 463_200],
    [154_200, 463_200],
    [154_200, 462_300],
  ];
  const geojson = {
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    features: [
      {
        type: 'Feature',
        properties: { naam: 'Veld offline' },
        geometry: { type: 'Polygon', coordinates: [ring] },
      },
    ],
  };
  const dir = join(tmpdir(), 'koolstofkaart-offline-spec');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'veld-offline.geojson');
  writeFileSync(path, JSON.stringify(geojson));
  return path;
}

/** The selected area's key figures, from their `data-value`, once the analysis has finished. */
async function keyFigures(page: Page): Promise<Record<string, number>> {
  await page
    .locator('.result-selected [data-testid="potential-year"][data-value]')
    .waitFor({ timeout: 30_000 });
  const values = await page.evaluate((ids) => {
    const values: Record<string, number> = {};
    for (const id of ids) {
      const cell = document.querySelector(`.result-selected [data-testid="${id}"]`);
      values[id] = Number(cell?.getAttribute('data-value'));
    }
    return values;
  }, FIGURES);
  for (const id of FIGURES) expect(Number.isFinite(values[id]), id).toBe(true);
  return values;
}

/** Waits until the service worker is active, then reloads so that it controls the page. */
async function installServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await waitForLayers(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
}

/** Turns the network off (the service worker's own fetches too) and reloads. */
async function reloadOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await page.reload();
  await waitForLayers(page);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
}

/** A Range request from the page, answered while offline, so by the service worker. */
function rangeOf(page: Page, url: string, first: number, last: number) {
  return page.evaluate(
    async ({ url, range }) => {
      const response = await fetch(url, { headers: { Range: range } });
      return {
        status: response.status,
        contentRange: response.headers.get('content-range'),
        bytes: [...new Uint8Array(await response.arrayBuffer())],
      };
    },
    { url, range: `bytes=${first}-${last}` },
  );
}

function fileBytes(path: string, first: number, last: number): number[] {
  return [...readFileSync(join(DATA, path)).subarray(first, last + 1)];
}

test('after one visit the app starts offline with the demo, imports an area and gives the same figures', async () => {
  const file = fieldFile();
  const { page, context, errors } = await openApp(browser, { serviceWorkers: 'allow' });
  await installServiceWorker(page);
  // Online: the figures of the imported field.
  await pickFile(page, file);
  await importOutcome(page, 'done');
  const online = await keyFigures(page);
  expect(online['area-ha']).toBeGreaterThan(100);
  expect(online['stock-total']).toBeGreaterThan(0);
  await page.evaluate(() => window.koolstofkaart?.store.getState().replaceAreas([], null));
  // Offline: the app, its demo layers and the import and analysis code all come from the precache.
  await reloadOffline(context, page);
  const layers = await page.evaluate(() => {
    const state = window.koolstofkaart?.store.getState();
    const map = window.koolstofkaart?.map;
    return (state?.layerOrder ?? []).filter((id) => map?.getLayer(`raster-${id}`)).length;
  });
  expect(layers).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.koolstofkaart?.store.getState().catalogue?.id)).toBe(
    'demo-klaverwaard',
  );
  await pickFile(page, file);
  await importOutcome(page, 'done');
  expect(await keyFigures(page)).toEqual(online);
  // The precache answers a COG's range with 206 and exactly those bytes.
  const range = await rangeOf(page, '/data/demo/carbon-stock.tif', 1_000, 1_099);
  expect(range.status).toBe(206);
  expect(range.contentRange).toMatch(/^bytes 1000-1099\/\d+$/);
  expect(range.bytes).toEqual(fileBytes('demo/carbon-stock.tif', 1_000, 1_099));
  // A range past the end is cut at the end, as a server does (geotiff.js reads 64 KiB blocks).
  const size = readFileSync(join(DATA, 'demo/soil-group.tif')).length;
  const overrun = await rangeOf(page, '/data/demo/soil-group.tif', 0, 65_535);
  expect(overrun.status).toBe(206);
  expect(overrun.contentRange).toBe(`bytes 0-${size - 1}/${size}`);
  expect(overrun.bytes).toEqual(fileBytes('demo/soil-group.tif', 0, size - 1));
  expect(errors).toEqual([]);
  await context.close();
});

test('a package opened from its address is kept whole and opens offline with the same figures', async () => {
  const catalogue = `${BASE_URL}/data/packages/test-salland/catalogue.json`;
  const { page, context, errors } = await openApp(browser, {
    serviceWorkers: 'allow',
    path: `/?catalogue=${encodeURIComponent(catalogue)}`,
  });
  await page.waitForFunction(
    () => window.koolstofkaart?.store.getState().catalogue?.id === 'test-salland',
  );
  const ring = [
    [206_500, 474_500],
    [207_000, 474_500],
    [207_000, 475_000],
    [206_500, 475_000],
    [206_500, 474_500],
  ].map((point) => rdToWgs84(point as [number, number]));
  const area = {
    id: 'salland',
    name: 'Salland',
    color: '#0072b2',
    visible: true,
    geometry: { type: 'Polygon' as const, coordinates: [ring] },
  };
  await page.evaluate((a) => window.koolstofkaart?.store.getState().replaceAreas([a], a.id), area);
  const online = await keyFigures(page);
  // The service worker fetches the catalogue, outline and five layers whole into its cache.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const expected = [
    'catalogue.json',
    'organic-matter.tif',
    'carbon-stock.tif',
    'sealed.tif',
    'soil-group.tif',
    'land-use.tif',
    'outline.geojson',
  ].map((name) => new URL(name, catalogue).href);
  await page.waitForFunction(
    async ({ name, urls }) => {
      const cache = await caches.open(name);
      const kept = new Set((await cache.keys()).map((request) => request.url));
      return urls.every((url) => kept.has(url));
    },
    { name: PACKAGE_CACHE, urls: expected },
    { timeout: 30_000, polling: 250 },
  );
  await installServiceWorker(page);
  await reloadOffline(context, page);
  expect(await page.evaluate(() => window.koolstofkaart?.store.getState().catalogue?.id)).toBe(
    'test-salland',
  );
  // The saved area comes back and is analysed again on the kept package.
  expect(await keyFigures(page)).toEqual(online);
  const range = await rangeOf(page, '/data/packages/test-salland/carbon-stock.tif', 8, 263);
  expect(range.status).toBe(206);
  expect(range.contentRange).toMatch(/^bytes 8-263\/\d+$/);
  expect(range.bytes).toEqual(fileBytes('packages/test-salland/carbon-stock.tif', 8, 263));
  const overrun = await rangeOf(page, '/data/packages/test-salland/soil-group.tif', 0, 65_535);
  expect(overrun.status).toBe(206);
  expect(overrun.bytes).toEqual(fileBytes('packages/test-salland/soil-group.tif', 0, 65_535));
  expect(errors).toEqual([]);
  await context.close();
});

/**
 * A second server of the build whose service worker script can be made a new version, as a new
 * deployment would (Playwright's routing does not see the browser's update check of that script).
 */
async function versionedServer(): Promise<{
  url: string;
  deploy: () => void;
  close: () => Promise<void>;
}> {
  const root = resolve(import.meta.dirname, '../..');
  let version = 1;
  const plugin: Plugin = {
    name: 'offline-spec-sw-version',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        if ((request.url ?? '').split('?')[0] !== '/sw.js' || version === 1) return next();
        response.setHeader('Content-Type', 'text/javascript');
        response.setHeader('Cache-Control', 'no-cache');
        response.end(`${readFileSync(join(root, 'dist/sw.js'), 'utf8')}\n// version ${version}\n`);
      });
    },
  };
  const server = await preview({
    root,
    configFile: false,
    plugins: [plugin],
    preview: { port: UPDATE_PORT, strictPort: true, host: '127.0.0.1' },
    logLevel: 'error',
  });
  return {
    url: `http://127.0.0.1:${UPDATE_PORT}`,
    deploy: () => {
      version += 1;
    },
    close: () => server.close(),
  };
}

test('a new version offers "Vernieuwen" and reloads into it when asked', async () => {
  const server = await versionedServer();
  const { page, context, errors } = await openApp(browser, {
    serviceWorkers: 'allow',
    baseUrl: server.url,
  });
  try {
    await installServiceWorker(page);
    expect(await page.getByTestId('update-prompt').count()).toBe(0);
    server.deploy();
    await page.evaluate(async () => {
      (window as Window & { beforeUpdate?: boolean }).beforeUpdate = true;
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const prompt = page.getByTestId('update-prompt');
    await prompt.waitFor({ timeout: 20_000 });
    expect(await prompt.textContent()).toContain('Nieuwe versie beschikbaar');
    // Nothing changes until the user agrees.
    expect(
      await page.evaluate(() => (window as Window & { beforeUpdate?: boolean }).beforeUpdate),
    ).toBe(true);
    await prompt.getByRole('button', { name: 'Vernieuwen' }).click({ timeout: 10_000 });
    // The page reloads into the new version (a fresh page has no `beforeUpdate`).
    await page.waitForFunction(
      () => !(window as Window & { beforeUpdate?: boolean }).beforeUpdate,
      null,
      { timeout: 20_000 },
    );
    await waitForLayers(page);
    const after = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        reloaded: !(window as Window & { beforeUpdate?: boolean }).beforeUpdate,
        waiting: Boolean(registration?.waiting),
        controlled: navigator.serviceWorker.controller?.state,
      };
    });
    expect(after).toEqual({ reloaded: true, waiting: false, controlled: 'activated' });
    expect(await page.getByTestId('update-prompt').count()).toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await server.close();
  }
});
