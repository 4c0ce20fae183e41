import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { rdToWgs84 } from '../../src/core/projection/rd';
import { BASE_URL, launchBrowser, openApp } from './harness';

/** Data packages in the app (DESIGN 8.1): picker, switching, opening from zip, folder and URL. */
const salland = resolve(import.meta.dirname, '../../data/packages/test-salland');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** An area in the demo municipality, so there is something that must stay. */
const area = {
  id: 'blijft',
  name: 'Blijft staan',
  color: '#0072b2',
  visible: true,
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [5.3, 52.1],
        [5.31, 52.1],
        [5.31, 52.11],
        [5.3, 52.1],
      ],
    ],
  },
};

async function addArea(page: Page): Promise<void> {
  await page.evaluate((a) => window.koolstofkaart?.store.getState().replaceAreas([a], a.id), area);
}

/** Waits until the map shows package `id` and has loaded. */
async function waitForPackage(page: Page, id: string): Promise<void> {
  await page
    .waitForFunction(
      (wanted) =>
        window.koolstofkaart?.store.getState().catalogue?.id === wanted &&
        window.koolstofkaart?.map?.loaded(),
      id,
      { timeout: 30_000 },
    )
    .catch(async (error) => {
      const panel = await page.locator('.layer-panel').textContent();
      throw new Error(`${error}\n${panel}`);
    });
}

function state(page: Page) {
  return page.evaluate(() => {
    const s = window.koolstofkaart?.store.getState();
    return {
      catalogue: s?.catalogue?.id,
      areas: s?.areas.map((a) => a.id),
      package: s?.package,
      outline: Boolean(window.koolstofkaart?.map?.getLayer('package-outline-line')),
    };
  });
}

function zipOf(folder: string, change: (files: Record<string, Uint8Array>) => void = () => {}) {
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(folder))
    files[`salland/${name}`] = readFileSync(join(folder, name));
  change(files);
  return Buffer.from(zipSync(files));
}

test('the picker lists index.json; switching keeps the areas and survives a reload', async () => {
  const { page, errors, context } = await openApp(browser);
  await addArea(page);
  const picker = page.getByRole('combobox', { name: 'Datapakket' });
  await page.waitForFunction(() => document.querySelectorAll('.package-picker option').length >= 2);
  expect(await picker.locator('option').allTextContents()).toEqual([
    'Klaverwaard (fictief)',
    'Testpakket Salland (synthetisch)',
  ]);
  expect((await state(page)).outline).toBe(true);
  await picker.selectOption({ label: 'Testpakket Salland (synthetisch)' });
  await waitForPackage(page, 'test-salland');
  const after = await state(page);
  expect(after.areas).toEqual(['blijft']);
  expect(after.package?.id).toBe('test-salland');
  await page.waitForFunction(() => window.koolstofkaart?.map?.getLayer('package-outline-line'));
  // The saved session and the address keep the choice.
  await page.waitForTimeout(800);
  await page.reload();
  await waitForPackage(page, 'test-salland');
  expect((await state(page)).areas).toEqual(['blijft']);
  // Without ?catalogue= in the address, the saved session's package is opened.
  await page.goto(`${BASE_URL}/`);
  await waitForPackage(page, 'test-salland');
  // And back to the demo.
  await page
    .getByRole('combobox', { name: 'Datapakket' })
    .selectOption({ label: 'Klaverwaard (fictief)' });
  await waitForPackage(page, 'demo-klaverwaard');
  expect(errors).toEqual([]);
  await context.close();
});

test('a package opens from a zip, from a folder and from a URL', { timeout: 90_000 }, async () => {
  const { page, errors, context } = await openApp(browser);
  await addArea(page);
  await page.getByLabel('Uit een zipbestand').setInputFiles({
    name: 'salland.zip',
    mimeType: 'application/zip',
    buffer: zipOf(salland),
  });
  await waitForPackage(page, 'test-salland');
  expect((await state(page)).areas).toEqual(['blijft']);
  expect(await page.locator('.package-picker option:checked').textContent()).toContain(
    'geopend uit een bestand',
  );
  // Back to the demo, then the same package from a folder.
  await page
    .getByRole('combobox', { name: 'Datapakket' })
    .selectOption({ label: 'Klaverwaard (fictief)' });
  await waitForPackage(page, 'demo-klaverwaard');
  await page.getByLabel('Uit een map').setInputFiles(salland);
  await waitForPackage(page, 'test-salland');
  await page
    .getByRole('combobox', { name: 'Datapakket' })
    .selectOption({ label: 'Klaverwaard (fictief)' });
  await waitForPackage(page, 'demo-klaverwaard');
  // From a URL served locally (the app's own server).
  await page.getByText('Een pakket openen…').click();
  await page.getByLabel('Van een URL').fill(`${BASE_URL}/data/packages/test-salland/`);
  await page.getByRole('button', { name: 'Openen', exact: true }).click();
  await waitForPackage(page, 'test-salland');
  expect((await state(page)).areas).toEqual(['blijft']);
  expect(errors).toEqual([]);
  await context.close();
});

test('a broken package is refused with a message per problem; nothing is lost', async () => {
  const { page, errors, context } = await openApp(browser);
  await addArea(page);
  const broken = zipOf(salland, (files) => {
    delete files['salland/sealed.tif'];
    files['salland/outline.geojson'] = new TextEncoder().encode(
      '{"type":"Point","coordinates":[6,52]}',
    );
  });
  await page.getByLabel('Uit een zipbestand').setInputFiles({
    name: 'kapot.zip',
    mimeType: 'application/zip',
    buffer: broken,
  });
  const alert = page.locator('.package-picker [role="alert"]');
  await alert.waitFor({ timeout: 30_000 });
  const items = await alert.locator('li').allTextContents();
  expect(items).toHaveLength(2);
  expect(items[0]).toContain('sealed.tif');
  expect(items[1]).toContain('outline.geojson');
  expect(items.every((text) => text.includes('blijven staan'))).toBe(true);
  const now = await state(page);
  expect(now.catalogue).toBe('demo-klaverwaard');
  expect(now.areas).toEqual(['blijft']);
  expect(errors).toEqual([]);
  await context.close();
});

/** A square of `side` metres at RD (x, y) as a stored area. */
function rdSquare(id: string, x: number, y: number, side: number) {
  const ring = [
    [x, y],
    [x + side, y],
    [x + side, y + side],
    [x, y + side],
    [x, y],
  ].map(([px, py]) => rdToWgs84([px as number, py as number]));
  return { ...area, id, name: id, geometry: { type: 'Polygon' as const, coordinates: [ring] } };
}

test('an area outside the package names the packages that cover it; results name the package', async () => {
  const { page, errors, context } = await openApp(browser);
  const inSalland = rdSquare('salland', 206_500, 474_500, 500);
  await page.evaluate(
    (a) => window.koolstofkaart?.store.getState().replaceAreas([a], a.id),
    inSalland,
  );
  const coverage = page.getByTestId('package-coverage');
  await coverage.waitFor({ timeout: 30_000 });
  expect(await coverage.textContent()).toContain('Testpakket Salland (synthetisch)');
  // On the package that covers it, the area has data and the method names the package.
  await page.getByRole('combobox', { name: 'Datapakket' }).selectOption({
    label: 'Testpakket Salland (synthetisch)',
  });
  await waitForPackage(page, 'test-salland');
  await page.getByTestId('stock-total').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="package-coverage"]'));
  const method = await page.getByTestId('method-package').textContent();
  expect(method).toContain('Datapakket: Testpakket Salland (synthetisch) (test-salland)');
  expect(method).toContain('2026-11-23; CC0-1.0 (synthetic data)');
  // Far from every package: none covers it, and the message says how to get one.
  const groningen = rdSquare('groningen', 233_000, 582_000, 500);
  await page.evaluate(
    (a) => window.koolstofkaart?.store.getState().replaceAreas([a], a.id),
    groningen,
  );
  await page.waitForFunction(() =>
    document
      .querySelector('[data-testid="package-coverage"]')
      ?.textContent?.includes('geen bekend pakket'),
  );
  expect(errors).toEqual([]);
  await context.close();
});

test('a zipped package given to the areas import opens as a package; no area is added', async () => {
  const { page, errors, context } = await openApp(browser);
  await addArea(page);
  await page.getByTestId('import-input').setInputFiles({
    name: 'salland.zip',
    mimeType: 'application/zip',
    buffer: zipOf(salland),
  });
  await waitForPackage(page, 'test-salland');
  expect((await state(page)).areas).toEqual(['blijft']);
  expect(errors).toEqual([]);
  await context.close();
});
