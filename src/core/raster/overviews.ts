/**
 * Overview resampling for the COG writer: one level from the one above it, each output cell from
 * the (up to) 2 x 2 block of cells it covers. Sizes round up, as GDAL's overviews do.
 */

export type OverviewResampling = 'average' | 'mode' | 'nearest';

type CellArray = Uint8Array | Uint16Array | Int16Array | Float32Array;

export interface OverviewLevel<T extends CellArray = CellArray> {
  width: number;
  height: number;
  data: T;
}

function isNodata(value: number, nodata: number | null): boolean {
  if (nodata === null) return false;
  return Number.isNaN(nodata) ? Number.isNaN(value) : value === nodata;
}

/**
 * Halves a level. `average` takes the mean of the block's cells with data (rounded for integer
 * types), `mode` its most frequent value with data (ties: the first in row-major block order),
 * `nearest` its upper-left cell. A block without data gives nodata.
 */
export function buildOverview<T extends CellArray>(
  level: OverviewLevel<T>,
  nodata: number | null,
  resampling: OverviewResampling,
): OverviewLevel<T> {
  const width = Math.ceil(level.width / 2);
  const height = Math.ceil(level.height / 2);
  const Ctor = level.data.constructor as new (length: number) => T;
  const data = new Ctor(width * height);
  const integer = !(level.data instanceof Float32Array);
  const block: number[] = [];
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      block.length = 0;
      for (let dr = 0; dr < 2; dr++) {
        const r = row * 2 + dr;
        if (r >= level.height) continue;
        for (let dc = 0; dc < 2; dc++) {
          const c = col * 2 + dc;
          if (c >= level.width) continue;
          block.push(level.data[r * level.width + c] as number);
        }
      }
      data[row * width + col] = reduceBlock(block, nodata, resampling, integer);
    }
  }
  return { width, height, data };
}

function reduceBlock(
  block: number[],
  nodata: number | null,
  resampling: OverviewResampling,
  integer: boolean,
): number {
  const fallback = nodata ?? 0;
  if (resampling === 'nearest') return block[0] ?? fallback;
  const valid = block.filter((value) => !isNodata(value, nodata));
  if (valid.length === 0) return fallback;
  if (resampling === 'average') {
    const mean = valid.reduce((sum, value) => sum + value, 0) / valid.length;
    return integer ? Math.round(mean) : mean;
  }
  let best = valid[0] as number;
  let bestCount = 0;
  for (const candidate of valid) {
    let count = 0;
    for (const value of valid) if (value === candidate) count++;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
