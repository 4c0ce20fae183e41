import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MultiPolygon } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import proj4 from 'proj4';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { RD_PROJ4 } from '../../src/core/projection/rd';
import { launchBrowser, openApp, waitForMapIdle } from './harness';
import { storedAreas, waitForAreaCount } from './planner-helpers';

/** The search box of DESIGN.md 8.3: shipped 2022 municipalities, found and added by keyboard. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const OUTLINES = resolve(
  import.meta.dirname,
  '../../data/reference/cbs-gemeenten/gemeenten-2022.geojson',
);
const outlines: Array<{ properties: { statcode: string }; geometry: MultiPolygon }> = JSON.parse(
  readFileSync(OUTLINES, 'utf8'),
).features;
const outlineOf = (code: string) =>
  outlines.find((feature) => feature.properties.statcode === code)?.geometry as MultiPolygon;

/** Planar RD New area in ha of a WGS84 outline, vertices projected one by one (shoelace). */
function planarRdHa(geometry: MultiPolygon): number {
  const toRd = proj4('WGS84', RD_PROJ4);
  let m2 = 0;
  for (const polygon of geometry.coordinates) {
    polygon.forEach((ring, index) => {
      const points = ring.map((position) => toRd.forward([position[0], position[1]]));
      let twice = 0;
      for (let i = 0; i < points.length - 1; i++) {
        const [x0, y0] = points[i] as [number, number];
        const [x1, y1] = points[i + 1] as [number, number];
        twice += x0 * y1 - x1 * y0;
      }
      m2 += (index === 0 ? 1 : -1) * Math.abs(twice / 2);
    });
  }
  return m2 / 10_000;
}

const combobox = (page: Page, name = 'Zoek gemeente of plaats') =>
  page.getByRole('combobox', { name });

/** Tabs from the start of the page to the search box, as a keyboard user does. */
async function tabToSearch(page: Page, name?: string): Promise<void> {
  // The box comes after the map's first idle (it is not in the first-load bundle).
  await combobox(page, name).waitFor({ timeout: 10_000 });
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const role = await page.evaluate(() => document.activeElement?.getAttribute('role'));
    if (role === 'combobox') break;
  }
  expect(await combobox(page, name).evaluate((element) => element === document.activeElement)).toBe(
    true,
  );
}

/** The options of the search box's own listbox (the one its aria-controls names). */
async function options(page: Page) {
  const box = page.locator('[role="combobox"]');
  const id = await box.getAttribute('aria-controls');
  return page.locator(`[id="${id}"]`).getByRole('option');
}

async function optionLabels(page: Page): Promise<string[]> {
  const list = await options(page);
  await list.first().waitFor({ timeout: 10_000 });
  return list.allTextContents();
}

async function activeOptionText(page: Page): Promise<string | null> {
  const id = await combobox(page).getAttribute('aria-activedescendant');
  if (!id) return null;
  return page.locator(`[id="${id}"]`).textContent();
}

test('by keyboard only: type, arrows, Home/End, Esc, Enter adds the outline, selected and fitted', async () => {
  const { page, errors, context } = await openApp(browser);
  const attribution = page.locator('.maplibregl-ctrl-attrib');
  expect(await attribution.textContent()).not.toContain('CBS');
  await tabToSearch(page);
  await page.keyboard.type('utrecht');
  expect(await optionLabels(page)).toEqual(['Utrecht (GM0344)', 'Utrechtse Heuvelrug (GM1581)']);
  const box = combobox(page);
  expect(await box.getAttribute('aria-expanded')).toBe('true');
  const listId = await box.getAttribute('aria-controls');
  expect(await page.locator(`[id="${listId}"]`).getAttribute('role')).toBe('listbox');
  // The polite live region says how many results there are.
  const status = page.getByTestId('place-search-status');
  expect(await status.getAttribute('aria-live')).toBe('polite');
  await expect.poll(() => status.textContent()).toMatch(/^2 resultaten/);

  expect(await activeOptionText(page)).toBeNull();
  await page.keyboard.press('ArrowDown');
  expect(await activeOptionText(page)).toBe('Utrecht (GM0344)');
  await page.keyboard.press('ArrowDown');
  expect(await activeOptionText(page)).toBe('Utrechtse Heuvelrug (GM1581)');
  expect(
    await (await options(page)).and(page.locator('[aria-selected="true"]')).textContent(),
  ).toBe('Utrechtse Heuvelrug (GM1581)');
  await page.keyboard.press('Home');
  expect(await activeOptionText(page)).toBe('Utrecht (GM0344)');
  await page.keyboard.press('End');
  expect(await activeOptionText(page)).toBe('Utrechtse Heuvelrug (GM1581)');
  await page.keyboard.press('ArrowUp');
  expect(await activeOptionText(page)).toBe('Utrecht (GM0344)');

  // Esc closes the list and keeps the text; ↓ opens it again.
  await page.keyboard.press('Escape');
  expect(await box.getAttribute('aria-expanded')).toBe('false');
  expect(await (await options(page)).count()).toBe(0);
  expect(await box.inputValue()).toBe('utrecht');
  await page.keyboard.press('ArrowDown');
  expect(await activeOptionText(page)).toBe('Utrecht (GM0344)');

  await page.keyboard.press('Enter');
  await waitForAreaCount(page, 1);
  const { areas, selectedId } = await storedAreas(page);
  expect(areas[0]).toMatchObject({ id: 'GM0344', name: 'Utrecht (GM0344)' });
  expect(selectedId).toBe('GM0344');
  expect(areas[0]?.geometry).toEqual(outlineOf('GM0344'));
  await expect.poll(() => status.textContent()).toContain('Utrecht (GM0344) is toegevoegd');
  expect(await box.getAttribute('aria-expanded')).toBe('false');

  // The map is fitted to the outline, clear of the top bar and both panels.
  await page.waitForFunction(() => !window.koolstofkaart?.map?.isMoving(), null, {
    timeout: 10_000,
  });
  await waitForMapIdle(page);
  const fit = await page.evaluate(() => {
    const map = window.koolstofkaart?.map;
    const rect = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
    const areas = window.koolstofkaart?.store.getState().areas ?? [];
    const coordinates = (areas[0]?.geometry.coordinates ?? []) as number[][][][];
    const ring = coordinates[0]?.[0] ?? [];
    const pixels = ring.map(([lon, lat]) => map?.project([lon as number, lat as number]));
    return {
      xs: pixels.map((p) => p?.x ?? Number.NaN),
      ys: pixels.map((p) => p?.y ?? Number.NaN),
      left: rect('.panel-left')?.right ?? 0,
      right: rect('.panel-right')?.left ?? 0,
      top: rect('.top-bar')?.bottom ?? 0,
      height: map?.getContainer().clientHeight ?? 0,
      width: map?.getContainer().clientWidth ?? 0,
    };
  });
  expect(Math.min(...fit.xs)).toBeGreaterThanOrEqual(fit.left);
  expect(Math.max(...fit.xs)).toBeLessThanOrEqual(fit.right);
  expect(Math.min(...fit.ys)).toBeGreaterThanOrEqual(fit.top);
  expect(Math.max(...fit.ys)).toBeLessThanOrEqual(fit.height);
  // Fitted, not merely inside: the outline spans most of the free width or height.
  const spanX = (Math.max(...fit.xs) - Math.min(...fit.xs)) / (fit.right - fit.left);
  const spanY = (Math.max(...fit.ys) - Math.min(...fit.ys)) / (fit.height - fit.top);
  expect(Math.max(spanX, spanY)).toBeGreaterThan(0.5);

  // Its area in ha is the planar RD area of the shipped outline.
  const figure = page.getByRole('region', { name: 'Resultaten' }).getByTestId('area-ha');
  await figure.waitFor({ timeout: 30_000 });
  const areaHa = Number(await figure.getAttribute('data-value'));
  const expected = planarRdHa(outlineOf('GM0344'));
  expect(Math.abs(areaHa - expected) / expected).toBeLessThan(1e-6);

  // The outline's CC BY 4.0 attribution shows while it is on the map, and goes with it.
  await expect.poll(() => attribution.textContent()).toContain('CBS, Kadaster (CC BY 4.0)');
  await page.evaluate(() => window.koolstofkaart?.store.getState().removeArea('GM0344'));
  await expect.poll(() => attribution.textContent()).not.toContain('CBS');
  expect(errors).toEqual([]);
  await context.close();
});

test('case and accents are ignored; codes and the everyday name Den Haag work', async () => {
  const { page, errors, context } = await openApp(browser);
  const box = combobox(page);
  await box.focus();
  await page.keyboard.type('SUDWEST');
  expect(await optionLabels(page)).toEqual(['Súdwest-Fryslân (GM1900)']);
  await box.fill('');
  await page.keyboard.type('gm0344');
  expect(await optionLabels(page)).toEqual(['Utrecht (GM0344)']);
  await box.fill('');
  await page.keyboard.type('den haag');
  const [first] = await optionLabels(page);
  expect(first).toContain("'s-Gravenhage (GM0518)");
  expect(first).toContain('Den Haag');
  // Enter without a highlighted result takes the first one.
  await page.keyboard.press('Enter');
  await waitForAreaCount(page, 1);
  expect((await storedAreas(page)).areas[0]?.name).toBe("'s-Gravenhage (GM0518)");
  // Chosen again, the same area is selected rather than added twice.
  await box.fill('');
  await page.keyboard.type('GM0518');
  await optionLabels(page);
  await page.evaluate(() => window.koolstofkaart?.store.getState().selectArea(null));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.koolstofkaart?.store.getState().selectedId === 'GM0518');
  expect((await storedAreas(page)).areas).toHaveLength(1);
  await box.fill('');
  await page.keyboard.type('atlantis');
  await expect
    .poll(() => page.getByTestId('place-search-status').textContent())
    .toMatch(/Geen gemeente gevonden/);
  expect(errors).toEqual([]);
  await context.close();
});

test('the English label, texts and attribution', async () => {
  const { page, errors, context } = await openApp(browser);
  // An outline added in Dutch, then the language switched: the credit follows the language.
  await combobox(page).focus();
  await page.keyboard.type('gm0344');
  await optionLabels(page);
  await page.keyboard.press('Enter');
  await waitForAreaCount(page, 1);
  await expect
    .poll(() => page.locator('.maplibregl-ctrl-attrib').textContent())
    .toContain('Gemeentegrenzen 2022: CBS, Kadaster (CC BY 4.0)');
  await page.getByRole('button', { name: 'English' }).click();
  await expect
    .poll(() => page.locator('.maplibregl-ctrl-attrib').textContent())
    .toContain('Municipal boundaries 2022: CBS, Kadaster (CC BY 4.0)');
  expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).not.toContain(
    'Gemeentegrenzen',
  );
  await page.evaluate(() => window.koolstofkaart?.store.getState().removeArea('GM0344'));
  await page.getByRole('button', { name: 'Nederlands' }).waitFor();
  const box = combobox(page, 'Search municipality or place');
  await box.focus();
  await box.fill('');
  await page.keyboard.type('noardeast');
  expect(await optionLabels(page)).toEqual(['Noardeast-Fryslân (GM1970)']);
  await expect
    .poll(() => page.getByTestId('place-search-status').textContent())
    .toMatch(/^1 result\./);
  await page.keyboard.press('Enter');
  await waitForAreaCount(page, 1);
  await expect
    .poll(() => page.getByTestId('place-search-status').textContent())
    .toContain('Noardeast-Fryslân (GM1970) was added as an area and selected.');
  expect(errors).toEqual([]);
  await context.close();
});

test('the outlines are not loaded before the first idle: the index after it, the outlines on choice', async () => {
  const { page, errors, context } = await openApp(browser);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  // Everything the page fetched up to its first idle (resource timing sees every request).
  const beforeIdle = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => entry.name),
  );
  expect(beforeIdle.some((url) => url.includes('/data/demo/'))).toBe(true);
  expect(beforeIdle.filter((url) => /cbs-gemeenten|gemeenten-2022/.test(url))).toEqual([]);
  // Nor is any outline text inside the JavaScript loaded so far.
  const scripts = beforeIdle.filter((name) => name.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) {
    const text = await page.evaluate((url) => fetch(url).then((r) => r.text()), script);
    expect(text.includes('Súdwest-Fryslân') || text.includes('Noardeast-Fryslân')).toBe(false);
  }
  await combobox(page).focus();
  await page.keyboard.type('utrecht');
  await optionLabels(page);
  // The small index is fetched once the box is there (after the first idle), so the search
  // works even if the connection to the app's host drops later; the outlines only on choice.
  const loaded = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => entry.name),
  );
  expect(loaded.filter((url) => url.endsWith('gemeenten-2022.index.json'))).toHaveLength(1);
  expect(loaded.some((url) => url.endsWith('gemeenten-2022.geojson'))).toBe(false);
  expect(requests.some((url) => url.endsWith('gemeenten-2022.geojson'))).toBe(false);
  await page.keyboard.press('Enter');
  await waitForAreaCount(page, 1);
  expect(requests.some((url) => url.endsWith('gemeenten-2022.geojson'))).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});

const RECORDED = resolve(import.meta.dirname, '../fixtures/services/locatieserver');
/** A 1×1 PNG for the PDOK basemap tiles (the basemap must load for the online services to stay on). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const CORS = { 'access-control-allow-origin': '*' };

/**
 * Switches the PDOK basemap on with its tiles and the Locatieserver answered locally: suggest and
 * lookup from the recorded responses (`locatieserver` decides per request), nothing from outside.
 */
async function withPdok(
  page: Page,
  locatieserver: (path: string) => { status: number; body: string },
): Promise<{ paths: string[] }> {
  const seen: string[] = [];
  await page
    .context()
    .route('https://service.pdok.nl/**', (route) =>
      route.fulfill({ status: 200, body: PNG, headers: { ...CORS, 'content-type': 'image/png' } }),
    );
  await page.context().route('https://api.pdok.nl/bzk/locatieserver/search/v3_1/**', (route) => {
    const url = new URL(route.request().url());
    seen.push(`${url.pathname.split('/').pop()}?${url.searchParams}`);
    const { status, body } = locatieserver(url.pathname);
    return route.fulfill({
      status,
      body,
      headers: { ...CORS, 'content-type': 'application/json;charset=utf-8' },
    });
  });
  await page.getByRole('radio', { name: /PDOK/ }).click();
  await page.waitForFunction(
    () => window.koolstofkaart?.map?.getLayer('pdok-brt') !== undefined,
    null,
    {
      timeout: 15_000,
    },
  );
  return { paths: seen };
}

const recorded = (file: string) => ({
  status: 200,
  body: readFileSync(resolve(RECORDED, file), 'utf8'),
});

test('online: PDOK places beside the municipalities, debounced; a place fits the map', async () => {
  const { page, errors, context } = await openApp(browser);
  const pdok = await withPdok(page, (path) =>
    path.endsWith('/suggest')
      ? recorded('v3-suggest-amsterdam.json')
      : recorded('v3-lookup-woonplaats-utrecht-geometrie.json'),
  );
  await combobox(page).focus();
  await page.keyboard.type('amsterdam', { delay: 40 });
  await expect
    .poll(async () => (await optionLabels(page)).length, { timeout: 10_000 })
    .toBeGreaterThan(1);
  const labels = await optionLabels(page);
  // The shipped outline first; PDOK's own "Gemeente Amsterdam" is not listed twice.
  expect(labels[0]).toBe('Amsterdam (GM0363)');
  expect(labels).toContain('Amsterdam, Amsterdam, Noord-Holland');
  expect(labels).not.toContain('Gemeente Amsterdam');
  // Typing on cancels and debounces: one suggest request for the whole word.
  const suggests = pdok.paths.filter((path) => path.startsWith('suggest'));
  expect(suggests).toHaveLength(1);
  expect(suggests[0]).toContain('q=amsterdam');
  const group = page.getByRole('group', { name: 'Plaatsen (PDOK)' });
  expect(await group.getByRole('option').count()).toBe(labels.length - 1);

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await activeOptionText(page)).toBe('Amsterdam, Amsterdam, Noord-Holland');
  await page.keyboard.press('Enter');
  // The replayed lookup is the recorded woonplaats Utrecht: the map goes there, no area is added.
  await expect
    .poll(() => page.getByTestId('place-search-status').textContent())
    .toContain('De kaart toont nu Utrecht, Utrecht, Utrecht');
  expect(pdok.paths.some((path) => path.startsWith('lookup?id=wpl-62fe60a4'))).toBe(true);
  await page.waitForFunction(() => !window.koolstofkaart?.map?.isMoving());
  const center = await page.evaluate(() => window.koolstofkaart?.map?.getCenter().toArray());
  expect(center?.[0]).toBeGreaterThan(4.9);
  expect(center?.[0]).toBeLessThan(5.3);
  expect(center?.[1]).toBeGreaterThan(51.95);
  expect(center?.[1]).toBeLessThan(52.2);
  expect((await storedAreas(page)).areas).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('online, but PDOK fails: said once, quietly, and municipalities still work', async () => {
  const { page, errors, context } = await openApp(browser);
  await withPdok(page, () => ({ status: 500, body: '{"error":{"code":500}}' }));
  await combobox(page).focus();
  await page.keyboard.type('utrecht');
  const note = page.getByTestId('place-search-note');
  await note.waitFor({ timeout: 15_000 });
  expect(await note.textContent()).toMatch(/PDOK lukt nu niet; gemeenten vindt u nog wel/);
  expect(await optionLabels(page)).toEqual(['Utrecht (GM0344)', 'Utrechtse Heuvelrug (GM1581)']);
  // Typing on: the note is not repeated.
  await page.keyboard.type('se');
  await expect.poll(() => optionLabels(page)).toEqual(['Utrechtse Heuvelrug (GM1581)']);
  await page.waitForTimeout(1500);
  expect(await note.count()).toBe(0);
  expect(await page.getByTestId('place-search-status').textContent()).not.toMatch(/PDOK/);
  await page.keyboard.press('Enter');
  await waitForAreaCount(page, 1);
  // The browser logs the failed requests themselves; nothing else.
  expect(errors.filter((line) => !/Failed to load resource/.test(line))).toEqual([]);
  await context.close();
});

test('a saved outline keeps its credit after a reload', async () => {
  const { page, errors, context } = await openApp(browser);
  await combobox(page).focus();
  await page.keyboard.type('sudwest');
  await optionLabels(page);
  await page.keyboard.press('Enter');
  await waitForAreaCount(page, 1);
  await page.waitForTimeout(1200); // autosave writes at most every 500 ms
  await page.reload();
  await waitForMapIdle(page);
  await waitForAreaCount(page, 1);
  expect((await storedAreas(page)).areas[0]).toMatchObject({
    id: 'GM1900',
    name: 'Súdwest-Fryslân (GM1900)',
  });
  await expect
    .poll(() => page.locator('.maplibregl-ctrl-attrib').textContent(), { timeout: 10_000 })
    .toContain('CBS, Kadaster (CC BY 4.0)');
  expect(errors).toEqual([]);
  await context.close();
});

test('online: a municipality found through PDOK is added from the shipped outline of its code', async () => {
  const { page, errors, context } = await openApp(browser);
  // No lookup of a gemeente was recorded: this answer is shaped like the recorded lookups.
  const lookup = {
    response: {
      numFound: 1,
      start: 0,
      docs: [
        {
          type: 'gemeente',
          id: 'gem-0b2a8b92856b27f86fbd67ab35808ebf',
          weergavenaam: 'Gemeente Amsterdam',
          gemeentecode: '0363',
          centroide_ll: 'POINT(4.89 52.37)',
        },
      ],
    },
  };
  await withPdok(page, (path) =>
    path.endsWith('/suggest')
      ? recorded('v3-suggest-amsterdam.json')
      : { status: 200, body: JSON.stringify(lookup) },
  );
  // "nieuw-amsterdam" matches no municipality, so PDOK's "Gemeente Amsterdam" is listed.
  await combobox(page).focus();
  await page.keyboard.type('nieuw-amsterdam');
  await expect.poll(() => optionLabels(page), { timeout: 10_000 }).toContain('Gemeente Amsterdam');
  while ((await activeOptionText(page)) !== 'Gemeente Amsterdam') {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await waitForAreaCount(page, 1);
  const { areas, selectedId } = await storedAreas(page);
  expect(areas[0]).toMatchObject({ id: 'GM0363', name: 'Amsterdam (GM0363)' });
  expect(areas[0]?.geometry).toEqual(outlineOf('GM0363'));
  expect(selectedId).toBe('GM0363');
  expect(errors).toEqual([]);
  await context.close();
});

test('online: typing on cancels the suggest request still under way', async () => {
  const { page, errors, context } = await openApp(browser);
  let answered = 0;
  // The first answer is slow, so the next keystrokes arrive while it is under way.
  await withPdok(page, (path) =>
    path.endsWith('/suggest')
      ? recorded('v3-suggest-amsterdam.json')
      : recorded('v3-lookup-woonplaats-utrecht-geometrie.json'),
  );
  await page
    .context()
    .route('https://api.pdok.nl/bzk/locatieserver/search/v3_1/suggest**', async (route) => {
      answered += 1;
      if (answered === 1) await new Promise((done) => setTimeout(done, 3000));
      await route
        .fulfill({
          status: 200,
          body: readFileSync(resolve(RECORDED, 'v3-suggest-amsterdam.json'), 'utf8'),
          headers: { ...CORS, 'content-type': 'application/json;charset=utf-8' },
        })
        .catch(() => undefined); // the page may have cancelled it meanwhile
    });
  const cancelled: string[] = [];
  page.on('requestfailed', (request) => {
    if (request.url().includes('/suggest')) cancelled.push(request.failure()?.errorText ?? '');
  });
  await combobox(page).focus();
  await page.keyboard.type('amst');
  await expect.poll(() => answered, { timeout: 5_000 }).toBe(1);
  await page.keyboard.type('erdam');
  await expect.poll(() => cancelled.length, { timeout: 5_000 }).toBe(1);
  expect(cancelled[0]).toMatch(/ABORTED/);
  await expect
    .poll(() => optionLabels(page), { timeout: 10_000 })
    .toContain('Amsterdam, Amsterdam, Noord-Holland');
  expect(answered).toBe(2);
  expect(errors).toEqual([]);
  await context.close();
});

test('online, then the connection drops: the box says it is offline, once', async () => {
  const { page, errors, context } = await openApp(browser);
  await withPdok(page, () => recorded('v3-suggest-amsterdam.json'));
  await combobox(page).focus();
  await page.keyboard.type('utrecht');
  await expect
    .poll(() => optionLabels(page), { timeout: 10_000 })
    .toContain('Amsterdam, Amsterdam, Noord-Holland');
  // The internet goes; the app's own host stays (the browser says it is offline, PDOK fails).
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    window.dispatchEvent(new Event('offline'));
  });
  await page
    .context()
    .route('https://api.pdok.nl/**', (route) => route.abort('internetdisconnected'));
  await page.keyboard.press('Backspace');
  const note = page.getByTestId('place-search-note');
  await note.waitFor({ timeout: 10_000 });
  expect(await note.textContent()).toMatch(/U bent offline/);
  expect(await optionLabels(page)).toEqual(['Utrecht (GM0344)', 'Utrechtse Heuvelrug (GM1581)']);
  await page.keyboard.type('tse');
  await expect.poll(() => optionLabels(page)).toEqual(['Utrechtse Heuvelrug (GM1581)']);
  expect(await note.count()).toBe(0);
  expect(errors.filter((line) => !/Failed to load resource/.test(line))).toEqual([]);
  await context.close();
});
