import type { MultiPolygon, Polygon } from 'geojson';
import { transformFor } from '../parse/crs';
import { DEFAULT_LIMITS } from '../parse/limits';
import { fromGeoJsonGeometry, type Position2 } from '../parse/raw';
import { validatePolygons } from '../parse/validate';
import type { ErrorKind, MessageParams } from '../result';

/** What the check of a saved area's geometry found. */
export type SavedGeometryCheck =
  /** Usable; `repaired` when the rules of an import changed it (closed, cleaned, split). */
  | { ok: true; geometry: Polygon | MultiPolygon; repaired: boolean }
  /** Not usable: the DESIGN.md 7.2 kind and message key an import would give. */
  | { ok: false; kind: ErrorKind; code: string; params?: MessageParams };

const wgs84 = transformFor({ kind: 'wgs84' });

function toGeometry(parts: Position2[][][]): Polygon | MultiPolygon {
  if (parts.length === 1) return { type: 'Polygon', coordinates: parts[0] as Position2[][] };
  return { type: 'MultiPolygon', coordinates: parts };
}

/**
 * Checks a saved area's WGS84 geometry with the rules of an import (DESIGN.md 7.2): numbers that
 * are finite, a Polygon or MultiPolygon, closed rings without self-intersections inside the RD area
 * of use. A geometry the rules accept as it is stays the same object; one they repair is replaced.
 */
export function checkSavedGeometry(
  geometry: unknown,
  maxVertices: number = DEFAULT_LIMITS.maxVertices,
): SavedGeometryCheck {
  const raw = fromGeoJsonGeometry(geometry);
  if (raw.type !== 'polygons') {
    return raw.type === 'invalid'
      ? { ok: false, kind: 'unreadable', code: 'import.featureInvalid', params: { feature: 1 } }
      : { ok: false, kind: 'no-polygons', code: 'import.featureNull' };
  }
  const checked = validatePolygons(raw.polygons, wgs84, maxVertices, true);
  if (!checked.ok) {
    return checked.params
      ? { ok: false, kind: checked.kind, code: checked.code, params: checked.params }
      : { ok: false, kind: checked.kind, code: checked.code };
  }
  const type = (geometry as { type?: unknown }).type;
  const sameParts = checked.lonLat.length === raw.polygons.length;
  if (
    checked.notices.length === 0 &&
    sameParts &&
    (type === 'Polygon' || type === 'MultiPolygon')
  ) {
    return { ok: true, geometry: geometry as Polygon | MultiPolygon, repaired: false };
  }
  return { ok: true, geometry: toGeometry(checked.lonLat), repaired: true };
}
