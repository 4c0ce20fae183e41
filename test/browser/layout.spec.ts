import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openApp } from './harness';
import { canvasOrigin, waitForAreaCount } from './planner-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const DESKTOPS = [
  { width: 1400, height: 900 },
  { width: 1920, height: 1080 },
];
const SMALL = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
];

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where a control is, whether it lies inside the viewport, and whether a click at its centre
 * reaches it (not a panel, the toolbar or an overlay above it).
 */
function reach(locator: Locator): Promise<{ rect: Rect; inViewport: boolean; hit: boolean }> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const top = document.elementFromPoint(x, y);
    return {
      rect: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
      inViewport:
        box.width > 0 &&
        box.height > 0 &&
        box.left >= -0.5 &&
        box.top >= -0.5 &&
        box.right <= window.innerWidth + 0.5 &&
        box.bottom <= window.innerHeight + 0.5,
      hit: top !== null && (top === element || element.contains(top)),
    };
  });
}

async function expectReachable(locator: Locator, what: string): Promise<void> {
  const seen = await reach(locator);
  expect(seen.inViewport, `${what} inside the viewport ${JSON.stringify(seen.rect)}`).toBe(true);
  expect(seen.hit, `${what} not covered ${JSON.stringify(seen.rect)}`).toBe(true);
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** On a small screen, brings a tab of the bottom sheet forward. */
async function showTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
}

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

/**
 * A square of about 2.7 km around the map's centre (town and farmland in the demo data), added as
 * an import would; waits for its results.
 */
async function addCentreArea(page: Page): Promise<void> {
  await page.evaluate(() => {
    const centre = window.koolstofkaart?.map?.getCenter();
    const [lon, lat] = [centre?.lng ?? 0, centre?.lat ?? 0];
    const ring = [
      [lon - 0.02, lat - 0.012],
      [lon + 0.02, lat - 0.012],
      [lon + 0.02, lat + 0.012],
      [lon - 0.02, lat + 0.012],
      [lon - 0.02, lat - 0.012],
    ];
    window.koolstofkaart?.store.getState().addArea({
      id: 'centre',
      name: 'Midden',
      color: '#e66100',
      visible: true,
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
  });
  await page
    .locator('.result-selected [data-testid="potential-year"][data-value]')
    .waitFor({ timeout: 20_000 });
}

/** Share of the viewport where a tap reaches the map itself, sampled on a grid. */
function mapShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const map = document.querySelector('[data-testid="map"]');
    let onMap = 0;
    let all = 0;
    for (let y = 2; y < window.innerHeight; y += 8) {
      for (let x = 2; x < window.innerWidth; x += 8) {
        all += 1;
        const hit = document.elementFromPoint(x, y);
        // The canvas, or what MapLibre draws into it (markers); not its controls.
        if (hit && map?.contains(hit) && !hit.closest('.maplibregl-ctrl')) onMap += 1;
      }
    }
    return onMap / all;
  });
}

/** The part of the map no panel, bar, tool or overlay covers, measured on screen. */
function freeMapRect(page: Page): Promise<Rect> {
  return page.evaluate(() => {
    const rects = (selector: string) =>
      [...document.querySelectorAll(selector)]
        .map((element) => element.getBoundingClientRect())
        .filter((rect) => rect.width > 0 && rect.height > 0);
    const free = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
    const wide = window.innerWidth > 900;
    for (const rect of rects('.top-bar > *, .draw-toolbar, .overlay-top > *')) {
      free.top = Math.max(free.top, rect.bottom);
    }
    for (const rect of rects('.basemap-switch, .inspect-panel, .sheet-tabs')) {
      free.bottom = Math.min(free.bottom, rect.top);
    }
    for (const rect of rects('.panel')) {
      if (!wide) free.bottom = Math.min(free.bottom, rect.top);
      else if (rect.left < window.innerWidth / 2) free.left = Math.max(free.left, rect.right);
      else free.right = Math.min(free.right, rect.left);
    }
    return free;
  });
}

/** Screen box of a WGS84 ring on the map now. */
function projectedBox(page: Page, ring: number[][]): Promise<Rect> {
  return page.evaluate((points) => {
    const map = window.koolstofkaart?.map;
    const container = map?.getContainer().getBoundingClientRect();
    const projected = points.map((point) => map?.project(point as [number, number]));
    const xs = projected.map((point) => (point?.x ?? Number.NaN) + (container?.left ?? 0));
    const ys = projected.map((point) => (point?.y ?? Number.NaN) + (container?.top ?? 0));
    return {
      left: Math.min(...xs),
      top: Math.min(...ys),
      right: Math.max(...xs),
      bottom: Math.max(...ys),
    };
  }, ring);
}

function waitForMoveEnd(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((done) => {
        const map = window.koolstofkaart?.map;
        if (!map) return done();
        const timer = setTimeout(done, 3000);
        map.once('moveend', () => {
          clearTimeout(timer);
          done();
        });
      }),
  );
}

test('1400×900 and 1920×1080: the scenario and the key figures it changes are on screen together', async () => {
  for (const size of DESKTOPS) {
    const { page, errors, context } = await openApp(browser, size);
    await addCentreArea(page);
    const first = page.locator('.scenario-panel').locator('input, select').first();
    await first.waitFor();
    const figure = page.locator('.result-selected [data-testid="potential-year"]');
    const deficit = page.locator('.result-selected [data-testid="deficit-total"]');
    await expectReachable(first, `first scenario control at ${size.width}`);
    await expectReachable(figure, `potential-year at ${size.width}`);
    await expectReachable(deficit, `deficit-total at ${size.width}`);
    // A change of a measure changes the figure in view, without any scrolling: the measures
    // are tried in turn until one applies to this area (each is on screen too).
    const scrolled = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.panel')].map((panel) => panel.scrollTop).join(','),
      );
    const scrollBefore = await scrolled();
    let changed = false;
    for (const measure of await page.locator('[data-testid^="scenario-measure-"]').all()) {
      await expectReachable(measure, `${await measure.getAttribute('data-testid')}`);
      const before = await figure.getAttribute('data-value');
      await measure.click();
      changed = await page
        .waitForFunction(
          (old) =>
            document
              .querySelector('.result-selected [data-testid="potential-year"]')
              ?.getAttribute('data-value') !== old,
          before,
          { timeout: 4000 },
        )
        .then(() => true)
        .catch(() => false);
      if (changed) break;
    }
    expect(changed).toBe(true);
    expect(await scrolled()).toBe(scrollBefore);
    await expectReachable(figure, `potential-year after the change at ${size.width}`);
    expect(errors).toEqual([]);
    await context.close();
  }
});

test('390×844 and 768×1024: one panel at a time, the map keeps most of the screen, every control is reachable', async () => {
  for (const size of SMALL) {
    const { page, errors, context } = await openApp(browser, size);
    const at = `at ${size.width}×${size.height}`;
    await page.locator('.place-search-input').waitFor();
    // The sheet about a quarter open, and folded away: the map has at least 60 % of the screen.
    expect(await mapShare(page), `map share, sheet open ${at}`).toBeGreaterThanOrEqual(0.6);
    await page.getByTestId('sheet-hide').click();
    expect(await mapShare(page), `map share, sheet folded ${at}`).toBeGreaterThanOrEqual(0.8);
    await page.getByTestId('sheet-hide').click();

    // Top bar, drawing tools, badge, zoom and the tabs are all on screen and clickable.
    for (const control of await page.locator('.top-bar button, .top-bar input').all()) {
      // A visually hidden file input has nothing to click.
      if (((await control.boundingBox())?.width ?? 0) < 4) continue;
      await expectReachable(control, `top bar control ${await control.textContent()} ${at}`);
    }
    for (const control of await page.locator('.draw-toolbar button').all()) {
      await expectReachable(control, `drawing tool ${await control.getAttribute('title')} ${at}`);
    }
    await expectReachable(page.locator('.synthetic-badge'), `badge ${at}`);
    await expectReachable(page.locator('.maplibregl-ctrl-zoom-in'), `zoom ${at}`);
    const tabs = ['Lagen', 'Vlakken', 'Resultaten', 'Scenario'];
    for (const name of tabs) {
      await expectReachable(page.getByRole('tab', { name, exact: true }), `tab ${name} ${at}`);
    }

    // One panel at a time; its heading is clear of the top bar and the drawing tools, the
    // sheet half open and nearly full.
    const covers = await page.locator('.top-bar > *, .draw-toolbar').evaluateAll((elements) =>
      elements.map((element) => {
        const rect = element.getBoundingClientRect();
        return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
      }),
    );
    const headings: Record<string, string> = {
      Lagen: '#layer-panel-title',
      Vlakken: '#areas-title',
      Resultaten: '#results-title',
      Scenario: '#scenario-title',
    };
    for (const bigger of [false, true]) {
      if (bigger) await page.getByTestId('sheet-bigger').click();
      for (const name of tabs) {
        await showTab(page, name);
        const shown = await page
          .locator('.panel')
          .evaluateAll((panels) =>
            panels
              .filter((panel) => panel.getBoundingClientRect().height > 0)
              .map((p) => p.className),
          );
        expect(shown, `one panel for ${name} ${at}`).toHaveLength(1);
        const heading = page.locator(headings[name] as string);
        await expectReachable(heading, `heading of ${name} (full: ${bigger}) ${at}`);
        const box = (await reach(heading)).rect;
        expect(covers.filter((cover) => overlaps(cover, box))).toEqual([]);
      }
      if (bigger) await page.getByTestId('sheet-bigger').click();
    }

    // The basemap choice is in the layers tab; the inspector shows above the sheet on a tap.
    await showTab(page, 'Lagen');
    const basemap = page.getByRole('radio').first();
    await basemap.scrollIntoViewIfNeeded();
    await expectReachable(basemap, `basemap switch ${at}`);
    const origin = await canvasOrigin(page);
    const tabsTop = (await reach(page.locator('.sheet-tabs'))).rect.top;
    await page.mouse.click(origin.x + size.width / 2, tabsTop - 140);
    await page.getByTestId('inspect').waitFor();
    await expectReachable(page.getByTestId('inspect'), `inspector ${at}`);
    await expectReachable(page.locator('.inspect-panel h2'), `inspector title ${at}`);

    // The flow: a typed area opens its results in the sheet.
    await showTab(page, 'Vlakken');
    await addDemoArea(page);
    await page.getByRole('tab', { name: 'Resultaten', selected: true }).waitFor();
    const figure = page.locator('.result-selected [data-testid="potential-year"]');
    await figure.scrollIntoViewIfNeeded();
    await expectReachable(figure, `potential-year ${at}`);
    // Language switch still reachable and working.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Results', exact: true }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }
});

test('390×844: a rectangle drawn with the tools folds the sheet away, then shows its results', async () => {
  const { page, errors, context } = await openApp(browser, { width: 390, height: 844 });
  await page.getByRole('button', { name: 'Rechthoek', exact: true }).click();
  await page.getByRole('button', { name: 'Rechthoek', exact: true, pressed: true }).waitFor();
  // The sheet folds to its tabs while drawing: the map has the screen.
  await expect.poll(() => page.locator('.panel-right').isVisible()).toBe(false);
  const origin = await canvasOrigin(page);
  await page.mouse.move(origin.x + 150, origin.y + 350, { steps: 2 });
  await page.mouse.click(origin.x + 150, origin.y + 350);
  await page.mouse.move(origin.x + 240, origin.y + 440, { steps: 4 });
  await page.mouse.click(origin.x + 240, origin.y + 440);
  await waitForAreaCount(page, 1);
  await page.getByRole('tab', { name: 'Resultaten', selected: true }).waitFor();
  const figure = page.locator('.result-selected [data-testid="potential-year"][data-value]');
  await figure.waitFor({ timeout: 20_000 });
  await figure.scrollIntoViewIfNeeded();
  await expectReachable(figure, 'potential-year after drawing');
  expect(errors).toEqual([]);
  await context.close();
});

test("390×844: in the scenario tab, the selected area's deficit and potential stay in view", async () => {
  const { page, errors, context } = await openApp(browser, { width: 390, height: 844 });
  await addCentreArea(page);
  await showTab(page, 'Scenario');
  const effect = page.getByTestId('scenario-effect');
  const potential = effect.locator('[data-figure="potential-year"]');
  await expectReachable(potential, 'potential in the scenario tab');
  // The last control of the scenario, scrolled to: the figures are still in view.
  const last = page.locator('.scenario-panel select').last();
  await last.scrollIntoViewIfNeeded();
  await expectReachable(last, 'last scenario control');
  await expectReachable(potential, 'potential after scrolling');
  let changed = false;
  for (const measure of await page.locator('[data-testid^="scenario-measure-"]').all()) {
    const before = await potential.textContent();
    await measure.scrollIntoViewIfNeeded();
    await measure.click();
    changed = await expect
      .poll(() => potential.textContent(), { timeout: 4000 })
      .not.toBe(before)
      .then(() => true)
      .catch(() => false);
    if (changed) break;
  }
  expect(changed).toBe(true);
  await expectReachable(potential, 'potential after a change');
  expect(errors).toEqual([]);
  await context.close();
});

test('zoom to area and the first view fit into the part of the map no panel covers, at every size', async () => {
  for (const size of [...SMALL, ...DESKTOPS]) {
    const { page, errors, context } = await openApp(browser, size);
    const at = `at ${size.width}×${size.height}`;
    await page.locator('.place-search-input').waitFor();
    // The first view: the whole data package, clear of the panels.
    const outline = await page.evaluate(async () => {
      const source = window.koolstofkaart?.map?.getSource('package-outline') as
        | { getData: () => Promise<GeoJSON.GeoJSON> }
        | undefined;
      const data = await source?.getData();
      const points: number[][] = [];
      const walk = (value: unknown) => {
        if (Array.isArray(value) && typeof value[0] === 'number') points.push(value as number[]);
        else if (Array.isArray(value)) for (const each of value) walk(each);
        else if (value && typeof value === 'object')
          for (const each of Object.values(value)) walk(each);
      };
      walk(data);
      return points;
    });
    expect(outline.length, `package outline ${at}`).toBeGreaterThan(3);
    const first = await projectedBox(page, outline);
    const freeFirst = await freeMapRect(page);
    expect(
      first.left >= freeFirst.left - 1 &&
        first.right <= freeFirst.right + 1 &&
        first.top >= freeFirst.top - 1 &&
        first.bottom <= freeFirst.bottom + 1,
      `package ${JSON.stringify(first)} inside ${JSON.stringify(freeFirst)} ${at}`,
    ).toBe(true);
    // A wide, low area: fitted by its width, it would run under the side panels.
    const center = await page.evaluate(() => {
      const c = window.koolstofkaart?.map?.getCenter();
      return [c?.lng ?? 0, c?.lat ?? 0];
    });
    const [lon, lat] = center as [number, number];
    const ring = [
      [lon - 0.03, lat - 0.004],
      [lon + 0.03, lat - 0.004],
      [lon + 0.03, lat + 0.004],
      [lon - 0.03, lat + 0.004],
      [lon - 0.03, lat - 0.004],
    ];
    await page.evaluate((coordinates) => {
      window.koolstofkaart?.store.getState().addArea({
        id: 'wide',
        name: 'Breed',
        color: '#e66100',
        visible: true,
        geometry: { type: 'Polygon', coordinates: [coordinates] },
      });
    }, ring);
    if (size.width <= 900) await showTab(page, 'Vlakken');
    // Zoom far out first, so that the fit has to move the map.
    await page.evaluate(() => window.koolstofkaart?.map?.jumpTo({ zoom: 6 }));
    const moved = waitForMoveEnd(page);
    await page.getByRole('button', { name: 'Zoom naar Breed' }).click();
    await moved;
    const box = await projectedBox(page, ring);
    const free = await freeMapRect(page);
    const inside =
      box.left >= free.left - 1 &&
      box.right <= free.right + 1 &&
      box.top >= free.top - 1 &&
      box.bottom <= free.bottom + 1;
    expect(inside, `area ${JSON.stringify(box)} inside ${JSON.stringify(free)} ${at}`).toBe(true);
    // And it is fitted, not lost in the middle: it fills most of the free width or height.
    const fill = Math.max(
      (box.right - box.left) / (free.right - free.left),
      (box.bottom - box.top) / (free.bottom - free.top),
    );
    expect(fill, `fill ${at}`).toBeGreaterThan(0.6);
    expect(errors).toEqual([]);
    await context.close();
  }
});

test('the table of all areas is a modal dialog above every overlay; Esc closes it, focus returns', async () => {
  for (const size of DESKTOPS) {
    const { page, errors, context } = await openApp(browser, size);
    const at = `at ${size.width}×${size.height}`;
    await addDemoArea(page);
    const opener = page.getByRole('button', { name: 'Tabel van alle gebieden' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: /Alle gebieden/ });
    await dialog.waitFor();
    const state = await dialog.evaluate((element) => {
      const box = element.getBoundingClientRect();
      // Points all over the dialog, near its edges too: none reaches the toolbar, badge,
      // basemap switch or inspector.
      const points: [number, number][] = [];
      for (const fx of [0.02, 0.25, 0.5, 0.75, 0.98]) {
        for (const fy of [0.02, 0.1, 0.5, 0.9, 0.98]) {
          points.push([box.left + fx * box.width, box.top + fy * box.height]);
        }
      }
      const scroll = element.querySelector('.batch-scroll') as HTMLElement;
      return {
        tag: element.tagName,
        modal: element.matches(':modal'),
        outside: points.filter(([x, y]) => {
          const hit = document.elementFromPoint(x, y);
          return !(hit && element.contains(hit));
        }).length,
        overflow: scroll.scrollWidth - scroll.clientWidth,
      };
    });
    expect(state.tag).toBe('DIALOG');
    expect(state.modal).toBe(true);
    expect(state.outside, `points of the dialog covered ${at}`).toBe(0);
    // Every column fits in the dialog on these screens.
    expect(state.overflow, `sideways scrolling ${at}`).toBeLessThanOrEqual(1);
    // "Berekening stoppen" with nothing to stop looks disabled.
    const stop = dialog.getByRole('button', { name: 'Berekening stoppen' });
    expect(await stop.isDisabled()).toBe(true);
    const look = await stop.evaluate((button) => {
      const style = getComputedStyle(button);
      const close = getComputedStyle(
        [...document.querySelectorAll('.batch-panel button')].find(
          (each) => each.textContent === 'Sluiten',
        ) as HTMLElement,
      );
      return {
        cursor: style.cursor,
        opacity: Number(style.opacity),
        color: style.color,
        enabledColor: close.color,
      };
    });
    expect(look.cursor).toBe('not-allowed');
    expect(look.opacity).toBeLessThan(1);
    expect(look.color).not.toBe(look.enabledColor);
    // Esc closes the dialog, and focus is back on the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Tabel van alle gebieden',
    );
    // The close button does the same.
    await opener.click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Tabel van alle gebieden',
    );
    expect(errors).toEqual([]);
    await context.close();
  }
});

test('390×844: the table of all areas scrolls inside its dialog', async () => {
  const { page, errors, context } = await openApp(browser, { width: 390, height: 844 });
  await showTab(page, 'Vlakken');
  await addDemoArea(page);
  await showTab(page, 'Vlakken');
  await page.getByRole('button', { name: 'Tabel van alle gebieden' }).click();
  const dialog = page.getByRole('dialog', { name: /Alle gebieden/ });
  await dialog.waitFor();
  const sizes = await dialog.evaluate((element) => {
    const scroll = element.querySelector('.batch-scroll') as HTMLElement;
    return {
      right: element.getBoundingClientRect().right,
      scrolls: scroll.scrollWidth > scroll.clientWidth,
      overflowX: getComputedStyle(scroll).overflowX,
    };
  });
  expect(sizes.right).toBeLessThanOrEqual(390);
  expect(sizes.scrolls).toBe(true);
  expect(sizes.overflowX).toBe('auto');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(errors).toEqual([]);
  await context.close();
});
