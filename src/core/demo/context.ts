import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { rdToWgs84 } from '../projection/rd';
import type { Ring } from './grid';
import type { Landscape, Line } from './landscape';

/**
 * The demo's vector context for the offline basemap, as a WGS84 FeatureCollection (RFC 7946:
 * closed rings, outer rings counter-clockwise, 6 decimals, about 0.1 m). Every feature has a
 * `kind`: outline, water, road (`class` main/local), built-up, place (`name`, `rank`).
 */

function toLonLat([x, y]: readonly [number, number]): Position {
  const [lon, lat] = rdToWgs84([x, y]);
  return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

/** Twice the signed area of a ring (positive: counter-clockwise). */
function signedArea(ring: readonly [number, number][]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[(i + 1) % ring.length] as [number, number];
    sum += x0 * y1 - x1 * y0;
  }
  return sum;
}

function polygonRing(ring: Ring): Position[] {
  const ordered = signedArea(ring) < 0 ? [...ring].reverse() : ring;
  const positions = ordered.map(toLonLat);
  positions.push(positions[0] as Position);
  return positions;
}

function feature(geometry: Geometry, properties: Record<string, string>): Feature {
  return { type: 'Feature', properties, geometry };
}

/** The river as a polygon: its centre line offset by the half width to both sides. */
export function riverPolygon(line: Line, halfWidthM: number): Ring {
  const left: [number, number][] = [];
  const right: [number, number][] = [];
  line.forEach(([x, y], i) => {
    const [xa, ya] = line[Math.max(0, i - 1)] as [number, number];
    const [xb, yb] = line[Math.min(line.length - 1, i + 1)] as [number, number];
    const length = Math.hypot(xb - xa, yb - ya);
    const nx = -(yb - ya) / length;
    const ny = (xb - xa) / length;
    // Ends stay on the box edge the centre line starts and ends on.
    const clamp = (v: number) =>
      Math.min(line[line.length - 1]?.[0] ?? v, Math.max(line[0]?.[0] ?? v, v));
    left.push([clamp(x + nx * halfWidthM), y + ny * halfWidthM]);
    right.push([clamp(x - nx * halfWidthM), y - ny * halfWidthM]);
  });
  return [...right, ...left.reverse()];
}

/** The package outline (DESIGN 8.1): the municipality's outline alone, WGS84. */
export function buildOutline(landscape: Landscape): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      feature(
        { type: 'Polygon', coordinates: [polygonRing(landscape.outline)] },
        { kind: 'outline', name: 'Klaverwaard (fictief)' },
      ),
    ],
  };
}

/** Builds the context FeatureCollection from the landscape skeleton. */
export function buildContext(landscape: Landscape): FeatureCollection {
  const features: Feature[] = [
    feature(
      { type: 'Polygon', coordinates: [polygonRing(landscape.outline)] },
      { kind: 'outline', name: 'Klaverwaard (fictief)' },
    ),
    feature(
      {
        type: 'Polygon',
        coordinates: [polygonRing(riverPolygon(landscape.riverLine, landscape.riverHalfWidthM))],
      },
      { kind: 'water', name: 'Klaverstroom' },
    ),
    ...landscape.lakes.map((ring, i) =>
      feature(
        { type: 'Polygon', coordinates: [polygonRing(ring)] },
        { kind: 'water', name: i === 0 ? 'Sluisveense Plas' : 'Waardplas' },
      ),
    ),
    ...landscape.canals.map((line, i) =>
      feature(
        { type: 'LineString', coordinates: line.map(toLonLat) },
        { kind: 'water', name: i === 0 ? 'Veenwetering' : 'Dwarswetering' },
      ),
    ),
    ...landscape.builtUp.map(({ place, ring }) =>
      feature(
        { type: 'Polygon', coordinates: [polygonRing(ring)] },
        { kind: 'built-up', name: place.name },
      ),
    ),
    ...landscape.roads.map((road) =>
      feature(
        { type: 'LineString', coordinates: road.line.map(toLonLat) },
        { kind: 'road', class: road.class },
      ),
    ),
    ...landscape.places.map((place) =>
      feature(
        { type: 'Point', coordinates: toLonLat([place.x, place.y]) },
        { kind: 'place', name: place.name, rank: place.rank },
      ),
    ),
  ];
  return { type: 'FeatureCollection', features };
}
