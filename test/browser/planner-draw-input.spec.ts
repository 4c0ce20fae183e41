import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openApp } from './harness';
import {
  canvasOrigin,
  clickPoints,
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

/** Chooses a tool and waits until it is active. */
async function tool(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForFunction(
    (label) =>
      document.querySelector(`button[aria-pressed="true"] .draw-label`)?.textContent?.trim() ===
      label,
    name,
  );
}

/** Makes the drawing code arrive 800 ms late, as on a slow connection. */
async function slowDrawingCode(page: Page): Promise<void> {
  await page.route(/\/assets\/draw-[^/]*\.js$/, async (route) => {
    await new Promise((done) => setTimeout(done, 800));
    await route.continue();
  });
}

test('the first click right after choosing a tool counts, and pins nothing', async () => {
  // No wait for the map's idle: a person clicks as soon as the map shows, while the drawing code
  // is still on its way.
  const { page, errors, context } = await openApp(browser, { wait: false });
  await slowDrawingCode(page);
  await page.waitForFunction(() => window.koolstofkaart?.map?.loaded(), null, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Veelhoek', exact: true }).click();
  const corners = squareAt(420, 320, 160);
  await clickPoints(page, [...corners, corners[0] as [number, number]]);
  await waitForAreaCount(page, 1);
  expect((await storedAreas(page)).areas[0]?.geometry.coordinates[0]).toHaveLength(5);
  expect(await page.getByText('Vastgezet punt').count()).toBe(0);
  await context.close();

  const second = await openApp(browser, { wait: false });
  await slowDrawingCode(second.page);
  await second.page.waitForFunction(() => window.koolstofkaart?.map?.loaded(), null, {
    timeout: 30_000,
  });
  await second.page.getByRole('button', { name: 'Rechthoek', exact: true }).click();
  await clickPoints(second.page, [
    [400, 300],
    [520, 420],
  ]);
  await waitForAreaCount(second.page, 1);
  expect(await second.page.getByText('Vastgezet punt').count()).toBe(0);
  expect([...errors, ...second.errors]).toEqual([]);
  await second.context.close();
});

test('only the visible drawing controls catch clicks; the map gets the rest', async () => {
  // Wide screen, a tool on: the toolbar's box is wider and taller than its buttons and hint.
  const { page, context } = await openApp(browser, { width: 1920, height: 1080 });
  await tool(page, 'Veelhoek');
  // Every point of the toolbar's box that no visible control covers belongs to the map.
  const misses = await page.evaluate(() => {
    const wrap = document.querySelector('.draw-toolbar-wrap')?.getBoundingClientRect();
    if (!wrap) return ['no toolbar'];
    const shown = [...document.querySelectorAll('.draw-toolbar-wrap > *')]
      .map((each) => each.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0);
    const found: string[] = [];
    for (let x = wrap.left + 2; x < wrap.right; x += 8) {
      for (let y = wrap.top + 2; y < wrap.bottom; y += 4) {
        if (shown.some((box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom))
          continue;
        const hit = document.elementFromPoint(x, y);
        if (hit?.tagName !== 'CANVAS') found.push(`${x},${y}: ${hit?.className}`);
      }
    }
    return found;
  });
  expect(misses.slice(0, 5)).toEqual([]);
  await context.close();
});

test('closing a polygon with Enter does not pin the inspector', async () => {
  const { page, errors, context } = await openApp(browser);
  await tool(page, 'Veelhoek');
  await clickPoints(page, squareAt(420, 320, 140).slice(0, 3));
  await page.keyboard.press('Enter');
  await waitForAreaCount(page, 1);
  await page.waitForTimeout(300);
  expect(await page.getByText('Vastgezet punt').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('a zero-width rectangle and a zero-radius circle are refused with a message', async () => {
  const { page, errors, context } = await openApp(browser);
  await tool(page, 'Rechthoek');
  await clickPoints(page, [
    [400, 300],
    [400, 420],
  ]);
  const alert = page.getByRole('alert');
  await expect.poll(() => alert.textContent()).toMatch(/geen oppervlakte/);
  await tool(page, 'Cirkel');
  await expect.poll(() => alert.count()).toBe(0);
  await clickPoints(page, [
    [600, 360],
    [600, 360],
  ]);
  await expect.poll(() => alert.textContent()).toMatch(/geen oppervlakte/);
  expect((await storedAreas(page)).areas).toHaveLength(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('from the tools, the keyboard reaches the coordinate entry; focus then goes to the new area', async () => {
  const { page, errors, context } = await openApp(browser);
  await page.getByRole('button', { name: 'Typen', exact: true }).focus();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  await page.keyboard.type('155000 463000\n156000 463000\n156000 464000\n155000 464000');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await waitForAreaCount(page, 1);
  const { selectedId } = await storedAreas(page);
  await expect
    .poll(() =>
      page.evaluate(() =>
        document.activeElement?.closest('.area-row')?.getAttribute('data-area-id'),
      ),
    )
    .toBe(selectedId);

  // A drawn area too: focus leaves the map for the new row.
  await tool(page, 'Rechthoek');
  const origin = await canvasOrigin(page);
  expect(origin.x).toBeGreaterThanOrEqual(0);
  await clickPoints(page, [
    [400, 300],
    [520, 420],
  ]);
  await waitForAreaCount(page, 2);
  const after = await storedAreas(page);
  await expect
    .poll(() =>
      page.evaluate(() =>
        document.activeElement?.closest('.area-row')?.getAttribute('data-area-id'),
      ),
    )
    .toBe(after.selectedId);
  expect(errors).toEqual([]);
  await context.close();
});

test('keyboard drawing: arrows move the map under a crosshair, Space places, Enter closes', async () => {
  const { page, errors, context } = await openApp(browser);
  await page.getByRole('button', { name: 'Veelhoek', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('button[aria-pressed="true"]');
  await page.locator('[data-testid="map"] canvas').first().focus();
  const crosshair = await page.evaluate(
    () =>
      getComputedStyle(document.querySelector('[data-testid="map"]') as Element, '::after').content,
  );
  expect(crosshair).not.toBe('none');
  const pan = async (key: string) => {
    for (let step = 0; step < 2; step++) {
      await page.keyboard.press(key);
      await page.waitForTimeout(400);
    }
  };
  await page.keyboard.press('Space');
  await pan('ArrowRight');
  await page.keyboard.press('Space');
  await pan('ArrowDown');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await waitForAreaCount(page, 1);
  const { areas } = await storedAreas(page);
  expect(areas[0]?.geometry.coordinates[0]).toHaveLength(4);
  expect(await page.getByText('Vastgezet punt').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
