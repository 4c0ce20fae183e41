import { describe, expect, it } from 'vitest';
import expected from '../../../test/fixtures/rasters-gdal/expected.json';
import { layerCoding } from '../zonal/zonal-stats';
import { openRaster, type Raster } from './raster-source';

/**
 * GeoTIFFs written by GDAL 3.6 (test/fixtures/rasters-gdal/make.sh) read through openRaster and
 * compared with what GDAL itself reads from them (gdalinfo, gdallocationinfo: expected.json).
 * Tests only read the committed files; GDAL is not needed to run them.
 */
interface Recorded {
  size: number[];
  geoTransform: number[];
  noData: number | null;
  scale: number | null;
  offset: number | null;
  cells: { colRow: number[]; raw: number; physical?: number }[];
  geoloc: { xy: number[]; raw: number }[];
}
const files = (expected as unknown as { files: Record<string, Recorded> }).files;
const DIR = 'test/fixtures/rasters-gdal';

function recorded(name: string): Recorded {
  const entry = files[name];
  if (!entry) throw new Error(`no recorded values for ${name}`);
  return entry;
}

async function open(name: string): Promise<Raster> {
  return openRaster({ kind: 'path', path: `${DIR}/${name}` });
}

async function cell(raster: Raster, col: number, row: number): Promise<number> {
  const data = await raster.readWindow(0, [col, row, col + 1, row + 1]);
  return data[0] as number;
}

/** The raster's georeference against GDAL's geotransform, and its cells against gdallocationinfo. */
async function expectLikeGdal(name: string): Promise<Raster> {
  const raster = await open(name);
  const gdal = recorded(name);
  const [x0, dx, , y0, , dy] = gdal.geoTransform as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  expect([raster.width, raster.height]).toEqual(gdal.size);
  expect(raster.originX).toBeCloseTo(x0, 9);
  expect(raster.originY).toBeCloseTo(y0, 9);
  expect(raster.cellSize).toBeCloseTo(dx, 12);
  expect(raster.cellHeight ?? raster.cellSize).toBeCloseTo(-dy, 12);
  expect(raster.nodata).toBe(gdal.noData);
  for (const { colRow, raw } of gdal.cells) {
    expect(await cell(raster, colRow[0] as number, colRow[1] as number), `${name} ${colRow}`).toBe(
      raw,
    );
  }
  // The value at a CRS position, located through the product's georeference.
  for (const { xy, raw } of gdal.geoloc) {
    const col = Math.floor(((xy[0] as number) - raster.originX) / raster.cellSize);
    const row = Math.floor(
      (raster.originY - (xy[1] as number)) / (raster.cellHeight ?? raster.cellSize),
    );
    expect(await cell(raster, col, row), `${name} at ${xy}`).toBe(raw);
  }
  return raster;
}

describe('GDAL-written GeoTIFFs (test/fixtures/rasters-gdal)', () => {
  it('recognises SoilGrids-style Homolosine written with +proj=igh as IGH, not degrees', async () => {
    const raster = await expectLikeGdal('igh.tif');
    expect(raster.crs).toBe('IGH');
    expect(raster.epsg).toBe(32767);
    expect(raster.unsupportedCrs).toBeUndefined();
    expect(raster.levels[0]?.tileWidth).toBe(16);
  });

  it('recognises the same raster written as ESRI:54052 as IGH', async () => {
    const raster = await expectLikeGdal('igh-esri54052.tif');
    expect(raster.crs).toBe('IGH');
    expect(raster.epsg).toBe(32767);
  });

  it('refuses plain (uninterrupted) Goode Homolosine instead of reading it as IGH', async () => {
    const raster = await open('goode-uninterrupted.tif');
    expect(raster.crs).toBeNull();
    expect(raster.unsupportedCrs).toBe('Goode_Homolosine (Option 0)');
  });

  it('applies GDAL scale and offset: physical values equal gdal_translate -unscale', async () => {
    const raster = await expectLikeGdal('scale-offset.tif');
    const gdal = recorded('scale-offset.tif');
    expect(raster.crs).toBe('EPSG:28992');
    expect(raster.scale).toBe(gdal.scale);
    expect(raster.offset).toBe(gdal.offset);
    const coding = layerCoding(null, raster);
    for (const { colRow, raw, physical } of gdal.cells) {
      if (raw === gdal.noData) {
        expect(coding.nodata).toContain(raw);
        continue;
      }
      const stored = await cell(raster, colRow[0] as number, colRow[1] as number);
      expect(stored * coding.scale + coding.offset, `${colRow}`).toBeCloseTo(physical as number, 9);
    }
  });

  it('shifts a PixelIsPoint raster by half a cell, to the corner GDAL reports', async () => {
    const raster = await expectLikeGdal('pixel-is-point.tif');
    expect(raster.crs).toBe('EPSG:3035');
    // GDAL wrote the tiepoint at the first cell's centre (3980050, 3230550).
    expect([raster.originX, raster.originY]).toEqual([3980000, 3230600]);
  });

  it('reads a strip (not tiled) TIFF, 3 rows per strip, like gdallocationinfo', async () => {
    const raster = await expectLikeGdal('strip.tif');
    expect(raster.crs).toBe('EPSG:4326');
    expect(raster.levels[0]?.tileWidth).toBe(20);
    expect(raster.levels[0]?.tileHeight).toBe(3);
    // A window across strip boundaries: rows 2-4, cells 100 x row + col + 1.
    const window = await raster.readWindow(0, [3, 2, 6, 5]);
    expect(Array.from(window)).toEqual([204, 205, 206, 304, 305, 306, 404, 405, 406]);
  });
});
