import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openApp } from './harness';
import {
  dropFile,
  FIXTURES,
  importOutcome,
  pickFile,
  rdAreaHectares,
  storeSnapshot,
} from './import-helpers';

interface SharedCase {
  file: string;
  valid: boolean;
  polygons: number;
  total_area_ha: number | null;
}

const shared = (
  JSON.parse(readFileSync(join(FIXTURES, 'imports/expected.json'), 'utf8')) as SharedCase[]
).filter((entry) => entry.valid);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('every valid shared fixture imports with its count and area; the first becomes selected', async () => {
  expect(shared.length).toBeGreaterThanOrEqual(6);
  const { page, errors, context } = await openApp(browser);
  let before = 0;
  for (const [index, entry] of shared.entries()) {
    const path = join(FIXTURES, 'imports', entry.file);
    // One of them arrives by a drop on the map, the others through the file picker.
    if (index === 0)
      await dropFile(page, entry.file.split('/').pop() as string, readFileSync(path));
    else await pickFile(page, path);
    const status = await importOutcome(page, 'done');
    await expect.poll(() => status.getAttribute('data-imported')).toBe(String(entry.polygons));
    const { areas, selectedId } = await storeSnapshot(page);
    const added = areas.slice(before);
    expect({ file: entry.file, count: added.length }).toEqual({
      file: entry.file,
      count: entry.polygons,
    });
    const hectares = added.reduce((sum, area) => sum + rdAreaHectares(area.geometry), 0);
    expect(
      Math.abs(hectares - (entry.total_area_ha ?? 0)) / (entry.total_area_ha ?? 1),
    ).toBeLessThan(1e-3);
    expect(selectedId).toBe(added[0]?.id);
    for (const area of added) expect(area.name.trim().length).toBeGreaterThan(0);
    // The map shows the imported areas: its view contains the first one.
    const inView = await page.evaluate(
      (geometry) => {
        const map = window.koolstofkaart?.map;
        const ring = (
          geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0]?.[0]
        ) as number[][];
        const bounds = map?.getBounds();
        return ring.every(([lon, lat]) => bounds?.contains([lon as number, lat as number]));
      },
      added[0]?.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon,
    );
    expect(inView).toBe(true);
    await page.getByRole('button', { name: 'Melding sluiten' }).click();
    before = areas.length;
  }
  const { areas } = await storeSnapshot(page);
  expect(new Set(areas.map((area) => area.id)).size).toBe(areas.length);
  // One import is one undo step: undo removes the last file's areas all at once.
  await page.evaluate(() => window.koolstofkaart?.store.getState().undoAreas());
  const last = shared.at(-1) as SharedCase;
  expect((await storeSnapshot(page)).areas).toHaveLength(areas.length - last.polygons);
  expect(errors).toEqual([]);
  await context.close();
});

test('names and properties come from the file, as text; unnamed areas are numbered', async () => {
  const { page, errors, context } = await openApp(browser);
  await pickFile(page, join(FIXTURES, 'imports/files/kml_google_earth_houten.kml'));
  await importOutcome(page, 'done');
  const { areas } = await storeSnapshot(page);
  expect(areas.every((area) => area.properties && typeof area.properties === 'object')).toBe(true);
  await page.getByRole('button', { name: 'Melding sluiten' }).click();
  await pickFile(page, join(FIXTURES, 'imports/files/wkt_polygon_rd_postgis.wkt'));
  const status = await importOutcome(page, 'done');
  const after = await storeSnapshot(page);
  expect(after.areas.at(-1)?.name).toBe(`Vlak ${after.areas.length}`);
  await expect.poll(() => status.textContent()).toContain(`Vlak ${after.areas.length}`);
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('pasted WKT becomes an area; a paste into a text field does not', async () => {
  const { page, errors, context } = await openApp(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const wkt = readFileSync(join(FIXTURES, 'imports/files/wkt_polygon_rd_postgis.wkt'), 'utf8');
  await page.evaluate((text) => navigator.clipboard.writeText(text), wkt);
  await page.locator('[data-testid="map"] canvas').first().focus();
  await page.keyboard.press('Control+V');
  const status = await importOutcome(page, 'done');
  await expect.poll(() => status.textContent()).toContain('geplakte tekst');
  const { areas, selectedId } = await storeSnapshot(page);
  expect(areas).toHaveLength(1);
  expect(selectedId).toBe(areas[0]?.id);
  expect(Math.abs(rdAreaHectares(areas[0]?.geometry as GeoJSON.Polygon) - 2.038985)).toBeLessThan(
    0.002,
  );
  // In the area's name field, Ctrl+V pastes text into the field and imports nothing.
  await page.getByRole('button', { name: 'Melding sluiten' }).click();
  const name = page.locator('.area-row .area-name').first();
  await name.focus();
  await name.press('Control+A');
  await page.keyboard.press('Control+V');
  await expect.poll(() => name.inputValue()).toContain('POLYGON');
  await page.waitForTimeout(300);
  expect(await page.locator('[data-testid="import-status"]').count()).toBe(0);
  expect((await storeSnapshot(page)).areas).toHaveLength(1);
  expect(errors).toEqual([]);
  await context.close();
});

test('the import button works from the keyboard and offers the area file types', async () => {
  const { page, errors, context } = await openApp(browser, { locale: 'en-GB' });
  // Listening first: the file chooser is intercepted only once a listener is in place.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'English' }).click();
  const button = page.getByRole('button', { name: 'Import', exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  const picker = await chooser;
  expect(picker.isMultiple()).toBe(true);
  expect(await page.locator('[data-testid="import-input"]').getAttribute('accept')).toBe(
    '.geojson,.json,.kml,.kmz,.gpx,.zip,.wkt,.txt,.tif,.tiff',
  );
  await picker.setFiles(join(FIXTURES, 'imports/files/gpx_route_closed_basecamp_zwolle.gpx'));
  const status = await importOutcome(page, 'done');
  await expect
    .poll(() => status.locator('h2').textContent())
    .toBe('1 area imported from gpx_route_closed_basecamp_zwolle.gpx.');
  expect(errors).toEqual([]);
  await context.close();
});

test('the loose parts of a shapefile, picked together, import as one shapefile', async () => {
  const { page, errors, context } = await openApp(browser);
  const entry = shared.find((each) =>
    each.file.endsWith('shp_rd_prj_utf8_gouda.zip'),
  ) as SharedCase;
  const parts = unzipSync(readFileSync(join(FIXTURES, 'imports', entry.file)));
  await page.locator('[data-testid="import-input"]').setInputFiles(
    Object.entries(parts).map(([name, bytes]) => ({
      name,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(bytes),
    })),
  );
  const status = await importOutcome(page, 'done');
  expect(await status.getAttribute('data-imported')).toBe(String(entry.polygons));
  const { areas } = await storeSnapshot(page);
  const hectares = areas.reduce((sum, area) => sum + rdAreaHectares(area.geometry), 0);
  expect(Math.abs(hectares - (entry.total_area_ha ?? 0))).toBeLessThan(0.01);
  expect(errors).toEqual([]);
  await context.close();
});

test('of several other files, the first is imported and the message says so', async () => {
  const { page, errors, context } = await openApp(browser);
  await page
    .locator('[data-testid="import-input"]')
    .setInputFiles([
      join(FIXTURES, 'imports/files/wkt_polygon_rd_postgis.wkt'),
      join(FIXTURES, 'imports/files/gpx_route_closed_basecamp_zwolle.gpx'),
    ]);
  const status = await importOutcome(page, 'done');
  expect(await status.textContent()).toContain(
    'U gaf 2 bestanden tegelijk; alleen wkt_polygon_rd_postgis.wkt is geïmporteerd.',
  );
  expect((await storeSnapshot(page)).areas).toHaveLength(1);
  expect(errors).toEqual([]);
  await context.close();
});
