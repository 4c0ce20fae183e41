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
import { type RasterCrsCode, recognizeCrs } from '../projection/raster-crs';
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
  /** Cell width (x) in CRS units (metres for RD New, degrees for EPSG:4326), north-up. */
  cellSize: number;
  /** Cell height (y, positive) in CRS units; absent means square cells. */
  cellHeight?: number;
  tileWidth: number;
  tileHeight: number;
}

/** How samples are stored: nodata is compared in this type (DESIGN.md 8.2). */
export type SampleType = 'float32' | 'float64' | 'integer';

/**
 * A north-up single-band raster with its georeference. Fields marked optional were added for
 * rasters in any CRS (DESIGN.md 8.2); absent, they mean today's RD case: square cells, RD New,
 * no scale/offset.
 */
export interface Raster {
  width: number;
  height: number;
  /** Upper-left corner of the upper-left cell in CRS units (PixelIsPoint already shifted). */
  originX: number;
  originY: number;
  /** Cell width (x) in CRS units. */
  cellSize: number;
  /** Cell height (y, positive, north-up) in CRS units; absent: square cells. */
  cellHeight?: number;
  nodata: number | null;
  /** EPSG code from the GeoKeys, or null when the file does not say (32767: user-defined). */
  epsg: number | null;
  /** The CRS (DESIGN.md 8.2); null: the file names none and is read as RD New. */
  crs?: RasterCrsCode | null;
  /** Set when the GeoKeys name a CRS the product does not take: the code or description. */
  unsupportedCrs?: string;
  /** GDAL scale and offset of the band (TIFF tag 42112): physical = raw x scale + offset. */
  scale?: number;
  offset?: number;
  sampleType?: SampleType;
  /** Bands (samples per pixel) in the file, and the 0-based band this raster reads. */
  bands?: number;
  band?: number;
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

/** The cell height of a raster or level (square cells when not given). */
export function cellHeightOf(grid: { cellSize: number; cellHeight?: number }): number {
  return grid.cellHeight ?? grid.cellSize;
}

/** The CRS of a raster: its code (null: none named, read as RD New). */
export function crsOf(raster: Pick<Raster, 'crs' | 'epsg'>): RasterCrsCode | null {
  if (raster.crs !== undefined) return raster.crs;
  return raster.epsg === null ? null : (`EPSG:${raster.epsg}` as RasterCrsCode);
}

/** True for today's case: RD New (or no CRS) with square cells; read by the RD engine as before. */
export function isRdSquare(raster: Raster): boolean {
  const code = crsOf(raster);
  return (
    (code === null || code === 'EPSG:28992') &&
    raster.unsupportedCrs === undefined &&
    cellHeightOf(raster) === raster.cellSize
  );
}

function epsgOf(keys: Record<string, unknown> | null): number | null {
  const code = keys?.ProjectedCSTypeGeoKey ?? keys?.GeographicTypeGeoKey;
  return typeof code === 'number' ? code : null;
}

function sampleTypeOf(image: GeoTIFFImage, band: number): SampleType {
  const format = image.getSampleFormat(band);
  if (format === 3) return image.getBitsPerSample(band) === 64 ? 'float64' : 'float32';
  return 'integer';
}

/** GDAL scale/offset of a band from GDAL_METADATA (tag 42112); geotiff.js needs the band. */
async function scaleOffsetOf(image: GeoTIFFImage, band: number): Promise<[number, number]> {
  const metadata = (await image.getGDALMetadata(band)) as Record<string, unknown> | null;
  const number = (value: unknown, fallback: number) => {
    const parsed = typeof value === 'string' ? Number(value.trim()) : Number.NaN;
    return Number.isFinite(parsed) ? parsed : fallback;
  };
  return [number(metadata?.SCALE, 1), number(metadata?.OFFSET, 0)];
}

/**
 * Upper-left corner and cell size from ModelTransformation or ModelTiepoint + ModelPixelScale.
 * A rotated or sheared transform, or a south-up one, is refused (`unsupported`).
 */
function georeferenceOf(
  image: GeoTIFFImage,
  file: string,
): { originX: number; originY: number; cellWidth: number; cellHeight: number } {
  const directory = image.fileDirectory as unknown as { getValue(name: string): unknown };
  const transform = directory.getValue('ModelTransformation') as number[] | undefined;
  let originX: number;
  let originY: number;
  let cellWidth: number;
  let cellHeight: number;
  if (transform && transform.length >= 8) {
    if (transform[1] !== 0 || transform[4] !== 0) {
      throw new RasterRefusal('unsupported', 'errors.layerRotated', { file });
    }
    originX = transform[3] as number;
    originY = transform[7] as number;
    cellWidth = transform[0] as number;
    cellHeight = -(transform[5] as number);
  } else {
    try {
      [originX, originY] = image.getOrigin() as [number, number];
      const [resX, resY] = image.getResolution() as [number, number];
      cellWidth = resX;
      cellHeight = -resY;
    } catch {
      // A plain TIFF: no ModelTiepoint/ModelPixelScale or ModelTransformation tags.
      throw new RasterRefusal('unsupported', 'errors.layerNoGeoreference', { file });
    }
  }
  if (!(cellWidth > 0 && cellHeight > 0 && Number.isFinite(originX + originY))) {
    throw new RasterRefusal('unsupported', 'errors.layerRotated', { file });
  }
  return { originX, originY, cellWidth, cellHeight };
}

export interface OpenRasterOptions {
  /** 0-based band to read (default 0). */
  band?: number;
}

/** Opens a GeoTIFF/COG and describes its levels; reads happen lazily per window. */
export async function openRaster(
  source: ByteSource,
  signal?: AbortSignal,
  options: OpenRasterOptions = {},
): Promise<Raster> {
  const tiff = await openTiff(source, signal);
  const count = await tiff.getImageCount();
  const images: GeoTIFFImage[] = [];
  for (let i = 0; i < count; i++) images.push(await tiff.getImage(i));
  const base = images[0];
  if (!base) throw new Error('GeoTIFF without images');
  const file = source.kind === 'path' ? source.path : source.kind === 'url' ? source.url : '';
  const georeference = georeferenceOf(base, file);
  const cellSize = georeference.cellWidth;
  const cellHeight = georeference.cellHeight;
  const keys = base.getGeoKeys() as Record<string, unknown> | null;
  // PixelIsPoint: the tiepoint is a cell centre; GDAL shifts the corner by half a cell.
  const pointShift = keys?.GTRasterTypeGeoKey === 2 ? 0.5 : 0;
  const originX = georeference.originX - pointShift * cellSize;
  const originY = georeference.originY + pointShift * cellHeight;
  const recognized = recognizeCrs(keys);
  const bands = base.getSamplesPerPixel();
  const band = options.band ?? 0;
  if (!(Number.isInteger(band) && band >= 0 && band < bands)) {
    throw new RasterRefusal('unsupported', 'errors.layerNoSuchBand', {
      file,
      band: band + 1,
      bands,
    });
  }
  const [scale, offset] = await scaleOffsetOf(base, band);
  const sampleType = sampleTypeOf(base, band);
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
    // Square cells keep today's level geometry (one size for both axes).
    ...(cellHeight !== cellSize
      ? { cellHeight: (cellHeight * base.getHeight()) / image.getHeight() }
      : {}),
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
    cellHeight,
    nodata,
    // A user-defined CRS (SoilGrids' Homolosine among them) has no EPSG code: never its 4326.
    epsg: recognized.ok && recognized.code === 'IGH' ? 32767 : epsgOf(keys),
    crs: recognized.ok ? recognized.code : null,
    ...(recognized.ok ? {} : { unsupportedCrs: recognized.name }),
    scale,
    offset,
    sampleType,
    bands,
    band,
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
          samples: [band],
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
