import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** A package outline's checks (DESIGN 8.1): polygons in WGS84. Small, so the map loads it early. */

function inWgs84(position: Position): boolean {
  const [lon, lat] = position;
  return (
    typeof lon === 'number' &&
    typeof lat === 'number' &&
    Math.abs(lon) <= 180 &&
    Math.abs(lat) <= 90
  );
}

function isPolygonal(geometry: unknown): geometry is Polygon | MultiPolygon {
  if (typeof geometry !== 'object' || geometry === null) return false;
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (!Array.isArray(coordinates) || coordinates.length === 0) return false;
  const polygons = (
    type === 'Polygon' ? [coordinates] : type === 'MultiPolygon' ? coordinates : []
  ) as unknown[];
  return (
    polygons.length > 0 &&
    polygons.every(
      (rings) =>
        Array.isArray(rings) &&
        rings.length > 0 &&
        rings.every(
          (ring) =>
            Array.isArray(ring) &&
            ring.length >= 4 &&
            ring.every((p) => Array.isArray(p) && inWgs84(p as Position)),
        ),
    )
  );
}

/** The outline's polygons as a FeatureCollection, or null when it holds anything else. */
export function outlinePolygons(value: unknown): FeatureCollection<Polygon | MultiPolygon> | null {
  if (typeof value !== 'object' || value === null) return null;
  const object = value as { type?: unknown; features?: unknown; geometry?: unknown };
  const features: unknown[] =
    object.type === 'FeatureCollection' && Array.isArray(object.features)
      ? object.features
      : object.type === 'Feature'
        ? [object]
        : [{ type: 'Feature', properties: {}, geometry: object }];
  if (features.length === 0) return null;
  const out: Feature<Polygon | MultiPolygon>[] = [];
  for (const feature of features) {
    const geometry = (feature as { geometry?: unknown } | null)?.geometry;
    if (!isPolygonal(geometry)) return null;
    out.push({ type: 'Feature', properties: {}, geometry });
  }
  return { type: 'FeatureCollection', features: out };
}
