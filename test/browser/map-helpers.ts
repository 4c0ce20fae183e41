import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Catalogue, CatalogueLayer } from '../../src/core/raster/catalogue-types';
import type { LayerId } from '../../src/core/raster/classes';
import { openRaster } from '../../src/core/raster/raster-source';
import { waitForMapIdle } from './harness';

const DIST_DEMO = resolve(import.meta.dirname, '../../dist/data/demo');

/** The demo catalogue as served by the build under test. */
export function demoCatalogue(): Catalogue {
  return JSON.parse(readFileSync(resolve(DIST_DEMO, 'catalogue.json'), 'utf8')) as Catalogue;
}

export function layerOf(catalogue: Catalogue, id: LayerId): CatalogueLayer {
  const layer = catalogue.layers.find((entry) => entry.id === id);
  if (!layer) throw new Error(`the demo has no layer ${id}`);
  return layer;
}

/**
 * The physical value of a layer at an RD point, read in Node straight from the served COG with
 * openRaster (full resolution); null on no data.
 */
export async function valueInCog(
  layer: CatalogueLayer,
  x: number,
  y: number,
): Promise<number | null> {
  if (!layer.file) throw new Error(`${layer.id} has no file`);
  const raster = await openRaster({ kind: 'path', path: resolve(DIST_DEMO, layer.file) });
  const col = Math.floor((x - raster.originX) / raster.cellSize);
  const row = Math.floor((raster.originY - y) / raster.cellSize);
  const window = await raster.readWindow(0, [col, row, col + 1, row + 1]);
  const stored = window[0];
  if (stored === undefined || Number.isNaN(stored) || stored === layer.nodata) return null;
  if (raster.nodata !== null && stored === raster.nodata) return null;
  return stored * layer.scale + layer.offset;
}

/** Waits until the dataset is in the store, its raster layers are on the map, and the map is idle. */
export async function waitForLayers(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const app = window.koolstofkaart;
      const state = app?.store.getState();
      const first = state?.layerOrder[0];
      return Boolean(first && app?.map?.getLayer(`raster-${first}`));
    },
    null,
    { timeout: 30_000 },
  );
  await waitForMapIdle(page);
}

/** The part of the map between the panels and overlays, in CSS pixels at 1280 x 800. */
export const MAP_CLIP = { x: 360, y: 150, width: 560, height: 440 };

/**
 * Share of pixels (0..1) that differ by more than `threshold` in some channel between two PNG
 * screenshots of the same size; decoded by the page's own canvas, so no PNG library is needed.
 */
export async function pixelDifference(
  page: Page,
  a: Buffer,
  b: Buffer,
  threshold = 24,
): Promise<number> {
  return page.evaluate(
    async ({ a, b, threshold }) => {
      const pixels = async (base64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [first, second] = [await pixels(a), await pixels(b)];
      let differing = 0;
      for (let i = 0; i < first.length; i += 4) {
        for (let c = 0; c < 3; c++) {
          if (Math.abs((first[i + c] as number) - (second[i + c] as number)) > threshold) {
            differing++;
            break;
          }
        }
      }
      return differing / (first.length / 4);
    },
    { a: a.toString('base64'), b: b.toString('base64'), threshold },
  );
}

/** Screenshot of the clip after the map is idle. */
export async function shootMap(page: Page): Promise<Buffer> {
  await waitForMapIdle(page);
  return page.screenshot({ clip: MAP_CLIP });
}
