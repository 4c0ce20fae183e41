import { describe, expect, test } from 'vitest';
import { createMemoryRaster } from './memory-raster';

const grid = { originX: 1000, originY: 2000, cellSize: 10, width: 3, height: 2 };

describe('createMemoryRaster', () => {
  test('reads windows row-major and pads cells outside with nodata', async () => {
    const raster = createMemoryRaster({
      ...grid,
      data: new Int16Array([1, 2, 3, 4, 5, 6]),
      nodata: -1,
    });
    expect(raster.fill).toBe(-1);
    expect(Array.from(await raster.readWindow(0, [1, 0, 3, 2]))).toEqual([2, 3, 5, 6]);
    expect(Array.from(await raster.readWindow(0, [-1, 1, 2, 3]))).toEqual([-1, 4, 5, -1, -1, -1]);
    expect(Array.from(await raster.readWindow(0, [5, 5, 6, 6]))).toEqual([-1]);
    expect(await raster.readWindow(0, [0, 0, 1, 1])).toBeInstanceOf(Int16Array);
  });

  test('without nodata, cells outside come back as NaN', async () => {
    const raster = createMemoryRaster({ ...grid, data: new Float32Array(6).fill(7) });
    expect(raster.nodata).toBeNull();
    expect(Array.from(await raster.readWindow(0, [2, 1, 4, 2]))).toEqual([7, Number.NaN]);
  });

  test('overviews halve the grid: mean of the cells with data, or the upper-left cell', async () => {
    const data = new Float32Array([1, 3, 10, -9, 5, 20]);
    const average = createMemoryRaster({ ...grid, data, nodata: -9, overviews: 1 });
    expect(average.levels.map((level) => [level.width, level.height, level.cellSize])).toEqual([
      [3, 2, 10],
      [2, 1, 20],
    ]);
    expect(Array.from(await average.readWindow(1, [0, 0, 2, 1]))).toEqual([3, 15]);
    const nearest = createMemoryRaster({ ...grid, data, overviews: 1, resampling: 'nearest' });
    expect(Array.from(await nearest.readWindow(1, [0, 0, 2, 1]))).toEqual([1, 10]);
  });

  test('refuses data of the wrong length', () => {
    expect(() => createMemoryRaster({ ...grid, data: new Uint8Array(5) })).toThrow(/5 values/);
  });
});
