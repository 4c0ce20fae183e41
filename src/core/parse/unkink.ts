import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import unkinkPolygon from '@turf/unkink-polygon';
import { rdToWgs84 } from '../projection/rd';
import { signedRingArea } from './geometry';
import type { Position2 } from './raw';

/**
 * Splits a self-intersecting ring (RD metres, closed, no holes) into simple rings at its
 * crossings (@turf/unkink-polygon): a bow-tie becomes its two lobes. Pieces inside another piece
 * are dropped, so a loop over itself counts once. Returns RD and WGS84 rings, outer counter-clockwise;
 * null when the ring cannot be split.
 */
export function splitAtCrossings(
  ring: Position2[],
): { rd: Position2[][]; lonLat: Position2[][] } | null {
  let pieces: Position2[][];
  try {
    pieces = unkinkPolygon({ type: 'Polygon', coordinates: [ring] }).features.map(
      (f) => f.geometry.coordinates[0] as Position2[],
    );
  } catch {
    return null;
  }
  const simple = pieces.filter(
    (piece) => piece.length >= 4 && Math.abs(signedRingArea(piece)) > 1e-6,
  );
  // unkink-polygon returns nested pieces for a loop over itself; keep the outermost only.
  const outermost = simple.filter(
    (piece, i) =>
      !simple.some(
        (other, j) =>
          j !== i &&
          Math.abs(signedRingArea(other)) > Math.abs(signedRingArea(piece)) &&
          booleanPointInPolygon(centroidOf(piece), { type: 'Polygon', coordinates: [other] }),
      ),
  );
  const rd = outermost.map((piece) => (signedRingArea(piece) > 0 ? piece : [...piece].reverse()));
  if (rd.length === 0) return null;
  return { rd, lonLat: rd.map((piece) => piece.map((p) => rdToWgs84(p) as Position2)) };
}

/** Area centroid of a simple closed ring. */
function centroidOf(ring: Position2[]): Position2 {
  const [x0, y0] = ring[0] as Position2;
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as Position2;
    const [x2, y2] = ring[i + 1] as Position2;
    const cross = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
    area += cross;
    cx += (x1 + x2 - 2 * x0) * cross;
    cy += (y1 + y2 - 2 * y0) * cross;
  }
  return [x0 + cx / (3 * area), y0 + cy / (3 * area)];
}
