import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openApp } from './harness';
import { FIXTURES, importOutcome, pickFile, storeSnapshot } from './import-helpers';
import {
  addAreaAtPixels,
  clickPoints,
  dragOnMap,
  pixelRing,
  storedAreas,
  waitForAreaCount,
} from './planner-helpers';

/**
 * Issue 10, geometry that cannot go wrong, in the app: the import worker runs the same core checks
 * as the CLI. A hole beside its shell and a duplicated part give 4 ha (they gave −8 ha and 8 ha);
 * a hole around its shell and a file mixing RD and WGS84 are refused with their kind and message.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const corpus = (file: string) => join(FIXTURES, 'bad-input', file);

async function figure(page: Page, testId: string): Promise<number | null> {
  const element = page.getByTestId(testId).first();
  if ((await element.count()) === 0) return null;
  const value = await element.getAttribute('data-value');
  return value === null ? null : Number(value);
}

test('repaired shapes show their true area and a coverage within 0-100 %', async () => {
  const { page, errors, context } = await openApp(browser);
  for (const [file, code] of [
    ['geojson_hole_outside_shell_rd.geojson', 'import.holeOutsideDropped'],
    ['geojson_multipolygon_duplicated_part.geojson', 'import.partsDissolved'],
  ] as const) {
    await pickFile(page, corpus(file));
    const status = await importOutcome(page, 'done');
    expect(await status.locator(`li[data-code="${code}"]`).count()).toBe(1);
    const { areas } = await storeSnapshot(page);
    const last = areas.at(-1);
    if (!last) throw new Error('no area imported');
    await page.evaluate((id) => window.koolstofkaart?.store.getState().selectArea(id), last.id);
    await expect.poll(() => figure(page, 'area-ha'), { timeout: 30_000 }).toBeCloseTo(4, 6);
    const coverage = await figure(page, 'coverage-pct');
    if (coverage !== null && Number.isFinite(coverage)) {
      expect(coverage).toBeGreaterThanOrEqual(0);
      expect(coverage).toBeLessThanOrEqual(100);
    }
    expect(await page.getByTestId('area-ha').first().textContent()).not.toMatch(/[−-]/);
    await page.getByRole('button', { name: 'Melding sluiten' }).click();
  }
  expect(errors).toEqual([]);
  await context.close();
});

test('a hole around its shell and a file mixing RD and WGS84 are refused and say why', async () => {
  const { page, errors, context } = await openApp(browser);
  for (const [file, kind, code] of [
    ['geojson_hole_contains_shell_rd.geojson', 'self-intersection', 'import.holeContainsShell'],
    ['geojson_hole_equals_shell_rd.geojson', 'self-intersection', 'import.holeEqualsShell'],
    ['geojson_mixed_rd_and_wgs84.geojson', 'unsupported', 'import.crsMixed'],
  ] as const) {
    await pickFile(page, corpus(file));
    const status = await importOutcome(page, 'failed');
    expect(await status.getAttribute('data-kind')).toBe(kind);
    expect(await status.getAttribute('data-code')).toBe(code);
    expect(await status.locator('.import-message').textContent()).toMatch(/RD/);
    // Splitting at crossings cannot help these: no repair button.
    expect(
      await page
        .getByRole('button', { name: 'Zelfdoorsnijdende vlakken splitsen en importeren' })
        .count(),
    ).toBe(0);
    expect((await storeSnapshot(page)).areas).toHaveLength(0);
  }
  expect(errors).toEqual([]);
  await context.close();
});

test('in Select, a part dragged onto another part of the area is merged with a notice, and undone', async () => {
  const { page, errors, context } = await openApp(browser);
  const original = await addAreaAtPixels(page, { id: 'multi', name: 'Twee delen' }, [
    [pixelRing(420, 320, 100)],
    [pixelRing(640, 320, 100)],
  ]);
  await waitForAreaCount(page, 1);
  await page.getByRole('button', { name: 'Selecteren', exact: true }).click();
  await page.waitForFunction(() =>
    document
      .querySelector('button[aria-pressed="true"] .draw-label')
      ?.textContent?.includes('Selecteren'),
  );
  await clickPoints(page, [[690, 370]]);
  // The second part's lower left corner into the first part: they now overlap.
  await dragOnMap(page, [640, 420], [480, 380]);
  await page.waitForFunction(
    (first) => JSON.stringify(window.koolstofkaart?.store.getState().areas[0]?.geometry) !== first,
    JSON.stringify(original),
  );
  const merged = (await storedAreas(page)).areas[0]?.geometry;
  expect(merged?.type).toBe('Polygon');
  await expect
    .poll(() => page.getByText(/zijn samengevoegd, zodat geen grond dubbel telt/).count())
    .toBe(1);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await storedAreas(page)).areas[0]?.geometry).toEqual(original);
  expect(errors).toEqual([]);
  await context.close();
});
