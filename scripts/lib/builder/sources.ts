/**
 * Source adapters of the package builder (DESIGN.md 8.4): each opens one source, validates it
 * (layer, columns, CRS) before any work, and then streams its features. A source is a GeoJSON
 * file here; GeoPackage and OGC API Features adapters give the same interface.
 */
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { SourceCrs } from '../../../src/core/builder/source-geometry';
import type { MessageParams } from '../../../src/core/result';
import { type GeoJsonFeature, readGeoJsonHead, streamGeoJson } from './geojson-file';

/** One problem found while validating a source: an i18n code under `builder.` and its params. */
export interface SourceProblem {
  code: string;
  params: MessageParams;
}

export interface ReadSummary {
  sha256: string;
  features: number;
  bytes: number;
}

/** An opened, validated source. */
export interface BuilderSource {
  /** Catalogue source id, e.g. `bro-bodemkaart`, `bgt-pand`. */
  id: string;
  /** The BGT collection or the role (`soil`, `brp`). */
  layer: string;
  file?: string;
  url?: string;
  crs: SourceCrs;
  /** Streams every feature (the bbox is a hint an adapter may use to select). */
  read(
    bbox: readonly [number, number, number, number],
    onFeature: (feature: GeoJsonFeature) => void,
  ): Promise<ReadSummary>;
}

export type Opened =
  | { source: BuilderSource; problems: [] }
  | { source: null; problems: SourceProblem[] };

/** Columns a source must have, by role/collection. */
export function requiredColumns(layer: string): string[] {
  if (layer === 'soil') return ['maparea_id'];
  if (layer === 'brp') return ['category'];
  const withSurface = [
    'wegdeel',
    'ondersteunendwegdeel',
    'onbegroeidterreindeel',
    'begroeidterreindeel',
  ];
  return withSurface.includes(layer) ? ['fysiek_voorkomen'] : [];
}

/** Missing columns of a first feature; `category` is also found as `gewascategorie`. */
export function missingColumns(layer: string, properties: Record<string, unknown>): string[] {
  return requiredColumns(layer).filter(
    (column) =>
      !(column in properties) && !(column === 'category' && 'gewascategorie' in properties),
  );
}

/** Opens and validates a GeoJSON FeatureCollection file as the source of `layer`. */
export async function openGeoJsonSource(path: string, id: string, layer: string): Promise<Opened> {
  const name = basename(path);
  const problem = (code: string, params: MessageParams = {}): Opened => ({
    source: null,
    problems: [{ code: `builder.${code}`, params: { file: name, layer, ...params } }],
  });
  if (!existsSync(path) || !statSync(path).isFile()) return problem('fileMissing');
  let head: Awaited<ReturnType<typeof readGeoJsonHead>>;
  try {
    head = await readGeoJsonHead(path);
  } catch (error) {
    return problem('notGeoJson', { detail: (error as Error).message });
  }
  if (head.type !== undefined && head.type !== 'FeatureCollection') {
    return problem('notGeoJson', { detail: `type ${String(head.type)}` });
  }
  const problems: SourceProblem[] = [];
  if (typeof head.crs === 'object') {
    problems.push({
      code: 'builder.crsUnsupported',
      params: { file: name, layer, crs: head.crs.unsupported },
    });
  } else if (!head.crsNamed && head.first && looksProjected(head.first.geometry)) {
    problems.push({ code: 'builder.crsMissing', params: { file: name, layer } });
  } else if (head.crs === 'rd' && head.first && !looksProjected(head.first.geometry)) {
    problems.push({ code: 'builder.crsMismatch', params: { file: name, layer } });
  }
  if (head.first) {
    const missing = missingColumns(layer, head.first.properties);
    if (missing.length > 0) {
      problems.push({
        code: 'builder.columnsMissing',
        params: { file: name, layer, columns: missing.join(', ') },
      });
    }
  }
  if (problems.length > 0) return { source: null, problems };
  const crs = head.crs as SourceCrs;
  return {
    source: {
      id,
      layer,
      file: path,
      crs,
      read: (_bbox, onFeature) => streamGeoJson(path, onFeature),
    },
    problems: [],
  };
}

/** True when a geometry's first position is far outside degrees: metres without a `crs`. */
function looksProjected(geometry: unknown): boolean {
  let node: unknown = (geometry as { coordinates?: unknown } | null)?.coordinates;
  while (Array.isArray(node) && Array.isArray(node[0])) node = node[0];
  if (!Array.isArray(node)) return false;
  const [x, y] = node as number[];
  return Math.abs(x ?? 0) > 180 || Math.abs(y ?? 0) > 90;
}
