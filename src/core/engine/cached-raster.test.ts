import { describe, expect, test } from 'vitest';
import { createMemoryRaster } from '../raster/memory-raster';
import type { Raster } from '../raster/raster-source';
import { cachedRaster } from './cached-raster';

function counting(width: number, height: number): { raster: Raster; reads: string[] } {
  const data = new Float32Array(width * height).map((_, i) => i);
  const inner = createMemoryRaster({
    width,
    height,
    originX: 0,
    originY: 0,
    cellSize: 1,
    data,
    tileSize: 256,
    overviews: 1,
  });
  const reads: string[] = [];
  return {
    reads,
    raster: {
      ...inner,
      readWindow(level, window, signal) {
        reads.push(`${level}:${window.join(',')}`);
        return inner.readWindow(level, window, signal);
      },
    },
  };
}

describe('cachedRaster', () => {
  test('windows inside one block come from one decoded block, with the same values', async () => {
    const { raster, reads } = counting(1200, 700);
    const cached = cachedRaster(raster);
    const a = await cached.readWindow(0, [10, 20, 300, 200]);
    const b = await cached.readWindow(0, [100, 5, 512, 512]);
    expect(Array.from(a)).toEqual(Array.from(await raster.readWindow(0, [10, 20, 300, 200])));
    expect(Array.from(b)).toEqual(Array.from(await raster.readWindow(0, [100, 5, 512, 512])));
    expect(reads.slice(0, 1)).toEqual(['0:0,0,512,512']);
    expect(reads.filter((read) => read === '0:0,0,512,512')).toHaveLength(1);
  });

  test('edge blocks are clipped to the raster; reads across blocks pass through', async () => {
    const { raster, reads } = counting(1200, 700);
    const cached = cachedRaster(raster);
    await cached.readWindow(0, [1100, 600, 1200, 700]);
    await cached.readWindow(0, [500, 0, 600, 10]);
    await cached.readWindow(1, [0, 0, 10, 10]);
    expect(reads).toEqual(['0:1024,512,1200,700', '0:500,0,600,10', '1:0,0,10,10']);
  });

  test('the least recently used block goes when the cache is full', async () => {
    const { raster, reads } = counting(1200, 700);
    const cached = cachedRaster(raster, 512 * 512 * 2);
    await cached.readWindow(0, [0, 0, 1, 1]);
    await cached.readWindow(0, [600, 0, 601, 1]);
    await cached.readWindow(0, [0, 0, 1, 1]);
    await cached.readWindow(0, [1100, 0, 1101, 1]); // evicts the block at column 512
    await cached.readWindow(0, [0, 0, 1, 1]);
    await cached.readWindow(0, [600, 0, 601, 1]);
    expect(reads).toEqual([
      '0:0,0,512,512',
      '0:512,0,1024,512',
      '0:1024,0,1200,512',
      '0:512,0,1024,512',
    ]);
  });

  test('an aborted caller gets an AbortError; the block is still cached for the next one', async () => {
    const { raster, reads } = counting(600, 600);
    const cached = cachedRaster(raster);
    const controller = new AbortController();
    const pending = cached.readWindow(0, [0, 0, 10, 10], controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
    await cached.readWindow(0, [0, 0, 10, 10]);
    expect(reads).toEqual(['0:0,0,512,512']);
  });

  test('prefetch decodes every block of a raster that fits, and nothing otherwise', async () => {
    const small = counting(600, 600);
    expect(await cachedRaster(small.raster).prefetch()).toBe(true);
    expect(small.reads.sort()).toEqual([
      '0:0,0,512,512',
      '0:0,512,512,600',
      '0:512,0,600,512',
      '0:512,512,600,600',
    ]);
    const large = counting(600, 600);
    expect(await cachedRaster(large.raster, 1000).prefetch()).toBe(false);
    expect(large.reads).toEqual([]);
  });
});
