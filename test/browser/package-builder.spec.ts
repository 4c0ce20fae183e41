import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runDataCommand } from '../../scripts/lib/builder/data-command';
import { rdToWgs84, wgs84ToRd } from '../../src/core/projection/rd';
import { launchBrowser, openApp } from './harness';

/**
 * A package made by `npm run data` (DESIGN.md 8.4) opens in the app like the demo: built here for
 * Heemstede (GM0397) from a BGT folder and soil polygons the test writes, opened as a folder, and
 * an area drawn in it gets figures whose method names the package and its real sources.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Ring = Array<[number, number]>;
const rect = (x0: number, y0: number, x1: number, y1: number): Ring => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const CRS = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } };
function collection(features: Array<{ properties: Record<string, unknown>; ring: Ring }>) {
  return JSON.stringify({
    type: 'FeatureCollection',
    crs: CRS,
    features: features.map(({ properties, ring }) => ({
      type: 'Feature',
      properties,
      geometry: { type: 'Polygon', coordinates: [ring] },
    })),
  });
}

test('a built package opens from a folder and gives figures for an area in it', {
  timeout: 90_000,
}, async () => {
  const [cx, cy] = wgs84ToRd([4.6155, 52.3505]);
  const X = Math.round(cx / 25) * 25;
  const Y = Math.round(cy / 25) * 25;
  const dir = mkdtempSync(join(tmpdir(), 'kk-built-'));
  mkdirSync(join(dir, 'bgt'));
  writeFileSync(
    join(dir, 'soil.geojson'),
    collection([
      { properties: { maparea_id: '05485' }, ring: rect(X - 5000, Y - 5000, X + 5000, Y + 5000) },
    ]),
  );
  writeFileSync(
    join(dir, 'bgt', 'pand.geojson'),
    collection([{ properties: { bgt_status: 'bestaand' }, ring: rect(X, Y, X + 50, Y + 100) }]),
  );
  const out = join(dir, 'heemstede');
  const lines: string[] = [];
  const code = await runDataCommand(
    [
      '--municipality',
      'GM0397',
      '--out',
      out,
      '--soil',
      join(dir, 'soil.geojson'),
      '--bgt',
      join(dir, 'bgt'),
    ],
    (text) => lines.push(text),
  );
  expect(code, lines.join('')).toBe(0);

  const { page, errors, context } = await openApp(browser);
  await page.getByLabel('Uit een map').setInputFiles(out);
  await page.waitForFunction(
    () =>
      window.koolstofkaart?.store.getState().catalogue?.id.startsWith('gm0397-') &&
      window.koolstofkaart?.map?.loaded(),
    null,
    { timeout: 30_000 },
  );
  const ring = rect(X, Y, X + 100, Y + 100).map(([x, y]) => rdToWgs84([x, y]));
  const area = {
    id: 'vierkant',
    name: 'Vierkant',
    color: '#0072b2',
    visible: true,
    geometry: { type: 'Polygon' as const, coordinates: [ring] },
  };
  await page.evaluate((a) => window.koolstofkaart?.store.getState().replaceAreas([a], a.id), area);
  await page.getByTestId('stock-total').waitFor({ timeout: 30_000 });
  const method = await page.getByTestId('method-package').textContent();
  expect(method).toContain('Heemstede (GM0397)');
  expect(method).toContain('BRO Bodemkaart');
  expect(method).not.toMatch(/synthetisch/i);
  expect(errors).toEqual([]);
  await context.close();
});
