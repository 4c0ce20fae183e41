import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openApp } from './harness';
import { movePoints, waitForAreaCount } from './planner-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** English unit and level words that must not show on the Dutch page, and the reverse. */
const FOREIGN = {
  nl: /\b(yr|year|years|central|low|high|class|classes|no data|Area \d+)\b/,
  en: /\b(jr|jaar|centraal|laag|hoog|klasse|klassen|geen gegevens|Vlak \d+|Gebied \d+)\b/i,
};

/**
 * Every rendered text of the page (visible text, labels and titles), one entry per line. Text
 * marked with another language (`lang`, e.g. literature citations in English) is left out.
 */
async function renderedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const language = document.documentElement.lang;
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[lang]')?.getAttribute('lang') !== language) continue;
      if (!parent.checkVisibility() || parent.closest('script, style')) continue;
      texts.push(node.textContent ?? '');
    }
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts.flatMap((text) => text.split('\n')).filter((line) => line.trim() !== '');
  });
}

/** One area in the demo data, every layer shown, the inspector on it, and then the report. */
async function everyText(page: Page, entryTitle: RegExp, add: string): Promise<string[]> {
  await page.getByText(entryTitle).click();
  await page
    .locator('.area-entry textarea')
    .fill('155000 463000\n156000 463000\n156000 464000\n155000 464000');
  await page.getByRole('button', { name: add }).click();
  await waitForAreaCount(page, 1);
  await page
    .getByTestId('potential-year')
    .and(page.locator('[data-value]'))
    .waitFor({ timeout: 20_000 });
  await page.evaluate(() => {
    const state = window.koolstofkaart?.store.getState();
    for (const id of state?.layerOrder ?? []) state?.setLayerView(id, { visible: true });
  });
  const box = await page.locator('[data-testid="map"] canvas').first().boundingBox();
  const middle: [number, number] = [(box?.width ?? 0) / 2, (box?.height ?? 0) / 2];
  await page.locator('.result-method summary').click();
  await movePoints(page, [middle, [middle[0] + 10, middle[1] + 10]]);
  await page.waitForTimeout(800);
  const texts = await renderedTexts(page);
  await page.locator('.export-buttons button').last().click();
  await page.waitForTimeout(800);
  return [...texts, ...(await renderedTexts(page))];
}

test('the Dutch page shows no English unit or level words', async () => {
  const { page, errors, context } = await openApp(browser);
  const texts = await everyText(page, /Vlak invoeren met coördinaten/, 'Vlak toevoegen');
  expect(texts.filter((text) => FOREIGN.nl.test(text))).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('the English page shows no Dutch unit or level words', async () => {
  const { page, errors, context } = await openApp(browser);
  await page.getByRole('button', { name: 'English' }).click();
  const texts = await everyText(page, /Enter an area by coordinates/, 'Add area');
  expect(texts.filter((text) => FOREIGN.en.test(text))).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
