import type { RasterCrsCode } from '../../src/core/projection/raster-crs';
import { TILE_SIZE, tilePixelToMercator } from '../../src/core/tiles/mercator';
import { colorValues } from '../../src/core/tiles/render-tile';
import { sampleTile, type TileGeometry, type TileLayer } from '../../src/core/tiles/sample-tile';

/**
 * The tile benchmarks' baseline: `toRasterCrs` (a proj4 forward from Web Mercator) run for every
 * pixel centre of tile z/x/y, then the product's own sampling and colouring.
 */
export async function renderWithProj4PerPixel(
  layer: TileLayer,
  z: number,
  x: number,
  y: number,
  toRasterCrs: (mercator: [number, number]) => [number, number],
  crs?: RasterCrsCode,
) {
  const xs = new Float64Array(TILE_SIZE * TILE_SIZE);
  const ys = new Float64Array(TILE_SIZE * TILE_SIZE);
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let py = 0; py < TILE_SIZE; py++) {
    for (let px = 0; px < TILE_SIZE; px++) {
      const [cx, cy] = toRasterCrs(tilePixelToMercator(z, x, y, px + 0.5, py + 0.5));
      const i = py * TILE_SIZE + px;
      xs[i] = cx;
      ys[i] = cy;
      minX = Math.min(minX, cx);
      maxX = Math.max(maxX, cx);
      minY = Math.min(minY, cy);
      maxY = Math.max(maxY, cy);
    }
  }
  const middle = (TILE_SIZE / 2) * TILE_SIZE + TILE_SIZE / 2;
  const geometry: TileGeometry = {
    z,
    x,
    y,
    ...(crs ? { crs } : {}),
    pixels: { xs, ys },
    bbox: [minX, minY, maxX, maxY],
    metresPerPixel: Math.hypot(
      (xs[middle + 1] as number) - (xs[middle] as number),
      (ys[middle + 1] as number) - (ys[middle] as number),
    ),
  };
  const values = await sampleTile(layer, geometry);
  return values ? colorValues(layer.meta, values) : null;
}

/** Milliseconds one call takes; an empty result is a broken benchmark, not a fast one. */
export async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  const result = await run();
  const elapsed = performance.now() - start;
  if (!result) throw new Error('benchmark tile came back empty');
  return elapsed;
}
