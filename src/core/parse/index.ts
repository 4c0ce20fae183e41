import type { MultiPolygon, Polygon } from 'geojson';
import { fail, type MessageParams, type Note, ok, type Result } from '../result';
import { frameOf, transformFor } from './crs';
import { chooseCrs, declaredMismatch, mixedCrs } from './crs-choice';
import { detect } from './detect';
import { readGeoJson } from './geojson';
import { boundsOf } from './geometry';
import { boundedProperties, cleanProperties, idOf, nameOf } from './identity';
import { type Limits, limitsOf, MAX_GEOMETRY_DEPTH, MAX_PROPERTY_DEPTH } from './limits';
import type { Position2, RawFeature, RawFile } from './raw';
import { decodeText } from './text';
import type { ImportOptions, ParsedArea, ParsedFile } from './types';
import { validatePolygons } from './validate';
import { readWkt } from './wkt';
import { parseXml, readXml } from './xml';
import { readZip } from './zip';

export { DEFAULT_LIMITS } from './limits';
export type { ImportOptions, ParsedArea, ParsedFile } from './types';

const MB = 1024 * 1024;

/**
 * Reads a user's areas file (GeoJSON, KML, KMZ, GPX, zipped Shapefile or WKT; format by content)
 * into areas in RD New and WGS84. Expected problems come back as an error Result or as notes,
 * per DESIGN.md 7.2; the promise rejects only when `options.signal` aborts.
 */
export async function parseAreasFile(
  input: { name: string; bytes: Uint8Array },
  options?: ImportOptions,
): Promise<Result<ParsedFile>> {
  options?.signal?.throwIfAborted();
  const limits = limitsOf(options);
  const { bytes, name } = input;
  if (bytes.length > limits.maxBytes) {
    return fail('too-large', 'import.fileTooLarge', {
      sizeMb: Math.ceil(bytes.length / MB),
      maxMb: Math.floor(limits.maxBytes / MB),
    });
  }
  if (bytes.length === 0) return fail('empty', 'import.emptyFile');
  const raw = read(bytes, name, limits);
  options?.onProgress?.(0.2);
  if (!raw.ok) return raw;
  return build(raw.value, limits, options);
}

function read(bytes: Uint8Array, name: string, limits: Limits): Result<RawFile> {
  const head = decodeText(bytes.subarray(0, 4096));
  const kind = detect(bytes, head, name);
  switch (kind) {
    case 'zip':
      return readZip(bytes, limits, (inner, innerName) =>
        detect(inner, '', innerName) === 'zip'
          ? fail('unsupported', 'import.zipNoShapefile', { found: innerName })
          : read(inner, innerName, limits),
      );
    case 'geopackage':
      return fail('unsupported', 'import.geopackage');
    case 'shp':
    case 'dbf':
      return fail('unreadable', 'import.shpAlone');
    case 'binary':
      return fail('unreadable', 'import.binary');
    case 'html':
      return fail('unreadable', 'import.htmlPage');
    case 'dxf':
      return fail('unsupported', 'import.dxf');
    case 'json':
    case 'xml':
    case 'wkt':
    case 'text':
      return readText(decodeText(bytes), kind, name);
    default: {
      const never: never = kind;
      return never;
    }
  }
}

function readText(
  text: string,
  kind: 'json' | 'xml' | 'wkt' | 'text',
  name: string,
): Result<RawFile> {
  if (text.trim() === '') return fail('empty', 'import.emptyFile');
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (kind === 'json') return readGeoJson(text);
  if (kind === 'wkt') return readWkt(text);
  if (kind === 'xml') {
    const doc = parseXml(text);
    return doc.ok ? readXml(doc.value, extension === 'kmz' ? 'kmz' : 'kml') : doc;
  }
  // Text in no known format: the extension says what it was meant to be.
  if (extension === 'geojson' || extension === 'json')
    return fail('unreadable', 'import.jsonInvalid');
  if (extension === 'kml' || extension === 'gpx') return fail('unreadable', 'import.xmlInvalid');
  if (extension === 'wkt') return fail('unreadable', 'import.wktInvalid');
  if (extension === 'csv' || extension === 'txt') return fail('unsupported', 'import.csv');
  return fail('unreadable', 'import.unknownFormat');
}

/** The file-level error when no feature holds a polygon at all. */
function noPolygons(features: RawFeature[]): Result<ParsedFile> {
  const count = (type: string) => features.filter((f) => f.geometry.type === type).length;
  const points = count('point');
  const lines = count('line') + count('open-line');
  const empty = count('null');
  const invalid = count('invalid');
  const open = features.find((f) => f.geometry.type === 'open-line');
  if (open?.geometry.type === 'open-line' && lines === features.length && features.length === 1) {
    return fail('no-polygons', 'import.gpxOpen', { gap: Math.round(open.geometry.gapM) });
  }
  if (invalid === features.length) {
    const first = features[0]?.geometry;
    return first?.type === 'invalid' && first.tooDeep
      ? fail('unreadable', 'import.geometryTooDeep', { max: MAX_GEOMETRY_DEPTH })
      : fail('unreadable', 'import.featureInvalid', { feature: 1 });
  }
  if (points === features.length)
    return fail('no-polygons', 'import.onlyPoints', { count: points });
  if (lines === features.length) return fail('no-polygons', 'import.onlyLines', { count: lines });
  if (empty === features.length) return fail('no-polygons', 'import.onlyNull', { count: empty });
  return fail('no-polygons', 'import.noPolygonsMixed', { points, lines, empty, invalid });
}

function toWgs84(parts: Position2[][][]): Polygon | MultiPolygon {
  if (parts.length === 1) return { type: 'Polygon', coordinates: parts[0] as Position2[][] };
  return { type: 'MultiPolygon', coordinates: parts };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function build(
  raw: RawFile,
  limits: Limits,
  options?: ImportOptions,
): Promise<Result<ParsedFile>> {
  if (raw.featureCount > limits.maxFeatures) {
    return fail('too-large', 'import.tooManyFeatures', {
      count: raw.featureCount,
      max: limits.maxFeatures,
    });
  }
  if (raw.features.length === 0) return fail('empty', 'import.noFeatures');
  const candidates = raw.features.filter((f) => f.geometry.type === 'polygons');
  if (candidates.length === 0) return noPolygons(raw.features);
  const polygonsOf = (f: RawFeature) => (f.geometry.type === 'polygons' ? f.geometry.polygons : []);
  const frames = candidates.map((f) => frameOf(boundsOf(polygonsOf(f))));
  const mixed = mixedCrs(
    candidates.map((f) =>
      polygonsOf(f).flatMap((rings) => rings.map((ring) => frameOf(boundsOf([[ring]])))),
    ),
    candidates.map((f) => f.index),
  );
  if (mixed) return mixed;
  const crs = chooseCrs(raw, frames, candidates.flatMap(polygonsOf));
  if (!crs.ok) return crs;
  const mismatch = declaredMismatch(crs.value, frames);
  if (mismatch) return mismatch;
  const { source } = crs.value;
  const transform = transformFor(source);
  const swapped = transformFor({ kind: 'swapped' });

  const areas: ParsedArea[] = [];
  const notes: Note[] = [...crs.value.notes];
  const refused: Note[] = [];
  let lastYield = Date.now();
  for (const [i, feature] of raw.features.entries()) {
    if (Date.now() - lastYield > 50) {
      await yieldToEventLoop();
      options?.signal?.throwIfAborted();
      options?.onProgress?.(0.2 + (0.8 * i) / raw.features.length);
      lastYield = Date.now();
    }
    const index = feature.index;
    const refuse = (kind: Note['kind'], code: string, params?: MessageParams) =>
      refused.push(
        params ? { kind, code, params, feature: index } : { kind, code, feature: index },
      );
    const geometry = feature.geometry;
    switch (geometry.type) {
      case 'point':
        refuse('no-polygons', 'import.featurePoint');
        continue;
      case 'line':
        refuse('no-polygons', 'import.featureLine');
        continue;
      case 'open-line':
        refuse('no-polygons', 'import.gpxOpen', { gap: Math.round(geometry.gapM) });
        continue;
      case 'null':
        refuse('no-polygons', 'import.featureNull');
        continue;
      case 'invalid':
        if (geometry.tooDeep)
          refuse('unreadable', 'import.geometryTooDeep', { max: MAX_GEOMETRY_DEPTH });
        else refuse('unreadable', 'import.featureInvalid', { feature: index });
        continue;
      case 'polygons':
        break;
    }
    // WGS84 files may hold single features written latitude first.
    const axesSwapped =
      source.kind === 'wgs84' && frameOf(boundsOf(geometry.polygons)) === 'swapped';
    const result = validatePolygons(
      geometry.polygons,
      axesSwapped ? swapped : transform,
      limits.maxVertices,
      options?.repairSelfIntersections === true,
    );
    if (!result.ok) {
      refuse(result.kind, result.code, result.params);
      continue;
    }
    if (axesSwapped)
      notes.push({ kind: 'axes-swapped', code: 'import.axesSwapped', feature: index });
    for (const notice of result.notices) notes.push({ ...notice, feature: index });
    const bounded = boundedProperties(feature.properties);
    if (bounded.dropped.length > 0) {
      notes.push({
        kind: 'repaired',
        code: 'import.propertyTooDeep',
        params: { fields: bounded.dropped.join(', ').slice(0, 200), max: MAX_PROPERTY_DEPTH },
        feature: index,
      });
    }
    areas.push({
      feature: index,
      id: idOf(feature),
      name: nameOf(feature.properties),
      properties: cleanProperties(bounded.properties),
      rd: result.rd,
      wgs84: toWgs84(result.lonLat),
    });
  }
  options?.onProgress?.(1);
  if (areas.length === 0) {
    // Nothing imported: the first refused polygon says why (else the first refusal of any kind).
    const polygonIndexes = new Set(candidates.map((f) => f.index));
    const first =
      refused.find((n) => n.feature !== null && polygonIndexes.has(n.feature)) ?? refused[0];
    if (!first) return fail('empty', 'import.noFeatures');
    return fail(first.kind as Parameters<typeof fail>[0], first.code, {
      ...first.params,
      feature: first.feature ?? 1,
    });
  }
  if (refused.length) {
    notes.push(...refused);
    notes.push({
      kind: 'partial',
      code: 'import.partial',
      params: { skipped: refused.length, total: raw.featureCount, imported: areas.length },
      feature: null,
    });
  }
  notes.sort((a, b) => (a.feature ?? 0) - (b.feature ?? 0));
  return ok(
    {
      format: raw.format,
      crs: source.kind === 'rd' ? 'EPSG:28992' : 'EPSG:4326',
      sourceCrs: crs.value.label,
      areas,
      featureCount: raw.featureCount,
      notes,
    },
    notes,
  );
}
