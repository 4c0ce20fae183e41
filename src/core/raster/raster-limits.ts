import type { ErrorKind, MessageParams } from '../result';

/**
 * Limits on rasters (docs/reliability.md): a raster is read window by window, and geotiff decodes
 * whole tiles or strips, so the decoding unit and the window are what must stay bounded.
 */
export const RASTER_LIMITS = {
  /** Most cells on one side of a raster (1,000 km at 1 m). */
  maxSide: 1_000_000,
  /** Most decoded bytes of one tile or strip: a single-strip 40000 x 40000 Float64 is 12.8 GB. */
  maxBlockBytes: 64 * 1024 * 1024,
  /** Most decoded bytes of one window read at a time (the engine reads about 512 x 512 cells). */
  maxWindowBytes: 256 * 1024 * 1024,
} as const;

/**
 * A raster refused for a reason the user can act on (DESIGN.md 7.2): `too-large` (size, block or
 * window beyond RASTER_LIMITS), `unreadable` (damaged or cut off), `unsupported` (no georeference).
 * `code` is a message key of src/i18n/<lang>/errors.json.
 */
export class RasterRefusal extends Error {
  constructor(
    readonly kind: Extract<ErrorKind, 'too-large' | 'unreadable' | 'unsupported'>,
    readonly code: string,
    readonly params: MessageParams = {},
  ) {
    super(code);
    this.name = 'RasterRefusal';
  }
}

const MB = 1024 * 1024;

/** What the limits need to know of one image (a GeoTIFFImage has all of it). */
export interface ImageShape {
  getWidth(): number;
  getHeight(): number;
  getTileWidth(): number;
  getTileHeight(): number;
  getBytesPerPixel(): number;
  getSamplesPerPixel(): number;
  getSampleByteSize(i: number): number;
  planarConfiguration: number;
}

/** Throws RasterRefusal (too-large) when the image's size or its decoding unit is beyond the limits. */
export function checkImage(image: ImageShape, file: string): void {
  const width = image.getWidth();
  const height = image.getHeight();
  if (!(width > 0 && height > 0))
    throw new RasterRefusal('unreadable', 'errors.layerDamaged', { file });
  if (width > RASTER_LIMITS.maxSide || height > RASTER_LIMITS.maxSide) {
    throw new RasterRefusal('too-large', 'errors.layerTooManyCells', {
      file,
      width,
      height,
      max: RASTER_LIMITS.maxSide,
    });
  }
  // A tile, or a strip of RowsPerStrip rows, is decoded whole: chunky images hold every sample.
  const bytes = blockBytes(image);
  if (bytes > RASTER_LIMITS.maxBlockBytes) {
    throw new RasterRefusal('too-large', 'errors.layerBlockTooLarge', {
      file,
      width,
      height,
      sizeMb: Math.ceil(bytes / MB),
      maxMb: RASTER_LIMITS.maxBlockBytes / MB,
    });
  }
}

/** Decoded bytes of one tile or strip of the image (all samples when they are interleaved). */
export function blockBytes(image: ImageShape): number {
  const cells =
    Math.min(image.getTileWidth(), image.getWidth()) *
    Math.min(image.getTileHeight(), image.getHeight());
  return (
    cells *
    (image.planarConfiguration === 2 ? image.getSampleByteSize(0) : image.getBytesPerPixel())
  );
}

/**
 * Decoded bytes of the tiles or strips a window [c0, r0, c1, r1) touches: geotiff.js decodes them
 * all at once, whole, before it copies the window out of them.
 */
export function touchedBytes(
  image: ImageShape,
  window: readonly [number, number, number, number],
): number {
  const [c0, r0, c1, r1] = window;
  const tw = Math.max(1, image.getTileWidth());
  const th = Math.max(1, image.getTileHeight());
  const across = Math.floor((c1 - 1) / tw) - Math.floor(c0 / tw) + 1;
  const down = Math.floor((r1 - 1) / th) - Math.floor(r0 / th) + 1;
  return Math.max(0, across) * Math.max(0, down) * blockBytes(image);
}

/** Throws RasterRefusal (too-large) when a window would decode to more than the limit. */
export function checkWindow(cells: number, bytesPerCell: number, file: string): void {
  const bytes = cells * bytesPerCell;
  if (bytes > RASTER_LIMITS.maxWindowBytes) {
    throw new RasterRefusal('too-large', 'errors.layerWindowTooLarge', {
      file,
      sizeMb: Math.ceil(bytes / MB),
      maxMb: RASTER_LIMITS.maxWindowBytes / MB,
    });
  }
}
