import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { badRasters } from '../../scripts/make-bad-rasters';
import type { AreaResult } from '../../src/core/engine/types';
import { rdToWgs84 } from '../../src/core/projection/rd';
import { type CogInput, writeCog } from '../../src/core/raster/cog-writer';
import { figureValue, KEY_FIGURES } from '../../src/ui/results/ResultsFigures';
import { figuresOf } from '../../src/ui/results/results-model';
import { BASE_URL, launchBrowser, openApp, waitForMapIdle } from './harness';
import { messagePattern, pickFile, texts } from './import-helpers';

/**
 * The user's own rasters in the app (DESIGN.md 8.2): an EPSG:4326 stock raster and an RD sealed
 * raster on another grid are added, an area is imported, and the figures on the page are the
 * CLI's on the same files and package; bad rasters are refused with their message; a reload
 * keeps a URL layer.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'koolstofkaart-user-rasters-'));

function tif(name: string, input: Partial<CogInput> & Pick<CogInput, 'data'>): string {
  const file = join(scratch, name);
  writeFileSync(
    file,
    writeCog({
      width: 60,
      height: 60,
      sampleType: 'float32',
      originX: 5.37,
      originY: 52.17,
      cellSize: 0.001,
      cellHeight: 0.0006,
      crs: { kind: 'geographic', epsg: 4326 },
      nodata: -9999,
      resampling: 'average',
      ...input,
    }),
  );
  return file;
}

/** Stock in t C/ha on a 4326 grid of 0.001° × 0.0006° cells, some nodata. */
const STOCK_4326 = tif('soc-stock-4326.tif', {
  data: new Float32Array(3600).map((_, i) => (i % 29 === 0 ? -9999 : 40 + ((i * 7) % 37) * 2.5)),
});
/** Sealed % in RD New, 37 m cells from an origin off the demo's 25 m grid. */
const SEALED_RD = tif('imperviousness-rd.tif', {
  data: new Float32Array(3600).map((_, i) => (i * 13) % 101),
  originX: 154_013,
  originY: 464_507,
  cellSize: 37,
  cellHeight: 37,
  crs: undefined,
  epsg: 28992,
});
/** Bad rasters: not a TIFF at all, and a TIFF without georeference. */
const NOT_A_TIFF = join(scratch, 'not-a-tiff.tif');
writeFileSync(NOT_A_TIFF, 'this is not a TIFF file\n'.repeat(20));
const NO_GEOREFERENCE = tif('no-georeference.tif', {
  data: new Float32Array(3600).fill(50),
  plain: true,
});

/** About 56 ha near Amersfoort (RD New corners), as WGS84 GeoJSON like a user's export. */
const RING_RD: [number, number][] = [
  [155_000, 463_000],
  [155_900, 463_100],
  [155_800, 463_800],
  [155_100, 463_700],
  [155_000, 463_000],
];
const AREAS = join(scratch, 'plan-area.geojson');
writeFileSync(
  AREAS,
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { id: 'plan', name: 'Plan' },
        geometry: { type: 'Polygon', coordinates: [RING_RD.map((point) => rdToWgs84(point))] },
      },
    ],
  }),
);

/** The CLI's JSON on the same files and package, run as a user would (`npm run analyze`). */
async function cliResult(): Promise<AreaResult> {
  const { stdout } = await promisify(execFile)(
    'npx',
    [
      'tsx',
      'scripts/analyze.ts',
      AREAS,
      '--package',
      'data/demo',
      '--layer',
      `carbon-stock=${STOCK_4326}`,
      '--layer',
      `sealed=${SEALED_RD}`,
      '--format',
      'json',
    ],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  const output = JSON.parse(stdout) as { areas: AreaResult[] };
  return output.areas[0] as AreaResult;
}

let browser: Browser;
let cli: Promise<AreaResult>;
beforeAll(async () => {
  cli = cliResult();
  cli.catch(() => undefined);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const userTexts = texts('nl', 'userRasters') as unknown as Record<string, string>;
const errorTexts = texts('nl', 'errors');

/** Drops a file on the map, as a user drags it from the file manager. */
async function dropFile(page: Page, path: string): Promise<void> {
  const bytes = readFileSync(path).toString('base64');
  const name = path.split('/').pop() as string;
  const transfer = await page.evaluateHandle(
    ({ bytes, name }) => {
      const data = Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], name, { type: 'image/tiff' }));
      return dt;
    },
    { bytes, name },
  );
  const map = page.getByTestId('map');
  await map.dispatchEvent('dragenter', { dataTransfer: transfer });
  await map.dispatchEvent('drop', { dataTransfer: transfer });
}

/** Adds a raster through the dialog, with the role (and unit) chosen there. */
async function addThroughDialog(page: Page, role: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: userTexts.title });
  await dialog.waitFor();
  await dialog.getByTestId('user-raster-facts').waitFor();
  await dialog.getByLabel(userTexts.role, { exact: true }).selectOption(role);
  await dialog.getByRole('button', { name: userTexts.add }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator(`[data-testid="user-layer"][data-role="${role}"]`).waitFor();
}

async function pageFigures(page: Page): Promise<Record<string, number | null>> {
  await page.getByTestId('stock-total').and(page.locator('[data-value]')).first().waitFor();
  const values: Record<string, number | null> = {};
  for (const { key } of KEY_FIGURES) {
    const value = await page.getByTestId(key).first().getAttribute('data-value');
    values[key] = value === null ? null : Number(value);
  }
  return values;
}

test('a 4326 raster and an RD raster on another grid give the numbers of the CLI', async () => {
  const { context, page, errors } = await openApp(browser);
  try {
    // The stock raster by dropping it on the map, the sealed one through the Import picker.
    await dropFile(page, STOCK_4326);
    const dialog = page.getByRole('dialog', { name: userTexts.title });
    await dialog.getByTestId('user-raster-facts').waitFor();
    expect(await dialog.getByTestId('user-raster-crs').textContent()).toBe('EPSG:4326');
    // Suggested from the file name and the values: a stock in t/ha.
    expect(await dialog.getByLabel(userTexts.role, { exact: true }).inputValue()).toBe(
      'carbon-stock',
    );
    expect(await dialog.getByLabel(userTexts.unit, { exact: true }).inputValue()).toBe('t/ha');
    // As organic matter in % these values (up to 130) are implausible: the dialog says so first.
    await dialog.getByLabel(userTexts.role, { exact: true }).selectOption('organic-matter');
    await dialog.getByTestId('user-raster-implausible').waitFor();
    await dialog.getByLabel(userTexts.role, { exact: true }).selectOption('carbon-stock');
    await expect.poll(() => dialog.getByTestId('user-raster-implausible').count()).toBe(0);
    await addThroughDialog(page, 'carbon-stock');

    await pickFile(page, SEALED_RD);
    const sealedDialog = page.getByRole('dialog', { name: userTexts.title });
    await sealedDialog.getByTestId('user-raster-facts').waitFor();
    expect(await sealedDialog.getByTestId('user-raster-crs').textContent()).toBe('EPSG:28992');
    // A class role has no unit.
    await sealedDialog.getByLabel(userTexts.role, { exact: true }).selectOption('land-use');
    expect(await sealedDialog.getByLabel(userTexts.unit, { exact: true }).isDisabled()).toBe(true);
    await addThroughDialog(page, 'sealed');

    const panel = page.locator('[data-testid="user-layer"][data-role="carbon-stock"]');
    expect(await panel.textContent()).toContain('soc-stock-4326.tif');
    expect(await panel.textContent()).toContain('EPSG:4326');

    await pickFile(page, AREAS);
    await page.waitForFunction(() => window.koolstofkaart?.store.getState().areas.length === 1);
    const shown = await pageFigures(page);
    const expected = figuresOf(await cli);
    for (const { key } of KEY_FIGURES) {
      const want = figureValue(expected, key)?.value ?? null;
      if (want === null) {
        expect(shown[key], key).toBeNull();
        continue;
      }
      expect(shown[key], key).not.toBeNull();
      expect(Math.abs((shown[key] as number) - want), key).toBeLessThanOrEqual(
        1e-6 * Math.max(1, Math.abs(want)),
      );
    }
    // The sealed raster is on another grid than the stock: the results say it was resampled.
    await page.locator('[data-testid="user-layer-notice"][data-kind="resampled"]').waitFor();
    await waitForMapIdle(page);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('bad rasters are refused with their message and change nothing', async () => {
  const { context, page } = await openApp(browser);
  try {
    for (const [file, template] of [
      [NOT_A_TIFF, userTexts.unreadable],
      [NO_GEOREFERENCE, errorTexts.layerNoGeoreference],
    ] as const) {
      await pickFile(page, file);
      const dialog = page.getByRole('dialog', { name: userTexts.title });
      const message = dialog.getByTestId('user-raster-error');
      await message.waitFor();
      expect((await message.textContent()) ?? '').toMatch(messagePattern(template as string));
      // Esc closes the dialog; nothing was added.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(
        await page.evaluate(() => window.koolstofkaart?.store.getState().userLayers.length),
      ).toBe(0);
    }
    // A URL that answers an error status: unreachable, through the one fetch module.
    await context.route('**/test-rasters/gone.tif', (route) =>
      route.fulfill({ status: 404, body: 'not found' }),
    );
    await page.getByRole('button', { name: userTexts.addButton }).click();
    const dialog = page.getByRole('dialog', { name: userTexts.title });
    await dialog.getByLabel(userTexts.url).fill(`${BASE_URL}/test-rasters/gone.tif`);
    await dialog.getByRole('button', { name: userTexts.read }).click();
    const error = dialog.getByTestId('user-raster-error');
    await error.waitFor();
    expect(await error.getAttribute('data-kind')).toBe('unreachable');
    expect(await error.textContent()).toContain('/test-rasters/gone.tif');
  } finally {
    await context.close();
  }
});

/** Serves a file at a URL of the test server, answering range requests as a COG host does. */
async function serveRaster(context: BrowserContext, path: string, file: string): Promise<string> {
  const bytes = readFileSync(file);
  await context.route(`**${path}`, (route) => {
    const range = /bytes=(\d+)-(\d*)/.exec(route.request().headers().range ?? '');
    if (!range) {
      return route.fulfill({ status: 200, body: bytes, contentType: 'image/tiff' });
    }
    const start = Number(range[1]);
    const end = Math.min(bytes.length - 1, range[2] ? Number(range[2]) : bytes.length - 1);
    return route.fulfill({
      status: 206,
      body: bytes.subarray(start, end + 1),
      headers: {
        'content-type': 'image/tiff',
        'content-range': `bytes ${start}-${end}/${bytes.length}`,
        'accept-ranges': 'bytes',
      },
    });
  });
  return `${BASE_URL}${path}`;
}

test('every generated bad raster is refused in the app with the kind the CLI gives', async () => {
  // The CLI's usage errors (a unit or band argument wrong or missing) cannot happen here: the
  // dialog offers only the role's units and asks for the band of a multi-band raster. Implausible
  // values are a notice (first test).
  const cases = badRasters().filter(
    (bad) => bad.exit === 2 && bad.args.length === 0 && bad.kind !== 'usage',
  );
  expect(cases.length).toBeGreaterThanOrEqual(13);
  const { context, page } = await openApp(browser);
  try {
    for (const bad of cases) {
      const path = join(scratch, bad.file);
      writeFileSync(path, bad.bytes);
      await pickFile(page, path);
      const dialog = page.getByRole('dialog', { name: userTexts.title });
      const error = dialog.getByTestId('user-raster-error');
      const facts = dialog.getByTestId('user-raster-facts');
      await error
        .or(facts)
        .first()
        .waitFor()
        .catch((reason) => {
          throw new Error(`${bad.file}: ${String(reason)}`);
        });
      if ((await error.count()) === 0) {
        // Read, but refused on adding with the role (the CLI's checks).
        await dialog.getByLabel(userTexts.role, { exact: true }).selectOption(bad.role);
        await dialog.getByRole('button', { name: userTexts.add, exact: true }).click();
        await error.waitFor();
      }
      expect(await error.getAttribute('data-kind'), bad.file).toBe(bad.kind);
      expect(((await error.textContent()) ?? '').length, bad.file).toBeGreaterThan(40);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(
        await page.evaluate(() => window.koolstofkaart?.store.getState().userLayers.length),
      ).toBe(0);
    }
  } finally {
    await context.close();
  }
});

test('a multi-band raster asks for its band; the band chosen is the one added', async () => {
  const { context, page } = await openApp(browser);
  try {
    const twoBands = tif('stock-two-bands.tif', {
      data: new Float32Array(3600).fill(5),
      extraBands: [new Float32Array(3600).fill(90)],
    });
    await pickFile(page, twoBands);
    const dialog = page.getByRole('dialog', { name: userTexts.title });
    await dialog.getByTestId('user-raster-facts').waitFor();
    await dialog.getByLabel(userTexts.role, { exact: true }).selectOption('carbon-stock');
    // Band 1 holds 5 t/ha: implausible (it looks like kg/m²); band 2 holds 90 t/ha.
    await dialog.getByTestId('user-raster-implausible').waitFor();
    await dialog.getByLabel(userTexts.band, { exact: true }).selectOption('2');
    await expect.poll(() => dialog.getByTestId('user-raster-range').textContent()).toContain('90');
    await expect.poll(() => dialog.getByTestId('user-raster-implausible').count()).toBe(0);
    await dialog.getByRole('button', { name: userTexts.add, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(
      await page.evaluate(() => window.koolstofkaart?.store.getState().userLayers[0]?.band),
    ).toBe(2);
  } finally {
    await context.close();
  }
});

test('a URL layer comes in through the dialog, and a reload keeps it', async () => {
  const { context, page } = await openApp(browser);
  try {
    const url = await serveRaster(context, '/test-rasters/soc-stock-4326.tif', STOCK_4326);
    const opener = page.getByRole('button', { name: userTexts.addButton });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: userTexts.title });
    await dialog.getByLabel(userTexts.url).fill(url);
    await dialog.getByRole('button', { name: userTexts.read }).click();
    await addThroughDialog(page, 'carbon-stock');
    // Focus goes back to the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      userTexts.addButton,
    );
    // Saved with the session, by its URL.
    await page.waitForFunction(
      (wanted) =>
        new Promise<boolean>((done) => {
          const open = indexedDB.open('keyval-store');
          open.onsuccess = () => {
            const get = open.result
              .transaction('keyval')
              .objectStore('keyval')
              .get('koolstofkaart.session');
            get.onsuccess = () =>
              done(
                JSON.stringify(get.result?.userLayers ?? []).includes(wanted as string) === true,
              );
            get.onerror = () => done(false);
          };
          open.onerror = () => done(false);
        }),
      url,
    );
    await page.reload();
    await waitForMapIdle(page);
    const restored = page.locator('[data-testid="user-layer"][data-role="carbon-stock"]');
    await restored.waitFor();
    expect(await restored.textContent()).toContain(url);
    // Gone after a reload: the layer says so and the package's own layer is analysed instead.
    await context.unroute('**/test-rasters/soc-stock-4326.tif');
    await context.route('**/test-rasters/soc-stock-4326.tif', (route) =>
      route.fulfill({ status: 503, body: 'down' }),
    );
    await page.reload();
    await waitForMapIdle(page);
    const failed = page.locator('[data-testid="user-layer"][data-role="carbon-stock"]');
    await failed.getByTestId('user-layer-failed').waitFor();
    expect(await failed.getByTestId('user-layer-failed').textContent()).toContain(url);
  } finally {
    await context.close();
  }
});

test('a file layer is kept in IndexedDB and comes back after a reload', async () => {
  const { page } = await openApp(browser);
  try {
    await pickFile(page, STOCK_4326);
    await addThroughDialog(page, 'carbon-stock');
    // Stored once its bytes are in IndexedDB (the file is far below the 50 MiB limit).
    await page.waitForFunction(() =>
      window.koolstofkaart?.store
        .getState()
        .userLayers.some((layer) => layer.source.kind === 'file' && layer.source.stored),
    );
    await page.waitForTimeout(1500);
    await page.reload();
    await waitForMapIdle(page);
    const restored = page.locator('[data-testid="user-layer"][data-role="carbon-stock"]');
    await restored.waitFor();
    expect(await restored.textContent()).toContain('soc-stock-4326.tif');
    expect(await restored.getByRole('alert').count()).toBe(0);
    // Without its bytes (a file over 50 MiB, or storage cleared) a reload asks for the file again.
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          const open = indexedDB.open('koolstofkaart-rasters');
          open.onsuccess = () => {
            const transaction = open.result.transaction('files', 'readwrite');
            transaction.objectStore('files').clear();
            transaction.oncomplete = () => done();
            transaction.onerror = () => done();
          };
          open.onerror = () => done();
        }),
    );
    await page.reload();
    await waitForMapIdle(page);
    const again = page.locator('[data-testid="user-layer"][data-role="carbon-stock"]');
    await again.getByRole('alert').waitFor();
    expect(await again.getByRole('alert').textContent()).toMatch(
      messagePattern(userTexts.openAgain as string),
    );
    // Removing it deletes the layer (and any stored bytes).
    await again.getByRole('button', { name: /verwijderen/ }).click();
    await again.waitFor({ state: 'detached' });
  } finally {
    await page.context().close();
  }
});
