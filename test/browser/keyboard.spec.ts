import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { rdToWgs84 } from '../../src/core/projection/rd';
import { launchBrowser, openApp } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A rectangle in RD New (metres) as the WGS84 polygon the store keeps. */
function field(x0: number, y0: number, x1: number, y1: number) {
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ].map((point) => [...rdToWgs84(point as [number, number])]),
    ],
  };
}

async function addArea(page: Page, id: string, name: string, geometry: object): Promise<void> {
  await page.evaluate(
    ({ id, name, geometry }) => {
      window.koolstofkaart?.store.getState().addArea({
        id,
        name,
        color: '#1f77b4',
        visible: true,
        geometry: geometry as never,
      });
    },
    { id, name, geometry },
  );
}

async function waitForResult(page: Page): Promise<void> {
  await page
    .getByTestId('potential-year')
    .and(page.locator('[data-value]'))
    .first()
    .waitFor({ timeout: 30_000 });
}

interface Stop {
  name: string;
  tag: string;
  /** A focus ring: an outline of at least 2 px or a box shadow. */
  ring: boolean;
}

/** The element that has focus, named as a person would hear it, and whether its focus shows. */
function focused(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const labelled = element.getAttribute('aria-labelledby');
    const name =
      element.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      (element as HTMLInputElement).labels?.[0]?.textContent ??
      (element.textContent?.trim() || element.getAttribute('title')) ??
      '';
    const style = getComputedStyle(element);
    const ring =
      (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2) ||
      style.boxShadow !== 'none';
    return { name: name.replace(/\s+/g, ' ').trim().slice(0, 60), tag: element.tagName, ring };
  });
}

/** Presses Tab from the top of the page until focus comes round again; every stop on the way. */
async function tabWalk(page: Page, limit = 400): Promise<Stop[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const stops: Stop[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < limit; index++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (!stop) continue;
    const key = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement & { kkWalkId?: number };
      const own = window as unknown as { kkWalkNext?: number };
      element.kkWalkId ??= own.kkWalkNext = (own.kkWalkNext ?? 0) + 1;
      return String(element.kkWalkId);
    });
    if (seen.has(key)) break;
    seen.add(key);
    stops.push(stop);
  }
  return stops;
}

/** Tabs forward until the focused element is named `name`; false when the walk ends first. */
async function tabTo(page: Page, name: string | RegExp, limit = 400): Promise<boolean> {
  for (let index = 0; index < limit; index++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (stop && (typeof name === 'string' ? stop.name === name : name.test(stop.name))) return true;
  }
  return false;
}

test('Tab reaches every control, in order, each with a visible focus ring', async () => {
  const { page, errors, context } = await openApp(browser);
  await addArea(page, 'veld-toets', 'Veld toetsenbord', field(154_200, 462_300, 155_400, 463_200));
  await waitForResult(page);
  const stops = await tabWalk(page);
  const names = stops.map((stop) => stop.name);
  for (const expected of [
    'Importeren',
    'English',
    'Veelhoek',
    'Rechthoek',
    'Cirkel',
    'Vrije hand',
    'Selecteren',
    'Typen',
    'Kaart van bodemkoolstof',
    'Rapport (afdrukken of PDF)',
    'CSV (spreadsheet)',
  ]) {
    expect(
      names.some((name) => name.includes(expected)),
      `${expected} in ${names.join(' | ')}`,
    ).toBe(true);
  }
  // The layers (show, opacity, order, info), the area in the list, the scenario.
  expect(names.filter((name) => /^Info over /.test(name)).length).toBeGreaterThan(2);
  expect(names.filter((name) => /omhoog$/.test(name)).length).toBeGreaterThan(2);
  expect(names.some((name) => name.startsWith('Dekking van'))).toBe(true);
  expect(names.some((name) => name.includes('Veld toetsenbord'))).toBe(true);
  expect(names.some((name) => /horizon/i.test(name))).toBe(true);
  expect(stops.filter((stop) => !stop.ring)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}, 90_000);

test('from the keyboard: a layer is switched, the CSV exported, the report opened and closed', async () => {
  const { page, errors, context } = await openApp(browser);
  await addArea(page, 'veld-toets', 'Veld toetsenbord', field(154_200, 462_300, 155_400, 463_200));
  await waitForResult(page);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // The first layer's checkbox: Space switches it.
  const before = await page.evaluate(() => {
    const state = window.koolstofkaart?.store.getState();
    return JSON.stringify(state?.layerViews);
  });
  expect(await tabTo(page, /^Info over /)).toBe(true);
  await page.keyboard.press('Enter');
  expect(await page.locator('.layer-panel [aria-expanded="true"]').count()).toBe(1);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  const checkbox = await page.evaluate(() => (document.activeElement as HTMLInputElement).type);
  expect(checkbox).toBe('checkbox');
  await page.keyboard.press('Space');
  const after = await page.evaluate(() =>
    JSON.stringify(window.koolstofkaart?.store.getState().layerViews),
  );
  expect(after).not.toBe(before);

  expect(await tabTo(page, 'CSV (spreadsheet)')).toBe(true);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    page.keyboard.press('Enter'),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  expect(await tabTo(page, 'Rapport (afdrukken of PDF)')).toBe(true);
  await page.keyboard.press('Enter');
  await page.getByTestId('report').waitFor({ timeout: 10_000 });
  // In the report, Tab stays in the report (the app behind it is inert).
  for (let index = 0; index < 6; index++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(
      () =>
        document.activeElement?.closest('.report-root') !== null ||
        document.activeElement === document.body,
    );
    expect(inside).toBe(true);
  }
  await page.keyboard.press('Escape');
  await page.getByTestId('report').waitFor({ state: 'detached', timeout: 10_000 });
  expect((await focused(page))?.name).toBe('Rapport (afdrukken of PDF)');
  expect(errors).toEqual([]);
  await context.close();
}, 90_000);

/** Counts text changes of every live region (aria-live, status, alert, log, output) from now. */
async function watchLiveRegions(page: Page): Promise<void> {
  await page.evaluate(() => {
    const changes: { region: string; text: string }[] = [];
    const own = window as unknown as { kkLive: typeof changes };
    own.kkLive = changes;
    const LIVE =
      '[aria-live]:not([aria-live="off"]), [role="status"]:not([aria-live="off"]), [role="alert"], [role="log"], output:not([aria-live="off"])';
    const last = new Map<Element, string>();
    for (const region of document.querySelectorAll(LIVE))
      last.set(region, region.textContent ?? '');
    new MutationObserver((mutations) => {
      const regions = new Set<Element>();
      for (const mutation of mutations) {
        const node =
          mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
        const region = node?.closest(LIVE);
        if (region) regions.add(region);
        // A live region added with text in it.
        for (const added of mutation.addedNodes) {
          if (added instanceof Element && added.matches(LIVE)) regions.add(added);
        }
      }
      for (const region of regions) {
        const text = (region.textContent ?? '').trim();
        if (text === (last.get(region) ?? '').trim()) continue;
        last.set(region, text);
        if (text === '') continue;
        const label = region.getAttribute('data-testid') ?? `${region.tagName}.${region.className}`;
        changes.push({ region: label, text });
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

function liveChanges(page: Page): Promise<{ region: string; text: string }[]> {
  return page.evaluate(
    () => (window as unknown as { kkLive: { region: string; text: string }[] }).kkLive,
  );
}

async function resetLive(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { kkLive: unknown[] }).kkLive.length = 0;
  });
}

/** Waits for the analysis to finish and the announcer's quiet time to pass. */
async function settle(page: Page, quietMs = 3000): Promise<void> {
  await page.getByTestId('potential-year').and(page.locator('[data-value]')).first().waitFor();
  await page.waitForTimeout(quietMs);
}

test('results are announced politely once per finished analysis, not per slider step', async () => {
  const { page, errors, context } = await openApp(browser);
  await watchLiveRegions(page);
  await addArea(page, 'veld-live', 'Veld stem', field(154_200, 462_300, 155_400, 463_200));
  await waitForResult(page);
  await settle(page);
  let changes = await liveChanges(page);
  expect(
    changes.map((change) => change.region),
    JSON.stringify(changes),
  ).toEqual(['results-announcement']);
  expect(changes[0]?.text).toMatch(
    /^Resultaten voor Veld stem: Koolstofvoorraad totaal [\d.]+ t C/,
  );

  // Ten steps of a scenario slider from the keyboard, each starting a new analysis.
  await resetLive(page);
  const horizon = page.getByTestId('scenario-horizon');
  await horizon.scrollIntoViewIfNeeded();
  await horizon.focus();
  for (let step = 0; step < 10; step++) {
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(120);
  }
  await settle(page);
  changes = await liveChanges(page);
  expect(
    changes.map((change) => change.region),
    JSON.stringify(changes),
  ).toEqual(['results-announcement']);

  // A drag of the peat water level slider with the mouse: again one announcement at the end.
  await resetLive(page);
  const peat = page.getByTestId('scenario-peat');
  await peat.scrollIntoViewIfNeeded();
  const box = await peat.boundingBox();
  if (!box) throw new Error('no slider');
  await page.mouse.move(box.x + 4, box.y + box.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 12; step++) {
    await page.mouse.move(box.x + 4 + ((box.width - 8) * step) / 12, box.y + box.height / 2);
    await page.waitForTimeout(80);
  }
  await page.mouse.up();
  await settle(page);
  changes = await liveChanges(page);
  expect(
    changes.map((change) => change.region),
    JSON.stringify(changes),
  ).toEqual(['results-announcement']);
  expect(
    await page.evaluate(() => window.koolstofkaart?.store.getState().scenario.peat_water_cm),
  ).toBeGreaterThan(50);
  expect(errors).toEqual([]);
  await context.close();
}, 90_000);

test('reduced motion: no CSS transitions or animations, and the map jumps to an area', async () => {
  const { page, errors, context } = await openApp(browser);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await addArea(page, 'veld-ver', 'Veld ver weg', field(150_500, 460_500, 151_000, 461_000));
  await waitForResult(page);
  const moving = await page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        const durations = [
          ...style.transitionDuration.split(','),
          ...style.animationDuration.split(','),
        ].map((value) => Number.parseFloat(value) || 0);
        if (durations.some((value) => value > 0))
          found.push(`${element.tagName}.${element.className}${pseudo ?? ''}`);
      }
    }
    return found;
  });
  expect(moving).toEqual([]);
  // A transition any later component may add is turned off too; without the preference it runs.
  const probe = () =>
    page.evaluate(() => {
      const element = document.createElement('div');
      element.style.transition = 'opacity 0.4s ease 0.1s';
      element.style.animation = 'none 2s';
      document.querySelector('.app')?.append(element);
      const style = getComputedStyle(element);
      const found = [style.transitionDuration, style.transitionDelay, style.animationDuration];
      element.remove();
      return found;
    });
  expect(await probe()).toEqual(['0s', '0s', '0s']);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await probe()).toEqual(['0.4s', '0.1s', '2s']);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // "Zoom to area" lands at once: the map is not easing right after the click.
  await page.evaluate(() => window.koolstofkaart?.map?.jumpTo({ center: [5.6, 52.3], zoom: 9 }));
  const zoom = page.getByRole('button', { name: 'Zoom naar Veld ver weg' });
  await zoom.scrollIntoViewIfNeeded();
  const state = await zoom.evaluate((button) => {
    (button as HTMLButtonElement).click();
    const map = window.koolstofkaart?.map;
    return { moving: map?.isMoving() ?? true, zoom: map?.getZoom() ?? 0 };
  });
  expect(state.moving).toBe(false);
  expect(state.zoom).toBeGreaterThan(11);
  expect(errors).toEqual([]);
  await context.close();
}, 60_000);

test('on a phone the announcement is heard too: its live region is never in a hidden panel', async () => {
  const { page, errors, context } = await openApp(browser, { width: 390, height: 844 });
  await watchLiveRegions(page);
  await addArea(page, 'veld-live', 'Veld telefoon', field(154_200, 462_300, 155_400, 463_200));
  await page
    .getByTestId('results-announcement')
    .filter({ hasText: /\S/ })
    .waitFor({ timeout: 30_000 });
  const announcer = page.getByTestId('results-announcement');
  expect(await announcer.evaluate((element) => element.checkVisibility())).toBe(true);
  expect(await announcer.textContent()).toMatch(/^Resultaten voor Veld telefoon: /);
  await page.waitForTimeout(1500);
  expect((await liveChanges(page)).map((change) => change.region)).toEqual([
    'results-announcement',
  ]);
  expect(errors).toEqual([]);
  await context.close();
}, 60_000);
