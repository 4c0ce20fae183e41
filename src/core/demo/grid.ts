/**
 * The demo's analysis grid in RD New (EPSG:28992) and small rasterisers for polygons and lines.
 */

export interface Grid {
  /** Upper-left corner, RD metres. */
  originX: number;
  originY: number;
  cellSize: number;
  width: number;
  height: number;
}

/** RD New x 145000-165000, y 455000-471000 at 25 m: 800 x 640 cells. */
export const DEMO_GRID: Grid = {
  originX: 145000,
  originY: 471000,
  cellSize: 25,
  width: 800,
  height: 640,
};

/** RD x of the centre of column `col`. */
export function cellX(grid: Grid, col: number): number {
  return grid.originX + (col + 0.5) * grid.cellSize;
}

/** RD y of the centre of row `row`. */
export function cellY(grid: Grid, row: number): number {
  return grid.originY - (row + 0.5) * grid.cellSize;
}

/** A ring of RD points, first point not repeated at the end. */
export type Ring = [number, number][];

/**
 * Cells whose centre lies inside the polygon (even-odd over all rings), by scanlines: for each
 * row the crossings of the ring edges with the row's centre line, filled pairwise.
 */
export function rasterizePolygon(
  grid: Grid,
  rings: readonly Ring[],
  mask?: Uint8Array,
): Uint8Array {
  const out = mask ?? new Uint8Array(grid.width * grid.height);
  const crossings: number[] = [];
  for (let row = 0; row < grid.height; row++) {
    const y = cellY(grid, row);
    crossings.length = 0;
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i++) {
        const [x0, y0] = ring[i] as [number, number];
        const [x1, y1] = ring[(i + 1) % ring.length] as [number, number];
        if (y0 <= y === y1 <= y) continue;
        crossings.push(x0 + ((y - y0) / (y1 - y0)) * (x1 - x0));
      }
    }
    crossings.sort((a, b) => a - b);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const from = Math.max(
        0,
        Math.ceil(((crossings[k] as number) - grid.originX) / grid.cellSize - 0.5),
      );
      const to = Math.min(
        grid.width - 1,
        Math.floor(((crossings[k + 1] as number) - grid.originX) / grid.cellSize - 0.5),
      );
      for (let col = from; col <= to; col++) out[row * grid.width + col] = 1;
    }
  }
  return out;
}

/**
 * Marks the cells a polyline passes through (sampled every fifth of a cell) with `value`, where
 * `value` is larger than what the cell holds.
 */
export function rasterizeLine(
  grid: Grid,
  line: readonly [number, number][],
  target: Uint8Array,
  value = 1,
): void {
  const step = grid.cellSize / 5;
  for (let i = 0; i + 1 < line.length; i++) {
    const [x0, y0] = line[i] as [number, number];
    const [x1, y1] = line[i + 1] as [number, number];
    const length = Math.hypot(x1 - x0, y1 - y0);
    const steps = Math.max(1, Math.ceil(length / step));
    for (let s = 0; s <= steps; s++) {
      const x = x0 + ((x1 - x0) * s) / steps;
      const y = y0 + ((y1 - y0) * s) / steps;
      const col = Math.floor((x - grid.originX) / grid.cellSize);
      const row = Math.floor((grid.originY - y) / grid.cellSize);
      if (col < 0 || row < 0 || col >= grid.width || row >= grid.height) continue;
      const index = row * grid.width + col;
      if ((target[index] as number) < value) target[index] = value;
    }
  }
}
