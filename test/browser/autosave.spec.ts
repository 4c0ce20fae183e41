import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openApp } from './harness';
import { storedAreas } from './planner-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const square = (id: string, x: number) => ({
  id,
  name: `Vlak ${id}`,
  color: '#0072b2',
  visible: true,
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [5.3 + x, 52.1],
        [5.31 + x, 52.1],
        [5.31 + x, 52.11],
        [5.3 + x, 52.1],
      ],
    ],
  },
});

test('a change made just before a reload comes back: leaving the page writes it at once', async () => {
  const { page, errors, context } = await openApp(browser);
  for (const [round, count] of [
    [1, 3],
    [2, 1],
  ] as const) {
    const areas = Array.from({ length: count }, (_, index) =>
      square(`${round}-${index}`, index / 50),
    );
    // No wait: the autosave timer (500 ms) has not fired when the page goes.
    await page.evaluate(
      (all) => window.koolstofkaart?.store.getState().replaceAreas(all, all.at(-1)?.id),
      areas,
    );
    await page.reload();
    await page.waitForFunction(() => window.koolstofkaart?.map?.loaded(), null, {
      timeout: 30_000,
    });
    const restored = await storedAreas(page);
    expect(restored.areas.map((area) => area.id)).toEqual(areas.map((area) => area.id));
    expect(restored.selectedId).toBe(areas.at(-1)?.id);
  }
  expect(errors).toEqual([]);
  await context.close();
});
