import { describe, expect, it } from 'vitest';
import { zonalStats } from '../zonal/zonal-stats';
import { type CogInput, writeCog } from './cog-writer';
import { RasterRefusal } from './raster-limits';
import { openRaster } from './raster-source';

const PE_HOMOLOSINE =
  'ESRI PE String = PROJCS["Interrupted_Goode_Homolosine",GEOGCS["GCS_unknown",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Interrupted_Goode_Homolosine"],UNIT["Meter",1.0]]';

function cog(overrides: Partial<CogInput> = {}): ArrayBuffer {
  const width = overrides.width ?? 4;
  const height = overrides.height ?? 3;
  const bytes = writeCog({
    width,
    height,
    data: new Float32Array(width * height).map((_, i) => i + 1),
    sampleType: 'float32',
    originX: 5,
    originY: 52,
    cellSize: 0.01,
    nodata: null,
    resampling: 'average',
    ...overrides,
  });
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

async function refusal(buffer: ArrayBuffer, band?: number): Promise<RasterRefusal> {
  try {
    await openRaster({ kind: 'buffer', buffer }, undefined, band === undefined ? {} : { band });
  } catch (error) {
    if (error instanceof RasterRefusal) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('openRaster in any CRS (DESIGN.md 8.2)', () => {
  it('reads a geographic EPSG:4326 raster with non-square cells', async () => {
    const raster = await openRaster({
      kind: 'buffer',
      buffer: cog({ crs: { kind: 'geographic', epsg: 4326 }, cellSize: 0.01, cellHeight: 0.006 }),
    });
    expect(raster.crs).toBe('EPSG:4326');
    expect(raster.epsg).toBe(4326);
    expect(raster.cellSize).toBeCloseTo(0.01, 15);
    expect(raster.cellHeight).toBeCloseTo(0.006, 15);
    expect([raster.originX, raster.originY]).toEqual([5, 52]);
  });

  it('recognises GDAL-style SoilGrids Homolosine and does not read it as EPSG:4326', async () => {
    const raster = await openRaster({
      kind: 'buffer',
      buffer: cog({
        crs: { kind: 'user-defined', citation: PE_HOMOLOSINE, geographic: 4326 },
        cellSize: 250,
        originX: 300000,
        originY: 5800000,
      }),
    });
    expect(raster.crs).toBe('IGH');
    expect(raster.epsg).toBe(32767);
    const projected = await openRaster({
      kind: 'buffer',
      buffer: cog({
        crs: {
          kind: 'user-defined',
          citation: PE_HOMOLOSINE,
          geographic: 4326,
          model: 'projected',
        },
      }),
    });
    expect(projected.crs).toBe('IGH');
  });

  it('names an unsupported CRS instead of guessing', async () => {
    const raster = await openRaster({ kind: 'buffer', buffer: cog({ epsg: 2154 }) });
    expect(raster.unsupportedCrs).toBe('EPSG:2154');
    const robinson = await openRaster({
      kind: 'buffer',
      buffer: cog({ crs: { kind: 'user-defined', citation: 'World_Robinson', geographic: 4326 } }),
    });
    expect(robinson.unsupportedCrs).toBe('World_Robinson');
  });

  it('reads GDAL scale/offset per band and applies it in the statistics', async () => {
    const raster = await openRaster({
      kind: 'buffer',
      buffer: cog({ scale: 0.1, offset: 2, originX: 150000, originY: 450000, cellSize: 100 }),
    });
    expect([raster.scale, raster.offset]).toEqual([0.1, 2]);
    const square: [number, number][] = [
      [150000, 449900],
      [150100, 449900],
      [150100, 450000],
      [150000, 450000],
      [150000, 449900],
    ];
    const result = await zonalStats(raster, null, [[square]]);
    // The first cell holds raw 1: 1 x 0.1 + 2.
    expect(result.stats.mean).toBeCloseTo(2.1, 6);
  });

  it('shifts a PixelIsPoint raster half a cell, as GDAL does', async () => {
    const raster = await openRaster({
      kind: 'buffer',
      buffer: cog({
        rasterType: 'point',
        originX: 100,
        originY: 200,
        cellSize: 10,
        cellHeight: 20,
      }),
    });
    expect([raster.originX, raster.originY]).toEqual([95, 210]);
  });

  it('compares nodata in the sample type: Float32 0.1 is no data', async () => {
    const data = new Float32Array([0.1, 0.1, 5, 5]);
    const raster = await openRaster({
      kind: 'buffer',
      buffer: cog({
        width: 2,
        height: 2,
        data,
        nodata: 0.1,
        originX: 0,
        originY: 200,
        cellSize: 100,
      }),
    });
    const whole: [number, number][] = [
      [0, 0],
      [200, 0],
      [200, 200],
      [0, 200],
      [0, 0],
    ];
    const result = await zonalStats(raster, null, [[whole]]);
    expect(result.stats.mean).toBe(5);
    expect(result.stats.valid_ha).toBeCloseTo(2, 9);
    expect(result.stats.covered_ha).toBeCloseTo(4, 9);
  });

  it('reads the chosen band of a multi-band raster and refuses a band that does not exist', async () => {
    const second = new Float32Array(12).fill(7);
    const buffer = cog({ extraBands: [second] });
    const raster = await openRaster({ kind: 'buffer', buffer }, undefined, { band: 1 });
    expect(raster.bands).toBe(2);
    const values = await raster.readWindow(0, [0, 0, 4, 3]);
    expect(Array.from(values)).toEqual(Array.from(second));
    const first = await openRaster({ kind: 'buffer', buffer });
    expect(Array.from(await first.readWindow(0, [0, 0, 2, 1]))).toEqual([1, 2]);
    expect((await refusal(buffer, 2)).code).toBe('errors.layerNoSuchBand');
  });

  it('refuses a rotated transform and a TIFF without georeference', async () => {
    const rotated = cog({
      transform: [10, 1, 0, 100, 1, -10, 0, 200, 0, 0, 0, 0, 0, 0, 0, 1],
    });
    expect((await refusal(rotated)).code).toBe('errors.layerRotated');
    expect((await refusal(cog({ plain: true }))).code).toBe('errors.layerNoGeoreference');
  });
});
