import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BASE_URL, launchBrowser, openApp } from './harness';
import { storedAreas } from './planner-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const square = (id: string, x: number) => ({
  id,
  name: `Vlak ${id}`,
  color: '#0072b2',
  visible: true,
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [5.3 + x, 52.1],
        [5.31 + x, 52.1],
        [5.31 + x, 52.11],
        [5.3 + x, 52.1],
      ],
    ],
  },
});

test('a change made just before a reload comes back: leaving the page writes it at once', async () => {
  const { page, errors, context } = await openApp(browser);
  for (const [round, count] of [
    [1, 3],
    [2, 1],
  ] as const) {
    const areas = Array.from({ length: count }, (_, index) =>
      square(`${round}-${index}`, index / 50),
    );
    // No wait: the autosave timer (500 ms) has not fired when the page goes.
    await page.evaluate(
      (all) => window.koolstofkaart?.store.getState().replaceAreas(all, all.at(-1)?.id),
      areas,
    );
    await page.reload();
    await page.waitForFunction(() => window.koolstofkaart?.map?.loaded(), null, {
      timeout: 30_000,
    });
    const restored = await storedAreas(page);
    expect(restored.areas.map((area) => area.id)).toEqual(areas.map((area) => area.id));
    expect(restored.selectedId).toBe(areas.at(-1)?.id);
  }
  expect(errors).toEqual([]);
  await context.close();
});

/** The saved session as IndexedDB holds it (idb-keyval's default database). */
function storedSession(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db
            .transaction('keyval', 'readonly')
            .objectStore('keyval')
            .get('koolstofkaart.session');
          request.onsuccess = () => {
            resolve(request.result);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Writes `session` straight into IndexedDB, as an older or newer app would have left it. */
function storeSession(page: Page, session: unknown): Promise<void> {
  return page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const transaction = db.transaction('keyval', 'readwrite');
          transaction.objectStore('keyval').put(value, 'koolstofkaart.session');
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    session,
  );
}

/** The status line once a write committed (nl). */
const SAVED = 'Automatisch bewaard in deze browser';

/** A small square (WGS84) around the map's centre, shifted by `dx` degrees of longitude. */
async function squareAtCentre(page: Page, id: string, dx = 0) {
  const [lon, lat] = await page.evaluate(() => {
    const center = window.koolstofkaart?.map?.getCenter();
    return [center?.lng ?? 0, center?.lat ?? 0];
  });
  const x = lon + dx;
  return {
    id,
    name: `Vlak ${id}`,
    color: '#0072b2',
    visible: true,
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [x, lat],
          [x + 0.005, lat],
          [x + 0.005, lat + 0.005],
          [x, lat + 0.005],
          [x, lat],
        ],
      ],
    },
  };
}

async function reloadApp(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => window.koolstofkaart?.map?.loaded(), null, { timeout: 30_000 });
}

test('a save over the storage quota shows a lasting alert with an export, never "saved"', async () => {
  const { page, context } = await openApp(browser, {
    // IndexedDB refuses every write as over quota, with an empty message, as Chromium does.
    initScript: () => {
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('', 'QuotaExceededError');
      };
    },
  });
  const area = await squareAtCentre(page, 'q');
  await page.evaluate((added) => window.koolstofkaart?.store.getState().addArea(added), area);
  const alert = page.getByTestId('save-failed');
  await alert.waitFor({ timeout: 10_000 });
  expect(await alert.getAttribute('role')).toBe('alert');
  expect(await alert.textContent()).toContain('opslag van de browser is vol');
  // A save of the view (no areas yet) may fail first; the alert follows the latest failed save.
  await expect
    .poll(() => alert.textContent(), { timeout: 10_000 })
    .toContain('de hele sessie met 1 vlak (');
  // It stays, and the status never says saved.
  await page.waitForTimeout(1500);
  expect(await alert.isVisible()).toBe(true);
  expect(await page.getByText(SAVED).count()).toBe(0);

  const [geojson] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Vlakken exporteren (GeoJSON)' }).click(),
  ]);
  const collection = JSON.parse(await streamText(await geojson.createReadStream()));
  expect(collection.features.map((f: { id: string }) => f.id)).toEqual(['q']);

  const [workshop] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Sessie exporteren (workshopbestand)' }).click(),
  ]);
  expect(workshop.suggestedFilename()).toMatch(/\.koolstofkaart\.json$/);
  const file = JSON.parse(await streamText(await workshop.createReadStream()));
  expect(file.format).toBe('koolstofkaart-workshop');
  expect(file.version).toBe(1);
  expect(file.areas.map((a: { id: string }) => a.id)).toEqual(['q']);
  await context.close();
});

test("two tabs: the second saves nothing and says so, taking over loses neither tab's work", async () => {
  const first = await openApp(browser);
  const a = first.page;
  await a.evaluate(
    (added) => window.koolstofkaart?.store.getState().addArea(added),
    await squareAtCentre(a, 'from-a'),
  );
  await a.getByText(SAVED).waitFor({ timeout: 10_000 });

  const b = await first.context.newPage();
  await b.goto(`${BASE_URL}/`);
  await b.waitForFunction(() => window.koolstofkaart?.map?.loaded(), null, { timeout: 30_000 });
  const bannerB = b.getByTestId('other-tab');
  await bannerB.waitFor({ timeout: 10_000 });
  expect(await bannerB.textContent()).toContain('dit tabblad bewaart niets');
  expect((await storedAreas(b)).areas.map((area) => area.id)).toEqual(['from-a']);

  // A keeps working and saving; B follows what A saved.
  await a.evaluate(
    (added) => window.koolstofkaart?.store.getState().addArea(added),
    await squareAtCentre(a, 'from-a-2', 0.01),
  );
  await b.waitForFunction(() => window.koolstofkaart?.store.getState().areas.length === 2);

  // B takes over: A saves and stops, B continues from what A saved.
  await bannerB.getByRole('button', { name: 'Hier verder werken' }).click();
  await bannerB.waitFor({ state: 'detached', timeout: 15_000 });
  await a.getByTestId('other-tab').waitFor({ timeout: 10_000 });
  await b.evaluate(
    (added) => window.koolstofkaart?.store.getState().addArea(added),
    await squareAtCentre(b, 'from-b', 0.02),
  );
  await b.getByText(SAVED).waitFor({ timeout: 10_000 });
  const ids = (session: unknown) =>
    ((session as { areas: { id: string }[] }).areas ?? []).map((area) => area.id);
  expect(ids(await storedSession(b))).toEqual(['from-a', 'from-a-2', 'from-b']);

  // A change in A now is not saved over B's work, and A says so.
  await a.evaluate(
    (added) => window.koolstofkaart?.store.getState().addArea(added),
    await squareAtCentre(a, 'late-a', 0.03),
  );
  await a.getByText('Wijzigingen die u in dit tabblad hebt gemaakt zijn niet bewaard').waitFor();
  await a.waitForTimeout(1500);
  expect(ids(await storedSession(b))).toEqual(['from-a', 'from-a-2', 'from-b']);
  expect(first.errors).toEqual([]);
  await first.context.close();
});

test('a session saved by a newer version stays byte-identical after a change and a reload', async () => {
  const { page, context, errors } = await openApp(browser);
  const newer = {
    version: 99,
    savedAt: '2030-01-01T00:00:00.000Z',
    areas: [await squareAtCentre(page, 'future')],
    somethingNew: { nested: [1, 2, 3] },
  };
  await storeSession(page, newer);
  await reloadApp(page);
  const banner = page.getByTestId('newer-session');
  await banner.waitFor({ timeout: 10_000 });
  expect(await banner.getAttribute('role')).toBe('alert');
  const before = JSON.stringify(await storedSession(page));
  expect(before).toBe(JSON.stringify(newer));

  await page.evaluate(
    (added) => window.koolstofkaart?.store.getState().addArea(added),
    await squareAtCentre(page, 'mine'),
  );
  await page.waitForTimeout(1500);
  expect(JSON.stringify(await storedSession(page))).toBe(before);
  await reloadApp(page);
  expect(JSON.stringify(await storedSession(page))).toBe(before);
  await page.getByTestId('newer-session').waitFor({ timeout: 10_000 });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Bewaarde sessie exporteren' }).click(),
  ]);
  expect(JSON.parse(await streamText(await download.createReadStream()))).toEqual(newer);
  expect(errors).toEqual([]);
  await context.close();
});

test('an invalid saved area and scenario: the rest comes back, a notice says what, numbers are finite', async () => {
  const { page, context, errors } = await openApp(browser);
  const good = await squareAtCentre(page, 'good');
  const twin = { ...(await squareAtCentre(page, 'good', 0.01)), name: 'Tweeling' };
  const bad = await squareAtCentre(page, 'bad', 0.02);
  (bad.geometry.coordinates[0] as unknown[])[1] = ['abc', 52];
  await storeSession(page, {
    version: 2,
    savedAt: new Date().toISOString(),
    areas: [good, bad, twin],
    selectedId: 'good',
    scenario: { f_c: 'abc', horizon_years: -5, peat_water_cm: 10 },
    language: 'nl',
    basemap: 'offline',
  });
  await reloadApp(page);
  const notice = page.getByTestId('restore-notice');
  await notice.waitFor({ timeout: 10_000 });
  const text = (await notice.textContent()) ?? '';
  expect(text).toContain('Vlak bad (vlak 2)');
  expect(text).toContain('f_c');
  expect(text).toContain('horizon_years');
  const restored = await storedAreas(page);
  expect(restored.areas.map((area) => area.name)).toEqual(['Vlak good', 'Tweeling']);
  expect(new Set(restored.areas.map((area) => area.id)).size).toBe(2);
  const scenario = await page.evaluate(() => window.koolstofkaart?.store.getState().scenario);
  expect(scenario?.f_c).toBe(0.5);
  expect(scenario?.horizon_years).toBe(20);
  expect(scenario?.peat_water_cm).toBe(10);

  // The analysis finishes with finite numbers.
  await page
    .locator('.result-selected [data-testid="stock-total"][data-value]')
    .waitFor({ timeout: 30_000 });
  for (const key of ['area-ha', 'stock-total', 'co2-total', 'potential-year']) {
    const value = await page
      .locator(`.result-selected [data-testid="${key}"]`)
      .getAttribute('data-value');
    expect(Number.isFinite(Number(value)), key).toBe(true);
  }
  expect(await page.getByText('Berekenen…').count()).toBe(0);
  // Deleting one of the former twins leaves the other.
  await page.evaluate(() => window.koolstofkaart?.store.getState().removeArea('good'));
  expect((await storedAreas(page)).areas.map((area) => area.name)).toEqual(['Tweeling']);
  expect(errors).toEqual([]);
  await context.close();
});

test('a reload keeps the layers and the map view', async () => {
  const { page, context, errors } = await openApp(browser);
  await page.waitForFunction(
    () => (window.koolstofkaart?.store.getState().layerOrder.length ?? 0) > 1,
  );
  const chosen = await page.evaluate(() => {
    const state = window.koolstofkaart?.store.getState();
    if (!state) throw new Error('no store');
    const order = [...state.layerOrder].reverse();
    state.setLayerOrder(order);
    const [first, second] = order;
    if (first) state.setLayerView(first, { visible: true, opacity: 0.35 });
    if (second) state.setLayerView(second, { visible: false });
    window.koolstofkaart?.map?.jumpTo({ center: [5.2345, 52.0123], zoom: 12.25 });
    return { order, views: structuredClone(window.koolstofkaart?.store.getState().layerViews) };
  });
  await page.getByText(SAVED).waitFor({ timeout: 10_000 });
  await page.waitForFunction(() => window.koolstofkaart?.store.getState().view?.zoom === 12.25);
  await page.waitForTimeout(AUTOSAVE_WAIT_MS);
  await reloadApp(page);
  await page.waitForFunction(
    () => (window.koolstofkaart?.store.getState().layerOrder.length ?? 0) > 1,
  );
  const after = await page.evaluate(() => {
    const state = window.koolstofkaart?.store.getState();
    const map = window.koolstofkaart?.map;
    return {
      order: state?.layerOrder,
      views: state?.layerViews,
      center: map?.getCenter().toArray(),
      zoom: map?.getZoom(),
    };
  });
  expect(after.order).toEqual(chosen.order);
  expect(after.views).toEqual(chosen.views);
  expect(after.center?.[0]).toBeCloseTo(5.2345, 4);
  expect(after.center?.[1]).toBeCloseTo(52.0123, 4);
  expect(after.zoom).toBeCloseTo(12.25, 2);
  expect(errors).toEqual([]);
  await context.close();
});

/** Longer than one autosave interval (500 ms) plus a write. */
const AUTOSAVE_WAIT_MS = 1200;

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
