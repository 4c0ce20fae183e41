import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { rdToWgs84 } from '../../src/core/projection/rd';
import { launchBrowser, openApp } from './harness';
import { dropFile, importOutcome, pickFile } from './import-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const FIXTURES = join(import.meta.dirname, '../fixtures');

/** A 1.2 x 0.9 km field in the demo municipality, in WGS84. */
const FIELD = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [154_200, 462_300],
      [155_400, 462_300],
      [155_400, 463_200],
      [154_200, 463_200],
      [154_200, 462_300],
    ].map((point) => [...rdToWgs84(point as [number, number])]),
  ],
};

async function addField(page: Page): Promise<void> {
  await page.evaluate((geometry) => {
    window.koolstofkaart?.store.getState().addArea({
      id: 'veld-a11y',
      name: 'Veld toegankelijk',
      color: '#1f77b4',
      visible: true,
      geometry,
    });
  }, FIELD);
  await page
    .getByTestId('potential-year')
    .and(page.locator('[data-value]'))
    .first()
    .waitFor({ timeout: 30_000 });
}

/**
 * axe-core's violations of the page as it is, with its default rules (WCAG A/AA and best
 * practices), one line per rule and node, so that a failure says what and where.
 */
async function violations(page: Page): Promise<string[]> {
  // Let fonts, lazy panels and the map's controls settle before axe reads the page.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ')}`,
    ),
  );
}

test('axe: fresh start, an area with results, the scenario, import and export, in Dutch', async () => {
  const { page, errors, context } = await openApp(browser);
  // Fresh start: the deferred panels are there too.
  await page.getByRole('region', { name: 'Resultaten' }).waitFor({ timeout: 10_000 });
  expect(await violations(page), 'fresh start').toEqual([]);

  await addField(page);
  expect(await violations(page), 'area with results').toEqual([]);

  // The scenario: every control of it open (its tab chosen where it has one, folded parts unfolded).
  const scenarioTab = page.getByRole('tab', { name: /^Scenario/ });
  if ((await scenarioTab.count()) > 0) await scenarioTab.first().click();
  const scenario = page.locator('[data-slot="scenario"], .scenario-panel').first();
  await scenario.scrollIntoViewIfNeeded();
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  expect(await violations(page), 'scenario open').toEqual([]);

  // Export: its menu, and its message after a download.
  const exportMenu = page.locator('.export-menu');
  await exportMenu.scrollIntoViewIfNeeded();
  await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV (spreadsheet)' }).click(),
  ]);
  await page.getByTestId('export-message').filter({ hasText: /\S/ }).waitFor();
  expect(await violations(page), 'export menu').toEqual([]);

  // Import: the drop zone while a file is dragged over the map, then the messages of an import.
  await dropFile(page, 'twee.geojson', Buffer.from('{"type":"FeatureCollection","features":['));
  await importOutcome(page, 'failed');
  expect(await violations(page), 'import failed').toEqual([]);
  await pickFile(page, join(FIXTURES, 'bad-input/geojson_mixed_good_and_bad.geojson'));
  await importOutcome(page, 'done');
  expect(await violations(page), 'import with notes').toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);

test('every named control carries its visible words in its accessible name (label in name)', async () => {
  const { page, context } = await openApp(browser);
  await addField(page);
  // axe's rule for WCAG 2.5.3 is experimental, so it runs on its own here.
  const results = await new AxeBuilder({ page })
    .withRules(['label-content-name-mismatch'])
    .analyze();
  expect(
    results.violations.flatMap((each) => each.nodes.map((node) => node.target.join(' '))),
  ).toEqual([]);
  // The layer buttons: ▲ and ▼ are symbols; the info button shows a word its name starts with.
  const mismatches = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.layer-panel button[aria-label]')]
      .map((button) => ({
        visible: (button.textContent ?? '').trim(),
        name: button.getAttribute('aria-label') ?? '',
      }))
      .filter(
        ({ visible, name }) =>
          /\p{L}/u.test(visible) && !name.toLowerCase().includes(visible.toLowerCase()),
      ),
  );
  expect(mismatches).toEqual([]);
  const info = page.locator('.layer-panel button[aria-expanded]').first();
  expect(await info.textContent()).toBe('Info');
  expect(await info.getAttribute('aria-label')).toMatch(/^Info over /);
  await context.close();
}, 60_000);

test('axe: the drop zone while a file is dragged over the map', async () => {
  const { page, context } = await openApp(browser);
  await page.evaluate(() => {
    const target = document.querySelector('[data-testid="map"] canvas') as HTMLElement;
    const transfer = new DataTransfer();
    transfer.items.add(new File(['{}'], 'gebieden.geojson'));
    for (const type of ['dragenter', 'dragover']) {
      target.dispatchEvent(
        new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }
  });
  await page.getByTestId('import-drop-zone').waitFor();
  expect(await violations(page), 'drop zone').toEqual([]);
  await context.close();
}, 60_000);

test('axe: the report, and the app in English', async () => {
  const { page, errors, context } = await openApp(browser);
  await addField(page);
  await page.getByRole('button', { name: 'Rapport (afdrukken of PDF)' }).click();
  await page.getByTestId('report').locator('img').waitFor({ timeout: 20_000 });
  expect(await violations(page), 'report').toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByTestId('report').waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Nederlands' }).waitFor();
  await page.getByRole('region', { name: 'Results' }).waitFor();
  expect(await violations(page), 'English with results').toEqual([]);
  await page.getByRole('button', { name: 'Report (print or PDF)' }).click();
  await page.getByTestId('report').locator('img').waitFor({ timeout: 20_000 });
  expect(await violations(page), 'English report').toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);
