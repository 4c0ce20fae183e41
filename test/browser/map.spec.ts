import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { wgs84ToRd } from '../../src/core/projection/rd';
import type { CatalogueLayer } from '../../src/core/raster/catalogue-types';
import { launchBrowser, openApp, waitForMapIdle } from './harness';
import {
  demoCatalogue,
  layerOf,
  MAP_CLIP,
  pixelDifference,
  shootMap,
  valueInCog,
  waitForLayers,
} from './map-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const catalogue = demoCatalogue();
const stock = layerOf(catalogue, 'carbon-stock');
const categorical = catalogue.layers.find(
  (layer) => layer.kind === 'categorical',
) as CatalogueLayer;
/** Browser network lines for requests the test itself blocked or failed on purpose. */
const NETWORK_LINE = /^Failed to load resource/;

async function open(options: Parameters<typeof openApp>[1] = {}) {
  const opened = await openApp(browser, options);
  await waitForLayers(opened.page);
  return opened;
}

const checkbox = (page: Page, layer: CatalogueLayer, language: 'nl' | 'en' = 'nl') =>
  page.getByRole('checkbox', { name: layer.title[language], exact: true });

test('the map reaches idle offline, asks nothing from outside, and draws the demo layers', async () => {
  const { page, errors, blocked, context } = await open();
  expect(blocked).toEqual([]);
  const state = await page.evaluate(() => {
    const app = window.koolstofkaart;
    const s = app?.store.getState();
    return {
      layers: s?.catalogue?.layers.map((layer) => layer.id),
      visible: s?.layerOrder.filter((id) => s.layerViews[id]?.visible),
      onMap: app?.map?.getStyle().layers.map((layer) => layer.id),
    };
  });
  expect(state.layers).toEqual(catalogue.layers.map((layer) => layer.id));
  expect(state.visible).toEqual(['carbon-stock']);
  for (const id of ['context-outline', 'context-water', 'raster-carbon-stock']) {
    expect(state.onMap).toContain(id);
  }
  // Basemap fills under the data, roads and outline over it.
  const at = (id: string) => state.onMap?.indexOf(id) ?? -1;
  expect(at('context-water')).toBeLessThan(at('raster-carbon-stock'));
  expect(at('context-built-up')).toBeLessThan(at('raster-land-use'));
  expect(at('context-road-main')).toBeGreaterThan(at('raster-carbon-stock'));
  expect(at('context-outline')).toBeGreaterThan(at('raster-organic-matter'));
  // The user's areas are never covered by the data rasters.
  for (const raster of ['raster-carbon-stock', 'raster-land-use', 'raster-potential']) {
    expect(at('kk-areas-fill')).toBeGreaterThan(at(raster));
  }
  expect(await page.locator('.place-label-town').count()).toBeGreaterThan(0);
  // The stock layer covers the view: switched off, most pixels of the view change.
  const withLayer = await shootMap(page);
  await checkbox(page, stock).uncheck();
  const without = await shootMap(page);
  expect(await pixelDifference(page, withLayer, without)).toBeGreaterThan(0.5);
  await checkbox(page, stock).check();
  const again = await shootMap(page);
  expect(await pixelDifference(page, withLayer, again)).toBeLessThan(0.02);
  await expect.poll(() => page.getByTestId('synthetic-badge').textContent()).toMatch(/synthetisch/);
  expect(errors).toEqual([]);
  await context.close();
});

test('another layer switched on changes the picture; opacity works from the keyboard', async () => {
  const { page, errors, context } = await open();
  const before = await shootMap(page);
  await checkbox(page, categorical).check();
  const withClasses = await shootMap(page);
  expect(await pixelDifference(page, before, withClasses)).toBeGreaterThan(0.3);
  await checkbox(page, categorical).uncheck();

  const slider = page.getByRole('slider', { name: new RegExp(stock.title.nl) });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect
    .poll(() =>
      page.evaluate(
        () => window.koolstofkaart?.store.getState().layerViews['carbon-stock']?.opacity,
      ),
    )
    .toBe(0);
  const transparent = await shootMap(page);
  await checkbox(page, stock).uncheck();
  const off = await shootMap(page);
  expect(await pixelDifference(page, transparent, off)).toBeLessThan(0.02);
  expect(await pixelDifference(page, transparent, before)).toBeGreaterThan(0.5);
  expect(errors).toEqual([]);
  await context.close();
});

test('the order buttons move a layer above another, on the map too', async () => {
  const { page, errors, context } = await open();
  const drawOrder = () =>
    page.evaluate(() =>
      (window.koolstofkaart?.map?.getStyle().layers ?? [])
        .map((layer) => layer.id)
        .filter((id) => id.startsWith('raster-')),
    );
  const before = await drawOrder();
  const lowest = catalogue.layers[0] as CatalogueLayer;
  const button = page.getByRole('button', { name: `${lowest.title.nl} omhoog` });
  await button.focus();
  await page.keyboard.press('Enter');
  const after = await drawOrder();
  expect(after.indexOf(`raster-${lowest.id}`)).toBe(before.indexOf(`raster-${lowest.id}`) + 1);
  const order = await page.evaluate(() => window.koolstofkaart?.store.getState().layerOrder);
  expect(order?.[1]).toBe(lowest.id);
  expect(errors).toEqual([]);
  await context.close();
});

/** Hovers a screen point and returns what the inspector shows for it. */
async function hover(page: Page, x: number, y: number) {
  await page.mouse.move(x, y);
  await page.waitForFunction(
    () => {
      const row = document.querySelector('[data-testid="inspect"] tr[data-layer]');
      return row !== null && row.getAttribute('data-value') !== '';
    },
    null,
    { timeout: 15_000 },
  );
  return page.evaluate(() => {
    const position = document.querySelector('[data-rd-x]') as HTMLElement;
    const rows = [...document.querySelectorAll('[data-testid="inspect"] tr[data-layer]')];
    return {
      rd: [Number(position.dataset.rdX), Number(position.dataset.rdY)],
      values: Object.fromEntries(
        rows.map((row) => [row.getAttribute('data-layer'), row.getAttribute('data-value')]),
      ) as Record<string, string>,
      texts: Object.fromEntries(
        rows.map((row) => [row.getAttribute('data-layer'), row.querySelector('td')?.textContent]),
      ) as Record<string, string>,
    };
  });
}

test('a hovered value matches the GeoTIFF at the same RD coordinate, with unit and class name', async () => {
  const { page, errors, context } = await open();
  await checkbox(page, categorical).check();
  await waitForMapIdle(page);
  const point = { x: MAP_CLIP.x + 173, y: MAP_CLIP.y + 211 };
  const shown = await hover(page, point.x, point.y);
  // The RD position is that of the cursor.
  const lngLat = await page.evaluate(({ x, y }) => {
    const map = window.koolstofkaart?.map;
    const box = map?.getCanvas().getBoundingClientRect();
    const ll = map?.unproject([x - (box?.left ?? 0), y - (box?.top ?? 0)]);
    return [ll?.lng ?? 0, ll?.lat ?? 0] as [number, number];
  }, point);
  const [x, y] = wgs84ToRd(lngLat);
  expect(Math.abs((shown.rd[0] as number) - x)).toBeLessThan(1);
  expect(Math.abs((shown.rd[1] as number) - y)).toBeLessThan(1);
  // The values are those of the rasters there, read in Node.
  const expectedStock = await valueInCog(stock, shown.rd[0] as number, shown.rd[1] as number);
  expect(expectedStock).not.toBeNull();
  expect(Number(shown.values['carbon-stock'])).toBeCloseTo(expectedStock as number, 4);
  expect(shown.texts['carbon-stock']).toContain(stock.unit);
  const expectedClass = await valueInCog(categorical, shown.rd[0] as number, shown.rd[1] as number);
  expect(Number(shown.values[categorical.id])).toBe(expectedClass);
  const title = categorical.classes?.find((entry) => entry.code === expectedClass)?.title.nl;
  expect(shown.texts[categorical.id]).toBe(title);
  expect(errors).toEqual([]);
  await context.close();
});

test('a click pins the values; moving on keeps them; Esc unpins', async () => {
  const { page, errors, context } = await open();
  const first = await hover(page, MAP_CLIP.x + 100, MAP_CLIP.y + 100);
  await page.mouse.click(MAP_CLIP.x + 100, MAP_CLIP.y + 100);
  await page.getByRole('heading', { name: 'Vastgezet punt' }).waitFor();
  await page.mouse.move(MAP_CLIP.x + 400, MAP_CLIP.y + 300);
  await page.waitForTimeout(300);
  const still = await page.evaluate(() => {
    const position = document.querySelector('[data-rd-x]') as HTMLElement;
    return [Number(position.dataset.rdX), Number(position.dataset.rdY)];
  });
  expect(still).toEqual(first.rd);
  const expected = await valueInCog(stock, still[0] as number, still[1] as number);
  const shown = await page.getAttribute('tr[data-layer="carbon-stock"]', 'data-value');
  expect(Number(shown)).toBeCloseTo(expected as number, 4);
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: 'Waarden onder de cursor' }).waitFor();
  // From the keyboard: Enter on the focused map pins its centre.
  await page.locator('canvas.maplibregl-canvas').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Vastgezet punt' }).waitFor();
  const centre = await page.evaluate(() => {
    const c = window.koolstofkaart?.map?.getCenter();
    return [c?.lng ?? 0, c?.lat ?? 0] as [number, number];
  });
  const [cx, cy] = wgs84ToRd(centre);
  await expect
    .poll(() =>
      page.evaluate(() =>
        Number((document.querySelector('[data-rd-x]') as HTMLElement)?.dataset.rdX),
      ),
    )
    .toBeCloseTo(cx, 3);
  expect(
    await page.evaluate(() =>
      Number((document.querySelector('[data-rd-y]') as HTMLElement)?.dataset.rdY),
    ),
  ).toBeCloseTo(cy, 3);
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: 'Waarden onder de cursor' }).waitFor();
  await page.mouse.move(MAP_CLIP.x + 300, MAP_CLIP.y + 250);
  await expect
    .poll(() =>
      page.evaluate(() =>
        Number((document.querySelector('[data-rd-x]') as HTMLElement)?.dataset.rdX),
      ),
    )
    .not.toBe(first.rd[0]);
  expect(errors).toEqual([]);
  await context.close();
});

test('the language switch changes panel, legend and badge texts, and is remembered', async () => {
  const { page, errors, context } = await open();
  await page.getByRole('heading', { name: 'Kaartlagen' }).waitFor();
  await checkbox(page, stock, 'nl').waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Map layers' }).waitFor();
  await checkbox(page, stock, 'en').waitFor();
  expect(await page.getByTestId('synthetic-badge').textContent()).toMatch(/synthetic/);
  expect(
    await page.getByRole('figure', { name: `Legend of ${stock.title.en}` }).textContent(),
  ).toContain(stock.unit);
  await page.reload();
  await waitForLayers(page);
  await page.getByRole('heading', { name: 'Map layers' }).waitFor();
  expect(await page.getByRole('button', { name: 'Zoom in' }).count()).toBe(1);
  expect(errors).toEqual([]);
  await context.close();
});

test('PDOK switched on while offline says so, falls back and keeps the layers, without errors', async () => {
  const { page, errors, blocked, context } = await open();
  // Offline once the app has finished loading: its analysis code comes 1.5 s after the start
  // (without a service worker, code not yet loaded cannot come offline).
  await page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((entry) => /analysis-pool/.test(entry.name)),
  );
  await page.waitForTimeout(500);
  await context.setOffline(true);
  await page.getByRole('radio', { name: /PDOK/ }).click();
  const notice = page.getByTestId('map-notice');
  await notice.waitFor();
  expect(await notice.getAttribute('data-code')).toBe('map.basemapOffline');
  expect(await notice.textContent()).toMatch(/Geen internetverbinding/);
  expect(await page.getByRole('radio', { name: 'Offline kaart' }).isChecked()).toBe(true);
  const state = await page.evaluate(() => ({
    basemap: window.koolstofkaart?.store.getState().basemap,
    stock: window.koolstofkaart?.map?.getLayoutProperty('raster-carbon-stock', 'visibility'),
    pdok: Boolean(window.koolstofkaart?.map?.getLayer('pdok-brt')),
  }));
  expect(state).toEqual({ basemap: 'offline', stock: 'visible', pdok: false });
  expect(blocked).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('PDOK that cannot be reached says so in English and falls back', async () => {
  const { page, errors, blocked, context } = await open();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('radio', { name: /PDOK/ }).click();
  const notice = page.getByTestId('map-notice');
  await notice.waitFor();
  expect(await notice.getAttribute('data-code')).toBe('map.basemapFailed');
  expect(await notice.textContent()).toMatch(/could not be loaded/);
  expect(await page.getByRole('radio', { name: 'Offline map' }).isChecked()).toBe(true);
  expect(blocked.some((url) => url.startsWith('https://service.pdok.nl/'))).toBe(true);
  // The only console lines are the browser's own for the refused request.
  expect(errors.filter((line) => !NETWORK_LINE.test(line))).toEqual([]);
  await page.getByRole('button', { name: 'Close message' }).click();
  expect(await notice.count()).toBe(0);
  await context.close();
});

test('a dataset that cannot be loaded gives a message in the user language', async () => {
  const { page, errors, context } = await openApp(browser, { path: '/?catalogue=/data/none.json' });
  const alert = page.getByTestId('map-notice');
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(/konden niet worden geladen/);
  expect(errors.filter((line) => !NETWORK_LINE.test(line))).toEqual([]);
  await context.close();
});
