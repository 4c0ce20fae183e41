import type { MultiPolygon, Polygon, Position } from 'geojson';

// Kept apart from draw-geometry.ts (turf): area-analysis.ts loads it in the first bundle.

const before = (a: Position, b: Position): boolean =>
  (a[0] as number) < (b[0] as number) || (a[0] === b[0] && (a[1] as number) < (b[1] as number));

/** A closed ring without its closing vertex, from its least vertex, in one fixed direction. */
function canonicalRing(ring: Position[]): Position[] {
  const open =
    ring.length > 1 && ring[0]?.join() === ring.at(-1)?.join() ? ring.slice(0, -1) : ring;
  if (open.length < 3) return open;
  let least = 0;
  open.forEach((position, index) => {
    if (before(position, open[least] as Position)) least = index;
  });
  const rotated = [...open.slice(least), ...open.slice(0, least)];
  const [first, ...rest] = rotated as [Position, ...Position[]];
  return before(rest[0] as Position, rest.at(-1) as Position)
    ? rotated
    : [first, ...rest.reverse()];
}

/**
 * A key that is the same for two geometries exactly when they are the same shape: the same vertices
 * in the same cyclic order, whichever vertex a ring starts at and whichever way it winds (drawing
 * tools rewind a ring when they close it).
 */
export function shapeKey(geometry: Polygon | MultiPolygon): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return JSON.stringify(polygons.map((rings) => rings.map(canonicalRing)));
}
