import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openApp, waitForMapIdle } from './harness';
import { addArea, fieldAt, keyFigureValues } from './workshop-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface SceneSummary {
  id: string;
  name: string;
  areaIds: string[];
  selectedId: string | null;
  zoom: number | null;
  horizon: number;
  sealedVisible: boolean | null;
}

function scenes(page: Page): Promise<SceneSummary[]> {
  return page.evaluate(() =>
    (window.koolstofkaart?.store.getState().scenes ?? []).map((scene) => ({
      id: scene.id,
      name: scene.name,
      areaIds: scene.areaIds,
      selectedId: scene.selectedId,
      zoom: scene.view?.zoom ?? null,
      horizon: scene.scenario.horizon_years,
      sealedVisible: scene.layers.sealed?.visible ?? null,
    })),
  );
}

/** Moves the map to `zoom` around the demo's middle and waits until it has settled. */
async function zoomTo(page: Page, zoom: number): Promise<void> {
  await page.evaluate((level) => window.koolstofkaart?.map?.jumpTo({ zoom: level }), zoom);
  await waitForMapIdle(page);
}

const counter = (page: Page) => page.getByTestId('scene-counter');

test('scenes: save three, rename, reorder by keyboard and buttons, step with keys and buttons, reload, delete an area', async () => {
  const { page, errors, context } = await openApp(browser);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await addArea(page, 'noord', 'Veld Noord', fieldAt(154_200, 463_600));
  await addArea(page, 'zuid', 'Veld Zuid', fieldAt(154_200, 462_300));
  await keyFigureValues(page);
  const start = await page.evaluate(() => window.koolstofkaart?.map?.getZoom() ?? 0);

  await page.getByRole('button', { name: 'Scènes (0)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scènes voor de presentatie' });
  const save = dialog.getByRole('button', { name: 'Huidig beeld opslaan als scène' });
  // Scene 1: both areas, Zuid selected, the start view.
  await save.click();
  // Scene 2: only Noord, selected, closer in, with the sealed layer on.
  await page.evaluate(() => {
    const state = window.koolstofkaart?.store.getState();
    state?.updateArea('zuid', { visible: false });
    state?.selectArea('noord');
    state?.setLayerView('sealed', { visible: true, opacity: 0.5 });
  });
  await zoomTo(page, start + 1);
  await save.click();
  // Scene 3: both areas again, a 30-year horizon, further out.
  await page.evaluate(() => {
    const state = window.koolstofkaart?.store.getState();
    state?.updateArea('zuid', { visible: true });
    state?.setLayerView('sealed', { visible: false });
    state?.setScenario({ horizon_years: 30 });
  });
  await zoomTo(page, start - 1);
  await save.click();
  let saved = await scenes(page);
  expect(saved.map((scene) => scene.name)).toEqual(['Scène 1', 'Scène 2', 'Scène 3']);
  expect(saved[0]).toMatchObject({ areaIds: ['noord', 'zuid'], selectedId: 'zuid', horizon: 20 });
  expect(saved[1]).toMatchObject({ areaIds: ['noord'], selectedId: 'noord', sealedVisible: true });
  expect(saved[2]).toMatchObject({ areaIds: ['noord', 'zuid'], horizon: 30, sealedVisible: false });
  expect(saved[1]?.zoom).toBeCloseTo(start + 1, 2);

  // Rename scene 2.
  await dialog.getByRole('textbox', { name: 'Naam van scène 2' }).fill('Veenweide');
  // Reorder by keyboard: Alt+ArrowUp on scene 3 makes it the second; the focus stays with it.
  const third = dialog.getByRole('textbox', { name: 'Naam van scène 3' });
  await third.focus();
  await page.keyboard.press('Alt+ArrowUp');
  expect((await scenes(page)).map((scene) => scene.name)).toEqual([
    'Scène 1',
    'Scène 3',
    'Veenweide',
  ]);
  expect(
    await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value),
  ).toBe('Scène 3');
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+ArrowUp');
  // And by button: Veenweide up, then down again.
  await dialog.getByRole('button', { name: 'Veenweide omhoog' }).click();
  expect((await scenes(page)).map((scene) => scene.name)).toEqual([
    'Scène 1',
    'Veenweide',
    'Scène 3',
  ]);
  await dialog.getByRole('button', { name: 'Veenweide omlaag' }).click();
  await dialog.getByRole('button', { name: 'Veenweide omhoog' }).click();
  saved = await scenes(page);
  expect(saved.map((scene) => scene.name)).toEqual(['Scène 1', 'Veenweide', 'Scène 3']);
  // Esc closes the list, the focus goes back to its button.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Scènes (3)');

  // Present and step: keys and the on-screen buttons; each scene is put back.
  await page.keyboard.press('p');
  await counter(page).waitFor();
  expect(await counter(page).textContent()).toBe('– / 3');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => counter(page).textContent()).toBe('1 / 3');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => counter(page).textContent()).toBe('2 / 3');
  const shown = await page.evaluate(() => {
    const state = window.koolstofkaart?.store.getState();
    return {
      visible: state?.areas.map((area) => area.visible),
      selectedId: state?.selectedId,
      sealed: state?.layerViews.sealed,
      zoom: window.koolstofkaart?.map?.getZoom(),
    };
  });
  expect(shown).toEqual({
    visible: [true, false],
    selectedId: 'noord',
    sealed: { visible: true, opacity: 0.5 },
    zoom: saved[1]?.zoom,
  });
  expect(await page.getByText('Veenweide').count()).toBe(1);
  await page.getByRole('button', { name: 'Vorige scène' }).click();
  await expect.poll(() => counter(page).textContent()).toBe('1 / 3');
  await page.getByRole('button', { name: 'Volgende scène' }).click();
  await expect.poll(() => counter(page).textContent()).toBe('2 / 3');
  await page.keyboard.press('PageDown');
  await expect.poll(() => counter(page).textContent()).toBe('3 / 3');
  expect(
    await page.evaluate(() => window.koolstofkaart?.store.getState().scenario.horizon_years),
  ).toBe(30);
  await page.keyboard.press('PageUp');
  await expect.poll(() => counter(page).textContent()).toBe('2 / 3');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Presenteren', exact: true }).waitFor();

  // A reload keeps the scenes (autosave), in their order and with their names.
  await page.waitForTimeout(1500);
  await page.reload();
  await waitForMapIdle(page);
  await page.waitForFunction(
    () => (window.koolstofkaart?.store.getState().scenes.length ?? 0) === 3,
  );
  expect(await scenes(page)).toEqual(saved);

  // Deleting an area takes it out of every scene.
  await page.evaluate(() => window.koolstofkaart?.store.getState().selectArea('noord'));
  await page.getByRole('button', { name: 'Verwijderen', exact: true }).click();
  await page.waitForFunction(() => window.koolstofkaart?.store.getState().areas.length === 1);
  const after = await scenes(page);
  expect(after.map((scene) => scene.areaIds)).toEqual([['zuid'], [], ['zuid']]);
  expect(after[1]?.selectedId).toBeNull();
  expect(errors).toEqual([]);
  await context.close();
}, 90_000);
