import { rdToWgs84 } from './rd';

/** WGS84 bounds [west, south, east, north] of an RD New box, from its edges sampled densely. */
export function wgs84BoundsOfRdBox(
  bbox: readonly [number, number, number, number],
): [number, number, number, number] {
  const [minX, minY, maxX, maxY] = bbox;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const steps = 16;
  for (let i = 0; i <= steps; i++) {
    const x = minX + ((maxX - minX) * i) / steps;
    const y = minY + ((maxY - minY) * i) / steps;
    for (const point of [
      [x, minY],
      [x, maxY],
      [minX, y],
      [maxX, y],
    ] as const) {
      const [lon, lat] = rdToWgs84(point);
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return [west, south, east, north];
}
