import {
  fromArrayBuffer,
  fromBlob,
  fromCustomClient,
  fromFile,
  type GeoTIFF,
  type GeoTIFFImage,
} from 'geotiff';
import { FetchError } from '../net/fetch-error';
import { BoundedGeoTiffClient } from '../net/geotiff-client';
import type { FetchLimits } from '../net/limits';
import { checkImage, checkWindow, RasterRefusal, touchedBytes } from './raster-limits';

/** Where raster bytes come from: one interface for URLs (HTTP range requests), files and buffers. */
export type ByteSource =
  /** Read through fetchBounded (src/core/net): timeouts, minimum rate, retries; `limits` override. */
  | { kind: 'url'; url: string; limits?: Partial<FetchLimits> }
  | { kind: 'buffer'; buffer: ArrayBuffer }
  | { kind: 'blob'; blob: Blob }
  | { kind: 'path'; path: string };

export type RasterArray =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | Float32Array
  | Float64Array;

/** One resolution level of a raster: level 0 is full resolution, then the COG overviews. */
export interface RasterLevel {
  width: number;
  height: number;
  /** Cell size in CRS units (metres for RD New); square cells assumed, north-up. */
  cellSize: number;
  tileWidth: number;
  tileHeight: number;
}

/** A north-up single-band raster with its georeference. */
export interface Raster {
  width: number;
  height: number;
  /** Upper-left corner in CRS units. */
  originX: number;
  originY: number;
  cellSize: number;
  nodata: number | null;
  /** EPSG code from the GeoKeys, or null when the file does not say. */
  epsg: number | null;
  levels: RasterLevel[];
  /**
   * Reads cells [col0, col1) x [row0, row1) of a level, row-major. Cells outside the raster come
   * back as `fill` (nodata, or NaN when the raster has none).
   */
  readWindow(
    level: number,
    window: readonly [col0: number, row0: number, col1: number, row1: number],
    signal?: AbortSignal,
  ): Promise<RasterArray>;
  /** Value that marks cells without data in `readWindow` output. */
  fill: number;
}

async function openTiff(source: ByteSource, signal?: AbortSignal): Promise<GeoTIFF> {
  switch (source.kind) {
    case 'url':
      return fromCustomClient(
        new BoundedGeoTiffClient(source.url, source.limits),
        { allowFullFile: false },
        signal,
      );
    case 'buffer':
      return fromArrayBuffer(source.buffer, signal);
    case 'blob':
      return fromBlob(source.blob, signal);
    case 'path':
      return fromFile(source.path, signal);
    default: {
      const never: never = source;
      throw new Error(`unknown source ${String(never)}`);
    }
  }
}

function epsgOf(image: GeoTIFFImage): number | null {
  const keys = image.getGeoKeys() as Record<string, unknown> | null;
  const code = keys?.ProjectedCSTypeGeoKey ?? keys?.GeographicTypeGeoKey;
  return typeof code === 'number' && code !== 32767 ? code : null;
}

/** Opens a GeoTIFF/COG and describes its levels; reads happen lazily per window. */
export async function openRaster(source: ByteSource, signal?: AbortSignal): Promise<Raster> {
  const tiff = await openTiff(source, signal);
  const count = await tiff.getImageCount();
  const images: GeoTIFFImage[] = [];
  for (let i = 0; i < count; i++) images.push(await tiff.getImage(i));
  const base = images[0];
  if (!base) throw new Error('GeoTIFF without images');
  const file = source.kind === 'path' ? source.path : source.kind === 'url' ? source.url : '';
  let originX: number;
  let originY: number;
  let resX: number;
  try {
    [originX, originY] = base.getOrigin() as [number, number];
    [resX] = base.getResolution() as [number];
  } catch {
    // A plain TIFF: no ModelTiepoint/ModelPixelScale or ModelTransformation tags.
    throw new RasterRefusal('unsupported', 'errors.layerNoGeoreference', { file });
  }
  const cellSize = Math.abs(resX);
  const nodata = base.getGDALNoData();
  // Overviews: the reduced-resolution IFDs that follow, largest first; masks are skipped.
  const usable = images.filter((image, i) => {
    if (i === 0) return true;
    const subfile = (image.fileDirectory.getValue?.('NewSubfileType') ?? 0) as number;
    return (subfile & 4) === 0 && image.getWidth() < base.getWidth();
  });
  usable.sort((a, b) => b.getWidth() - a.getWidth());
  // Sizes from the header, before a byte of cells is decoded (raster-limits.ts).
  for (const image of usable) checkImage(image, file);
  const levels: RasterLevel[] = usable.map((image) => ({
    width: image.getWidth(),
    height: image.getHeight(),
    cellSize: (cellSize * base.getWidth()) / image.getWidth(),
    tileWidth: image.getTileWidth(),
    tileHeight: image.getTileHeight(),
  }));
  const fill = nodata ?? Number.NaN;
  return {
    width: base.getWidth(),
    height: base.getHeight(),
    originX,
    originY,
    cellSize,
    nodata,
    epsg: epsgOf(base),
    levels,
    fill,
    async readWindow(level, window, signal) {
      const image = usable[level];
      const info = levels[level];
      if (!image || !info) throw new Error(`no level ${level}`);
      const [col0, row0, col1, row1] = window;
      const c0 = Math.max(0, col0);
      const r0 = Math.max(0, row0);
      const c1 = Math.min(info.width, col1);
      const r1 = Math.min(info.height, row1);
      const outWidth = col1 - col0;
      const outHeight = row1 - row0;
      checkWindow(Math.max(0, outWidth * outHeight), Math.max(4, image.getSampleByteSize(0)), file);
      if (c0 < c1 && r0 < r1) checkWindow(touchedBytes(image, [c0, r0, c1, r1]), 1, file);
      if (c0 >= c1 || r0 >= r1) {
        const empty = new Float32Array(Math.max(0, outWidth * outHeight));
        empty.fill(fill);
        return empty;
      }
      let data: RasterArray;
      try {
        data = (await image.readRasters({
          window: [c0, r0, c1, r1],
          samples: [0],
          interleave: true,
          signal,
        })) as unknown as RasterArray;
      } catch (error) {
        if (signal?.aborted || error instanceof FetchError) throw error;
        if (error instanceof Error && error.name === 'AbortError') throw error;
        // Cut off or damaged data (a truncated download, a bad DEFLATE stream).
        throw new RasterRefusal('unreadable', 'errors.layerDamaged', { file });
      }
      if (c0 === col0 && r0 === row0 && c1 === col1 && r1 === row1) return data;
      // Pad the part outside the raster with the fill value.
      const Ctor = data.constructor as new (length: number) => RasterArray;
      const out = new Ctor(outWidth * outHeight);
      out.fill(fill);
      const innerWidth = c1 - c0;
      for (let r = r0; r < r1; r++) {
        const src = (r - r0) * innerWidth;
        out.set(data.subarray(src, src + innerWidth), (r - row0) * outWidth + (c0 - col0));
      }
      return out;
    },
  };
}

/** Index of the coarsest level whose cells are at most `targetCellSize` (falls back to level 0). */
export function chooseLevel(raster: Raster, targetCellSize: number): number {
  let best = 0;
  raster.levels.forEach((level, i) => {
    if (level.cellSize <= targetCellSize * 1.0001) best = i;
  });
  return best;
}
