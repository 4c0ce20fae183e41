import { describe, expect, test } from 'vitest';
import type { RdMultiPolygonCoordinates } from '../parse/types';
import {
  CoverageScratch,
  coverageFractions,
  type Grid,
  planarAreaM2,
  polygonCellWindow,
  preparePolygon,
  splitWindow,
} from './coverage-fractions';

/** A 3 x 3 grid of 1 m cells with its upper-left corner at (0, 3). */
const grid3: Grid = { originX: 0, originY: 3, cellSize: 1, width: 3, height: 3 };

function fractionsOf(grid: Grid, polygon: RdMultiPolygonCoordinates): number[] {
  const out = new Float64Array(grid.width * grid.height);
  coverageFractions(grid, preparePolygon(polygon), [0, 0, grid.width, grid.height], out);
  return Array.from(out);
}

function square(x0: number, y0: number, x1: number, y1: number): Array<[number, number]> {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

describe('coverage fractions on hand-computed 3 x 3 grids', () => {
  test('an inset square covers corners 1/4, sides 1/2 and the centre fully', () => {
    expect(fractionsOf(grid3, [[square(0.5, 0.5, 2.5, 2.5)]])).toEqual([
      0.25, 0.5, 0.25, 0.5, 1, 0.5, 0.25, 0.5, 0.25,
    ]);
  });

  test('clockwise input gives the same fractions', () => {
    const ring = square(0.5, 0.5, 2.5, 2.5).reverse();
    expect(fractionsOf(grid3, [[ring]])).toEqual([0.25, 0.5, 0.25, 0.5, 1, 0.5, 0.25, 0.5, 0.25]);
  });

  test('a hole removes its area from the cells it covers', () => {
    const result = fractionsOf(grid3, [[square(0, 0, 3, 3), square(1.25, 1.25, 1.75, 1.75)]]);
    expect(result).toEqual([1, 1, 1, 1, 0.75, 1, 1, 1, 1]);
  });

  test('a triangle cuts cells along its diagonal in half', () => {
    const triangle: Array<[number, number]> = [
      [0, 0],
      [3, 0],
      [0, 3],
      [0, 0],
    ];
    // Rows from the top: the diagonal runs from (0, 3) to (3, 0).
    expect(fractionsOf(grid3, [[triangle]])).toEqual([0.5, 0, 0, 1, 0.5, 0, 1, 1, 0.5]);
  });

  test('a polygon larger than the grid covers every cell once', () => {
    expect(fractionsOf(grid3, [[square(-5, -5, 8, 8)]])).toEqual(Array(9).fill(1));
  });

  test('cells only touched along an edge get 0', () => {
    expect(fractionsOf(grid3, [[square(1, 1, 2, 2)]])).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0]);
  });

  test('two parts of a multipolygon add up', () => {
    // The lower-left cell fully, the lower half of the upper-right cell.
    const result = fractionsOf(grid3, [[square(0, 0, 1, 1)], [square(2, 2, 3, 2.5)]]);
    expect(result).toEqual([0, 0, 0.5, 0, 0, 0, 1, 0, 0]);
  });

  test('a window of the grid gets the same fractions as the whole grid', () => {
    const polygon = preparePolygon([[square(0.3, 0.6, 2.9, 2.2)]]);
    const whole = new Float64Array(9);
    coverageFractions(grid3, polygon, [0, 0, 3, 3], whole);
    const part = new Float64Array(4);
    coverageFractions(grid3, polygon, [1, 1, 3, 3], part);
    expect(Array.from(part)).toEqual([whole[4], whole[5], whole[7], whole[8]]);
  });
});

describe('scratch memory', () => {
  test('one scratch reused across windows of different shapes gives fresh results', () => {
    const grid: Grid = { originX: 0, originY: 40, cellSize: 1, width: 40, height: 40 };
    const polygon = preparePolygon([
      [square(3.3, 2.7, 31.9, 37.2), square(10.5, 10.5, 20.25, 19.75)],
    ]);
    const scratch = new CoverageScratch();
    const windows: Array<[number, number, number, number]> = [
      [0, 0, 40, 40],
      [5, 3, 17, 29],
      [20, 0, 40, 7],
      [0, 0, 40, 40],
    ];
    for (const window of windows) {
      const cells = (window[2] - window[0]) * (window[3] - window[1]);
      const reused = new Float64Array(cells);
      const fresh = new Float64Array(cells);
      coverageFractions(grid, polygon, window, reused, scratch);
      coverageFractions(grid, polygon, window, fresh);
      expect(Array.from(reused)).toEqual(Array.from(fresh));
    }
    expect(scratch.accumulator.every((value) => value === 0)).toBe(true);
  });
});

describe('polygon helpers', () => {
  test('planar area subtracts holes whatever their orientation', () => {
    expect(planarAreaM2([[square(0, 0, 10, 10), square(2, 2, 4, 4)]])).toBe(96);
    expect(planarAreaM2([[square(0, 0, 10, 10), square(2, 2, 4, 4).reverse()]])).toBe(96);
  });

  test('the cell window of a polygon is clipped to the grid', () => {
    expect(polygonCellWindow(grid3, preparePolygon([[square(0.5, -4, 9, 1.5)]]))).toEqual([
      0, 1, 3, 3,
    ]);
    expect(polygonCellWindow(grid3, preparePolygon([[square(5, 5, 6, 6)]]))).toBeNull();
  });

  test('windows split on block boundaries of the grid', () => {
    expect(splitWindow([3, 1, 9, 4], 4, 2)).toEqual([
      [3, 1, 4, 2],
      [4, 1, 8, 2],
      [8, 1, 9, 2],
      [3, 2, 4, 4],
      [4, 2, 8, 4],
      [8, 2, 9, 4],
    ]);
  });
});
