import { mercatorToLonLat, wgs84ToRd } from '../projection/rd';
import { TILE_SIZE, tilePixelToMercator } from './mercator';

/**
 * Spacing, in tile pixels, of the points transformed exactly with proj4 from zoom 7 up. At 32 px the
 * bilinear interpolation stays within 0.01 pixel of proj4 at every pixel from zoom 8 to 18 across
 * the Netherlands, ten times inside the 0.1 pixel bound (reproject-grid.test.ts; docs/tiles.md).
 */
export const GRID_STEP_PX = 32;

/**
 * Grid spacing for zoom `z`: the interpolation error grows about 4x per zoom level out (a tile
 * covers twice the ground) and 4x per doubling of the step, so the step halves per level below 7.
 */
export function gridStepForZoom(z: number): number {
  return Math.max(2, GRID_STEP_PX >> Math.max(0, 7 - Math.floor(z)));
}

/** RD New positions of a regular grid of points over one tile, transformed exactly. */
export interface TileRdGrid {
  /** Pixel spacing of the nodes; TILE_SIZE is a multiple of it. */
  step: number;
  /** Nodes per side: TILE_SIZE / step + 1 (nodes sit on the tile's edges). */
  side: number;
  /** RD x and y (metres) of node (i, j) at index j * side + i; i east, j south. */
  xs: Float64Array;
  ys: Float64Array;
  /** RD bounds of all nodes, which also bound every interpolated pixel: [minX, minY, maxX, maxY]. */
  bbox: [number, number, number, number];
}

/**
 * Transforms the grid nodes of tile (z, x, y): Web Mercator to WGS84 in closed form, then WGS84 to
 * RD New with proj4 (DESIGN.md section 4 definition).
 */
export function tileRdGrid(
  z: number,
  x: number,
  y: number,
  step = gridStepForZoom(z),
  /** WGS84 → the target CRS (default RD New); another raster CRS for rasters in it (8.2). */
  fromWgs84: (lonLat: [number, number]) => readonly [number, number] = wgs84ToRd,
): TileRdGrid {
  if (TILE_SIZE % step !== 0) throw new Error(`grid step ${step} must divide ${TILE_SIZE}`);
  const side = TILE_SIZE / step + 1;
  const xs = new Float64Array(side * side);
  const ys = new Float64Array(side * side);
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < side; j++) {
    for (let i = 0; i < side; i++) {
      const [rdX, rdY] = fromWgs84(
        mercatorToLonLat(tilePixelToMercator(z, x, y, i * step, j * step)),
      );
      const k = j * side + i;
      xs[k] = rdX;
      ys[k] = rdY;
      if (rdX < minX) minX = rdX;
      if (rdX > maxX) maxX = rdX;
      if (rdY < minY) minY = rdY;
      if (rdY > maxY) maxY = rdY;
    }
  }
  return { step, side, xs, ys, bbox: [minX, minY, maxX, maxY] };
}

/** RD New positions of every pixel centre of a tile, row-major from the north-west. */
export interface TilePixelsRd {
  xs: Float64Array;
  ys: Float64Array;
}

/**
 * Interpolates the grid bilinearly at every pixel centre (px + 0.5, py + 0.5): along each node
 * column first, then incrementally along the pixel row. No proj4 call per pixel.
 */
export function interpolatePixelCentres(grid: TileRdGrid): TilePixelsRd {
  const { step, side } = grid;
  const cells = side - 1;
  const count = TILE_SIZE * TILE_SIZE;
  const outX = new Float64Array(count);
  const outY = new Float64Array(count);
  const rowX = new Float64Array(side);
  const rowY = new Float64Array(side);
  let index = 0;
  for (let py = 0; py < TILE_SIZE; py++) {
    const gridY = (py + 0.5) / step;
    const j = Math.min(cells - 1, Math.floor(gridY));
    const t = gridY - j;
    const top = j * side;
    const bottom = top + side;
    for (let i = 0; i < side; i++) {
      rowX[i] = (grid.xs[top + i] as number) * (1 - t) + (grid.xs[bottom + i] as number) * t;
      rowY[i] = (grid.ys[top + i] as number) * (1 - t) + (grid.ys[bottom + i] as number) * t;
    }
    for (let i = 0; i < cells; i++) {
      const x0 = rowX[i] as number;
      const y0 = rowY[i] as number;
      const dx = ((rowX[i + 1] as number) - x0) / step;
      const dy = ((rowY[i + 1] as number) - y0) / step;
      for (let k = 0; k < step; k++) {
        outX[index] = x0 + dx * (k + 0.5);
        outY[index] = y0 + dy * (k + 0.5);
        index++;
      }
    }
  }
  return { xs: outX, ys: outY };
}
