/**
 * Deterministic, realistic farm parcels for batch tests and the batch benchmark: elongated
 * quadrilateral-like outlines of 1-10 ha with 5-30 vertices, laid out in a jittered grid over an RD
 * New box (by default the demo municipality), each given in RD New and in WGS84.
 */
import type { Polygon } from 'geojson';
import type { RdMultiPolygonCoordinates } from '../parse/types';
import { rdToWgs84 } from '../projection/rd';
import { planarAreaM2 } from '../zonal/coverage-fractions';
import { createRandom } from './random';

/** The demo municipality's extent in RD New metres (data/demo/catalogue.json `bbox_rd`). */
export const DEMO_BBOX_RD: readonly [number, number, number, number] = [
  145000, 455000, 165000, 471000,
];

export interface Parcel {
  id: string;
  name: string;
  /** Planar area in RD New, ha. */
  areaHa: number;
  rd: RdMultiPolygonCoordinates;
  /** The same outline in WGS84 (RFC 7946: counter-clockwise outer ring, closed). */
  geometry: Polygon;
}

export interface ParcelOptions {
  seed?: number;
  bboxRd?: readonly [number, number, number, number];
}

/** Outline of a rectangle (-1..1 by -aspect..aspect): its corners and `vertices - 4` more points
 * spread along its sides, in order along the perimeter (counter-clockwise, so never crossing). */
function rectangleOutline(
  vertices: number,
  aspect: number,
  jitter: () => number,
): Array<[number, number]> {
  const corners: Array<[number, number]> = [
    [-1, -aspect],
    [1, -aspect],
    [1, aspect],
    [-1, aspect],
  ];
  const perimeter = 4 + 4 * aspect;
  const positions = [0, 2, 2 + 2 * aspect, 4 + 2 * aspect];
  const extra = vertices - 4;
  // The 0.37 offset keeps extra points off the corners (no duplicate vertices).
  for (let k = 0; k < extra; k++) positions.push(((k + 0.37) / extra) * perimeter);
  positions.sort((a, b) => a - b);
  return positions.map((t) => pointOnPerimeter(corners, aspect, t, jitter));
}

function pointOnPerimeter(
  corners: Array<[number, number]>,
  aspect: number,
  t: number,
  jitter: () => number,
): [number, number] {
  const lengths = [2, 2 * aspect, 2, 2 * aspect];
  let rest = t;
  for (let side = 0; side < 4; side++) {
    const length = lengths[side] as number;
    if (rest <= length || side === 3) {
      const [x0, y0] = corners[side] as [number, number];
      const [x1, y1] = corners[(side + 1) % 4] as [number, number];
      const f = Math.min(1, Math.max(0, rest / length));
      // Small inward/outward wobble of a ditch or hedge, at most 4 % of the short side.
      const wobble = f > 0 && f < 1 ? 0.04 * jitter() : 0;
      const nx = y1 - y0;
      const ny = -(x1 - x0);
      const norm = Math.hypot(nx, ny) || 1;
      return [x0 + (x1 - x0) * f + (wobble * nx) / norm, y0 + (y1 - y0) * f + (wobble * ny) / norm];
    }
    rest -= length;
  }
  return corners[0] as [number, number];
}

/**
 * `count` parcels, one per cell of a near-square grid over `bboxRd`, centred in their cell with a
 * random offset, rotated to a field direction, 1-10 ha (exact planar area) and 5-30 vertices.
 * Neighbours may overlap where a parcel is larger than its cell. Same seed, same parcels.
 */
export function generateParcels(count: number, options: ParcelOptions = {}): Parcel[] {
  const [minX, minY, maxX, maxY] = options.bboxRd ?? DEMO_BBOX_RD;
  const random = createRandom(options.seed ?? 2026);
  const width = maxX - minX;
  const height = maxY - minY;
  const columns = Math.max(1, Math.ceil(Math.sqrt((count * width) / height)));
  const rows = Math.max(1, Math.ceil(count / columns));
  const cellWidth = width / columns;
  const cellHeight = height / rows;
  const parcels: Parcel[] = [];
  for (let index = 0; index < count; index++) {
    const column = index % columns;
    const row = Math.floor(index / columns);
    const centreX = minX + (column + 0.5 + 0.3 * (random.next() - 0.5)) * cellWidth;
    const centreY = minY + (row + 0.5 + 0.3 * (random.next() - 0.5)) * cellHeight;
    const areaHa = random.between(1, 10);
    const vertices = 5 + Math.floor(random.next() * 26);
    const aspect = random.between(1.5, 4);
    const angle = random.between(0, Math.PI);
    const unit = rectangleOutline(vertices, aspect, () => random.next() - 0.5);
    const scale = Math.sqrt(
      (areaHa * 10_000) / planarAreaM2([[[...unit, unit[0] as [number, number]]]]),
    );
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const ring: Array<[number, number]> = unit.map(([x, y]) => [
      centreX + scale * (x * cos - y * sin),
      centreY + scale * (x * sin + y * cos),
    ]);
    ring.push([...(ring[0] as [number, number])]);
    const lonLat = ring.map((point) => {
      const [lon, lat] = rdToWgs84(point);
      return [lon, lat];
    });
    const number = String(index + 1).padStart(5, '0');
    parcels.push({
      id: `perceel-${number}`,
      name: `Perceel ${number}`,
      areaHa: planarAreaM2([[ring]]) / 10_000,
      rd: [[ring]],
      geometry: { type: 'Polygon', coordinates: [lonLat] },
    });
  }
  return parcels;
}
