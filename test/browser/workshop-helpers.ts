import type { Page } from 'playwright-core';
import { rdToWgs84 } from '../../src/core/projection/rd';
import { KEY_FIGURES } from '../../src/ui/results/ResultsFigures';

/** A rectangle in the demo municipality (RD New metres), as a WGS84 polygon. */
export function fieldAt(x: number, y: number, width = 1200, height = 900) {
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, y],
        [x + width, y],
        [x + width, y + height],
        [x, y + height],
        [x, y],
      ].map((point) => [...rdToWgs84(point as [number, number])]),
    ],
  };
}

/** Adds an area through the store (DESIGN.md 7.4) and selects it. */
export async function addArea(
  page: Page,
  id: string,
  name: string,
  geometry: ReturnType<typeof fieldAt>,
): Promise<void> {
  await page.evaluate(
    ({ id, name, geometry }) => {
      window.koolstofkaart?.store
        .getState()
        .addArea({ id, name, color: '#1f77b4', visible: true, geometry });
    },
    { id, name, geometry },
  );
}

/** Waits for the selected area's figures, then returns each DESIGN.md 7.4 figure's data-value. */
export async function keyFigureValues(page: Page): Promise<Record<string, string | null>> {
  await page
    .getByTestId('potential-year')
    .and(page.locator('[data-value]'))
    .waitFor({ timeout: 30_000 });
  const values: Record<string, string | null> = {};
  for (const { key } of KEY_FIGURES) {
    values[key] = await page.getByTestId(key).getAttribute('data-value');
  }
  return values;
}

/** The page root's data-mode (DESIGN.md 9: "present" in presentation mode). */
export function pageMode(page: Page): Promise<string | null> {
  return page.evaluate(() => document.documentElement.getAttribute('data-mode'));
}
