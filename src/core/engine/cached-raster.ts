import type { Raster, RasterArray } from '../raster/raster-source';
import { blockSizeOf } from '../zonal/zonal-stats';

/** Cells kept per layer by default: 4 Mi cells (16 MiB of Float32), the demo dataset several times. */
export const DEFAULT_CACHE_CELLS = 4 * 1024 * 1024;

/** A raster with a block cache. */
export interface CachedRaster extends Raster {
  /**
   * Decodes every block ahead of the first analysis when the whole raster fits in the cache
   * (resolves false, reading nothing, when it does not).
   */
  prefetch(): Promise<boolean>;
}

interface Block {
  window: [number, number, number, number];
  data: Promise<RasterArray>;
  cells: number;
}

/**
 * Wraps a raster with a cache of decoded full-resolution blocks (the engine's windows of whole
 * tiles), least recently used out first. Repeated analyses (an edited outline, another scenario,
 * a batch of neighbouring areas) then decode each COG tile once. Reads that span several blocks,
 * and overview levels, go straight to the raster.
 */
export function cachedRaster(raster: Raster, maxCells = DEFAULT_CACHE_CELLS): CachedRaster {
  const [blockWidth, blockHeight] = blockSizeOf(raster);
  const blocks = new Map<string, Block>();
  let cachedCells = 0;

  function block(blockCol: number, blockRow: number): Block {
    const key = `${blockCol}/${blockRow}`;
    const hit = blocks.get(key);
    if (hit) {
      blocks.delete(key);
      blocks.set(key, hit);
      return hit;
    }
    const window: Block['window'] = [
      blockCol * blockWidth,
      blockRow * blockHeight,
      Math.min(raster.width, (blockCol + 1) * blockWidth),
      Math.min(raster.height, (blockRow + 1) * blockHeight),
    ];
    // Read without the caller's signal: the block is shared with later requests, which are
    // usually the ones that cancelled the caller.
    const data = raster.readWindow(0, window);
    const entry: Block = {
      window,
      data,
      cells: (window[2] - window[0]) * (window[3] - window[1]),
    };
    data.catch(() => {
      if (blocks.get(key) === entry) {
        blocks.delete(key);
        cachedCells -= entry.cells;
      }
    });
    blocks.set(key, entry);
    cachedCells += entry.cells;
    for (const [oldKey, old] of blocks) {
      if (cachedCells <= maxCells || old === entry) break;
      blocks.delete(oldKey);
      cachedCells -= old.cells;
    }
    return entry;
  }

  return {
    ...raster,
    async prefetch() {
      if (raster.width * raster.height > maxCells) return false;
      const reads: Array<Promise<RasterArray>> = [];
      for (let row = 0; row * blockHeight < raster.height; row++) {
        for (let col = 0; col * blockWidth < raster.width; col++) reads.push(block(col, row).data);
      }
      await Promise.all(reads);
      return true;
    },
    async readWindow(level, window, signal) {
      const [col0, row0, col1, row1] = window;
      const blockCol = Math.floor(col0 / blockWidth);
      const blockRow = Math.floor(row0 / blockHeight);
      const single =
        level === 0 &&
        col0 >= 0 &&
        row0 >= 0 &&
        col1 <= raster.width &&
        row1 <= raster.height &&
        col1 > col0 &&
        row1 > row0 &&
        Math.floor((col1 - 1) / blockWidth) === blockCol &&
        Math.floor((row1 - 1) / blockHeight) === blockRow;
      if (!single) return raster.readWindow(level, window, signal);
      signal?.throwIfAborted();
      const entry = block(blockCol, blockRow);
      const data = await entry.data;
      signal?.throwIfAborted();
      const [bc0, br0, bc1] = entry.window;
      const width = col1 - col0;
      const stride = bc1 - bc0;
      const Ctor = data.constructor as new (length: number) => RasterArray;
      const out = new Ctor(width * (row1 - row0));
      for (let row = row0; row < row1; row++) {
        const start = (row - br0) * stride + (col0 - bc0);
        out.set(data.subarray(start, start + width), (row - row0) * width);
      }
      return out;
    },
  };
}
