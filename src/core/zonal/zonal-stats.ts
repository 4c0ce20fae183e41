import type { RdMultiPolygonCoordinates } from '../parse/types';
import type { CatalogueLayer } from '../raster/catalogue-types';
import { LAND_USES, SOIL_GROUPS } from '../raster/classes';
import type { Raster, RasterArray } from '../raster/raster-source';
import {
  type CellWindow,
  CoverageScratch,
  coverageFractions,
  type Grid,
  type PreparedPolygon,
  polygonCellWindow,
  preparePolygon,
  splitWindow,
} from './coverage-fractions';
import type { LayerStats } from './types';

/** How stored raster values become physical values: value x scale + offset; nodata excluded. */
export interface LayerCoding {
  scale: number;
  offset: number;
  /** Stored values that mean "no data" (the catalogue's and the file's). NaN is always no data. */
  nodata: number[];
  categorical: boolean;
  /** Class code → class name, for categorical layers. */
  classNames: Map<number, string>;
}

/** Class names of a categorical layer: the catalogue's classes, else the product's class codes. */
function classNamesOf(meta: Pick<CatalogueLayer, 'id' | 'classes'>): Map<number, string> {
  if (meta.classes && meta.classes.length > 0) {
    return new Map(meta.classes.map((entry) => [entry.code, entry.name]));
  }
  const table: Record<number, string> =
    meta.id === 'soil-group' ? SOIL_GROUPS : meta.id === 'land-use' ? LAND_USES : {};
  return new Map(Object.entries(table).map(([code, name]) => [Number(code), name]));
}

/** The coding of a layer from its catalogue entry and the raster file (file nodata included). */
export function layerCoding(
  meta: Pick<CatalogueLayer, 'id' | 'kind' | 'scale' | 'offset' | 'nodata' | 'classes'> | null,
  raster: Pick<Raster, 'nodata'> & Partial<Pick<Raster, 'scale' | 'offset' | 'sampleType'>>,
): LayerCoding {
  // Nodata is compared in the sample type (DESIGN.md 8.2): a Float32 cell holds fround(nodata).
  const inSampleType = (value: number) =>
    raster.sampleType === 'float32' ? Math.fround(value) : value;
  const nodata: number[] = [];
  if (meta && Number.isFinite(meta.nodata)) nodata.push(inSampleType(meta.nodata));
  if (raster.nodata !== null) {
    const own = inSampleType(raster.nodata);
    if (!nodata.includes(own)) nodata.push(own);
  }
  const categorical = meta?.kind === 'categorical';
  // v = (raw x GDAL scale + GDAL offset) x catalogue scale + catalogue offset; for a user layer
  // the catalogue scale is the unit factor and its offset 0 (DESIGN.md 8.2).
  const fileScale = raster.scale ?? 1;
  const fileOffset = raster.offset ?? 0;
  const metaScale = meta?.scale ?? 1;
  const metaOffset = meta?.offset ?? 0;
  const composed = fileScale !== 1 || fileOffset !== 0;
  return {
    scale: composed ? fileScale * metaScale : metaScale,
    offset: composed ? fileOffset * metaScale + metaOffset : metaOffset,
    nodata,
    categorical,
    classNames: categorical && meta ? classNamesOf(meta) : new Map(),
  };
}

/**
 * Coverage-weighted statistics of one layer, fed cell by cell. Sums are in cells (Σ fraction) and
 * are turned into hectares by `result(cellAreaHa)`.
 */
export class LayerAccumulator {
  /** Σ f over all covered cells, nodata included. */
  coverage = 0;
  /** Σ f over cells with data. */
  validCoverage = 0;
  /** Σ value x f over cells with data. */
  weightedSum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  cellsTouched = 0;
  validCellsTouched = 0;
  private readonly scale: number;
  private readonly offset: number;
  private readonly nodataA: number;
  private readonly nodataB: number;
  readonly categorical: boolean;
  /** Σ f per class code 0-255; other codes in `otherClasses`. */
  private readonly classCoverage = new Float64Array(256);
  private readonly otherClasses = new Map<number, number>();

  constructor(readonly coding: LayerCoding) {
    this.scale = coding.scale;
    this.offset = coding.offset;
    this.nodataA = coding.nodata[0] ?? Number.NaN;
    this.nodataB = coding.nodata[1] ?? Number.NaN;
    this.categorical = coding.categorical;
  }

  /**
   * Adds a cell covered by fraction `f` (> 0) with stored value `stored`. Returns the physical
   * value (class code for categorical layers), or NaN for no data (class 0 for unknown classes).
   */
  add(f: number, stored: number): number {
    this.coverage += f;
    this.cellsTouched++;
    if (Number.isNaN(stored) || stored === this.nodataA || stored === this.nodataB) {
      return this.categorical ? 0 : Number.NaN;
    }
    if (this.categorical) {
      if (stored === 0) return 0;
      this.validCoverage += f;
      this.validCellsTouched++;
      if (stored > 0 && stored < 256 && stored === Math.floor(stored)) {
        this.classCoverage[stored] += f;
      } else {
        this.otherClasses.set(stored, (this.otherClasses.get(stored) ?? 0) + f);
      }
      return stored;
    }
    const value = stored * this.scale + this.offset;
    this.validCoverage += f;
    this.validCellsTouched++;
    this.weightedSum += value * f;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    return value;
  }

  /**
   * Adds every cell of a window with f > 0: the same sums in the same order as `add` per cell
   * (so the results are bit-identical), with the continuous case kept in local variables.
   */
  addWindow(fractions: Float64Array, values: RasterArray, count: number): void {
    if (this.categorical) {
      for (let i = 0; i < count; i++) {
        const f = fractions[i] as number;
        if (f > 0) this.add(f, values[i] as number);
      }
      return;
    }
    const { scale, offset, nodataA, nodataB } = this;
    let coverage = this.coverage;
    let validCoverage = this.validCoverage;
    let weightedSum = this.weightedSum;
    let min = this.min;
    let max = this.max;
    let touched = 0;
    let validTouched = 0;
    for (let i = 0; i < count; i++) {
      const f = fractions[i] as number;
      if (f === 0) continue;
      coverage += f;
      touched++;
      const stored = values[i] as number;
      if (Number.isNaN(stored) || stored === nodataA || stored === nodataB) continue;
      const value = stored * scale + offset;
      validCoverage += f;
      validTouched++;
      weightedSum += value * f;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    this.coverage = coverage;
    this.validCoverage = validCoverage;
    this.weightedSum = weightedSum;
    this.min = min;
    this.max = max;
    this.cellsTouched += touched;
    this.validCellsTouched += validTouched;
  }

  /** The statistics of DESIGN.md 7.1, with hectares from the cell area. */
  result(cellAreaHa: number): LayerStats {
    const covered_ha = this.coverage * cellAreaHa;
    const valid_ha = this.validCoverage * cellAreaHa;
    if (this.categorical) {
      const classes: Record<string, number> = {};
      const name = (code: number) => this.coding.classNames.get(code) ?? String(code);
      this.classCoverage.forEach((coverage, code) => {
        if (coverage > 0) classes[name(code)] = coverage * cellAreaHa;
      });
      for (const [code, coverage] of this.otherClasses) classes[name(code)] = coverage * cellAreaHa;
      return { covered_ha, valid_ha, classes };
    }
    const any = this.validCellsTouched > 0;
    return {
      covered_ha,
      valid_ha,
      mean: any ? this.weightedSum / this.validCoverage : null,
      min: any ? this.min : null,
      max: any ? this.max : null,
      sum_t: this.weightedSum * cellAreaHa,
    };
  }
}

/** Cell area in hectares of a grid in metres (cellHeight, when given, for non-square cells). */
export function cellAreaHa(grid: Pick<Grid, 'cellSize' | 'cellHeight'>): number {
  return (grid.cellSize * (grid.cellHeight ?? grid.cellSize)) / 10_000;
}

/** Blocks of cells read at once: whole tiles, at least about 512 cells a side. */
export function blockSizeOf(raster: Raster): [width: number, height: number] {
  const level = raster.levels[0];
  const tileWidth = level && level.tileWidth > 0 ? level.tileWidth : 256;
  const tileHeight = level && level.tileHeight > 0 ? level.tileHeight : 256;
  return [
    tileWidth * Math.max(1, Math.floor(512 / tileWidth)),
    tileHeight * Math.max(1, Math.floor(512 / tileHeight)),
  ];
}

export interface ZonalResult {
  /** Planar area of the polygon in RD New, ha. */
  area_ha: number;
  stats: LayerStats;
  /** Cells with f > 0, nodata included. */
  cells_touched: number;
  valid_cells_touched: number;
}

export interface ZonalOptions {
  signal?: AbortSignal;
  /** Override of the window size in cells (default: whole tiles, about 512 a side). */
  blockSize?: [width: number, height: number];
}

/**
 * Exact zonal statistics of one layer (full resolution) over an RD polygon, window by window:
 * at most one window of fractions and values is held at a time.
 */
export async function zonalStats(
  raster: Raster,
  meta: Parameters<typeof layerCoding>[0],
  polygon: RdMultiPolygonCoordinates | PreparedPolygon,
  options: ZonalOptions = {},
): Promise<ZonalResult> {
  const prepared = 'edges' in polygon ? polygon : preparePolygon(polygon);
  const accumulator = new LayerAccumulator(layerCoding(meta, raster));
  const area = polygonCellWindow(raster, prepared);
  if (area) {
    const [blockWidth, blockHeight] = options.blockSize ?? blockSizeOf(raster);
    const scratch = new CoverageScratch();
    for (const window of splitWindow(area, blockWidth, blockHeight)) {
      options.signal?.throwIfAborted();
      const count = windowCells(window);
      scratch.ensure(count, 0);
      const fractions = scratch.fractions;
      if (coverageFractions(raster, prepared, window, fractions, scratch) === 0) continue;
      const values = await raster.readWindow(0, window, options.signal);
      accumulator.addWindow(fractions, values, count);
    }
  }
  return {
    area_ha: prepared.areaM2 / 10_000,
    stats: accumulator.result(cellAreaHa(raster)),
    cells_touched: accumulator.cellsTouched,
    valid_cells_touched: accumulator.validCellsTouched,
  };
}

/** Number of cells in a window. */
export function windowCells(window: CellWindow): number {
  return (window[2] - window[0]) * (window[3] - window[1]);
}
