import { isGeographic } from '../projection/raster-crs';
import type { LayerId } from '../raster/classes';
import { cellHeightOf, crsOf, type Raster } from '../raster/raster-source';
import { DEFAULT_UNITS, implausibleAs, median, takesUnit } from '../raster/user-units';
import { rasterWgs84Box, readCentreSample } from './user-layer';

/** What the app's "add your own raster" dialog shows of a raster (DESIGN.md 8.2). */
export interface UserRasterInfo {
  /** `EPSG:4326`, `IGH`, …; the unsupported description when the CRS is not taken. */
  crs: string;
  supported: boolean;
  cellWidth: number;
  cellHeight: number;
  /** Units of the cell size: degrees for geographic CRSs, else metres. */
  cellUnit: 'degrees' | 'metres';
  width: number;
  height: number;
  /** Extent in the raster's CRS: [minX, minY, maxX, maxY]. */
  extent: [number, number, number, number];
  /** Extent in WGS84 degrees, or null when it cannot be placed. */
  wgs84: [number, number, number, number] | null;
  /** Lowest and highest raw values of a sample (after GDAL scale/offset), null when all nodata. */
  valueRange: [number, number] | null;
  /** Median of that sample. */
  median: number | null;
  /** True when every sampled value is a whole number (a class layer, or a stock in whole t/ha). */
  integers: boolean;
  nodata: number | null;
  bands: number;
}

/** A centre sample of a coarse level, as physical values after GDAL scale/offset only. */
async function sample(raster: Raster): Promise<number[]> {
  const stored = await readCentreSample(raster);
  const nodata =
    raster.nodata === null
      ? Number.NaN
      : raster.sampleType === 'float32'
        ? Math.fround(raster.nodata)
        : raster.nodata;
  const scale = raster.scale ?? 1;
  const offset = raster.offset ?? 0;
  const out: number[] = [];
  for (const value of stored) {
    if (Number.isNaN(value) || value === nodata) continue;
    out.push(value * scale + offset);
  }
  return out;
}

/** Describes an opened raster for the dialog: CRS, cells, extent, values, nodata, bands. */
export async function describeUserRaster(raster: Raster): Promise<UserRasterInfo> {
  const code = crsOf(raster);
  const cellHeight = cellHeightOf(raster);
  const values = raster.unsupportedCrs === undefined ? await sample(raster) : [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const x1 = raster.originX + raster.width * raster.cellSize;
  const y0 = raster.originY - raster.height * cellHeight;
  return {
    crs: raster.unsupportedCrs ?? code ?? 'EPSG:28992',
    supported: raster.unsupportedCrs === undefined,
    cellWidth: raster.cellSize,
    cellHeight,
    cellUnit: code !== null && isGeographic(code) ? 'degrees' : 'metres',
    width: raster.width,
    height: raster.height,
    extent: [raster.originX, y0, x1, raster.originY],
    wgs84: raster.unsupportedCrs === undefined ? rasterWgs84Box(raster) : null,
    valueRange: values.length > 0 ? [min, max] : null,
    median: median(values),
    integers: values.length > 0 && values.every((value) => Number.isInteger(value)),
    nodata: raster.nodata,
    bands: raster.bands ?? 1,
  };
}

const NAME_HINTS: Array<[RegExp, LayerId]> = [
  [/imperv|seal|verhard|imd/i, 'sealed'],
  [/land.?use|landgebruik|lgn|lulc|corine|clc/i, 'land-use'],
  [/soil.?group|bodemgroep|bodemkaart|grondsoort/i, 'soil-group'],
  [/organic.?matter|organische|humus|(^|[^a-z])om([^a-z]|$)|soc_?perc/i, 'organic-matter'],
  [/ocs|stock|voorraad|koolstof|carbon|(^|[^a-z])soc([^a-z]|$)/i, 'carbon-stock'],
];

/**
 * The role and unit the dialog proposes (the user decides): from the file name, else from the
 * values (small whole numbers: a class layer); the unit is the role's default unless the values
 * look like another unit of that role.
 */
export function suggestRoleAndUnit(
  fileName: string,
  info: Pick<UserRasterInfo, 'median' | 'valueRange' | 'integers'>,
): { role: LayerId | null; unit: string | null } {
  let role = NAME_HINTS.find(([pattern]) => pattern.test(fileName))?.[1] ?? null;
  const range = info.valueRange;
  if (role === null && range && info.integers && range[0] >= 0 && range[1] <= 7) role = 'land-use';
  if (role === null || !takesUnit(role)) return { role, unit: null };
  const middle = info.median;
  if (middle === null || !range) return { role, unit: DEFAULT_UNITS[role] };
  const looksLike = implausibleAs(role, middle, range[1]);
  const unit =
    looksLike === 'kg/m2' || looksLike === 'g/kg' || looksLike === 'fraction' ? looksLike : null;
  return { role, unit: unit ?? DEFAULT_UNITS[role] };
}
