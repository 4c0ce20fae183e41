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
  name: string;
  properties: Record<string, unknown>;
  rd: RdMultiPolygonCoordinates;
  wgs84: Polygon | MultiPolygon;
}

export type ImportFormat = 'geojson' | 'kml' | 'kmz' | 'gpx' | 'shapefile-zip' | 'wkt';

export interface ParsedFile {
  format: ImportFormat;
  crs: 'EPSG:28992' | 'EPSG:4326';
  areas: ParsedArea[];
  /** Number of features in the file of any kind. */
  featureCount: number;
  /** Per-feature warnings and file-level notices (kinds of DESIGN.md 7.2). */
  notes: Note[];
}
