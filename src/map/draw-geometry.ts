import cleanCoords from '@turf/clean-coords';
import kinks from '@turf/kinks';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { isInRdAreaOfUse, rdToWgs84, wgs84ToRd } from '../core/projection/rd';

/** Planar area of one ring in RD New, m² (shoelace; sign ignored). */
function ringAreaM2(ring: Position[]): number {
  let twice = 0;
  let previous: [number, number] | null = null;
  let first: [number, number] | null = null;
  for (const position of ring) {
    const point = wgs84ToRd([position[0] as number, position[1] as number]);
    if (previous) twice += previous[0] * point[1] - point[0] * previous[1];
    else first = [point[0], point[1]];
    previous = [point[0], point[1]];
  }
  if (previous && first) twice += previous[0] * first[1] - first[0] * previous[1];
  return Math.abs(twice) / 2;
}

/**
 * Planar area in hectares in RD New (EPSG:28992) of a WGS84 polygon: outer rings minus holes.
 * Never Web Mercator, whose scale at 52° N overstates areas about 2.7 times.
 */
export function rdAreaHa(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let squareMetres = 0;
  for (const rings of polygons) {
    rings.forEach((ring, index) => {
      squareMetres += (index === 0 ? 1 : -1) * ringAreaM2(ring);
    });
  }
  return squareMetres / 10_000;
}

/** Where a polygon's rings cross themselves or each other, in WGS84 [lon, lat]; empty when valid. */
export function selfIntersections(geometry: Polygon | MultiPolygon): [number, number][] {
  // Repeated vertices (a double click, a freehand pause) are not crossings.
  const cleaned = cleanCoords({ type: 'Feature', properties: {}, geometry });
  const found = kinks(cleaned);
  return found.features.map((point) => {
    const [lon, lat] = point.geometry.coordinates as [number, number];
    return [lon, lat];
  });
}

/** A point as "x, y" in RD metres, for messages that say where something is. */
export function formatRdPoint(lonLat: readonly [number, number]): string {
  const [x, y] = wgs84ToRd(lonLat);
  return `${Math.round(x)}, ${Math.round(y)}`;
}

export type CoordinateEntryError =
  | { code: 'draw.entry.tooFew' }
  | { code: 'draw.entry.notNumbers'; params: { line: number } }
  | { code: 'draw.entry.outOfArea'; params: { line: number } }
  | { code: 'draw.entry.selfIntersection'; params: { where: string } };

/** RD New coordinates of the Netherlands lie in this box (metres). */
const RD_BOX = { minX: -7_000, maxX: 300_000, minY: 289_000, maxY: 629_000 };

function toLonLat(a: number, b: number): { lonLat: [number, number]; crs: 'rd' | 'wgs84' } | null {
  if (a >= RD_BOX.minX && a <= RD_BOX.maxX && b >= RD_BOX.minY && b <= RD_BOX.maxY) {
    const [lon, lat] = rdToWgs84([a, b]);
    return { lonLat: [lon, lat], crs: 'rd' };
  }
  if (isInRdAreaOfUse([a, b])) return { lonLat: [a, b], crs: 'wgs84' };
  // Latitude first, as many people type it: 52.1, 5.3.
  if (isInRdAreaOfUse([b, a])) return { lonLat: [b, a], crs: 'wgs84' };
  return null;
}

/**
 * A polygon from typed or pasted coordinate pairs, one pair per line or separated by ";" (RD New
 * metres "x y" or WGS84 degrees "lon lat" / "lat lon"). The ring is closed if it is open. WKT and
 * GeoJSON text go through the import parser instead.
 */
export function polygonFromCoordinateText(
  text: string,
):
  | { ok: true; polygon: Polygon; crs: 'rd' | 'wgs84' }
  | { ok: false; error: CoordinateEntryError } {
  const lines = text
    .split(/[\n;]+/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const ring: [number, number][] = [];
  let crs: 'rd' | 'wgs84' = 'wgs84';
  for (const [index, line] of lines.entries()) {
    // "52.1, 5.3" or "155000 463000" or "155000,5 463000,5" (decimal commas with a space between).
    const parts =
      line.includes(' ') && /\d,\d/.test(line) && !/,\s/.test(line)
        ? line.split(/\s+/).map((part) => part.replace(',', '.'))
        : line.split(/[\s,]+/);
    const numbers = parts.filter((part) => part.length > 0).map(Number);
    if (numbers.length !== 2 || numbers.some((value) => !Number.isFinite(value))) {
      return { ok: false, error: { code: 'draw.entry.notNumbers', params: { line: index + 1 } } };
    }
    const converted = toLonLat(numbers[0] as number, numbers[1] as number);
    if (!converted) {
      return { ok: false, error: { code: 'draw.entry.outOfArea', params: { line: index + 1 } } };
    }
    crs = converted.crs;
    ring.push(converted.lonLat);
  }
  const first = ring[0];
  const last = ring.at(-1);
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
  if (ring.length < 4) return { ok: false, error: { code: 'draw.entry.tooFew' } };
  const polygon: Polygon = { type: 'Polygon', coordinates: [ring] };
  const crossings = selfIntersections(polygon);
  if (crossings[0]) {
    return {
      ok: false,
      error: {
        code: 'draw.entry.selfIntersection',
        params: { where: formatRdPoint(crossings[0]) },
      },
    };
  }
  return { ok: true, polygon, crs };
}

/** The polygon without repeated consecutive vertices (a double click, a freehand pause). */
export function cleanedPolygon(polygon: Polygon): Polygon {
  return cleanCoords({ type: 'Feature', properties: {}, geometry: polygon }).geometry as Polygon;
}
