import { MAX_GEOMETRY_DEPTH } from './limits';
import type { ImportFormat } from './types';

/** A position as read from the file, Z and M dropped; CRS not yet known. */
export type Position2 = [number, number];

/** What a reader found in one feature, before CRS and validation. */
export type RawGeometry =
  /** Polygon parts: rings of positions (maybe unclosed), outer ring first. */
  | { type: 'polygons'; polygons: Position2[][][] }
  | { type: 'point' }
  | { type: 'line' }
  | { type: 'null' }
  /** A GPX track or route whose ends lie `gapM` metres apart. */
  | { type: 'open-line'; gapM: number }
  /**
   * Coordinates that are not numbers, or a geometry type nobody knows; `tooDeep` when
   * GeometryCollections are nested deeper than MAX_GEOMETRY_DEPTH.
   */
  | { type: 'invalid'; tooDeep?: true };

export interface RawFeature {
  /** 1-based index in the file. */
  index: number;
  geometry: RawGeometry;
  properties: Record<string, unknown>;
  /** The GeoJSON feature id, when there is one. */
  id?: string | number;
}

/** A CRS that the file declares. */
export type DeclaredCrs =
  | { kind: 'rd' }
  | { kind: 'wgs84' }
  | { kind: 'mercator' }
  | { kind: 'utm'; zone: number }
  | { kind: 'unknown'; name: string };

export interface RawFile {
  format: ImportFormat;
  features: RawFeature[];
  /** Features of any kind in the file. */
  featureCount: number;
  /** Declared CRS; null when the file says nothing (then the coordinate range decides). */
  crs: DeclaredCrs | null;
  /** KML, KMZ and GPX are WGS84 by definition. */
  fixedWgs84?: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export { isRecord };

function position(value: unknown): Position2 | null {
  if (!Array.isArray(value) || value.length < 2) return null;
  const x = value[0];
  const y = value[1];
  if (typeof x !== 'number' || typeof y !== 'number') return null;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  return [x, y];
}

function ring(value: unknown): Position2[] | null {
  if (!Array.isArray(value)) return null;
  const out: Position2[] = [];
  for (const item of value) {
    const p = position(item);
    if (!p) return null;
    out.push(p);
  }
  return out;
}

function polygon(value: unknown): Position2[][] | null {
  if (!Array.isArray(value)) return null;
  const out: Position2[][] = [];
  for (const item of value) {
    const r = ring(item);
    if (!r) return null;
    out.push(r);
  }
  return out;
}

function polygons(value: unknown): Position2[][][] | null {
  if (!Array.isArray(value)) return null;
  const out: Position2[][][] = [];
  for (const item of value) {
    const p = polygon(item);
    if (!p) return null;
    out.push(p);
  }
  return out;
}

/** Reads a GeoJSON geometry (unknown input) into a RawGeometry; Z and M values are dropped. */
export function fromGeoJsonGeometry(geometry: unknown, depth = 0): RawGeometry {
  if (geometry === null || geometry === undefined) return { type: 'null' };
  if (!isRecord(geometry)) return { type: 'invalid' };
  if (depth > MAX_GEOMETRY_DEPTH) return { type: 'invalid', tooDeep: true };
  switch (geometry.type) {
    case 'Polygon': {
      const p = polygon(geometry.coordinates);
      if (!p) return { type: 'invalid' };
      const nonEmpty = p.filter((r) => r.length > 0);
      return nonEmpty.length ? { type: 'polygons', polygons: [nonEmpty] } : { type: 'null' };
    }
    case 'MultiPolygon': {
      const m = polygons(geometry.coordinates);
      if (!m) return { type: 'invalid' };
      const parts = m.map((p) => p.filter((r) => r.length > 0)).filter((p) => p.length > 0);
      return parts.length ? { type: 'polygons', polygons: parts } : { type: 'null' };
    }
    case 'Point':
    case 'MultiPoint':
      return { type: 'point' };
    case 'LineString':
    case 'MultiLineString':
      return { type: 'line' };
    case 'GeometryCollection': {
      if (!Array.isArray(geometry.geometries)) return { type: 'invalid' };
      const parts: Position2[][][] = [];
      let kind: RawGeometry = { type: 'null' };
      for (const child of geometry.geometries) {
        const raw = fromGeoJsonGeometry(child, depth + 1);
        if (raw.type === 'polygons') parts.push(...raw.polygons);
        else if (raw.type === 'invalid') return raw;
        else if (raw.type === 'line' || (raw.type === 'point' && kind.type === 'null')) kind = raw;
      }
      return parts.length ? { type: 'polygons', polygons: parts } : kind;
    }
    default:
      return { type: 'invalid' };
  }
}
