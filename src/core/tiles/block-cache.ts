import type { Raster, RasterArray } from '../raster/raster-source';
import { Lru } from './lru';

/** Decoded blocks kept per raster: 32 blocks of 256 x 256 Float32 cells are 8 MiB. */
const BLOCKS_PER_RASTER = 32;

/** A contiguous window of one level's stored values, clipped to the raster. */
export interface RasterWindow {
  level: number;
  col0: number;
  row0: number;
  width: number;
  height: number;
  /** Stored values, row-major; cells of missing blocks hold the raster's fill. */
  data: RasterArray;
}

const caches = new WeakMap<Raster, Lru<string, Promise<RasterArray>>>();

function cacheOf(raster: Raster): Lru<string, Promise<RasterArray>> {
  let cache = caches.get(raster);
  if (!cache) {
    cache = new Lru(BLOCKS_PER_RASTER);
    caches.set(raster, cache);
  }
  return cache;
}

/** Block size of a level: its internal tiles, or 256 cells for stripped or very wide tiles. */
function blockSize(raster: Raster, level: number): [number, number] {
  const info = raster.levels[level];
  if (!info) throw new Error(`no level ${level}`);
  const width = info.tileWidth > 0 && info.tileWidth <= 1024 ? info.tileWidth : 256;
  const height = info.tileHeight > 0 && info.tileHeight <= 1024 ? info.tileHeight : 256;
  return [width, height];
}

/**
 * One decoded block through the cache. Reads are not cancelled midway: a block read for an
 * aborted tile is kept for the next one (blocks are small), and failed reads leave the cache.
 */
function readBlock(
  raster: Raster,
  level: number,
  blockCol: number,
  blockRow: number,
): Promise<RasterArray> {
  const cache = cacheOf(raster);
  const key = `${level}/${blockCol}/${blockRow}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const info = raster.levels[level];
  if (!info) throw new Error(`no level ${level}`);
  const [bw, bh] = blockSize(raster, level);
  const col0 = blockCol * bw;
  const row0 = blockRow * bh;
  const window = [
    col0,
    row0,
    Math.min(info.width, col0 + bw),
    Math.min(info.height, row0 + bh),
  ] as const;
  const read = raster.readWindow(level, window);
  read.catch(() => cache.delete(key));
  cache.set(key, read);
  return read;
}

/** Forgets the decoded blocks of a raster (benchmarks measure cold reads with it). */
export function clearBlockCache(raster: Raster): void {
  caches.get(raster)?.clear();
}

/** Throws the signal's reason when the caller has given up. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) {
    throw signal.reason ?? new DOMException('The tile request was cancelled.', 'AbortError');
  }
}

/**
 * Cells [col0, col1) x [row0, row1) of a level, clipped to the raster, assembled from cached
 * blocks. Returns null when the window lies wholly outside the raster.
 */
export async function readCachedWindow(
  raster: Raster,
  level: number,
  window: readonly [col0: number, row0: number, col1: number, row1: number],
  signal?: AbortSignal,
): Promise<RasterWindow | null> {
  const info = raster.levels[level];
  if (!info) throw new Error(`no level ${level}`);
  const c0 = Math.max(0, window[0]);
  const r0 = Math.max(0, window[1]);
  const c1 = Math.min(info.width, window[2]);
  const r1 = Math.min(info.height, window[3]);
  if (c0 >= c1 || r0 >= r1) return null;
  const [bw, bh] = blockSize(raster, level);
  const blocks: { col: number; row: number; read: Promise<RasterArray> }[] = [];
  for (let row = Math.floor(r0 / bh); row * bh < r1; row++) {
    for (let col = Math.floor(c0 / bw); col * bw < c1; col++) {
      blocks.push({ col, row, read: readBlock(raster, level, col, row) });
    }
  }
  const decoded = await Promise.all(blocks.map((block) => block.read));
  throwIfAborted(signal);
  const width = c1 - c0;
  const height = r1 - r0;
  const first = decoded[0] as RasterArray;
  if (blocks.length === 1 && first.length === width * height) {
    const block = blocks[0] as { col: number; row: number };
    if (block.col * bw === c0 && block.row * bh === r0) {
      return { level, col0: c0, row0: r0, width, height, data: first };
    }
  }
  const Ctor = first.constructor as new (length: number) => RasterArray;
  const data = new Ctor(width * height);
  blocks.forEach((block, i) => {
    const cells = decoded[i] as RasterArray;
    const blockCol0 = block.col * bw;
    const blockRow0 = block.row * bh;
    const blockWidth = Math.min(info.width, blockCol0 + bw) - blockCol0;
    const from = Math.max(c0, blockCol0);
    const to = Math.min(c1, blockCol0 + blockWidth);
    const rowFrom = Math.max(r0, blockRow0);
    const rowTo = Math.min(r1, blockRow0 + bh);
    for (let row = rowFrom; row < rowTo; row++) {
      const source = (row - blockRow0) * blockWidth + (from - blockCol0);
      data.set(cells.subarray(source, source + (to - from)), (row - r0) * width + (from - c0));
    }
  });
  return { level, col0: c0, row0: r0, width, height, data };
}
