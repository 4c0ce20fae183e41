import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { analyzeAreas } from '../../src/core/engine/analyze';
import { openDataset } from '../../src/core/engine/dataset';
import { geometryToRd } from '../../src/core/engine/session';
import { DEFAULT_SCENARIO, type Scenario } from '../../src/core/estimate/scenario';
import { figureValue, KEY_FIGURES } from '../../src/ui/results/ResultsFigures';
import { figuresOf } from '../../src/ui/results/results-model';
import { launchBrowser, openApp, waitForMapIdle } from './harness';
import {
  canvasOrigin,
  clickPoints,
  pixelOf,
  squareAt,
  storedAreas,
  waitForAreaCount,
} from './planner-helpers';

const cataloguePath = resolve(import.meta.dirname, '../../data/demo/catalogue.json');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The key figures the engine gives in Node for the same geometry and scenario. */
async function engineFigures(geometry: GeoJSON.Polygon, scenario: Scenario) {
  const dataset = await openDataset({
    kind: 'path',
    path: cataloguePath,
    readText: (path) => readFile(path, 'utf8'),
  });
  if (!dataset.ok) throw new Error(JSON.stringify(dataset.error));
  const result = await analyzeAreas(
    [{ id: 'a', name: 'a', rd: geometryToRd(geometry) }],
    dataset.value.layers,
    scenario,
  );
  const area = result.areas[0];
  if (!area) throw new Error('no result');
  const figures = figuresOf(area);
  return Object.fromEntries(
    KEY_FIGURES.map(({ key }) => [key, figureValue(figures, key)?.value ?? null]),
  ) as Record<string, number | null>;
}

/** The data-value of each key figure on the page, once the results are in. */
async function pageFigures(page: Page): Promise<Record<string, number | null>> {
  await page
    .getByTestId('potential-year')
    .and(page.locator('[data-value]'))
    .waitFor({ timeout: 20_000 });
  const out: Record<string, number | null> = {};
  for (const { key } of KEY_FIGURES) {
    const value = await page.getByTestId(key).first().getAttribute('data-value');
    out[key] = value === null ? null : Number(value);
  }
  return out;
}

function expectSame(
  actual: Record<string, number | null>,
  expected: Record<string, number | null>,
) {
  for (const [key, value] of Object.entries(expected)) {
    if (value === null) expect(actual[key], key).toBeNull();
    // Relative: sums of a million tonnes differ in their last bits by the order of summation.
    else
      expect(Math.abs((actual[key] ?? Number.NaN) - value), key).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(value)),
      );
  }
}

/** Draws a 200-pixel square around the middle of the demo data and returns its geometry. */
async function drawSquare(page: Page): Promise<GeoJSON.Polygon> {
  const middle = await page.evaluate(() => {
    const map = window.koolstofkaart?.map;
    const center = map?.getCenter();
    return [center?.lng ?? 0, center?.lat ?? 0] as [number, number];
  });
  const [x, y] = await pixelOf(page, middle);
  await page.getByRole('button', { name: 'Veelhoek', exact: true }).click();
  // terra-draw loads on first use: click only once the tool is on.
  await page.getByRole('button', { name: 'Veelhoek', exact: true, pressed: true }).waitFor();
  const corners = squareAt(Math.round(x - 100), Math.round(y - 100), 200);
  await clickPoints(page, [...corners, corners[0] as [number, number]]);
  await waitForAreaCount(page, 1);
  return (await storedAreas(page)).areas[0]?.geometry as GeoJSON.Polygon;
}

test('a polygon drawn with the mouse gets the numbers the engine gives for the same shape', async () => {
  const { page, errors, context } = await openApp(browser);
  const geometry = await drawSquare(page);
  const region = page.getByRole('region', { name: 'Resultaten' });
  await region.waitFor();
  const shown = await pageFigures(page);
  const expected = await engineFigures(geometry, DEFAULT_SCENARIO);
  expect(expected['stock-total']).toBeGreaterThan(0);
  expectSame(shown, expected);
  // Dutch format: decimal comma, dot between thousands; the range and unit beside the number.
  expect(await region.getByTestId('area-ha').textContent()).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}$/);
  expect(await region.getByTestId('stock-total').textContent()).toMatch(/^\d{1,3}(\.\d{3})*$/);
  expect(await region.textContent()).toMatch(/bereik [\d.,]+–[\d.,]+/);
  expect(await region.textContent()).toMatch(/synthetisch/);
  expect(await region.textContent()).toMatch(/0–30 cm/);

  // The language switch keeps the numbers and formats them the English way.
  await page.getByRole('button', { name: 'English' }).click();
  const english = page.getByRole('region', { name: 'Results' });
  await english.waitFor();
  expectSame(await pageFigures(page), expected);
  expect(await english.getByTestId('area-ha').textContent()).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
  expect(await english.textContent()).toMatch(/synthetic/);
  expect(errors).toEqual([]);
  await context.close();
});

/** Counts the messages the page posts to its analysis workers and receives from them. */
function countAnalysisMessages(): void {
  const counts = { posted: 0, received: 0 };
  (window as unknown as { kkAnalysisMessages: typeof counts }).kkAnalysisMessages = counts;
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (!String(url).includes('analysis')) return;
      const post = this.postMessage.bind(this) as (...args: unknown[]) => void;
      this.postMessage = (...args: unknown[]) => {
        counts.posted++;
        post(...args);
      };
      this.addEventListener('message', () => {
        counts.received++;
      });
    }
  };
}

const analysisMessages = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { kkAnalysisMessages: { posted: number; received: number } })
        .kkAnalysisMessages,
  );

/** Waits until the analysis workers answered a request posted after `before` requests. */
async function waitForAnalysisAfter(page: Page, before: number): Promise<number> {
  await page.waitForFunction(
    (posted) => {
      const counts = (
        window as unknown as { kkAnalysisMessages: { posted: number; received: number } }
      ).kkAnalysisMessages;
      return counts.posted > posted && counts.received >= counts.posted;
    },
    before,
    { timeout: 20_000 },
  );
  return (await analysisMessages(page)).posted;
}

test('a polygon closed where it was drawn shows numbers prepared while drawing, as the engine gives', async () => {
  const { page, errors, context } = await openApp(browser, { initScript: countAnalysisMessages });
  const middle = await page.evaluate(() => {
    const center = window.koolstofkaart?.map?.getCenter();
    return [center?.lng ?? 0, center?.lat ?? 0] as [number, number];
  });
  const [x, y] = await pixelOf(page, middle);
  await page.getByRole('button', { name: 'Veelhoek', exact: true }).click();
  await page.getByRole('button', { name: 'Veelhoek', exact: true, pressed: true }).waitFor();
  const corners = squareAt(Math.round(x - 90), Math.round(y - 90), 180);
  await clickPoints(page, corners.slice(0, 3));
  const before = (await analysisMessages(page)).posted;
  await clickPoints(page, corners.slice(3));
  // The polygon of the four vertices is analysed while the user could still add a fifth.
  const prepared = await waitForAnalysisAfter(page, before);
  await clickPoints(page, [corners[0] as [number, number]]);
  await waitForAreaCount(page, 1);
  const shown = await pageFigures(page);
  // Closed on the vertices analysed: no new request to the workers.
  expect((await analysisMessages(page)).posted).toBe(prepared);
  const geometry = (await storedAreas(page)).areas[0]?.geometry as GeoJSON.Polygon;
  const expected = await engineFigures(geometry, DEFAULT_SCENARIO);
  expect(expected['stock-total']).toBeGreaterThan(0);
  expectSame(shown, expected);
  expect(await page.locator('.result-selected').getAttribute('data-area-id')).toBe(
    (await storedAreas(page)).selectedId,
  );

  // The same shape added another way is analysed by the workers, with the same numbers.
  await page.evaluate((shape) => {
    const state = window.koolstofkaart?.store.getState();
    state?.addArea({
      id: 'typed',
      name: 'Getypt',
      color: '#b5179e',
      visible: true,
      geometry: shape,
    });
  }, geometry);
  await page.waitForFunction(() => window.koolstofkaart?.store.getState().selectedId === 'typed');
  await page
    .locator('.result-selected[data-area-id="typed"] [data-testid="potential-year"][data-value]')
    .waitFor({ timeout: 20_000 });
  expectSame(await pageFigures(page), expected);
  expect((await analysisMessages(page)).posted).toBeGreaterThan(prepared);
  expect(errors).toEqual([]);
  await context.close();
});

test('a rectangle is prepared while the pointer rests, and while the button is down', async () => {
  const { page, errors, context } = await openApp(browser, { initScript: countAnalysisMessages });
  await page.getByRole('button', { name: 'Rechthoek', exact: true }).click();
  await page.getByRole('button', { name: 'Rechthoek', exact: true, pressed: true }).waitFor();
  const origin = await canvasOrigin(page);
  const at = (x: number, y: number): [number, number] => [origin.x + x, origin.y + y];
  // Resting: the rectangle as it would end here is analysed, then ended by a click there.
  await page.mouse.move(...at(520, 320), { steps: 2 });
  await page.mouse.click(...at(520, 320));
  let before = (await analysisMessages(page)).posted;
  await page.mouse.move(...at(700, 470), { steps: 6 });
  let prepared = await waitForAnalysisAfter(page, before);
  await page.mouse.click(...at(700, 470));
  await waitForAreaCount(page, 1);
  const shown = await pageFigures(page);
  expect((await analysisMessages(page)).posted).toBe(prepared);
  const geometry = (await storedAreas(page)).areas[0]?.geometry as GeoJSON.Polygon;
  expectSame(shown, await engineFigures(geometry, DEFAULT_SCENARIO));

  // Button down without a rest: the analysis starts on the way down, the button up ends the shape.
  await page.getByRole('button', { name: 'Rechthoek', exact: true }).click();
  await page.getByRole('button', { name: 'Rechthoek', exact: true, pressed: true }).waitFor();
  await page.mouse.move(...at(480, 500), { steps: 2 });
  await page.mouse.click(...at(480, 500));
  await page.mouse.move(...at(560, 560), { steps: 2 });
  before = (await analysisMessages(page)).posted;
  await page.mouse.down();
  prepared = await waitForAnalysisAfter(page, before);
  await page.mouse.up();
  await waitForAreaCount(page, 2);
  await page.locator('.result-selected [data-testid="potential-year"][data-value]').waitFor();
  expect((await analysisMessages(page)).posted).toBe(prepared);
  const second = (await storedAreas(page)).areas[1]?.geometry as GeoJSON.Polygon;
  expectSame(await pageFigures(page), await engineFigures(second, DEFAULT_SCENARIO));
  expect(errors).toEqual([]);
  await context.close();
});

test('scenario controls change the results as the engine does', async () => {
  const { page, errors, context } = await openApp(browser);
  const geometry = await drawSquare(page);
  const before = await pageFigures(page);
  await page.getByTestId('scenario-measure-arable-to-grassland').check();
  await page.waitForFunction(
    (old) =>
      document.querySelector('[data-testid="potential-year"]')?.getAttribute('data-value') !== old,
    String(before['potential-year']),
  );
  await page.getByTestId('scenario-fc').selectOption('0.58');
  await page.waitForFunction(
    (old) =>
      document.querySelector('[data-testid="stock-total"]')?.getAttribute('data-value') !== old,
    String(before['stock-total']),
  );
  const scenario = await page.evaluate(() => window.koolstofkaart?.store.getState().scenario);
  expect(scenario?.f_c).toBe(0.58);
  expect(scenario?.measures['arable-to-grassland'].on).toBe(true);
  const shown = await pageFigures(page);
  expectSame(shown, await engineFigures(geometry, scenario as Scenario));
  expect(shown['potential-year']).toBeGreaterThan(before['potential-year'] ?? 0);
  expect(errors).toEqual([]);
  await context.close();
});

test('areas, selection and scenario come back after a reload', async () => {
  const { page, errors, context } = await openApp(browser);
  await drawSquare(page);
  await page.getByTestId('scenario-horizon').fill('30');
  const before = await storedAreas(page);
  await page.waitForTimeout(600);
  await page.reload();
  await page.waitForFunction(() => window.koolstofkaart?.map?.loaded());
  expect(await storedAreas(page)).toEqual(before);
  expect(
    await page.evaluate(() => window.koolstofkaart?.store.getState().scenario.horizon_years),
  ).toBe(30);
  await page.getByTestId('stock-total').and(page.locator('[data-value]')).waitFor();

  // A new session asks first, then clears.
  await page.getByRole('button', { name: 'Nieuwe sessie' }).click();
  await page.getByRole('button', { name: 'Annuleren' }).click();
  expect((await storedAreas(page)).areas).toHaveLength(1);
  await page.getByRole('button', { name: 'Nieuwe sessie' }).click();
  await page.getByRole('button', { name: 'Alles wissen' }).click();
  await waitForAreaCount(page, 0);
  await page.waitForTimeout(600);
  await page.reload();
  await page.waitForFunction(() => window.koolstofkaart?.map?.loaded());
  expect((await storedAreas(page)).areas).toHaveLength(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('two areas side by side, one area under two scenarios, and the total', async () => {
  const { page, errors, context } = await openApp(browser);
  await page.getByText('Vlak invoeren met coördinaten').click();
  const entry = page.getByLabel(/Coördinaten/);
  await entry.fill('150000 460000\n151000 460000\n151000 461000\n150000 461000');
  await page.getByRole('button', { name: 'Vlak toevoegen' }).click();
  await waitForAreaCount(page, 1);
  await entry.fill(
    'POLYGON ((158000 465000, 160000 465000, 160000 466000, 158000 466000, 158000 465000))',
  );
  await page.getByRole('button', { name: 'Vlak toevoegen' }).click();
  await waitForAreaCount(page, 2);
  const { areas, selectedId } = await storedAreas(page);
  expect(selectedId).toBe(areas[1]?.id);
  const second = await pageFigures(page);
  expect(second['area-ha']).toBeCloseTo(200, 1);

  // The second area against the first.
  await page.getByLabel('Vergelijk met').selectOption({ label: `vlak: ${areas[0]?.name}` });
  await page.getByTestId('compare-b-area-ha').and(page.locator('[data-value]')).waitFor();
  expect(Number(await page.getByTestId('compare-a-stock-total').getAttribute('data-value'))).toBe(
    second['stock-total'],
  );
  expect(
    Number(await page.getByTestId('compare-b-area-ha').getAttribute('data-value')),
  ).toBeCloseTo(100, 1);

  // The same area under the default scenario, after the current one moved.
  await page.getByTestId('scenario-measure-rotation').check();
  await page.getByLabel('Vergelijk met').selectOption('default-scenario');
  await page.waitForFunction(() => {
    const a = document
      .querySelector('[data-testid="compare-a-potential-year"]')
      ?.getAttribute('data-value');
    const b = document
      .querySelector('[data-testid="compare-b-potential-year"]')
      ?.getAttribute('data-value');
    return a && b && Number(a) > Number(b);
  });
  expect(
    Number(await page.getByTestId('compare-b-potential-year').getAttribute('data-value')),
  ).toBe(second['potential-year']);

  // The total adds both areas.
  await page.getByText('Totaal van 2 vlakken').click();
  expect(Number(await page.getByTestId('total-area-ha').getAttribute('data-value'))).toBeCloseTo(
    300,
    1,
  );
  expect(errors).toEqual([]);
  await context.close();
});

test('a scenario control redraws the derived potential layer', async () => {
  const { page, errors, context } = await openApp(browser);
  await page.evaluate(() => {
    const state = window.koolstofkaart?.store.getState();
    state?.setLayerView('carbon-stock', { visible: false });
    state?.setLayerView('potential', { visible: true, opacity: 1 });
  });
  await page.waitForTimeout(500);
  await waitForMapIdle(page);
  const clip = { x: 450, y: 250, width: 400, height: 300 };
  const before = await page.screenshot({ clip });
  await page.getByTestId('scenario-measure-arable-to-grassland').check();
  await expect
    .poll(
      async () => {
        await waitForMapIdle(page);
        return Buffer.compare(await page.screenshot({ clip }), before);
      },
      { timeout: 20_000 },
    )
    .not.toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
