import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateParcels } from '../../src/core/demo/parcels';
import { launchBrowser, openApp } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function areasOf(count: number, seed: number) {
  return generateParcels(count, { seed }).map((parcel) => ({
    id: `${seed}-${parcel.id}`,
    name: parcel.name,
    color: '#1b7837',
    visible: true,
    geometry: parcel.geometry,
  }));
}

/** Records whether the progress bar showed with a value while the run went on. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { statuses: string[]; progress: number[] } = { statuses: [], progress: [] };
    Object.assign(window, { batchSeen: seen });
    new MutationObserver(() => {
      const status = document.querySelector('[data-testid="batch-status"]');
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="batch-progress"]');
      const value = status?.getAttribute('data-status') ?? '';
      if (seen.statuses.at(-1) !== value) seen.statuses.push(value);
      if (bar) seen.progress.push(bar.value);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

const totalsCount = (page: Page) =>
  page.getByTestId('batch-totals').getAttribute('data-count').then(Number);

/** The central values of a column on the visible page of the table (1-based column number). */
async function columnValues(page: Page, column: number): Promise<number[]> {
  return page
    .locator(`[data-testid="batch-table"] tbody tr td:nth-child(${column + 1})`)
    .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));
}

test('a batch of areas: progress, totals, sorting, cancel and a full run again', async () => {
  const { page, errors, context } = await openApp(browser);
  await page.getByRole('button', { name: 'Tabel van alle gebieden' }).click();
  const dialog = page.getByRole('dialog', { name: /Alle gebieden/ });
  await dialog.waitFor();
  await watchProgress(page);

  const first = areasOf(300, 1);
  await page.evaluate((areas) => window.koolstofkaart?.store.getState().addAreas(areas), first);
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="batch-totals"]')?.getAttribute('data-count') === '300',
    null,
    { timeout: 60_000 },
  );
  const seen = await page.evaluate(
    () =>
      (window as unknown as { batchSeen: { statuses: string[]; progress: number[] } }).batchSeen,
  );
  expect(seen.statuses).toContain('running');
  expect(seen.statuses.at(-1)).toBe('done');
  expect(seen.progress.some((value) => value > 0 && value < 300)).toBe(true);

  // Totals: hectares add up to the parcels' own areas (RD New, planar).
  const expectedHa = generateParcels(300, { seed: 1 }).reduce((sum, p) => sum + p.areaHa, 0);
  const totalHa = Number(
    await page.locator('[data-testid="batch-totals"] td').first().getAttribute('data-value'),
  );
  expect(Math.abs(totalHa - expectedHa) / expectedHa).toBeLessThan(1e-4);
  const totalText = await page.locator('[data-testid="batch-totals"] td').first().textContent();
  expect(totalText).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}$/);
  // 300 rows in pages of 100.
  await expect(page.locator('[data-testid="batch-table"] tbody tr').count()).resolves.toBe(100);
  await expect(dialog.getByText('Rij 1–100 van 300').count()).resolves.toBe(1);

  // Sort by total stock: the first click sorts high to low, the keyboard flips it.
  const stockHeader = dialog.getByRole('button', { name: 'Voorraad (t C)', exact: true });
  await stockHeader.click();
  await expect(
    page.locator('th:has(button[data-column="stockTotal"])').getAttribute('aria-sort'),
  ).resolves.toBe('descending');
  const descending = await columnValues(page, 6);
  expect(descending).toHaveLength(100);
  expect(descending.every((value, i) => i === 0 || value <= (descending[i - 1] as number))).toBe(
    true,
  );
  await stockHeader.focus();
  await page.keyboard.press('Enter');
  await expect(
    page.locator('th:has(button[data-column="stockTotal"])').getAttribute('aria-sort'),
  ).resolves.toBe('ascending');
  const ascending = await columnValues(page, 6);
  expect(ascending.every((value, i) => i === 0 || value >= (ascending[i - 1] as number))).toBe(
    true,
  );
  expect(ascending[0]).toBeLessThan(descending[0] as number);

  // Cancel a larger run: nothing of it is applied, the first 300 keep their results.
  const second = areasOf(2500, 2);
  await page.evaluate((areas) => window.koolstofkaart?.store.getState().addAreas(areas), second);
  await page.getByTestId('batch-progress').waitFor({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Berekening stoppen' }).click();
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="batch-status"]')?.getAttribute('data-status') ===
      'cancelled',
    null,
    { timeout: 30_000 },
  );
  await dialog.getByText(/Berekening gestopt/).waitFor();
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await totalsCount(page)).toBe(300);
  await expect(
    dialog.getByRole('button', { name: 'Berekening stoppen' }).isDisabled(),
  ).resolves.toBe(true);

  // Compute again: every area gets its result.
  await dialog.getByRole('button', { name: 'Opnieuw berekenen' }).click();
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="batch-totals"]')?.getAttribute('data-count') === '2800',
    null,
    { timeout: 120_000 },
  );
  expect(errors).toEqual([]);
  await context.close();
}, 180_000);

test('English: the table names its columns in English and exports CSV with points', async () => {
  const { page, errors, context } = await openApp(browser, { locale: 'en-GB' });
  await page.getByRole('button', { name: 'English' }).click();
  await page.evaluate(
    (areas) => window.koolstofkaart?.store.getState().addAreas(areas),
    areasOf(20, 3),
  );
  await page.getByRole('button', { name: 'Table of all areas' }).click();
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="batch-totals"]')?.getAttribute('data-count') === '20',
    null,
    { timeout: 60_000 },
  );
  await expect(page.getByRole('button', { name: 'Stock (t C/ha)' }).count()).resolves.toBe(1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(path, 'utf8');
  expect(text.startsWith('\uFEFF# Koolstofkaart table of all areas')).toBe(true);
  const lines = text.trimEnd().split('\r\n');
  expect(lines).toHaveLength(22);
  expect(lines[1]?.startsWith('id,name,area_ha,coverage_pct')).toBe(true);
  expect(lines[2]).toMatch(/^3-perceel-\d{5},Perceel \d{5},\d+\.\d+,/);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);
