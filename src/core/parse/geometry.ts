import type { Position2 } from './raw';

/** Signed area of a ring (closed or open) by the shoelace formula; positive when counter-clockwise. */
export function signedRingArea(ring: readonly Position2[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  // Relative to the first vertex, so RD coordinates of 1e5 m keep their precision.
  const [x0, y0] = ring[0] as Position2;
  let sum = 0;
  for (let i = 1; i < n - 1; i++) {
    const a = ring[i] as Position2;
    const b = ring[i + 1] as Position2;
    sum += (a[0] - x0) * (b[1] - y0) - (b[0] - x0) * (a[1] - y0);
  }
  return sum / 2;
}

/** Planar area of polygon parts (outer minus holes) in the units of the coordinates squared. */
export function multiPolygonArea(polygons: readonly (readonly Position2[][])[]): number {
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      const area = Math.abs(signedRingArea(ring));
      total += i === 0 ? area : -area;
    });
  }
  return total;
}

/** Bounding box [minX, minY, maxX, maxY] of polygon parts. */
export function boundsOf(
  polygons: readonly (readonly Position2[][])[],
): [number, number, number, number] {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (const [x, y] of ring) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  return [minX, minY, maxX, maxY];
}
