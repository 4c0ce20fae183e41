import type { MultiPolygon, Polygon } from 'geojson';
import type { Note } from '../result';

/** Polygon coordinates in RD New metres: rings of [x, y], outer ring first, then holes. */
export type RdPolygonCoordinates = Array<Array<[number, number]>>;
/** MultiPolygon coordinates in RD New metres. */
export type RdMultiPolygonCoordinates = RdPolygonCoordinates[];

/** One imported area, ready for analysis (RD) and for the map (WGS84). */
export interface ParsedArea {
  /** 1-based index of the feature in the input file. */
  feature: number;
  /** DESIGN.md 7.1: properties.id, else the GeoJSON id, else name/naam, else the 1-based index. */
  id: string;
  /** From name/naam/Name/title, as plain text; empty when the file names nothing. */
  name: string;
  properties: Record<string, unknown>;
  rd: RdMultiPolygonCoordinates;
  wgs84: Polygon | MultiPolygon;
}

export type ImportFormat = 'geojson' | 'kml' | 'kmz' | 'gpx' | 'shapefile-zip' | 'wkt';

export interface ParsedFile {
  format: ImportFormat;
  crs: 'EPSG:28992' | 'EPSG:4326';
  /** The CRS the coordinates were written in, e.g. `EPSG:3857` when Web Mercator was converted. */
  sourceCrs: string;
  areas: ParsedArea[];
  /** Number of features in the file of any kind. */
  featureCount: number;
  /** Per-feature warnings and file-level notices (kinds of DESIGN.md 7.2). */
  notes: Note[];
}

/** Limits and hooks of one import; every field is optional (defaults in limits.ts). */
export interface ImportOptions {
  /** Largest accepted file, bytes. */
  maxBytes?: number;
  /** Most features (of any kind) in one file. */
  maxFeatures?: number;
  /** Most vertices in one area (all rings and parts together). */
  maxVertices?: number;
  /** Most bytes unpacked from one zip, all entries together. */
  maxUnzippedBytes?: number;
  /**
   * Split self-intersecting outlines without holes into their lobes (a `repaired` notice) instead
   * of refusing them. Off by default: the user asks for it after seeing where the outline crosses.
   */
  repairSelfIntersections?: boolean;
  /** Called with a share 0..1 of the work done. */
  onProgress?: (fraction: number) => void;
  /** Aborts the import: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}
