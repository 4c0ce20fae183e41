import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { rdToWgs84 } from '../../src/core/projection/rd';
import { MAX_SHARE_LINK_CHARS } from '../../src/core/session/share-link';
import { syntheticWorkshop } from '../support/synthetic-workshop';
import { BASE_URL, launchBrowser, openApp, waitForMapIdle } from './harness';
import { importOutcome, messagePattern, texts } from './import-helpers';
import { storedAreas } from './planner-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const share = texts('nl', 'share');

/** A square field of `size` m in the demo municipality, WGS84 as the store keeps areas. */
function field(id: string, x: number, y: number, size = 400) {
  const ring = [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ].map((point) => [...rdToWgs84(point as [number, number])]);
  return {
    id,
    name: `Veld ${id}`,
    color: '#0072b2',
    visible: true,
    geometry: { type: 'Polygon' as const, coordinates: [ring] },
  };
}

type Field = ReturnType<typeof field>;

async function setAreas(page: Page, areas: Field[]): Promise<void> {
  await page.evaluate(
    (all) => window.koolstofkaart?.store.getState().replaceAreas(all, all[0]?.id ?? null),
    areas,
  );
}

/** The saved session as IndexedDB holds it (idb-keyval's default database). */
function storedSession(page: Page): Promise<{ areas: { id: string }[] } | undefined> {
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

async function storedIds(page: Page): Promise<string[]> {
  return ((await storedSession(page))?.areas ?? []).map((area) => area.id);
}

/** Waits until IndexedDB holds exactly these area ids. */
async function waitForStoredIds(page: Page, ids: string[]): Promise<void> {
  await expect.poll(() => storedIds(page), { timeout: 10_000 }).toEqual(ids);
}

const storeIds = async (page: Page) => (await storedAreas(page)).areas.map((area) => area.id);

test('a link opens its state beside the own work, which comes back; areas can be copied; a tampered link changes nothing', async () => {
  const { page, context, errors } = await openApp(browser);
  await setAreas(page, [
    field('gedeeld-1', 154_200, 462_300),
    field('gedeeld-2', 155_000, 462_300),
  ]);
  await page.evaluate(() =>
    window.koolstofkaart?.store.getState().setScenario({ horizon_years: 35, peat_water_cm: 20 }),
  );

  await page.getByRole('button', { name: share.button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: share.title });
  await dialog.waitFor();
  const link = await dialog.getByTestId('share-link').inputValue();
  expect(link.startsWith(`${BASE_URL}/#s=1.`)).toBe(true);
  expect(link).toMatch(/^[^#]+#s=1\.[A-Za-z0-9_-]+$/);
  expect(link.length).toBeLessThan(2000);
  await dialog.getByTestId('share-qr').waitFor();
  await dialog.getByRole('button', { name: share.copy }).click();
  await dialog.getByText(share.copied as string).waitFor();
  await dialog.getByRole('button', { name: share.close }).click();
  await dialog.waitFor({ state: 'detached' });

  // The sender's own work changes afterwards; the link keeps what it held.
  const own = [field('eigen', 156_000, 463_000)];
  await setAreas(page, own);
  await page.evaluate(() => window.koolstofkaart?.store.getState().resetScenario());
  await waitForStoredIds(page, ['eigen']);
  await page.close();

  // A new page of the same browser (the same saved session) opens the link.
  const viewer = await context.newPage();
  viewer.on('pageerror', (error) => errors.push(String(error)));
  await viewer.goto(link);
  await waitForMapIdle(viewer);
  await viewer.getByTestId('shared-banner').waitFor();
  expect(await storeIds(viewer)).toEqual(['gedeeld-1', 'gedeeld-2']);
  const scenario = await viewer.evaluate(() => window.koolstofkaart?.store.getState().scenario);
  expect(scenario).toMatchObject({ horizon_years: 35, peat_water_cm: 20 });
  // What is done in the shared state is not saved: the own work stays as it was.
  await viewer.evaluate(
    (area) => window.koolstofkaart?.store.getState().addArea(area),
    field('nieuw', 157_000, 463_000),
  );
  await viewer.waitForTimeout(1200);
  expect(await storedIds(viewer)).toEqual(['eigen']);

  // "Terug naar mijn werk" brings the own work back in one action and clears the link.
  await viewer.getByRole('button', { name: share.back }).click();
  expect(await storeIds(viewer)).toEqual(['eigen']);
  expect(await viewer.evaluate(() => window.location.hash)).toBe('');
  expect(
    await viewer.evaluate(() => window.koolstofkaart?.store.getState().scenario.horizon_years),
  ).toBe(20);
  await viewer.getByTestId('shared-banner').waitFor({ state: 'detached' });

  // The link again (a hash change), then its areas copied into the own work.
  await viewer.goto(link);
  await viewer.getByTestId('shared-banner').waitFor();
  expect(await storeIds(viewer)).toEqual(['gedeeld-1', 'gedeeld-2']);
  await viewer.getByRole('button', { name: share.copyAreas }).click();
  expect(await storeIds(viewer)).toEqual(['eigen', 'gedeeld-1', 'gedeeld-2']);
  await viewer
    .getByTestId('shared-message')
    .getByText(messagePattern(share.copiedAreas_other as string))
    .waitFor();
  await waitForStoredIds(viewer, ['eigen', 'gedeeld-1', 'gedeeld-2']);
  await viewer.close();

  // A tampered link: a clear message, nothing changed on screen or in storage.
  const fragment = link.slice(link.indexOf('#'));
  const middle = Math.floor(fragment.length / 2);
  const tampered = `${link.slice(0, link.indexOf('#'))}${fragment.slice(0, middle)}${
    fragment[middle] === 'A' ? 'B' : 'A'
  }${fragment.slice(middle + 1, -12)}`;
  const third = await context.newPage();
  third.on('pageerror', (error) => errors.push(String(error)));
  await third.goto(tampered);
  await waitForMapIdle(third);
  const alert = third.getByTestId('shared-error');
  await alert.waitFor();
  expect(await alert.getByText(share.linkUnreadable as string).count()).toBe(1);
  expect(await third.getByTestId('shared-banner').count()).toBe(0);
  expect(await storeIds(third)).toEqual(['eigen', 'gedeeld-1', 'gedeeld-2']);
  await third.waitForTimeout(800);
  expect(await storedIds(third)).toEqual(['eigen', 'gedeeld-1', 'gedeeld-2']);
  expect(errors).toEqual([]);
  await context.close();
}, 60_000);

test('a workshop file exported from the menu imports back beside the own work; a newer one is refused', async () => {
  const { page, context, errors } = await openApp(browser);
  await setAreas(page, [field('werk-1', 154_200, 462_300), field('werk-2', 155_000, 462_300)]);
  await page.evaluate(() =>
    window.koolstofkaart?.store.getState().setScenario({ horizon_years: 30 }),
  );
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    page.getByRole('button', { name: share.exportWorkshop, exact: true }).click(),
  ]);
  const name = download.suggestedFilename();
  expect(name).toMatch(/^koolstofkaart-workshop-\d{4}-\d{2}-\d{2}\.koolstofkaart\.json$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const file = JSON.parse(bytes.toString('utf8'));
  expect(Object.keys(file)).toEqual([
    'format',
    'version',
    'package',
    'view',
    'layers',
    'areas',
    'selectedId',
    'scenario',
    'scenes',
    'language',
  ]);
  expect(file).toMatchObject({ format: 'koolstofkaart-workshop', version: 1 });

  await setAreas(page, [field('anders', 156_000, 463_000)]);
  await page.evaluate(() => window.koolstofkaart?.store.getState().resetScenario());
  await waitForStoredIds(page, ['anders']);

  const input = page.getByTestId('import-input');
  await input.setInputFiles({ name, mimeType: 'application/json', buffer: bytes });
  await page.getByTestId('shared-banner').waitFor();
  expect(await storeIds(page)).toEqual(['werk-1', 'werk-2']);
  expect(
    await page.evaluate(() => window.koolstofkaart?.store.getState().scenario.horizon_years),
  ).toBe(30);
  await page.waitForTimeout(1000);
  expect(await storedIds(page)).toEqual(['anders']);
  await page.getByRole('button', { name: share.back }).click();
  expect(await storeIds(page)).toEqual(['anders']);

  // A file of a later version: refused with the kind of DESIGN 7.2, nothing changed.
  const newer = Buffer.from(JSON.stringify({ ...file, version: 7 }));
  await input.setInputFiles({
    name: 'later.koolstofkaart.json',
    mimeType: 'application/json',
    buffer: newer,
  });
  const failed = await importOutcome(page, 'failed');
  expect(await failed.getAttribute('data-code')).toBe('share.workshopNewer');
  expect(await storeIds(page)).toEqual(['anders']);
  expect(await page.getByTestId('shared-banner').count()).toBe(0);

  // A .json with scenario keys only is a scenario file: the scenario on screen, no areas added.
  const scenarioFile = Buffer.from(JSON.stringify({ horizon_years: 40, peat_water_cm: 10 }));
  await input.setInputFiles({
    name: 'scenario.json',
    mimeType: 'application/json',
    buffer: scenarioFile,
  });
  await page.getByTestId('shared-message').waitFor();
  expect(
    await page.evaluate(() => window.koolstofkaart?.store.getState().scenario.horizon_years),
  ).toBe(40);
  expect(await storeIds(page)).toEqual(['anders']);
  expect(errors).toEqual([]);
  await context.close();
}, 60_000);

test('a state too large for a link gets the workshop file instead (English)', async () => {
  const { page, context, errors } = await openApp(browser);
  const english = texts('en', 'share');
  // 20 areas of 200 vertices: a link of about 40,000 characters.
  const { areas } = syntheticWorkshop(20, 200, 0);
  await page.evaluate(
    (all) => window.koolstofkaart?.store.getState().replaceAreas(all, all[0]?.id ?? null),
    areas,
  );
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: english.button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: english.title });
  await dialog.waitFor();
  const message = dialog.getByTestId('share-too-long');
  await message.waitFor();
  const text = (await message.textContent()) ?? '';
  expect(text).toMatch(messagePattern(english.tooLong as string));
  const length = Number(/(\d[\d,]*) characters/.exec(text)?.[1]?.replace(/,/g, ''));
  expect(length).toBeGreaterThan(MAX_SHARE_LINK_CHARS);
  expect(await dialog.getByTestId('share-link').count()).toBe(0);
  expect(await dialog.getByTestId('share-qr').count()).toBe(0);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    dialog.getByRole('button', { name: english.downloadWorkshop }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.koolstofkaart\.json$/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(errors).toEqual([]);
  await context.close();
}, 60_000);
