import { crsTransform } from '../projection/raster-crs';
import { RD_AREA_OF_USE, rdToWgs84 } from '../projection/rd';
import type { CatalogueLayer } from '../raster/catalogue-types';
import type { LayerId } from '../raster/classes';
import { cellHeightOf, crsOf, type Raster, type RasterArray } from '../raster/raster-source';
import { implausibleAs, median } from '../raster/user-units';
import { fail, type Note, ok, type Result } from '../result';
import { layerCoding } from '../zonal/zonal-stats';
import { decodeStored } from './resample';

/** The raster's extent as a WGS84 box, from its corners and edge midpoints (NaN points skipped). */
export function rasterWgs84Box(raster: Raster): [number, number, number, number] | null {
  const transform = crsTransform(crsOf(raster) ?? 'EPSG:28992');
  const x0 = raster.originX;
  const y0 = raster.originY;
  const x1 = x0 + raster.width * raster.cellSize;
  const y1 = y0 - raster.height * cellHeightOf(raster);
  let box: [number, number, number, number] | null = null;
  for (const fx of [0, 0.25, 0.5, 0.75, 1]) {
    for (const fy of [0, 0.25, 0.5, 0.75, 1]) {
      const point: [number, number] = [x0 + (x1 - x0) * fx, y0 + (y1 - y0) * fy];
      let lon: number;
      let lat: number;
      try {
        [lon, lat] = rdToWgs84(transform.toRd(point));
      } catch {
        continue;
      }
      if (!(Number.isFinite(lon) && Number.isFinite(lat))) continue;
      box = box
        ? [
            Math.min(box[0], lon),
            Math.min(box[1], lat),
            Math.max(box[2], lon),
            Math.max(box[3], lat),
          ]
        : [lon, lat, lon, lat];
    }
  }
  return box;
}

/**
 * Stored values of a centre window (at most 256 × 256 cells) of the coarsest level that still has
 * 4,096 cells: enough to judge a raster's values without reading it whole.
 */
export async function readCentreSample(raster: Raster): Promise<RasterArray> {
  let level = 0;
  raster.levels.forEach((info, i) => {
    if (info.width * info.height >= 4096) level = i;
  });
  const info = raster.levels[level] ?? { width: raster.width, height: raster.height };
  const width = Math.min(256, info.width);
  const height = Math.min(256, info.height);
  const col0 = Math.floor((info.width - width) / 2);
  const row0 = Math.floor((info.height - height) / 2);
  return raster.readWindow(level, [col0, row0, col0 + width, row0 + height]);
}

/** Physical values of a sample of the raster: a centre window of a coarse level. */
async function sampleValues(raster: Raster, meta: CatalogueLayer | null): Promise<number[]> {
  const stored = await readCentreSample(raster);
  const coding = layerCoding(meta, raster);
  const out: number[] = [];
  for (const value of stored) {
    const physical = decodeStored(coding, value);
    if (Number.isFinite(physical)) out.push(physical);
  }
  return out;
}

/**
 * Checks a user raster before analysis (DESIGN.md 8.2, 7.2): an unsupported CRS is refused
 * naming it; a raster whose extent lies far from the Netherlands is refused (`out-of-area`);
 * values that do not fit the role and unit give the notice `implausible` (never converted).
 */
export async function checkUserRaster(
  id: LayerId,
  raster: Raster,
  meta: CatalogueLayer,
  file: string,
  unit: string,
): Promise<Result<Note[]>> {
  if (raster.unsupportedCrs !== undefined) {
    return fail('unsupported', 'errors.layerCrsUnsupported', {
      id,
      file,
      crs: raster.unsupportedCrs,
    });
  }
  const box = rasterWgs84Box(raster);
  const area = RD_AREA_OF_USE;
  if (
    !box ||
    box[0] > area.maxLon ||
    box[2] < area.minLon ||
    box[1] > area.maxLat ||
    box[3] < area.minLat
  ) {
    return fail('out-of-area', 'errors.layerOutOfArea', { id, file });
  }
  if (meta.kind === 'categorical') return ok([]);
  const values = await sampleValues(raster, meta);
  const middle = median(values);
  if (middle === null) return ok([]);
  const looksLike = implausibleAs(id, middle, Math.max(...values));
  if (looksLike === null) return ok([]);
  return ok([
    {
      kind: 'implausible',
      code: 'errors.layerImplausible',
      params: { id, file, unit, looksLike, median: Number(middle.toPrecision(4)) },
      feature: null,
    },
  ]);
}
