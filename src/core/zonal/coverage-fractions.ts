import type { RdMultiPolygonCoordinates } from '../parse/types';

/**
 * Exact coverage fractions (the method of exactextract): the share of each raster cell that a
 * polygon covers, computed analytically from the polygon's edges. No supersampling and no
 * cell-centre tests. See docs/zonal-statistics.md.
 *
 * The polygon's area inside a cell is ∫∫ w(u, v) du dv, with w the winding number. Each edge piece
 * inside one cell row adds its signed height `dv` to every cell to its right and part of it to the
 * cell it crosses; those contributions are accumulated per cell as differences and turned into
 * areas by one running sum along each row (the accumulation rasterizer of font renderers). Work is
 * per window of cells, so memory is bounded by the window, not by the polygon.
 */

/**
 * A north-up grid: upper-left corner and cell size in its CRS's units (RD New metres for the RD
 * engine); `cellHeight` for non-square cells (absent: square).
 */
export interface Grid {
  originX: number;
  originY: number;
  cellSize: number;
  cellHeight?: number;
  width: number;
  height: number;
}

/** A window of cells [col0, col1) x [row0, row1) of a grid. */
export type CellWindow = readonly [col0: number, row0: number, col1: number, row1: number];

/**
 * A polygon prepared for coverage: its edges in RD metres with rings oriented so the interior
 * winds +1 (outer rings counter-clockwise, holes clockwise, whatever the input orientation).
 */
export interface PreparedPolygon {
  /** x0, y0, x1, y1 per edge, RD metres. */
  edges: Float64Array;
  edgeCount: number;
  /** [minX, minY, maxX, maxY] in RD metres. */
  bbox: [number, number, number, number];
  /** Planar area in m² (outer rings minus holes), RD New. */
  areaM2: number;
}

/** Fractions below this are rounding residue of the running sums, not coverage: they become 0. */
export const FRACTION_EPSILON = 1e-10;

function ringSignedArea(ring: ReadonlyArray<readonly [number, number]>): number {
  const n = ring.length;
  if (n < 3) return 0;
  const first = ring[0] as readonly [number, number];
  const x0 = first[0];
  const y0 = first[1];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i] as readonly [number, number];
    const b = ring[(i + 1) % n] as readonly [number, number];
    sum += (a[0] - x0) * (b[1] - y0) - (b[0] - x0) * (a[1] - y0);
  }
  return sum / 2;
}

/** Planar area of RD polygon coordinates in m²: outer rings minus holes, any orientation. */
export function planarAreaM2(multiPolygon: RdMultiPolygonCoordinates): number {
  let area = 0;
  for (const polygon of multiPolygon) {
    polygon.forEach((ring, index) => {
      const ringArea = Math.abs(ringSignedArea(ring));
      area += index === 0 ? ringArea : -ringArea;
    });
  }
  // Never negative or NaN, even for rings the import did not check (a hole outside its shell
  // would subtract ground the area never had); see docs/reliability.md, Geometry checks.
  return area > 0 ? area : 0;
}

/** Prepares RD polygon coordinates for coverage: oriented edges, bbox and planar area. */
export function preparePolygon(multiPolygon: RdMultiPolygonCoordinates): PreparedPolygon {
  let count = 0;
  for (const polygon of multiPolygon) for (const ring of polygon) count += ring.length;
  const edges = new Float64Array(count * 4);
  let edgeCount = 0;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const polygon of multiPolygon) {
    polygon.forEach((ring, index) => {
      const n = ring.length;
      if (n < 3) return;
      const signed = ringSignedArea(ring);
      if (signed === 0) return;
      // Outer rings counter-clockwise (positive area), holes clockwise.
      const reverse = index === 0 ? signed < 0 : signed > 0;
      for (let i = 0; i < n; i++) {
        const a = ring[i] as readonly [number, number];
        const b = ring[(i + 1) % n] as readonly [number, number];
        if (a[0] === b[0] && a[1] === b[1]) continue;
        const o = edgeCount * 4;
        if (reverse) {
          edges[o] = b[0];
          edges[o + 1] = b[1];
          edges[o + 2] = a[0];
          edges[o + 3] = a[1];
        } else {
          edges[o] = a[0];
          edges[o + 1] = a[1];
          edges[o + 2] = b[0];
          edges[o + 3] = b[1];
        }
        edgeCount++;
        if (a[0] < minX) minX = a[0];
        if (a[0] > maxX) maxX = a[0];
        if (a[1] < minY) minY = a[1];
        if (a[1] > maxY) maxY = a[1];
      }
    });
  }
  return {
    edges,
    edgeCount,
    bbox: [minX, minY, maxX, maxY],
    areaM2: planarAreaM2(multiPolygon),
  };
}

/** The cells of `grid` that the polygon's bounding box touches, clipped to the grid; null if none. */
export function polygonCellWindow(grid: Grid, polygon: PreparedPolygon): CellWindow | null {
  const [minX, minY, maxX, maxY] = polygon.bbox;
  if (!(minX <= maxX)) return null;
  const cellHeight = grid.cellHeight ?? grid.cellSize;
  const col0 = Math.max(0, Math.floor((minX - grid.originX) / grid.cellSize));
  const col1 = Math.min(grid.width, Math.ceil((maxX - grid.originX) / grid.cellSize));
  const row0 = Math.max(0, Math.floor((grid.originY - maxY) / cellHeight));
  const row1 = Math.min(grid.height, Math.ceil((grid.originY - minY) / cellHeight));
  if (col0 >= col1 || row0 >= row1) return null;
  return [col0, row0, col1, row1];
}

/** Splits a cell window into blocks of at most `blockWidth` x `blockHeight`, aligned to the grid. */
export function splitWindow(
  window: CellWindow,
  blockWidth: number,
  blockHeight: number,
): CellWindow[] {
  const [col0, row0, col1, row1] = window;
  const blocks: CellWindow[] = [];
  for (let r = Math.floor(row0 / blockHeight) * blockHeight; r < row1; r += blockHeight) {
    for (let c = Math.floor(col0 / blockWidth) * blockWidth; c < col1; c += blockWidth) {
      blocks.push([
        Math.max(c, col0),
        Math.max(r, row0),
        Math.min(c + blockWidth, col1),
        Math.min(r + blockHeight, row1),
      ]);
    }
  }
  return blocks;
}

/** Reusable scratch memory for `coverageFractions`, so windows allocate nothing per call. */
export class CoverageScratch {
  accumulator = new Float64Array(0);
  fractions = new Float64Array(0);
  ensure(cells: number, accumulatorCells: number): void {
    if (this.fractions.length < cells) this.fractions = new Float64Array(cells);
    // A new accumulator starts at zero; `coverageFractions` leaves it at zero after each use.
    if (this.accumulator.length < accumulatorCells) {
      this.accumulator = new Float64Array(accumulatorCells);
    }
  }
}

/**
 * Adds one edge piece inside a row to the difference accumulator of that row. `ua`, `ub`: the
 * piece's column positions (window cells), `dv`: its signed height in rows. Positions left of the
 * window act as if at 0 and right of it as if at `width`: that leaves every cell's integral
 * ∫ clamp(i + 1 - u, 0, 1) dv unchanged, so clipping to the window is exact.
 */
function addPiece(
  acc: Float64Array,
  base: number,
  width: number,
  ua: number,
  ub: number,
  dv: number,
): void {
  let lo = Math.min(ua, ub);
  let hi = Math.max(ua, ub);
  if (lo >= width) return;
  if (hi <= 0) {
    acc[base] += dv;
    return;
  }
  const span = hi - lo;
  if (span === 0) {
    const i = Math.floor(lo);
    const inside = i + 1 - lo;
    acc[base + i] += dv * inside;
    acc[base + i + 1] += dv * (1 - inside);
    return;
  }
  const dvPerU = dv / span;
  if (lo < 0) {
    acc[base] += dvPerU * -lo;
    lo = 0;
  }
  if (hi > width) hi = width;
  let i = Math.floor(lo);
  let start = lo;
  while (start < hi) {
    const end = Math.min(i + 1, hi);
    const part = dvPerU * (end - start);
    // The cell gets part x (share of the cell right of the piece); the next cells the rest.
    const inside = i + 1 - (start + end) / 2;
    acc[base + i] += part * inside;
    acc[base + i + 1] += part * (1 - inside);
    start = end;
    i++;
  }
}

/**
 * Coverage fractions of the cells of `window` (row-major, `window` width x height) written to
 * `out`, each in [0, 1]. Returns the largest fraction (0: the polygon misses the window).
 */
export function coverageFractions(
  grid: Grid,
  polygon: PreparedPolygon,
  window: CellWindow,
  out: Float64Array,
  scratch: CoverageScratch = new CoverageScratch(),
): number {
  const [col0, row0, col1, row1] = window;
  const width = col1 - col0;
  const height = row1 - row0;
  const stride = width + 1;
  // The accumulator is all zeros between calls: the running sums below reset what they read.
  scratch.ensure(0, stride * height);
  const acc = scratch.accumulator;
  const inverse = 1 / grid.cellSize;
  const cellHeight = grid.cellHeight ?? grid.cellSize;
  const inverseV = 1 / cellHeight;
  // Window-relative cell coordinates: u to the east, v downwards (rows).
  const left = grid.originX + col0 * grid.cellSize;
  const top = grid.originY - row0 * cellHeight;
  const edges = polygon.edges;
  for (let e = 0; e < polygon.edgeCount; e++) {
    const o = e * 4;
    const v0 = (top - (edges[o + 1] as number)) * inverseV;
    const v1 = (top - (edges[o + 3] as number)) * inverseV;
    if (v0 === v1) continue;
    const vMin = Math.min(v0, v1);
    const vMax = Math.max(v0, v1);
    if (vMax <= 0 || vMin >= height) continue;
    const u0 = ((edges[o] as number) - left) * inverse;
    const u1 = ((edges[o + 2] as number) - left) * inverse;
    if (u0 >= width && u1 >= width) continue;
    const dudv = (u1 - u0) / (v1 - v0);
    const sign = v1 > v0 ? 1 : -1;
    const first = vMin > 0 ? Math.floor(vMin) : 0;
    const last = vMax < height ? Math.ceil(vMax) : height;
    for (let row = first; row < last; row++) {
      const a = Math.max(vMin, row);
      const b = Math.min(vMax, row + 1);
      if (b <= a) continue;
      const ua = u0 + (a - v0) * dudv;
      const ub = u0 + (b - v0) * dudv;
      addPiece(acc, row * stride, width, ua, ub, sign * (b - a));
    }
  }
  let maxFraction = 0;
  for (let row = 0; row < height; row++) {
    let running = 0;
    const a = row * stride;
    const f = row * width;
    for (let col = 0; col < width; col++) {
      running += acc[a + col] as number;
      acc[a + col] = 0;
      // Counter-clockwise outer rings in RD (y up) wind +1 when v points down.
      let fraction = running;
      if (fraction < FRACTION_EPSILON) fraction = 0;
      else if (fraction > 1) fraction = 1;
      out[f + col] = fraction;
      if (fraction > maxFraction) maxFraction = fraction;
    }
    acc[a + width] = 0;
  }
  return maxFraction;
}
