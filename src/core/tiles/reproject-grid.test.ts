import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { RD_PROJ4 } from '../projection/rd';
import { TILE_SIZE, tileAt, tilePixelToMercator } from './mercator';
import {
  GRID_STEP_PX,
  gridStepForZoom,
  interpolatePixelCentres,
  tileRdGrid,
} from './reproject-grid';

/** The reference: proj4 from Web Mercator straight to RD New, per pixel. */
const mercatorToRd = proj4('EPSG:3857', RD_PROJ4);

/** Places spread over the Netherlands: corners and centre of the RD area. */
const PLACES: [string, number, number][] = [
  ['Groningen', 6.57, 53.22],
  ['Maastricht', 5.69, 50.85],
  ['Vlissingen', 3.57, 51.44],
  ['Amersfoort', 5.39, 52.16],
];

/**
 * Largest distance, in pixels of the tile, between the interpolated RD position of a pixel centre
 * and proj4's. The local scale (RD metres per pixel) is the distance to the horizontal neighbour.
 */
function worstErrorPx(z: number, x: number, y: number, step: number): number {
  const pixels = interpolatePixelCentres(tileRdGrid(z, x, y, step));
  const exactX = new Float64Array(TILE_SIZE + 1);
  const exactY = new Float64Array(TILE_SIZE + 1);
  let worst = 0;
  for (let py = 0; py < TILE_SIZE; py++) {
    for (let px = 0; px <= TILE_SIZE; px++) {
      const [rdX, rdY] = mercatorToRd.forward(tilePixelToMercator(z, x, y, px + 0.5, py + 0.5));
      exactX[px] = rdX;
      exactY[px] = rdY;
    }
    for (let px = 0; px < TILE_SIZE; px++) {
      const metresPerPixel = Math.hypot(
        (exactX[px + 1] as number) - (exactX[px] as number),
        (exactY[px + 1] as number) - (exactY[px] as number),
      );
      const index = py * TILE_SIZE + px;
      const error = Math.hypot(
        (pixels.xs[index] as number) - (exactX[px] as number),
        (pixels.ys[index] as number) - (exactY[px] as number),
      );
      worst = Math.max(worst, error / metresPerPixel);
    }
  }
  return worst;
}

describe('tile reprojection grid', () => {
  it('stays within 0.1 pixel of proj4 at every pixel of tiles across the Netherlands, zoom 8-18', () => {
    let worst = 0;
    for (const [, lon, lat] of PLACES) {
      for (let z = 8; z <= 18; z++) {
        const [x, y] = tileAt(lon, lat, z);
        worst = Math.max(worst, worstErrorPx(z, x, y, gridStepForZoom(z)));
      }
    }
    expect(worst).toBeLessThanOrEqual(0.1);
    // The chosen step has a tenfold margin (about 0.009 px at zoom 8 near Groningen).
    expect(worst).toBeLessThan(0.015);
  });

  it('keeps the bound at the coarser zooms through a finer grid', () => {
    for (let z = 5; z < 8; z++) {
      const [x, y] = tileAt(6.57, 53.22, z);
      expect(worstErrorPx(z, x, y, gridStepForZoom(z))).toBeLessThanOrEqual(0.1);
    }
  });

  it('would break the bound with a grid four times coarser at zoom 8', () => {
    const [x, y] = tileAt(6.57, 53.22, 8);
    expect(worstErrorPx(8, x, y, GRID_STEP_PX * 4)).toBeGreaterThan(0.1);
  });

  it('puts the grid nodes exactly where proj4 puts them', () => {
    const grid = tileRdGrid(12, 2103, 1346, 32);
    const [rdX, rdY] = mercatorToRd.forward(tilePixelToMercator(12, 2103, 1346, 64, 96));
    const node = 3 * grid.side + 2;
    expect(grid.xs[node]).toBeCloseTo(rdX, 6);
    expect(grid.ys[node]).toBeCloseTo(rdY, 6);
    expect(grid.bbox[0]).toBeLessThanOrEqual(rdX);
    expect(grid.bbox[3]).toBeGreaterThanOrEqual(rdY);
  });
});
