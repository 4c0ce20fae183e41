import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { KEY_FIGURES } from '../../src/ui/results/ResultsFigures';
import { BASE_URL, launchBrowser, openApp, waitForMapIdle } from './harness';
import { canvasOrigin, storedAreas, waitForAreaCount } from './planner-helpers';
import { addArea, fieldAt, keyFigureValues, pageMode } from './workshop-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const FIELD = fieldAt(154_200, 462_300);

/** The root font size in CSS pixels (every rem of the app follows it). */
const rootFontPx = (page: Page) =>
  page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));

test('P opens presentation mode: panels leave, the nine figures are in the Presentation region once, as in the panel', async () => {
  const { page, errors, context } = await openApp(browser);
  await page.getByRole('region', { name: 'Resultaten' }).waitFor({ timeout: 10_000 });
  await addArea(page, 'veld', 'Veld Oost', FIELD);
  const inPanel = await keyFigureValues(page);
  const normalFont = await rootFontPx(page);

  // P in a text field is typing, not a command.
  const search = page.getByRole('combobox').first();
  await search.click();
  await page.keyboard.press('p');
  expect(await pageMode(page)).toBeNull();
  expect(await search.inputValue()).toBe('p');
  await search.fill('');
  await page.locator('[data-testid="map"] canvas').focus();

  await page.keyboard.press('p');
  const region = page.getByRole('region', { name: 'Presentatie' });
  await region.getByTestId('potential-year').and(page.locator('[data-value]')).waitFor();
  expect(await pageMode(page)).toBe('present');
  // The panels and the top bar have left the page; the map fills it.
  expect(await page.locator('.panel, .top-bar').count()).toBe(0);
  expect(await page.getByRole('region', { name: 'Resultaten' }).count()).toBe(0);
  const mapBox = await page.getByTestId('map').boundingBox();
  expect(mapBox).toEqual({ x: 0, y: 0, width: 1280, height: 800 });
  // Type 1.5x, and the figures themselves larger still than in the panel.
  expect(await rootFontPx(page)).toBeGreaterThanOrEqual(normalFont * 1.5 - 0.01);
  // Each 7.4 id exactly once, inside the region, with the panel's value.
  for (const { key } of KEY_FIGURES) {
    expect(await page.getByTestId(key).count(), key).toBe(1);
    expect(await region.getByTestId(key).getAttribute('data-value'), key).toBe(inPanel[key]);
  }
  // A plain comparison on the sourced peat-pasture emission.
  expect(await region.textContent()).toContain('ontwaterd veenweiland');
  expect(await region.textContent()).toContain('13,8 t CO₂');

  // Esc leaves; the panel is back with the same figures.
  await page.keyboard.press('Escape');
  await page.getByRole('region', { name: 'Resultaten' }).waitFor();
  expect(await pageMode(page)).toBeNull();
  expect(await keyFigureValues(page)).toEqual(inPanel);
  // The button enters too, and the focus follows into the presentation.
  await page.getByRole('button', { name: 'Presenteren', exact: true }).click();
  await region.waitFor();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
    'Presentatie',
  );
  await page.getByRole('button', { name: 'Stoppen', exact: true }).click();
  await page.getByRole('button', { name: 'Presenteren', exact: true }).waitFor();
  expect(
    await page.evaluate(() => document.activeElement?.hasAttribute('data-present-button')),
  ).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});

test('Esc cancels a shape in progress first, then leaves presentation mode', async () => {
  const { page, errors, context } = await openApp(browser);
  await page.getByRole('button', { name: 'Presenteren', exact: true }).click();
  await page.getByRole('region', { name: 'Presentatie' }).waitFor();
  await page.getByRole('button', { name: 'Veelhoek', exact: true }).click();
  await page.locator('button[aria-pressed="true"]').waitFor();
  const origin = await canvasOrigin(page);
  for (const [x, y] of [
    [200, 300],
    [400, 320],
  ]) {
    await page.mouse.move(origin.x + (x as number), origin.y + (y as number), { steps: 2 });
    await page.mouse.click(origin.x + (x as number), origin.y + (y as number));
    await page.waitForTimeout(80);
  }
  // A shape is in progress: Undo takes back its vertices.
  await page
    .getByRole('button', { name: 'Ongedaan maken', exact: true })
    .and(page.locator(':enabled'))
    .waitFor();
  await page.keyboard.press('Escape');
  await page
    .getByRole('button', { name: 'Ongedaan maken', exact: true })
    .and(page.locator(':disabled'))
    .waitFor();
  expect(await pageMode(page)).toBe('present');
  expect(
    await page.getByRole('button', { name: 'Veelhoek', exact: true }).getAttribute('aria-pressed'),
  ).toBe('true');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Presenteren', exact: true }).waitFor();
  expect(await pageMode(page)).toBeNull();
  expect((await storedAreas(page)).areas).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('touch: targets of at least 44 px, and a polygon drawn by taps closes on its first vertex', async () => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: 'nl-NL',
    hasTouch: true,
    isMobile: false,
  });
  await context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1'
      ? route.continue()
      : route.abort('internetdisconnected'),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(BASE_URL);
  await waitForMapIdle(page);
  await page.getByRole('button', { name: 'Presenteren', exact: true }).tap();
  await page.getByRole('region', { name: 'Presentatie' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.top-bar'));
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], input, select')]
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => {
        const box = element.getBoundingClientRect();
        return {
          name: element.getAttribute('aria-label') ?? element.textContent,
          w: box.width,
          h: box.height,
        };
      })
      .filter(({ w, h }) => w < 44 || h < 44),
  );
  expect(small).toEqual([]);

  await page.getByRole('button', { name: 'Veelhoek', exact: true }).tap();
  await page.locator('button[aria-pressed="true"]').waitFor();
  await page.waitForTimeout(300);
  const origin = await canvasOrigin(page);
  const corners: [number, number][] = [
    [150, 250],
    [450, 260],
    [430, 520],
  ];
  for (const [x, y] of corners) {
    await page.touchscreen.tap(origin.x + x, origin.y + y);
    await page.waitForTimeout(150);
  }
  // A finger lands beside the first vertex, not on it: the hit area is generous.
  await page.touchscreen.tap(origin.x + 150 + 18, origin.y + 250 + 14);
  await waitForAreaCount(page, 1);
  const { areas, selectedId } = await storedAreas(page);
  expect(selectedId).toBe(areas[0]?.id);
  expect(areas[0]?.geometry.coordinates[0]).toHaveLength(4);
  // Its figures come in the presentation (the analysis runs without the results panel).
  await page
    .getByRole('region', { name: 'Presentatie' })
    .getByTestId('area-ha')
    .and(page.locator('[data-value]'))
    .waitFor({ timeout: 30_000 });
  expect(errors).toEqual([]);
  await context.close();
});

test('axe finds nothing in presentation mode, with an area, in Dutch and in English', async () => {
  const { page, errors, context } = await openApp(browser, { width: 1920, height: 1080 });
  await addArea(page, 'veld', 'Veld Oost', FIELD);
  await keyFigureValues(page);
  await page.keyboard.press('p');
  await page
    .getByRole('region', { name: 'Presentatie' })
    .getByTestId('potential-year')
    .and(page.locator('[data-value]'))
    .waitFor({ timeout: 30_000 });
  const violations = async () => {
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const results = await new AxeBuilder({ page }).analyze();
    return results.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
  };
  expect(await violations()).toEqual([]);
  // English: leave, switch, present again.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await page.getByRole('region', { name: 'Presentation' }).getByTestId('co2-total').waitFor();
  expect(await page.getByRole('region', { name: 'Presentation' }).textContent()).toContain(
    'drained peat pasture',
  );
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
