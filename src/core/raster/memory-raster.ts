import type { RasterCrsCode } from '../projection/raster-crs';
import type { Raster, RasterArray, RasterLevel, SampleType } from './raster-source';

/** How overviews are made from full resolution: mean of valid cells, or the upper-left cell. */
export type OverviewResampling = 'average' | 'nearest';

export interface MemoryRasterOptions {
  width: number;
  height: number;
  /** Upper-left corner in CRS units (RD New metres). */
  originX: number;
  originY: number;
  cellSize: number;
  /** Cell height (y) when cells are not square. */
  cellHeight?: number;
  /** CRS of the raster (default: EPSG:28992 unless `epsg` says otherwise). */
  crs?: RasterCrsCode | null;
  /** GDAL scale/offset of the band. */
  scale?: number;
  offset?: number;
  /** Row-major values, width x height. */
  data: RasterArray;
  nodata?: number | null;
  epsg?: number | null;
  /** Tile size reported for every level (cells), default 256. */
  tileSize?: number;
  /** Number of overviews, each halving the previous level, default 0. */
  overviews?: number;
  resampling?: OverviewResampling;
}

interface LevelData {
  info: RasterLevel;
  data: RasterArray;
}

function halve(
  source: LevelData,
  nodata: number | null,
  resampling: OverviewResampling,
  tileSize: number,
): LevelData {
  const { width, height, cellSize } = source.info;
  const w = Math.ceil(width / 2);
  const h = Math.ceil(height / 2);
  const Ctor = source.data.constructor as new (length: number) => RasterArray;
  const out = new Ctor(w * h);
  const fill = nodata ?? Number.NaN;
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      if (resampling === 'nearest') {
        out[r * w + c] = source.data[2 * r * width + 2 * c] as number;
        continue;
      }
      let sum = 0;
      let count = 0;
      for (let dr = 0; dr < 2; dr++) {
        for (let dc = 0; dc < 2; dc++) {
          const rr = 2 * r + dr;
          const cc = 2 * c + dc;
          if (rr >= height || cc >= width) continue;
          const v = source.data[rr * width + cc] as number;
          if (Number.isNaN(v) || v === nodata) continue;
          sum += v;
          count++;
        }
      }
      out[r * w + c] = count > 0 ? sum / count : fill;
    }
  }
  return {
    info: {
      width: w,
      height: h,
      cellSize: cellSize * 2,
      tileWidth: tileSize,
      tileHeight: tileSize,
    },
    data: out,
  };
}

/** A Raster over an in-memory typed array (tests, benchmarks, rasters built in the app). */
export function createMemoryRaster(options: MemoryRasterOptions): Raster {
  const { width, height, data } = options;
  if (data.length !== width * height) {
    throw new Error(`memory raster: ${data.length} values for ${width} x ${height} cells`);
  }
  const nodata = options.nodata ?? null;
  const tileSize = options.tileSize ?? 256;
  const levels: LevelData[] = [
    {
      info: {
        width,
        height,
        cellSize: options.cellSize,
        tileWidth: tileSize,
        tileHeight: tileSize,
      },
      data,
    },
  ];
  for (let i = 0; i < (options.overviews ?? 0); i++) {
    const previous = levels[levels.length - 1] as LevelData;
    if (previous.info.width <= 1 && previous.info.height <= 1) break;
    levels.push(halve(previous, nodata, options.resampling ?? 'average', tileSize));
  }
  const fill = nodata ?? Number.NaN;
  const sampleType: SampleType =
    data instanceof Float32Array ? 'float32' : data instanceof Float64Array ? 'float64' : 'integer';
  const heightRatio = (options.cellHeight ?? options.cellSize) / options.cellSize;
  return {
    width,
    height,
    originX: options.originX,
    originY: options.originY,
    cellSize: options.cellSize,
    ...(options.cellHeight !== undefined ? { cellHeight: options.cellHeight } : {}),
    ...(options.crs !== undefined ? { crs: options.crs } : {}),
    ...(options.scale !== undefined ? { scale: options.scale } : {}),
    ...(options.offset !== undefined ? { offset: options.offset } : {}),
    sampleType,
    nodata,
    epsg: options.epsg === undefined ? 28992 : options.epsg,
    levels: levels.map((level) =>
      heightRatio === 1
        ? level.info
        : { ...level.info, cellHeight: level.info.cellSize * heightRatio },
    ),
    fill,
    async readWindow(level, window, signal) {
      signal?.throwIfAborted();
      const source = levels[level];
      if (!source) throw new Error(`no level ${level}`);
      const [col0, row0, col1, row1] = window;
      const outWidth = Math.max(0, col1 - col0);
      const outHeight = Math.max(0, row1 - row0);
      const Ctor = source.data.constructor as new (length: number) => RasterArray;
      const out = new Ctor(outWidth * outHeight);
      const c0 = Math.max(0, col0);
      const r0 = Math.max(0, row0);
      const c1 = Math.min(source.info.width, col1);
      const r1 = Math.min(source.info.height, row1);
      if (c0 > col0 || r0 > row0 || c1 < col1 || r1 < row1) out.fill(fill);
      const levelWidth = source.info.width;
      for (let r = r0; c0 < c1 && r < r1; r++) {
        const start = r * levelWidth + c0;
        out.set(
          source.data.subarray(start, start + (c1 - c0)),
          (r - row0) * outWidth + (c0 - col0),
        );
      }
      return out;
    },
  };
}
