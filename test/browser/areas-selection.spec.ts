import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { rdToWgs84 } from '../../src/core/projection/rd';
import { launchBrowser, openApp, waitForMapIdle } from './harness';
import { canvasOrigin, pixelOf } from './planner-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const MAGENTA = '#ff00ff';
const SOURCE = 'kk-areas';

/** 500 squares of 100 m (RD New), 150 m apart, from the middle of the demo data eastwards. */
function squares() {
  return Array.from({ length: 500 }, (_, index) => {
    const x = 155_000 + (index % 20) * 150;
    const y = 463_000 + Math.floor(index / 20) * 150;
    const ring = [
      [x, y],
      [x + 100, y],
      [x + 100, y + 100],
      [x, y + 100],
      [x, y],
    ].map((corner) => rdToWgs84(corner as [number, number]));
    return {
      id: `square-${index}`,
      name: `Vlak ${index}`,
      color: MAGENTA,
      visible: true,
      geometry: { type: 'Polygon' as const, coordinates: [ring] },
      centre: rdToWgs84([x + 50, y + 50]),
    };
  });
}

/** Counts calls of the areas source's setData and updateData from now on. */
async function spyOnSource(page: Page): Promise<void> {
  await page.evaluate((sourceId) => {
    const source = window.koolstofkaart?.map?.getSource(sourceId) as unknown as Record<
      string,
      (...args: unknown[]) => unknown
    >;
    const calls: Record<string, number> = { setData: 0, updateData: 0 };
    for (const name of Object.keys(calls)) {
      const original = (source[name] as (...args: unknown[]) => unknown).bind(source);
      source[name] = (...args: unknown[]) => {
        calls[name] = (calls[name] ?? 0) + 1;
        return original(...args);
      };
    }
    Object.assign(window, { kkSourceCalls: calls });
  }, SOURCE);
}

const sourceCalls = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { kkSourceCalls: Record<string, number> }).kkSourceCalls,
  );

const isSelectedOnMap = (page: Page, id: string) =>
  page.evaluate(
    ({ sourceId, id }) =>
      window.koolstofkaart?.map?.getFeatureState({ source: sourceId, id })?.selected === true,
    { sourceId: SOURCE, id },
  );

/** Magenta pixels (an area's outline) within `radius` CSS pixels of a map position. */
async function magentaAround(page: Page, lonLat: [number, number], radius = 60): Promise<number> {
  await waitForMapIdle(page);
  const [x, y] = await pixelOf(page, lonLat);
  const origin = await canvasOrigin(page);
  const png = await page.screenshot({
    clip: {
      x: origin.x + x - radius,
      y: origin.y + y - radius,
      width: radius * 2,
      height: radius * 2,
    },
  });
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (
        (data[i] as number) > 200 &&
        (data[i + 1] as number) < 60 &&
        (data[i + 2] as number) > 200
      )
        count++;
    }
    return count;
  }, png.toString('base64'));
}

test('selecting in the list or on the map draws the area thicker, without new data for the map', async () => {
  const { page, errors, context } = await openApp(browser);
  const areas = squares();
  const [first, second] = areas as [(typeof areas)[0], (typeof areas)[0]];
  await page.evaluate(
    (all) => window.koolstofkaart?.store.getState().replaceAreas(all),
    areas.map(({ centre: _, ...area }) => area),
  );
  // Zoom 15: a square is about 70 px wide; its neighbour to the east is about 100 px away.
  await page.evaluate(
    (centre) => window.koolstofkaart?.map?.jumpTo({ center: centre, zoom: 15 }),
    first.centre,
  );
  await page.waitForFunction(
    (sourceId) => (window.koolstofkaart?.map?.querySourceFeatures(sourceId).length ?? 0) > 0,
    SOURCE,
    { timeout: 30_000 },
  );
  await spyOnSource(page);
  const unselected = await magentaAround(page, first.centre);
  expect(unselected).toBeGreaterThan(100);

  // In the list.
  await page.locator(`.area-row[data-area-id="${first.id}"] .area-pick`).click();
  await expect.poll(() => isSelectedOnMap(page, first.id)).toBe(true);
  const selected = await magentaAround(page, first.centre);
  expect(selected).toBeGreaterThan(unselected * 1.5);

  // On the map: the neighbour.
  const [x, y] = await pixelOf(page, second.centre);
  const origin = await canvasOrigin(page);
  await page.mouse.click(origin.x + x, origin.y + y);
  await expect.poll(() => isSelectedOnMap(page, second.id)).toBe(true);
  expect(await page.evaluate(() => window.koolstofkaart?.store.getState().selectedId)).toBe(
    second.id,
  );
  expect(await isSelectedOnMap(page, first.id)).toBe(false);
  expect(await magentaAround(page, first.centre)).toBeLessThan(selected / 1.5);

  // A rename changes nothing the map draws.
  const name = page.locator(`.area-row[data-area-id="${second.id}"] .area-name`);
  await name.fill('Nieuwe naam');
  await name.press('Enter');
  await expect
    .poll(() =>
      page.evaluate(
        (id) => window.koolstofkaart?.store.getState().areas.find((area) => area.id === id)?.name,
        second.id,
      ),
    )
    .toBe('Nieuwe naam');
  expect(await sourceCalls(page)).toEqual({ setData: 0, updateData: 0 });
  expect(errors).toEqual([]);
  await context.close();
});

test('a changed colour goes to the map as a diff; new data keeps the selection drawn', async () => {
  const { page, errors, context } = await openApp(browser);
  const areas = squares().map(({ centre: _, ...area }) => area);
  const [first] = areas as [(typeof areas)[0]];
  await page.evaluate(
    (all) => window.koolstofkaart?.store.getState().replaceAreas(all, all[0]?.id),
    areas,
  );
  await page.waitForFunction(
    (sourceId) => (window.koolstofkaart?.map?.querySourceFeatures(sourceId).length ?? 0) > 0,
    SOURCE,
    { timeout: 30_000 },
  );
  await expect.poll(() => isSelectedOnMap(page, first.id)).toBe(true);
  await spyOnSource(page);

  await page.evaluate(
    (id) => window.koolstofkaart?.store.getState().updateArea(id, { color: '#00ff00' }),
    first.id,
  );
  expect(await sourceCalls(page)).toEqual({ setData: 0, updateData: 1 });
  await expect
    .poll(() =>
      page.evaluate(
        ({ sourceId, id }) =>
          window.koolstofkaart?.map
            ?.querySourceFeatures(sourceId)
            .find((feature) => feature.properties.id === id)?.properties.color,
        { sourceId: SOURCE, id: first.id },
      ),
    )
    .toBe('#00ff00');

  // All areas again (e.g. a restored session): new data, and the selected area is still drawn so.
  await page.evaluate(
    (all) => window.koolstofkaart?.store.getState().replaceAreas(all.slice().reverse(), all[0]?.id),
    areas,
  );
  expect((await sourceCalls(page)).setData).toBe(1);
  await waitForMapIdle(page);
  expect(await isSelectedOnMap(page, first.id)).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});
