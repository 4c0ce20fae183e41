import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { rdAreaHa } from '../../src/map/draw-geometry';
import { launchBrowser, openApp } from './harness';
import {
  addAreaAtPixels,
  clickPoints,
  dragOnMap,
  movePoints,
  pixelRing,
  squareAt,
  storedAreas,
  waitForAreaCount,
} from './planner-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function tool(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForFunction(
    (label) =>
      document.querySelector(`button[aria-pressed="true"] .draw-label`)?.textContent?.trim() ===
      label,
    name,
  );
}

test('a polygon closed on its first vertex becomes the selected area, measured in RD', async () => {
  const { page, errors, context } = await openApp(browser);
  await tool(page, 'Veelhoek');
  const corners = squareAt(420, 320, 160);
  await clickPoints(page, corners);
  await expect.poll(() => page.locator('.kk-live-area').textContent()).toMatch(/^[\d.]+,\d{2} ha$/);
  await clickPoints(page, [corners[0] as [number, number]]);
  await waitForAreaCount(page, 1);
  const { areas, selectedId } = await storedAreas(page);
  expect(selectedId).toBe(areas[0]?.id);
  expect(areas[0]?.geometry.type).toBe('Polygon');
  expect(areas[0]?.geometry.coordinates[0]).toHaveLength(5);
  const hectares = rdAreaHa(areas[0]?.geometry as GeoJSON.Polygon);
  expect(hectares).toBeGreaterThan(100);
  await expect
    .poll(() => page.locator('.area-row.selected .area-name').inputValue())
    .toBe('Vlak 1');
  // The clicks placed vertices; none of them pinned the inspector.
  expect(await page.getByText('Vastgezet punt').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('a polygon closes by double click and by Enter; Esc cancels the shape in progress', async () => {
  const { page, errors, context } = await openApp(browser);
  await tool(page, 'Veelhoek');
  await clickPoints(page, [
    [400, 300],
    [560, 300],
  ]);
  const origin = await page.locator('[data-testid="map"] canvas').first().boundingBox();
  await page.mouse.dblclick((origin?.x ?? 0) + 560, (origin?.y ?? 0) + 460);
  await waitForAreaCount(page, 1);

  await tool(page, 'Veelhoek');
  await clickPoints(page, squareAt(420, 500, 120).slice(0, 3));
  await page.keyboard.press('Enter');
  await waitForAreaCount(page, 2);

  await tool(page, 'Veelhoek');
  await clickPoints(page, squareAt(620, 500, 120).slice(0, 3));
  await page.keyboard.press('Escape');
  await page.waitForTimeout(200);
  expect((await storedAreas(page)).areas).toHaveLength(2);
  expect(errors).toEqual([]);
  await context.close();
});

test('rectangle, circle and freehand each make an area', async () => {
  const { page, errors, context } = await openApp(browser);
  await tool(page, 'Rechthoek');
  await clickPoints(page, [
    [400, 300],
    [520, 420],
  ]);
  await waitForAreaCount(page, 1);
  await tool(page, 'Cirkel');
  await clickPoints(page, [[620, 360]]);
  await movePoints(page, [
    [660, 360],
    [700, 360],
  ]);
  await clickPoints(page, [[700, 360]]);
  await waitForAreaCount(page, 2);
  await tool(page, 'Vrije hand');
  await clickPoints(page, [[400, 520]]);
  await movePoints(page, [
    [450, 520],
    [500, 530],
    [520, 580],
    [480, 620],
    [420, 600],
  ]);
  await clickPoints(page, [[405, 560]]);
  await waitForAreaCount(page, 3);
  const { areas } = await storedAreas(page);
  for (const area of areas) expect(rdAreaHa(area.geometry as GeoJSON.Polygon)).toBeGreaterThan(10);
  expect(areas[1]?.geometry.coordinates[0]?.length).toBeGreaterThan(20);
  expect(errors).toEqual([]);
  await context.close();
});

test('a self-intersecting polygon is refused with where, and the other areas stay', async () => {
  const { page, errors, context } = await openApp(browser);
  await tool(page, 'Rechthoek');
  await clickPoints(page, [
    [620, 300],
    [720, 400],
  ]);
  await waitForAreaCount(page, 1);
  const before = await storedAreas(page);
  await tool(page, 'Veelhoek');
  await clickPoints(page, [
    [400, 300],
    [560, 460],
    [560, 300],
    [400, 460],
  ]);
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(/snijdt zichzelf bij RD \d+, \d+/);
  expect(await storedAreas(page)).toEqual(before);
  expect(errors).toEqual([]);
  await context.close();
});

test('select moves an area and drags a vertex; delete, undo and redo', async () => {
  const { page, errors, context } = await openApp(browser);
  await tool(page, 'Veelhoek');
  await clickPoints(page, [...squareAt(420, 320, 160), [420, 320]]);
  await waitForAreaCount(page, 1);
  const drawn = (await storedAreas(page)).areas[0];
  await tool(page, 'Selecteren');
  await clickPoints(page, [[500, 400]]);
  // Drag the corner at (580, 480) outwards.
  await dragOnMap(page, [580, 480], [620, 520]);
  await page.waitForFunction(
    (first) => JSON.stringify(window.koolstofkaart?.store.getState().areas[0]?.geometry) !== first,
    JSON.stringify(drawn?.geometry),
  );
  const edited = (await storedAreas(page)).areas[0];
  expect(rdAreaHa(edited?.geometry as GeoJSON.Polygon)).toBeGreaterThan(
    rdAreaHa(drawn?.geometry as GeoJSON.Polygon),
  );
  await page.getByRole('button', { name: 'Ongedaan maken', exact: true }).click();
  expect((await storedAreas(page)).areas[0]?.geometry).toEqual(drawn?.geometry);
  await page.getByRole('button', { name: 'Opnieuw', exact: true }).click();
  expect((await storedAreas(page)).areas[0]?.geometry).toEqual(edited?.geometry);
  await page.getByRole('button', { name: 'Verwijderen', exact: true }).click();
  await waitForAreaCount(page, 0);
  await page.keyboard.press('Control+z');
  await waitForAreaCount(page, 1);
  await page.keyboard.press('Control+Shift+z');
  await waitForAreaCount(page, 0);
  await page.keyboard.press('Control+z');
  await waitForAreaCount(page, 1);
  await page.keyboard.press('Control+y');
  await waitForAreaCount(page, 0);
  expect(errors).toEqual([]);
  await context.close();
});

test('in select, each part of an imported multipolygon can be edited, and undone', async () => {
  const { page, errors, context } = await openApp(browser);
  // Two squares of one area, as an import would give them.
  const original = (await addAreaAtPixels(page, { id: 'multi', name: 'Twee delen' }, [
    [pixelRing(420, 320, 100)],
    [pixelRing(640, 320, 100)],
  ])) as GeoJSON.MultiPolygon;
  await waitForAreaCount(page, 1);
  await tool(page, 'Selecteren');
  await clickPoints(page, [[690, 370]]);
  // Drag the second part's lower right corner outwards.
  await dragOnMap(page, [740, 420], [780, 460]);
  await page.waitForFunction(
    (first) => JSON.stringify(window.koolstofkaart?.store.getState().areas[0]?.geometry) !== first,
    JSON.stringify(original),
  );
  const edited = (await storedAreas(page)).areas[0]?.geometry as unknown as GeoJSON.MultiPolygon;
  expect(edited.type).toBe('MultiPolygon');
  expect(edited.coordinates).toHaveLength(2);
  const part = (index: number) => ({
    type: 'Polygon' as const,
    coordinates: edited.coordinates[index] as GeoJSON.Position[][],
  });
  const originalPart = (index: number) => ({
    type: 'Polygon' as const,
    coordinates: original.coordinates[index] as GeoJSON.Position[][],
  });
  expect(rdAreaHa(part(0))).toBeCloseTo(rdAreaHa(originalPart(0)), 6);
  expect(rdAreaHa(part(1))).toBeGreaterThan(rdAreaHa(originalPart(1)) * 1.2);
  expect((await storedAreas(page)).selectedId).toBe('multi');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await storedAreas(page)).areas[0]?.geometry).toEqual(original);
  expect(errors).toEqual([]);
  await context.close();
});

test('an area with a hole, which terra-draw cannot edit, stays drawn in Select and says why', async () => {
  const { page, errors, context } = await openApp(browser);
  await addAreaAtPixels(page, { id: 'holed', name: 'Met gat' }, [
    [pixelRing(420, 300, 200), pixelRing(480, 360, 60).reverse()],
  ]);
  await waitForAreaCount(page, 1);
  await tool(page, 'Selecteren');
  await expect
    .poll(() => page.getByRole('alert').textContent())
    .toMatch(/kan niet met de muis worden bewerkt/);
  // Still on the map (the areas layer draws it), and still in the results.
  expect(
    await page.evaluate(() => window.koolstofkaart?.map?.querySourceFeatures('kk-areas').length),
  ).toBeGreaterThan(0);
  await tool(page, 'Veelhoek');
  await expect.poll(() => page.getByRole('alert').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('while a shape is drawn, undo and redo take back and put back its vertices, not areas', async () => {
  const { page, errors, context } = await openApp(browser);
  await tool(page, 'Veelhoek');
  await clickPoints(page, [...squareAt(420, 320, 100), [420, 320]]);
  await waitForAreaCount(page, 1);
  const undoButton = page.getByRole('button', { name: 'Ongedaan maken', exact: true });
  const redoButton = page.getByRole('button', { name: 'Opnieuw', exact: true });

  await tool(page, 'Veelhoek');
  await clickPoints(page, [
    [600, 300],
    [740, 300],
    [740, 440],
    [780, 500],
  ]);
  await expect.poll(() => undoButton.isEnabled()).toBe(true);
  // Take back the stray last vertex and put it back, then take it back for good.
  await page.keyboard.press('Control+z');
  await expect.poll(() => redoButton.isEnabled()).toBe(true);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => redoButton.isEnabled()).toBe(false);
  await undoButton.click();
  await clickPoints(page, [[600, 440]]);
  await page.keyboard.press('Enter');
  await waitForAreaCount(page, 2);

  const drawn = (await storedAreas(page)).areas[1]?.geometry.coordinates[0] ?? [];
  const pixels = await page.evaluate(
    (ring) =>
      ring.map((position) => {
        const point = window.koolstofkaart?.map?.project(position as [number, number]);
        return [Math.round(point?.x ?? 0), Math.round(point?.y ?? 0)];
      }),
    drawn,
  );
  // The four vertices kept (the ring may be rewound when it closes), and not the one taken back.
  expect(pixels).toHaveLength(5);
  expect(pixels.slice(0, 4).sort()).toEqual([
    [600, 300],
    [600, 440],
    [740, 300],
    [740, 440],
  ]);
  // After the shape, undo works on the areas again.
  await page.keyboard.press('Control+z');
  await waitForAreaCount(page, 1);
  expect(errors).toEqual([]);
  await context.close();
});

test('every tool has its accessible name in both languages and is keyboard-selectable', async () => {
  const { page, context } = await openApp(browser);
  const nl = [
    'Veelhoek',
    'Rechthoek',
    'Cirkel',
    'Vrije hand',
    'Selecteren',
    'Verwijderen',
    'Ongedaan maken',
    'Opnieuw',
  ];
  const en = ['Polygon', 'Rectangle', 'Circle', 'Freehand', 'Select', 'Delete', 'Undo', 'Redo'];
  for (const name of nl)
    expect(await page.getByRole('button', { name, exact: true }).count()).toBe(1);
  await page.getByRole('button', { name: 'Veelhoek', exact: true }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('button[aria-pressed="true"]');
  expect(await page.locator('button[aria-pressed="true"] .draw-label').textContent()).toBe(
    'Rechthoek',
  );
  expect(
    await page.getByRole('button', { name: 'Rechthoek', exact: true }).getAttribute('title'),
  ).toMatch(/hoek/);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'English' }).click();
  // English texts load when first chosen: wait for them.
  for (const name of en)
    await expect.poll(() => page.getByRole('button', { name, exact: true }).count()).toBe(1);
  await context.close();
});

test('an area entered from the keyboard as RD coordinates', async () => {
  const { page, errors, context } = await openApp(browser);
  await page.getByText('Vlak invoeren met coördinaten').click();
  await page
    .getByLabel(/Coördinaten/)
    .fill('155000 463000\n156000 463000\n156000 464000\n155000 464000');
  await page.getByRole('button', { name: 'Vlak toevoegen' }).click();
  await waitForAreaCount(page, 1);
  const { areas, selectedId } = await storedAreas(page);
  expect(selectedId).toBe(areas[0]?.id);
  expect(rdAreaHa(areas[0]?.geometry as GeoJSON.Polygon)).toBeCloseTo(100, 1);
  await page
    .getByLabel(/Coördinaten/)
    .fill('155000 463000\n156000 464000\n156000 463000\n155000 464000');
  await page.getByRole('button', { name: 'Vlak toevoegen' }).click();
  await page.getByText(/snijdt zichzelf bij RD 1555\d\d, 4635\d\d/).waitFor();
  expect((await storedAreas(page)).areas).toHaveLength(1);
  expect(errors).toEqual([]);
  await context.close();
});

test('selecting on the map selects in the list and the other way round', async () => {
  const { page, errors, context } = await openApp(browser);
  await tool(page, 'Rechthoek');
  await clickPoints(page, [
    [400, 300],
    [520, 420],
  ]);
  await waitForAreaCount(page, 1);
  await tool(page, 'Rechthoek');
  await clickPoints(page, [
    [600, 300],
    [720, 420],
  ]);
  await waitForAreaCount(page, 2);
  const { areas } = await storedAreas(page);
  expect((await storedAreas(page)).selectedId).toBe(areas[1]?.id);
  await page.waitForTimeout(300);
  await clickPoints(page, [[460, 360]]);
  await expect.poll(async () => (await storedAreas(page)).selectedId).toBe(areas[0]?.id);
  expect(await page.locator('.area-row.selected').getAttribute('data-area-id')).toBe(areas[0]?.id);
  await page.getByRole('button', { name: 'Vlak 2', exact: true }).click();
  expect((await storedAreas(page)).selectedId).toBe(areas[1]?.id);
  // Rename is one undoable step.
  const name = page.getByLabel('Naam van Vlak 2');
  await name.fill('Park');
  await name.press('Enter');
  expect((await storedAreas(page)).areas[1]?.name).toBe('Park');
  await page.getByRole('button', { name: 'Ongedaan maken', exact: true }).click();
  expect((await storedAreas(page)).areas[1]?.name).toBe('Vlak 2');
  expect(errors).toEqual([]);
  await context.close();
});
