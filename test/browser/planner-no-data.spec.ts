import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openApp } from './harness';
import { waitForAreaCount } from './planner-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('an area outside the data shows "geen gegevens" for every figure without data, never a zero', async () => {
  const { page, errors, context } = await openApp(browser);
  // In the Netherlands (RD), west of the demo data's box (145000-165000, 455000-471000).
  await page.getByText('Vlak invoeren met coördinaten').click();
  await page
    .getByLabel(/Coördinaten/)
    .fill('130000 460000\n131000 460000\n131000 461000\n130000 461000');
  await page.getByRole('button', { name: 'Vlak toevoegen' }).click();
  await waitForAreaCount(page, 1);
  await page.getByTestId('area-ha').and(page.locator('[data-value]')).waitFor({ timeout: 20_000 });
  // The area is known; every figure that needs stock data says so and carries no value.
  for (const key of ['stock-total', 'co2-total', 'deficit-total', 'potential-year', 'stock-mean']) {
    const figure = page.getByTestId(key).first();
    await expect.poll(() => figure.textContent(), { timeout: 20_000 }).toBe('Geen gegevens');
    expect(await figure.getAttribute('data-value'), key).toBeNull();
  }
  const text =
    (await page.locator('.results-panel, [data-testid="results"]').first().textContent()) ?? '';
  expect(text).not.toMatch(/(^|\s)0 t C|Tekort 0|Potentieel 0,0/);
  expect(errors).toEqual([]);
  await context.close();
});
