import type { RdPoint } from '../projection/rd';
import { readCachedWindow } from './block-cache';
import type { TileLayer } from './sample-tile';

/**
 * The physical value (stored x scale + offset) of a layer at an RD position, from the full
 * resolution through the same reader and cache as the tiles; null outside the raster or on no data.
 */
export async function valueAt(
  layer: TileLayer,
  point: RdPoint | readonly [number, number],
  signal?: AbortSignal,
): Promise<number | null> {
  const { raster, meta } = layer;
  const col = Math.floor((point[0] - raster.originX) / raster.cellSize);
  const row = Math.floor((raster.originY - point[1]) / raster.cellSize);
  if (col < 0 || row < 0 || col >= raster.width || row >= raster.height) return null;
  const window = await readCachedWindow(raster, 0, [col, row, col + 1, row + 1], signal);
  const stored = window?.data[0];
  if (stored === undefined || Number.isNaN(stored)) return null;
  if (stored === meta.nodata || stored === raster.nodata) return null;
  return stored * meta.scale + meta.offset;
}
