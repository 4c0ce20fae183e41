import { readFile } from 'node:fs/promises';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseCsvNumber, readCsv } from '../../src/core/export/csv';
import { parseAreasFile } from '../../src/core/parse/index';
import { rdToWgs84 } from '../../src/core/projection/rd';
import { launchBrowser, openApp } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A 1.2 x 0.9 km field in the demo municipality, in WGS84 as the store keeps areas. */
const FIELD = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [154_200, 462_300],
      [155_400, 462_300],
      [155_400, 463_200],
      [154_200, 463_200],
      [154_200, 462_300],
    ].map((point) => [...rdToWgs84(point as [number, number])]),
  ],
};

async function addField(page: Page): Promise<void> {
  await page.evaluate((geometry) => {
    window.koolstofkaart?.store.getState().addArea({
      id: 'veld-export',
      name: 'Veld; "export"',
      color: '#1f77b4',
      visible: true,
      geometry,
    });
  }, FIELD);
  await page
    .getByTestId('stock-total')
    .and(page.locator('[data-value]'))
    .first()
    .waitFor({ timeout: 30_000 });
}

async function figureOn(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).first().getAttribute('data-value'));
}

async function download(page: Page, button: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const path = await file.path();
  return { file, bytes: await readFile(path) };
}

test('GeoJSON (WGS84 and RD) and CSV downloads read back to the figures on screen', async () => {
  const { page, errors, context } = await openApp(browser);
  await addField(page);
  const areaHa = await figureOn(page, 'area-ha');
  const stockTotal = await figureOn(page, 'stock-total');
  const potential = await figureOn(page, 'potential-year');
  expect(areaHa).toBeCloseTo(108, 1);

  for (const [button, crs] of [
    ['GeoJSON (WGS84)', 'EPSG:4326'],
    ['GeoJSON (RD New)', 'EPSG:28992'],
  ] as const) {
    const { file, bytes } = await download(page, button);
    expect(file.suggestedFilename()).toMatch(/^koolstofkaart-gebieden.*\.geojson$/);
    const parsed = await parseAreasFile({ name: file.suggestedFilename(), bytes });
    if (!parsed.ok) throw new Error(parsed.error.code);
    expect(parsed.value.crs).toBe(crs);
    const [area] = parsed.value.areas;
    expect(area?.id).toBe('veld-export');
    expect(area?.name).toBe('Veld; "export"');
    expect(area?.properties.area_ha).toBeCloseTo(areaHa, 9);
    expect(area?.properties.stock_t_c_central).toBeCloseTo(stockTotal, 6);
    expect(area?.properties.potential_t_co2_per_yr_central).toBeCloseTo(potential, 6);
    expect(area?.properties.synthetic).toBe(true);
    expect(area?.properties.app_version).toMatch(/^\d+\.\d+\.\d+/);
  }

  const { file, bytes } = await download(page, 'CSV (spreadsheet)');
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const text = bytes.toString('utf8');
  expect(text.startsWith('\uFEFF# Koolstofkaart')).toBe(true);
  expect(text).toContain('synthetische demodata');
  const [header, row] = readCsv(text, ';');
  const cell = (name: string) => parseCsvNumber(row?.[header?.indexOf(name) ?? -1] ?? '', 'nl');
  expect(row?.[1]).toBe('Veld; "export"');
  expect(cell('area_ha')).toBeCloseTo(areaHa, 5);
  expect(cell('stock_t_c_central')).toBeCloseTo(stockTotal, 5);
  expect(cell('stock_t_c_low')).toBeLessThan(cell('stock_t_c_high') ?? 0);
  expect(errors).toEqual([]);
  await context.close();
}, 90_000);

test('the PNG has the map, a legend band below it and the synthetic label', async () => {
  const { page, errors, context } = await openApp(browser);
  const canvas = await page.evaluate(() => {
    const element = window.koolstofkaart?.map?.getCanvas();
    return { width: element?.width ?? 0, height: element?.height ?? 0 };
  });
  const { file, bytes } = await download(page, 'Kaartbeeld (PNG)');
  expect(file.suggestedFilename()).toMatch(/\.png$/);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(width).toBe(canvas.width);
  expect(height).toBeGreaterThan(canvas.height + 60);
  const pixels = await page.evaluate(async (base64) => {
    const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
    const image = await createImageBitmap(blob);
    const draw = new OffscreenCanvas(image.width, image.height).getContext('2d');
    if (!draw) return null;
    draw.drawImage(image, 0, 0);
    const at = (x: number, y: number) => [...draw.getImageData(x, y, 1, 1).data];
    // The label's red box starts at (10, 10) CSS px; the map's pixel ratio is 1 here.
    let distinct = 0;
    const seen = new Set<string>();
    for (let x = 0; x < image.width; x += 7) {
      const key = at(x, image.height / 3).join(',');
      if (!seen.has(key)) distinct++;
      seen.add(key);
    }
    return { label: at(13, 13), band: at(2, image.height - 2), distinct };
  }, bytes.toString('base64'));
  expect(pixels?.label.slice(0, 3)).toEqual([176, 0, 32]);
  expect(pixels?.band.slice(0, 3)).toEqual([255, 255, 255]);
  expect(pixels?.distinct).toBeGreaterThan(3);
  expect(errors).toEqual([]);
  await context.close();
}, 60_000);

test('the report shows the key figures, scenario and provenance; its PDF downloads', async () => {
  const { page, errors, context } = await openApp(browser, { locale: 'en-GB' });
  if ((await page.getByRole('button', { name: 'English' }).count()) > 0) {
    await page.getByRole('button', { name: 'English' }).click();
  }
  await addField(page);
  const stockTotal = await figureOn(page, 'stock-total');
  const potential = await figureOn(page, 'potential-year');
  await page.getByRole('button', { name: 'Report (print or PDF)' }).click();
  const report = page.getByTestId('report');
  await report.waitFor({ timeout: 10_000 });
  expect(await report.getByRole('heading', { level: 1 }).textContent()).toContain('Veld; "export"');
  expect(Number(await page.getByTestId('report-stock-total').getAttribute('data-value'))).toBe(
    stockTotal,
  );
  expect(Number(await page.getByTestId('report-potential-year').getAttribute('data-value'))).toBe(
    potential,
  );
  expect(await report.textContent()).toContain('t C/ha');
  expect(await page.getByTestId('report-synthetic').isVisible()).toBe(true);
  const provenance = (await page.getByTestId('report-provenance').textContent()) ?? '';
  expect(provenance).toContain('Soil carbon stock 0–30 cm');
  expect(provenance).toContain('EUPL-1.2');
  expect(await page.getByTestId('report-method').textContent()).toContain('Bolinder');
  expect(await page.getByTestId('report-breakdown').locator('tbody tr').count()).toBeGreaterThan(0);
  await report.locator('img').waitFor({ timeout: 15_000 });
  const { file, bytes } = await download(page, 'Download PDF');
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(20_000);
  await page.getByRole('button', { name: 'Close' }).click();
  expect(await page.getByTestId('report').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
}, 90_000);
