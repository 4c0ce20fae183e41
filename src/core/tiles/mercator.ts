import { MERCATOR_RADIUS } from '../projection/rd';

/** Pixels along one side of a map tile. */
export const TILE_SIZE = 256;

/** Half the width of the Web Mercator world, metres (EPSG:3857). */
export const MERCATOR_HALF_WORLD = Math.PI * MERCATOR_RADIUS;

/** Bounds of a tile in Web Mercator metres: [minX, minY, maxX, maxY]. */
export type MercatorBounds = [minX: number, minY: number, maxX: number, maxY: number];

/** Web Mercator bounds of XYZ tile (z, x, y); y counts down from the north edge (slippy-map scheme). */
export function tileBoundsMercator(z: number, x: number, y: number): MercatorBounds {
  const size = (2 * MERCATOR_HALF_WORLD) / 2 ** z;
  const minX = -MERCATOR_HALF_WORLD + x * size;
  const maxY = MERCATOR_HALF_WORLD - y * size;
  return [minX, maxY - size, minX + size, maxY];
}

/** Size of one tile pixel in Web Mercator metres at zoom `z` (true ground size is this x cos(lat)). */
export function mercatorPixelSize(z: number): number {
  return (2 * MERCATOR_HALF_WORLD) / (TILE_SIZE * 2 ** z);
}

/** Web Mercator position of the pixel-space point (px, py) of tile (z, x, y); (0, 0) is its NW corner. */
export function tilePixelToMercator(
  z: number,
  x: number,
  y: number,
  px: number,
  py: number,
): [x: number, y: number] {
  const size = mercatorPixelSize(z);
  return [
    -MERCATOR_HALF_WORLD + (x * TILE_SIZE + px) * size,
    MERCATOR_HALF_WORLD - (y * TILE_SIZE + py) * size,
  ];
}

/** The XYZ tile that holds a WGS84 position at zoom `z`. */
export function tileAt(lon: number, lat: number, z: number): [x: number, y: number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const latRad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}
