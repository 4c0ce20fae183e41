import { TILE_SIZE } from './mercator';
import { colorizerFor } from './palettes';
import { sampleTile, type TileLayer, tileGeometry, tileMayOverlap } from './sample-tile';

export type { TileLayer } from './sample-tile';

/** Bytes of one RGBA tile. */
export const TILE_BYTES = TILE_SIZE * TILE_SIZE * 4;

/** Colours physical values (NaN = no data, transparent) through the layer's palette into RGBA. */
export function colorValues(meta: TileLayer['meta'], values: Float32Array): Uint8ClampedArray {
  const colorizer = colorizerFor(meta);
  const rgba = new Uint8ClampedArray(TILE_BYTES);
  const words = new Uint32Array(rgba.buffer);
  for (let i = 0; i < values.length; i++) words[i] = colorizer.color(values[i] as number);
  return rgba;
}

/**
 * The 256 x 256 RGBA tile (z, x, y) of a base layer in Web Mercator, or null when the tile lies
 * outside the raster: RD positions of the pixel centres from an exactly transformed coarse grid,
 * the nearest cell of the fitting COG level, then the palette. Cells without data are transparent.
 */
export async function renderTile(
  layer: TileLayer,
  z: number,
  x: number,
  y: number,
  signal?: AbortSignal,
): Promise<Uint8ClampedArray | null> {
  if (!tileMayOverlap(layer.raster, z, x, y)) return null;
  const values = await sampleTile(layer, tileGeometry(z, x, y), signal);
  return values ? colorValues(layer.meta, values) : null;
}
