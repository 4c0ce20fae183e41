import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { rdToWgs84 } from '../../src/core/projection/rd';
import type { LayerId } from '../../src/core/raster/classes';
import { colorizerFor } from '../../src/core/tiles/palettes';
import { launchBrowser, openApp, waitForMapIdle } from './harness';
import {
  demoCatalogue,
  layerOf,
  MAP_CLIP,
  pixelDifference,
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
const [minX, minY, maxX, maxY] = catalogue.bbox_rd;
const CENTRE_RD: [number, number] = [(minX + maxX) / 2, (minY + maxY) / 2];

async function open() {
  const opened = await openApp(browser);
  await waitForLayers(opened.page);
  return opened;
}

/** Shows one layer alone at full opacity, centred on an RD point at a zoom, and waits for idle. */
async function showOnly(page: Page, id: LayerId, centre: [number, number], zoom: number) {
  const [lon, lat] = rdToWgs84(centre);
  await page.evaluate(
    ({ id, lon, lat, zoom }) => {
      const app = window.koolstofkaart;
      const state = app?.store.getState();
      for (const other of state?.layerOrder ?? []) {
        state?.setLayerView(other, { visible: other === id, opacity: 1 });
      }
      // The basemap's features and labels lie above the rasters: hidden, so pixels are the layer's.
      for (const layer of app?.map?.getStyle().layers ?? []) {
        if (layer.type !== 'raster' && layer.type !== 'background') {
          app?.map?.setLayoutProperty(layer.id, 'visibility', 'none');
        }
      }
      app?.map?.jumpTo({ center: [lon, lat], zoom });
    },
    { id, lon, lat, zoom },
  );
  // Place names are HTML markers over the map.
  await page.addStyleTag({ content: '.maplibregl-marker { display: none !important; }' });
  await waitForMapIdle(page);
}

/** RGBA of screenshot pixels (CSS pixels of the page, device pixel ratio 1), decoded by the page. */
async function pixelsAt(page: Page, points: [number, number][]): Promise<number[][]> {
  const png = await page.screenshot();
  return page.evaluate(
    async ({ base64, points }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      return points.map(([x, y]) => [...context.getImageData(x, y, 1, 1).data]);
    },
    { base64: png.toString('base64'), points },
  );
}

/** Screen positions (page CSS pixels) of WGS84 points on the map. */
function project(page: Page, lonLats: [number, number][]): Promise<[number, number][]> {
  return page.evaluate((lonLats) => {
    const map = window.koolstofkaart?.map;
    const box = map?.getCanvas().getBoundingClientRect();
    return lonLats.map((lonLat) => {
      const point = map?.project(lonLat);
      return [
        Math.round((box?.left ?? 0) + (point?.x ?? 0)),
        Math.round((box?.top ?? 0) + (point?.y ?? 0)),
      ];
    });
  }, lonLats);
}

function unpack(packed: number): number[] {
  return [...new Uint8Array(new Uint32Array([packed]).buffer)];
}

test('raster pixels on screen have the palette colour of the COG cell under them', async () => {
  const { page, errors, context } = await open();
  await showOnly(page, 'carbon-stock', CENTRE_RD, 14.5);
  const meta = layerOf(catalogue, 'carbon-stock');
  const colorizer = colorizerFor(meta);
  // Centres of 25 m cells on a grid around the view's centre: 5 or more screen pixels from any
  // cell edge at this zoom, so the pixel lies in that cell whatever the rounding.
  const cells: [number, number][] = [];
  const cell = meta.resolution_m;
  const col0 = Math.floor((CENTRE_RD[0] - minX) / cell);
  const row0 = Math.floor((maxY - CENTRE_RD[1]) / cell);
  for (let i = -12; i <= 12; i += 3) {
    for (let j = -9; j <= 9; j += 3) {
      cells.push([minX + (col0 + i + 0.5) * cell, maxY - (row0 + j + 0.5) * cell]);
    }
  }
  const screen = await project(
    page,
    cells.map((rd) => rdToWgs84(rd) as [number, number]),
  );
  const inView = cells
    .map((rd, k) => ({ rd, at: screen[k] as [number, number] }))
    .filter(
      ({ at: [x, y] }) =>
        x > MAP_CLIP.x &&
        x < MAP_CLIP.x + MAP_CLIP.width &&
        y > MAP_CLIP.y &&
        y < MAP_CLIP.y + MAP_CLIP.height,
    );
  const pixels = await pixelsAt(
    page,
    inView.map(({ at }) => at),
  );
  let compared = 0;
  let matching = 0;
  for (const [k, { rd }] of inView.entries()) {
    const value = await valueInCog(meta, rd[0], rd[1]);
    if (value === null) continue;
    compared++;
    const expected = unpack(colorizer.color(value));
    const seen = pixels[k] as number[];
    if ([0, 1, 2].every((c) => Math.abs((seen[c] as number) - (expected[c] as number)) <= 3))
      matching++;
  }
  expect(compared).toBeGreaterThan(30);
  expect(matching).toBe(compared);
  expect(errors).toEqual([]);
  await context.close();
});

test('a scenario change redraws the derived potential layer', async () => {
  const { page, errors, context } = await open();
  await showOnly(page, 'potential', CENTRE_RD, 11);
  const before = await page.screenshot({ clip: MAP_CLIP });
  // Arable to permanent grassland replaces the arable measures with a higher rate: arable darkens.
  await page.evaluate(() => {
    const state = window.koolstofkaart?.store.getState();
    if (!state) return;
    state.setScenario({
      measures: {
        ...state.scenario.measures,
        'arable-to-grassland': { on: true, level: 'central' },
      },
    });
  });
  await expect
    .poll(
      async () => {
        await waitForMapIdle(page);
        return pixelDifference(page, before, await page.screenshot({ clip: MAP_CLIP }));
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBeGreaterThan(0.02);
  expect(errors).toEqual([]);
  await context.close();
});

test('tiles away from the data come back empty, without errors', async () => {
  const { page, errors, context } = await open();
  // A source without bounds makes MapLibre ask for tiles far from the data as well.
  await page.evaluate(() => {
    const map = window.koolstofkaart?.map;
    if (!map) return;
    const seen: string[] = [];
    (window as unknown as { tileErrors: string[] }).tileErrors = seen;
    map.on('error', (event) => seen.push(String(event.error?.message ?? event.error)));
    for (const id of ['carbon-stock', 'deficit'] as const) {
      map.addSource(`probe-${id}`, {
        type: 'raster',
        tiles: [`koolstof://${id}/{z}/{x}/{y}`],
        tileSize: 256,
      });
      map.addLayer({ id: `probe-${id}`, type: 'raster', source: `probe-${id}` });
    }
  });
  for (const [lon, lat, zoom] of [
    [6.57, 53.22, 12],
    [4.3, 51.5, 9],
    [5.4, 52.2, 6],
  ] as const) {
    await page.evaluate(
      ({ lon, lat, zoom }) => window.koolstofkaart?.map?.jumpTo({ center: [lon, lat], zoom }),
      {
        lon,
        lat,
        zoom,
      },
    );
    await waitForMapIdle(page);
  }
  const loaded = await page.evaluate(() =>
    window.koolstofkaart?.map?.isSourceLoaded('probe-deficit'),
  );
  expect(loaded).toBe(true);
  const failures = await page.evaluate(
    () => (window as unknown as { tileErrors?: string[] }).tileErrors,
  );
  expect(failures).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
