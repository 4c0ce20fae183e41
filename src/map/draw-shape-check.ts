import type { MultiPolygon, Polygon } from 'geojson';
import { checkNesting } from '../core/parse/nesting';
import type { Position2 } from '../core/parse/raw';
import { rdToWgs84, wgs84ToRd } from '../core/projection/rd';

/**
 * What an edit in Select leaves of an area with holes or several parts, by the import's rules
 * (core/parse/nesting.ts): parts that now overlap are dissolved (so no ground counts twice) and a
 * hole that now lies outside its outline is dropped, each with a notice; a hole that now equals,
 * contains or sticks out of its outline, or overlaps another hole, refuses the edit.
 */
export type ShapeCheck =
  | {
      ok: true;
      geometry: Polygon | MultiPolygon;
      /** A notice of the `draw` namespace when the shape was repaired, else null. */
      notice: { code: 'draw.partsDissolved' | 'draw.holeOutsideDropped'; where: string } | null;
    }
  | { ok: false; code: 'draw.holeRefused'; where: string };

const rdText = (point: Position2) => `${Math.round(point[0])}, ${Math.round(point[1])}`;

function toLonLat(point: Position2): Position2 {
  const [lon, lat] = rdToWgs84(point);
  return [lon, lat];
}

/** Checks the geometry of an area after an edit; a simple polygon passes unchanged at once. */
export function checkEditedShape(geometry: Polygon | MultiPolygon): ShapeCheck {
  const parts = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).map(
    (rings) => rings.map((ring) => ring.map((p) => [p[0] as number, p[1] as number] as Position2)),
  );
  if (parts.length === 1 && (parts[0]?.length ?? 0) <= 1)
    return { ok: true, geometry, notice: null };
  const rd = parts.map((rings) =>
    rings.map((ring) =>
      ring.map((p) => {
        const [x, y] = wgs84ToRd(p);
        return [x, y] as Position2;
      }),
    ),
  );
  const nesting = checkNesting(rd);
  if (!nesting.ok) return { ok: false, code: 'draw.holeRefused', where: rdText(nesting.point) };
  if (nesting.overlapAt) {
    const merged = nesting.parts.map((rings) => rings.map((ring) => ring.map(toLonLat)));
    const result: Polygon | MultiPolygon =
      merged.length === 1
        ? { type: 'Polygon', coordinates: merged[0] as Position2[][] }
        : { type: 'MultiPolygon', coordinates: merged };
    return {
      ok: true,
      geometry: result,
      notice: { code: 'draw.partsDissolved', where: rdText(nesting.overlapAt) },
    };
  }
  if (nesting.holesOutside && nesting.keptRings) {
    const keptRings = nesting.keptRings;
    const kept = parts.map((rings, p) => (keptRings[p] ?? [0]).map((r) => rings[r] as Position2[]));
    const result: Polygon | MultiPolygon =
      geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: kept[0] as Position2[][] }
        : { type: 'MultiPolygon', coordinates: kept };
    const hole = rd.flatMap((rings, p) =>
      rings.filter((_, r) => r > 0 && !(keptRings[p] ?? []).includes(r)),
    )[0];
    return {
      ok: true,
      geometry: result,
      notice: { code: 'draw.holeOutsideDropped', where: rdText(hole?.[0] ?? [0, 0]) },
    };
  }
  return { ok: true, geometry, notice: null };
}
