import type { Browser, Page } from 'playwright-core';
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

/** One square kilometre in the demo data, entered as RD coordinates; waits for its results. */
async function addDemoArea(page: Page): Promise<void> {
  await page.getByText('Vlak invoeren met coördinaten').click();
  await page
    .locator('.area-entry textarea')
    .fill('155000 463000\n156000 463000\n156000 464000\n155000 464000');
  await page.getByRole('button', { name: 'Vlak toevoegen' }).click();
  await waitForAreaCount(page, 1);
  await page
    .getByTestId('potential-year')
    .and(page.locator('[data-value]'))
    .waitFor({ timeout: 20_000 });
}

test('results: ranges never break inside, wide tables scroll inside, coefficients have names', async () => {
  const { page, errors, context } = await openApp(browser, { width: 1400, height: 900 });
  await addDemoArea(page);
  await page.getByText('Hoe is dit berekend?').click();
  const report = await page.evaluate(() => {
    const panel = document.querySelector('.results-panel') as HTMLElement;
    const broken = [...panel.querySelectorAll('.result-range, .result-number, .result-value')]
      .filter(
        (element) =>
          element.getClientRects().length > 1 || element.getBoundingClientRect().height > 24,
      )
      .map((element) => element.textContent);
    const names = [...panel.querySelectorAll('.method-table tbody th')].map(
      (cell) => cell.textContent ?? '',
    );
    return {
      overflow: panel.scrollWidth - panel.clientWidth,
      broken,
      names,
      measuresScroll: getComputedStyle(
        document.querySelector('[data-testid="measures-table"]') as HTMLElement,
      ).overflowX,
    };
  });
  expect(report.broken).toEqual([]);
  expect(report.overflow).toBeLessThanOrEqual(1);
  expect(report.measuresScroll).toBe('auto');
  expect(report.names.length).toBeGreaterThan(10);
  // Human names, never raw keys such as stock.carbon_fraction or F_LU_arable.
  expect(report.names.filter((name) => /[a-z]\.[a-z_]|\w+_\w{2,}/.test(name))).toEqual([]);
  expect(report.names).toContain('Koolstofaandeel van organische stof (f_C)');
  expect(errors).toEqual([]);
  await context.close();
});

test('the plan sealed share: labelled, grouped with its slider, starting at the current share', async () => {
  const { page, errors, context } = await openApp(browser, { width: 1400, height: 900 });
  await addDemoArea(page);
  const group = page.getByTestId('scenario-sealed');
  const asNow = group.getByRole('checkbox', { name: /Verhard aandeel blijft zoals nu/ });
  await expect.poll(() => asNow.getAttribute('data-testid')).toBe('scenario-sealed-as-now');
  await asNow.uncheck();
  const slider = group.getByTestId('scenario-sealed-plan');
  const sealedPct = Number(await page.getByTestId('sealed-pct').first().getAttribute('data-value'));
  const text = (await asNow.locator('xpath=..').textContent()) ?? '';
  const shown = Number(/\((\d+) %\)/.exec(text)?.[1]);
  expect(shown).toBeGreaterThan(0);
  // The current share of the selected area, as the key figure shows it.
  expect(Math.abs(shown - sealedPct)).toBeLessThanOrEqual(1);
  expect(Number(await slider.inputValue())).toBe(shown);
  expect(errors).toEqual([]);
  await context.close();
});

test('a measure offers only the levels that change its numbers', async () => {
  const { page, context } = await openApp(browser);
  await page.getByTestId('scenario-level-compost').waitFor({ timeout: 20_000 });
  const options = (id: string) =>
    page
      .getByTestId(`scenario-level-${id}`)
      .locator('option')
      .evaluateAll((all) => all.map((option) => (option as HTMLOptionElement).value));
  // compost, residues and agroforestry: high equals central; reduced tillage: low equals central.
  expect(await options('compost')).toEqual(['low', 'central']);
  expect(await options('agroforestry')).toEqual(['low', 'central']);
  expect(await options('reduced-tillage')).toEqual(['central', 'high']);
  expect(await options('cover-crops')).toEqual(['low', 'central', 'high']);
  expect(await page.getByTestId('scenario-level-compost').getAttribute('title')).toMatch(
    /Eenzijdig/,
  );
  await context.close();
});
