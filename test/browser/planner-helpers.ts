import type { Page } from 'playwright-core';

/** Page position of a map canvas pixel (x, y). */
export async function canvasOrigin(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('[data-testid="map"] canvas').first().boundingBox();
  if (!box) throw new Error('no map canvas');
  return { x: box.x, y: box.y };
}

/** Clicks map pixels in turn, with a pause so each click is its own event. */
export async function clickPoints(page: Page, points: [number, number][]): Promise<void> {
  const origin = await canvasOrigin(page);
  for (const [x, y] of points) {
    await page.mouse.move(origin.x + x, origin.y + y, { steps: 2 });
    await page.mouse.click(origin.x + x, origin.y + y);
    await page.waitForTimeout(60);
  }
}

/** Drags on the map from one canvas pixel to another, as a person would. */
export async function dragOnMap(
  page: Page,
  from: [number, number],
  to: [number, number],
): Promise<void> {
  const origin = await canvasOrigin(page);
  await page.mouse.move(origin.x + from[0], origin.y + from[1]);
  await page.mouse.down();
  await page.mouse.move(origin.x + to[0], origin.y + to[1], { steps: 8 });
  await page.mouse.up();
}

/** Moves the mouse over map pixels without clicking. */
export async function movePoints(page: Page, points: [number, number][]): Promise<void> {
  const origin = await canvasOrigin(page);
  for (const [x, y] of points) {
    await page.mouse.move(origin.x + x, origin.y + y, { steps: 4 });
    await page.waitForTimeout(20);
  }
}

export interface StoredArea {
  id: string;
  name: string;
  geometry: { type: string; coordinates: number[][][] };
}

/** The areas and selection in the app's store (DESIGN.md 7.4). */
export function storedAreas(
  page: Page,
): Promise<{ areas: StoredArea[]; selectedId: string | null }> {
  return page.evaluate(() => {
    const state = window.koolstofkaart?.store.getState();
    return {
      areas: (state?.areas ?? []).map((area) => ({
        id: area.id,
        name: area.name,
        geometry: area.geometry as StoredArea['geometry'],
      })),
      selectedId: state?.selectedId ?? null,
    };
  });
}

/** Waits until the store holds `count` areas. */
export async function waitForAreaCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (expected) => window.koolstofkaart?.store.getState().areas.length === expected,
    count,
    { timeout: 10_000 },
  );
}

/** Pixel of a WGS84 position on the map canvas. */
export async function pixelOf(page: Page, lonLat: [number, number]): Promise<[number, number]> {
  return page.evaluate((position) => {
    const point = window.koolstofkaart?.map?.project(position as [number, number]);
    return [point?.x ?? 0, point?.y ?? 0] as [number, number];
  }, lonLat);
}

/** A square of four corners around (x, y), `size` pixels wide. */
export function squareAt(x: number, y: number, size: number): [number, number][] {
  return [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
  ];
}

/** A closed square ring of map pixels, `size` wide, from (x, y). */
export function pixelRing(x: number, y: number, size: number): [number, number][] {
  return [...squareAt(x, y, size), [x, y]];
}

/**
 * Adds an area (as an import would) whose polygons are given as rings of map pixels; one polygon
 * gives a Polygon, more a MultiPolygon. Returns the geometry in WGS84.
 */
export function addAreaAtPixels(
  page: Page,
  area: { id: string; name: string },
  polygons: [number, number][][][],
): Promise<GeoJSON.Polygon | GeoJSON.MultiPolygon> {
  return page.evaluate(
    ({ area, polygons }) => {
      const map = window.koolstofkaart?.map;
      const coordinates = polygons.map((rings) =>
        rings.map((ring) =>
          ring.map(([x, y]) => {
            const { lng, lat } = map?.unproject([x, y]) ?? { lng: 0, lat: 0 };
            return [lng, lat];
          }),
        ),
      );
      const geometry =
        coordinates.length === 1
          ? { type: 'Polygon' as const, coordinates: coordinates[0] as number[][][] }
          : { type: 'MultiPolygon' as const, coordinates };
      window.koolstofkaart?.store
        .getState()
        .addArea({ ...area, color: '#1a5fb4', visible: true, geometry });
      return geometry;
    },
    { area, polygons },
  );
}
