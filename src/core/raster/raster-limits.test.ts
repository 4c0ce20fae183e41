import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zlibSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import {
  hugeGeoTiff,
  rawGeoTiff,
  tiffWithoutCrs,
  truncatedGeoTiff,
} from '../../../scripts/hostile-input';
import { syntheticMeta } from '../../../test/support/synthetic-layers';
import { openDataset } from '../engine/dataset';
import type { Catalogue } from './catalogue-types';
import { RASTER_LIMITS, RasterRefusal } from './raster-limits';
import { openRaster } from './raster-source';

const bufferOf = (bytes: Uint8Array) => ({ kind: 'buffer', buffer: bytes.slice().buffer }) as const;

async function refusal(promise: Promise<unknown>): Promise<RasterRefusal> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RasterRefusal);
  return error as RasterRefusal;
}

describe('rasters are checked before they are decoded', () => {
  test('a narrow window over a thousand wide strips is refused: they would all be decoded at once', async () => {
    // 40000 x 1000 Float64 with one row per strip: each strip 320 KB, the window touches 1000.
    const tiff = rawGeoTiff({
      width: 40_000,
      height: 1000,
      bitsPerSample: 64,
      rowsPerStrip: 1,
      epsg: 28992,
      stripBytes: zlibSync(new Uint8Array(40_000 * 8)),
    });
    const raster = await openRaster(bufferOf(tiff));
    const error = await refusal(raster.readWindow(0, [0, 0, 1, 1000]));
    expect(error).toMatchObject({ kind: 'too-large', code: 'errors.layerWindowTooLarge' });
    // A window of a hundred strips (32 MB decoded) is read.
    const values = await raster.readWindow(0, [0, 0, 1, 100]);
    expect(values.length).toBe(100);
  });

  test('a 40000 x 40000 Float64 raster in one DEFLATE strip is refused as too-large on opening', async () => {
    const started = performance.now();
    const error = await refusal(openRaster(bufferOf(hugeGeoTiff())));
    expect(error).toMatchObject({ kind: 'too-large', code: 'errors.layerBlockTooLarge' });
    expect(error.params).toMatchObject({ width: 40_000, height: 40_000, sizeMb: 12_208 });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test('a cut-off GeoTIFF opens, and reading its cells is unreadable, not an internal error', async () => {
    const raster = await openRaster(bufferOf(truncatedGeoTiff()));
    const error = await refusal(raster.readWindow(0, [0, 0, 64, 64]));
    expect(error).toMatchObject({ kind: 'unreadable', code: 'errors.layerDamaged' });
  });

  test('a TIFF without georeference is unsupported, naming what is missing', async () => {
    const error = await refusal(openRaster(bufferOf(tiffWithoutCrs())));
    expect(error).toMatchObject({ kind: 'unsupported', code: 'errors.layerNoGeoreference' });
  });

  test('a window that would decode beyond the limit is refused before it is read', async () => {
    const raster = await openRaster(bufferOf(truncatedGeoTiff()));
    const side = Math.ceil(Math.sqrt(RASTER_LIMITS.maxWindowBytes / 4)) + 1;
    const error = await refusal(raster.readWindow(0, [-side, -side, side, side]));
    expect(error).toMatchObject({ kind: 'too-large', code: 'errors.layerWindowTooLarge' });
  });
});

test('a dataset (app and CLI catalogue) with a raster too large to decode names the layer and the kind', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'kk-raster-limits-'));
  try {
    writeFileSync(join(folder, 'huge.tif'), hugeGeoTiff());
    const catalogue: Catalogue = {
      id: 'test',
      title: { nl: 'test', en: 'test' },
      crs: 'EPSG:28992',
      bbox_rd: [150_000, 460_000, 160_000, 470_000],
      synthetic: false,
      attribution: { nl: 'test', en: 'test' },
      layers: [syntheticMeta('carbon-stock', { file: 'huge.tif', synthetic: false })],
    };
    writeFileSync(join(folder, 'catalogue.json'), JSON.stringify(catalogue));
    const result = await openDataset({
      kind: 'path',
      path: join(folder, 'catalogue.json'),
      readText: (path) => Promise.resolve(readFileSync(path, 'utf8')),
    });
    expect(result.ok ? null : result.error).toMatchObject({
      kind: 'too-large',
      code: 'errors.layerBlockTooLarge',
      params: { id: 'carbon-stock', file: 'huge.tif' },
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
