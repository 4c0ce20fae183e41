import { findSelfIntersection } from '../parse/self-intersection';
import type { RdMultiPolygonCoordinates, RdPolygonCoordinates } from '../parse/types';
import { splitAtCrossings } from '../parse/unkink';
import { wgs84ToRd } from '../projection/rd';

/**
 * Geometry of builder sources (DESIGN.md 8.4): the CRS of a source (RD New or CRS84, anything else
 * refused by name) and polygons converted to RD coordinates, repaired where that is safe (rings
 * closed, repeated vertices removed, degenerate rings dropped) or skipped with a reason.
 */

export type SourceCrs = 'rd' | 'crs84';

const RD = /(^|[^\d])28992$/;
const CRS84 = /CRS:?84$/i;

/** The CRS named by a name (URN, URI, `EPSG:n`), or the name itself when it is not supported. */
export function crsOfName(name: string): SourceCrs | { unsupported: string } {
  const trimmed = name.trim();
  if (RD.test(trimmed)) return 'rd';
  if (CRS84.test(trimmed)) return 'crs84';
  return { unsupported: trimmed };
}

/** The CRS of a GeoJSON `crs` member (absent: CRS84, as RFC 7946 says). */
export function crsOfMember(crs: unknown): SourceCrs | { unsupported: string } {
  if (crs === undefined || crs === null) return 'crs84';
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== 'string') return { unsupported: JSON.stringify(crs).slice(0, 80) };
  return crsOfName(name);
}

export type PolygonOutcome =
  | { ok: true; coordinates: RdMultiPolygonCoordinates; repaired: boolean }
  | { ok: false; reason: 'not-polygon' | 'bad-coordinates' | 'empty' | 'self-intersection' };

function isPosition(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1])
  );
}

/** One ring in RD: repeated vertices removed, closed; null when fewer than 3 distinct vertices. */
function ringOf(
  ring: unknown,
  crs: SourceCrs,
  note: { repaired: boolean; bad: boolean },
): Array<[number, number]> | null {
  if (!Array.isArray(ring)) {
    note.bad = true;
    return null;
  }
  const out: Array<[number, number]> = [];
  for (const position of ring) {
    if (!isPosition(position)) {
      note.bad = true;
      return null;
    }
    const point: [number, number] =
      crs === 'rd'
        ? [position[0], position[1]]
        : (wgs84ToRd([position[0], position[1]]) as unknown as [number, number]);
    const last = out[out.length - 1];
    if (last && last[0] === point[0] && last[1] === point[1]) {
      // A repeated vertex other than the closing one.
      if (out.length > 0) note.repaired = true;
      continue;
    }
    out.push(point);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && out.length > 1 && first[0] === last[0] && first[1] === last[1]) {
    out.pop();
  } else if (out.length > 0) {
    note.repaired = true;
  }
  if (out.length < 3) {
    note.repaired = true;
    return null;
  }
  out.push([out[0]?.[0] as number, out[0]?.[1] as number]);
  return out;
}

/** Polygon or MultiPolygon GeoJSON geometry → RD coordinates, repaired, or a reason to skip. */
export function polygonsToRd(geometry: unknown, crs: SourceCrs): PolygonOutcome {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    return { ok: false, reason: 'not-polygon' };
  }
  if (!Array.isArray(g.coordinates)) return { ok: false, reason: 'bad-coordinates' };
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
  const note = { repaired: false, bad: false };
  const out: RdMultiPolygonCoordinates = [];
  for (const polygon of polygons) {
    if (!Array.isArray(polygon)) return { ok: false, reason: 'bad-coordinates' };
    const outer = ringOf(polygon[0], crs, note);
    if (note.bad) return { ok: false, reason: 'bad-coordinates' };
    // A polygon whose outer ring is degenerate is dropped with its holes.
    if (!outer) continue;
    const rings: RdPolygonCoordinates = [outer];
    for (const ring of polygon.slice(1)) {
      const hole = ringOf(ring, crs, note);
      if (note.bad) return { ok: false, reason: 'bad-coordinates' };
      if (hole) rings.push(hole);
    }
    if (findSelfIntersection(rings) === null) {
      out.push(rings);
      continue;
    }
    // A ring crossing itself: a shell without holes is split at its crossings (a bow-tie into
    // its lobes); anything else is skipped, and both are counted.
    const pieces = rings.length === 1 ? splitAtCrossings(outer) : null;
    if (!pieces || pieces.rd.length === 0) return { ok: false, reason: 'self-intersection' };
    note.repaired = true;
    for (const piece of pieces.rd) out.push([piece as Array<[number, number]>]);
  }
  if (out.length === 0) return { ok: false, reason: 'empty' };
  return { ok: true, coordinates: out, repaired: note.repaired };
}

/** Bounding box of RD coordinates. */
export function boxOf(coordinates: RdMultiPolygonCoordinates): [number, number, number, number] {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const polygon of coordinates)
    for (const ring of polygon)
      for (const [x, y] of ring) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
  return [minX, minY, maxX, maxY];
}
