/**
 * The shipped CBS municipality outlines (data/reference/cbs-gemeenten/gemeenten-2022.geojson, WGS84,
 * one MultiPolygon per municipality, CC BY 4.0 CBS/Kadaster) and the small index derived from them
 * (names, codes, bounds) that the search box loads first; an outline is read only when chosen.
 */
import type { MultiPolygon } from 'geojson';
import { fail, ok, type Result } from '../result';
import type { MunicipalityEntry } from './municipalities';

/** Where the outlines and their index are served in the app (copied from data/ on build). */
export const MUNICIPALITY_OUTLINES_PATH = '/data/reference/cbs-gemeenten/gemeenten-2022.geojson';
export const MUNICIPALITY_INDEX_PATH = '/data/reference/cbs-gemeenten/gemeenten-2022.index.json';

/** One municipality's outline as shipped. */
export interface MunicipalityOutline {
  code: string;
  name: string;
  geometry: MultiPolygon;
}

/** The derived index file: source, its checksum and one row per municipality. */
export interface MunicipalityIndexFile {
  source: string;
  sha256: string;
  year: number;
  /** [code, name, [west, south, east, north]] */
  municipalities: Array<[string, string, [number, number, number, number]]>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const CODE = /^GM\d{4}$/;

function isPositionArray(value: unknown, depth: number): boolean {
  if (!Array.isArray(value)) return false;
  if (depth === 0) {
    return value.length >= 2 && Number.isFinite(value[0]) && Number.isFinite(value[1]);
  }
  return value.every((child) => isPositionArray(child, depth - 1));
}

/** Reads the outlines FeatureCollection (`statcode`, `statnaam`, MultiPolygon or Polygon). */
export function parseMunicipalityOutlines(json: unknown): Result<MunicipalityOutline[]> {
  const invalid = (detail: string) =>
    fail<MunicipalityOutline[]>('unreadable', 'places.outlinesInvalid', { detail });
  if (!isRecord(json) || !Array.isArray(json.features)) return invalid('not a FeatureCollection');
  const outlines: MunicipalityOutline[] = [];
  for (const feature of json.features) {
    if (!isRecord(feature) || !isRecord(feature.properties) || !isRecord(feature.geometry)) {
      return invalid(`feature ${outlines.length + 1}`);
    }
    const { statcode, statnaam } = feature.properties;
    const { type, coordinates } = feature.geometry;
    if (typeof statcode !== 'string' || !CODE.test(statcode) || typeof statnaam !== 'string') {
      return invalid(`feature ${outlines.length + 1}: statcode/statnaam`);
    }
    let geometry: MultiPolygon;
    if (type === 'MultiPolygon' && isPositionArray(coordinates, 3)) {
      geometry = { type, coordinates: coordinates as MultiPolygon['coordinates'] };
    } else if (type === 'Polygon' && isPositionArray(coordinates, 2)) {
      geometry = {
        type: 'MultiPolygon',
        coordinates: [coordinates as MultiPolygon['coordinates'][0]],
      };
    } else {
      return invalid(`${statcode}: geometry`);
    }
    outlines.push({ code: statcode, name: statnaam, geometry });
  }
  return ok(outlines);
}

/** Rounds a bound outwards to 1e-5 degrees (about a metre), so the box still holds the outline. */
function outwards(value: number, down: boolean): number {
  const scaled = value * 1e5;
  return (down ? Math.floor(scaled) : Math.ceil(scaled)) / 1e5;
}

/** WGS84 bounds of a MultiPolygon's outer rings, rounded outwards. */
export function outlineBounds(geometry: MultiPolygon): [number, number, number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const polygon of geometry.coordinates) {
    for (const [lon, lat] of polygon[0] ?? []) {
      west = Math.min(west, lon as number);
      east = Math.max(east, lon as number);
      south = Math.min(south, lat as number);
      north = Math.max(north, lat as number);
    }
  }
  return [
    outwards(west, true),
    outwards(south, true),
    outwards(east, false),
    outwards(north, false),
  ];
}

/** The index of the outlines, in their order (by code). `sha256` is of the source file's bytes. */
export function buildMunicipalityIndex(
  outlines: readonly MunicipalityOutline[],
  source: { name: string; sha256: string; year: number },
): MunicipalityIndexFile {
  return {
    source: source.name,
    sha256: source.sha256,
    year: source.year,
    municipalities: outlines.map((outline) => [
      outline.code,
      outline.name,
      outlineBounds(outline.geometry),
    ]),
  };
}

/** Reads the index file into search entries. */
export function parseMunicipalityIndex(json: unknown): Result<MunicipalityEntry[]> {
  const invalid = (detail: string) =>
    fail<MunicipalityEntry[]>('unreadable', 'places.outlinesInvalid', { detail });
  if (!isRecord(json) || !Array.isArray(json.municipalities)) return invalid('index');
  const entries: MunicipalityEntry[] = [];
  for (const row of json.municipalities) {
    if (
      !Array.isArray(row) ||
      typeof row[0] !== 'string' ||
      !CODE.test(row[0]) ||
      typeof row[1] !== 'string' ||
      !Array.isArray(row[2]) ||
      row[2].length !== 4 ||
      !row[2].every(Number.isFinite)
    ) {
      return invalid(`index row ${entries.length + 1}`);
    }
    entries.push({ code: row[0], name: row[1], bbox: row[2] as MunicipalityEntry['bbox'] });
  }
  return ok(entries);
}
