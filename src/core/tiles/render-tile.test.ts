import { resolve } from 'node:path';
import proj4 from 'proj4';
import { beforeAll, describe, expect, it } from 'vitest';
import { RD_PROJ4, rdToWgs84 } from '../projection/rd';
import type { CatalogueLayer } from '../raster/catalogue-types';
import { openRaster, type Raster, type RasterArray } from '../raster/raster-source';
import { TILE_SIZE, tileAt, tilePixelToMercator } from './mercator';
import { colorizerFor } from './palettes';
import { renderTile } from './render-tile';
import { tileGeometry } from './sample-tile';

const FIXTURE = resolve(import.meta.dirname, '../../../test/fixtures/zonal/small.tif');
const mercatorToRd = proj4('EPSG:3857', RD_PROJ4);

const META: CatalogueLayer = {
  id: 'carbon-stock',
  title: { nl: 'Koolstofvoorraad', en: 'Carbon stock' },
  unit: 't C/ha',
  kind: 'continuous',
  palette: 'carbon-stock',
  scale: 1,
  offset: 0,
  nodata: -9999,
  range: [40, 290],
  source: { nl: 'testdata', en: 'test data' },
  licence: 'CC0-1.0',
  resolution_m: 25,
  date: '2025-01-01',
  synthetic: true,
};

let raster: Raster;
const levels: RasterArray[] = [];

beforeAll(async () => {
  raster = await openRaster({ kind: 'path', path: FIXTURE });
  for (let level = 0; level < raster.levels.length; level++) {
    const info = raster.levels[level] as { width: number; height: number };
    levels.push(await raster.readWindow(level, [0, 0, info.width, info.height]));
  }
});

/** Tile of the fixture's centre (RD 155000, 465000) at zoom z. */
function centreTile(z: number): [number, number] {
  const [lon, lat] = rdToWgs84([155000, 465000]);
  return tileAt(lon, lat, z);
}

interface Check {
  compared: number;
  mismatched: number;
  transparentChecked: number;
}

/**
 * Compares every pixel with the palette colour of the cell under its centre, found with proj4
 * directly. Pixels whose exact position is within 2 % of a cell from a cell edge are skipped: the
 * interpolation may put them (by up to 0.01 pixel) in the neighbouring cell.
 */
function checkAgainstProj4(
  rgba: Uint8ClampedArray,
  z: number,
  x: number,
  y: number,
  level: number,
): Check {
  const info = raster.levels[level] as { width: number; height: number; cellSize: number };
  const data = levels[level] as RasterArray;
  const colorizer = colorizerFor(META);
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length / 4);
  const check: Check = { compared: 0, mismatched: 0, transparentChecked: 0 };
  for (let py = 0; py < TILE_SIZE; py++) {
    for (let px = 0; px < TILE_SIZE; px++) {
      const [rdX, rdY] = mercatorToRd.forward(tilePixelToMercator(z, x, y, px + 0.5, py + 0.5));
      const colF = (rdX - raster.originX) / info.cellSize;
      const rowF = (raster.originY - rdY) / info.cellSize;
      const nearEdge = (f: number) => Math.abs(f - Math.round(f)) < 0.02;
      if (nearEdge(colF) || nearEdge(rowF)) continue;
      const col = Math.floor(colF);
      const row = Math.floor(rowF);
      const inside = col >= 0 && row >= 0 && col < info.width && row < info.height;
      const stored = inside ? (data[row * info.width + col] as number) : META.nodata;
      const expected = stored === META.nodata ? 0 : colorizer.color(stored);
      if (expected === 0) check.transparentChecked++;
      check.compared++;
      if (words[py * TILE_SIZE + px] !== expected) check.mismatched++;
    }
  }
  return check;
}

describe('renderTile on a COG in RD New', () => {
  it('colours each pixel with the palette colour of the full-resolution cell under it (zoom 14)', async () => {
    const [x, y] = centreTile(14);
    const rgba = await renderTile({ raster, meta: META }, 14, x, y);
    expect(rgba).not.toBeNull();
    const check = checkAgainstProj4(rgba as Uint8ClampedArray, 14, x, y, 0);
    expect(check.compared).toBeGreaterThan(60_000);
    expect(check.mismatched).toBe(0);
  });

  it('leaves the lake and the east band without data transparent', async () => {
    // The tile holding the nodata lake near RD (156200, 467800) and the east band (x >= 159750).
    for (const [rdX, rdY] of [
      [156200, 467800],
      [159900, 465000],
    ] as const) {
      const [lon, lat] = rdToWgs84([rdX, rdY]);
      const [x, y] = tileAt(lon, lat, 13);
      const rgba = (await renderTile({ raster, meta: META }, 13, x, y)) as Uint8ClampedArray;
      const check = checkAgainstProj4(rgba, 13, x, y, 0);
      expect(check.mismatched).toBe(0);
      expect(check.transparentChecked).toBeGreaterThan(100);
      let transparent = 0;
      for (let i = 3; i < rgba.length; i += 4) if (rgba[i] === 0) transparent++;
      expect(transparent).toBeGreaterThanOrEqual(check.transparentChecked);
    }
  });

  it('reads the overview when a pixel covers two or more full-resolution cells (zoom 10)', async () => {
    const [x, y] = centreTile(10);
    // At zoom 10 a pixel is about 94 m on the ground here: the 50 m overview fits, 25 m is too fine.
    expect(tileGeometry(10, x, y).metresPerPixel).toBeGreaterThan(50);
    const rgba = (await renderTile({ raster, meta: META }, 10, x, y)) as Uint8ClampedArray;
    const check = checkAgainstProj4(rgba, 10, x, y, 1);
    expect(check.compared).toBeGreaterThan(100);
    expect(check.mismatched).toBe(0);
    expect(checkAgainstProj4(rgba, 10, x, y, 0).mismatched).toBeGreaterThan(0);
  });

  it('uses full resolution when a pixel is smaller than an overview cell (zoom 12)', async () => {
    const [x, y] = centreTile(12);
    expect(tileGeometry(12, x, y).metresPerPixel).toBeLessThan(50);
    const rgba = (await renderTile({ raster, meta: META }, 12, x, y)) as Uint8ClampedArray;
    expect(checkAgainstProj4(rgba, 12, x, y, 0).mismatched).toBe(0);
  });

  it('gives null for a tile outside the raster', async () => {
    const [x, y] = tileAt(6.57, 53.22, 13);
    expect(await renderTile({ raster, meta: META }, 13, x, y)).toBeNull();
    // A tile next to the raster, still close: outside the data too.
    const [lon, lat] = rdToWgs84([165000, 465000]);
    const [nx, ny] = tileAt(lon, lat, 14);
    expect(await renderTile({ raster, meta: META }, 14, nx, ny)).toBeNull();
  });

  it('stops when its signal is aborted', async () => {
    const [x, y] = centreTile(15);
    const controller = new AbortController();
    controller.abort();
    await expect(renderTile({ raster, meta: META }, 15, x, y, controller.signal)).rejects.toThrow();
  });
});

describe('renderTile at small zooms', () => {
  it('draws the raster as a few pixels from zoom 2 to 9, never throwing', async () => {
    const [lon, lat] = rdToWgs84([155000, 465000]);
    let previous = 0;
    for (let z = 2; z <= 9; z++) {
      const [x, y] = tileAt(lon, lat, z);
      const rgba = (await renderTile({ raster, meta: META }, z, x, y)) as Uint8ClampedArray;
      let opaque = 0;
      for (let i = 3; i < rgba.length; i += 4) if (rgba[i] === 255) opaque++;
      // The 10 km square covers about four times as many pixels per zoom level.
      expect(opaque).toBeGreaterThanOrEqual(previous);
      previous = opaque;
    }
    expect(previous).toBeGreaterThan(2000);
  });
});
