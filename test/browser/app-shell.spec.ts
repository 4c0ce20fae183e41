import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openApp } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('the map loads offline and exposes the contract of DESIGN.md 7.4', async () => {
  const { page, errors, context } = await openApp(browser);
  expect(await page.getByTestId('map').count()).toBe(1);
  const exposed = await page.evaluate(() => ({
    map: Boolean(window.koolstofkaart?.map),
    store: typeof window.koolstofkaart?.store.getState,
  }));
  expect(exposed).toEqual({ map: true, store: 'function' });
  expect(errors).toEqual([]);
  await context.close();
});

test('the language button switches texts and is remembered', async () => {
  const { page, context } = await openApp(browser);
  await page.getByRole('button', { name: 'English' }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
  await page.getByRole('button', { name: 'Nederlands' }).waitFor();
  await page.reload();
  await page.getByRole('button', { name: 'Nederlands' }).waitFor();
  await context.close();
});
