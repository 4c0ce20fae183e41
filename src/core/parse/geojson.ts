import { fail, ok, type Result } from '../result';
import {
  type DeclaredCrs,
  fromGeoJsonGeometry,
  isRecord,
  type RawFeature,
  type RawFile,
} from './raw';

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/** Reads a CRS name (GeoJSON crs member, EWKT, OGC URN or URL) into a declared CRS. */
export function crsFromName(name: string): DeclaredCrs {
  const text = name.trim();
  if (/CRS:?84$/i.test(text)) return { kind: 'wgs84' };
  const code =
    /EPSG:{1,2}(?:[\d.]*:)?(\d+)$/i.exec(text)?.[1] ??
    /\/def\/crs\/EPSG\/[\d.]+\/(\d+)$/i.exec(text)?.[1] ??
    /^(\d+)$/.exec(text)?.[1];
  return code ? crsFromEpsg(Number(code), text) : { kind: 'unknown', name: text };
}

/** Maps an EPSG code to a CRS the importer handles. */
export function crsFromEpsg(code: number, name = `EPSG:${code}`): DeclaredCrs {
  if (code === 28992) return { kind: 'rd' };
  if (code === 4326 || code === 4258 || code === 4289) return { kind: 'wgs84' };
  if (code === 3857 || code === 900913 || code === 3785) return { kind: 'mercator' };
  if (code === 25831 || code === 32631) return { kind: 'utm', zone: 31 };
  if (code === 25832 || code === 32632) return { kind: 'utm', zone: 32 };
  return { kind: 'unknown', name };
}

function declaredCrs(crs: unknown): DeclaredCrs | null {
  if (!isRecord(crs) || !isRecord(crs.properties)) return null;
  const { name, code } = crs.properties;
  if (typeof name === 'string') return crsFromName(name);
  if (typeof code === 'number' || typeof code === 'string') return crsFromEpsg(Number(code));
  return null;
}

function featureOf(value: unknown, index: number): RawFeature {
  if (!isRecord(value)) return { index, geometry: { type: 'invalid' }, properties: {} };
  const properties = isRecord(value.properties) ? value.properties : {};
  const id = typeof value.id === 'string' || typeof value.id === 'number' ? value.id : undefined;
  const geometry =
    value.type === 'Feature'
      ? fromGeoJsonGeometry(value.geometry)
      : GEOMETRY_TYPES.has(String(value.type))
        ? fromGeoJsonGeometry(value)
        : { type: 'invalid' as const };
  return id === undefined ? { index, geometry, properties } : { index, geometry, properties, id };
}

/** True when JSON text stops inside a string, object or array: a cut-off file. */
function endsOpen(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
  }
  return inString || depth > 0;
}

/** Reads GeoJSON text: a FeatureCollection, a Feature, a bare Geometry or an array of Features. */
export function readGeoJson(text: string): Result<RawFile> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('unreadable', endsOpen(text) ? 'import.jsonTruncated' : 'import.jsonInvalid');
  }
  if (Array.isArray(json)) {
    if (json.length && json.every((item) => isRecord(item) && item.type === 'Feature')) {
      const features = json.map((item, i) => featureOf(item, i + 1));
      return ok({ format: 'geojson', features, featureCount: features.length, crs: null });
    }
    return fail('unreadable', 'import.notGeoJson');
  }
  if (!isRecord(json)) return fail('unreadable', 'import.notGeoJson');
  const crs = declaredCrs(json.crs);
  if (json.type === 'FeatureCollection') {
    if (!Array.isArray(json.features)) return fail('unreadable', 'import.notGeoJson');
    const features = json.features.map((item: unknown, i: number) => featureOf(item, i + 1));
    return ok({ format: 'geojson', features, featureCount: features.length, crs });
  }
  if (json.type === 'Feature' || GEOMETRY_TYPES.has(String(json.type))) {
    return ok({ format: 'geojson', features: [featureOf(json, 1)], featureCount: 1, crs });
  }
  if (json.type === 'Topology') return fail('unsupported', 'import.topojson');
  if ('geometryType' in json || 'spatialReference' in json) {
    return fail('unsupported', 'import.esriJson');
  }
  return fail('unreadable', 'import.notGeoJson');
}
