import { parseDbf, parseShp } from 'shpjs';
import { fail, type MessageParams, ok, type Result } from '../result';
import { crsFromEpsg } from './geojson';
import { MAX_ZIP_RATIO, ZIP_RATIO_FROM } from './limits';
import { type DeclaredCrs, fromGeoJsonGeometry, type RawFeature, type RawFile } from './raw';
import { decodeText, isUtf8 } from './text';
import { parseXml, readXml } from './xml';
import { inflateEntry, listZip, ZipBudgetExceeded, type ZipEntry } from './zip-entries';

const WANTED = /\.(shp|dbf|prj|cpg|kml|geojson|json|gpx|wkt)$/i;
/** Single area files that people zip to mail them. */
const ZIPPED_FILE = /\.(geojson|json|gpx|wkt)$/i;

function ignored(path: string): boolean {
  const base = path.split('/').pop() ?? '';
  return (
    path.startsWith('__MACOSX/') ||
    path.includes('/__MACOSX/') ||
    base.startsWith('._') ||
    path.endsWith('/')
  );
}

/** What `readZip` may unpack: sizes in bytes. */
export interface ZipLimits {
  /** Most bytes of one entry (the same as one file). */
  maxBytes: number;
  /** Most bytes of all entries together. */
  maxUnzippedBytes: number;
}

const MB = 1048576;

/**
 * Unpacks the entries a reader wants, counting bytes as they are inflated (the sizes in the
 * headers are not trusted): one entry beyond `maxBytes`, all beyond `maxUnzippedBytes`, or an
 * entry packed more than MAX_ZIP_RATIO times stops the unpacking at once.
 */
function unpack(
  bytes: Uint8Array,
  limits: ZipLimits,
): Result<{ names: string[]; files: Record<string, Uint8Array> }> {
  let entries: ZipEntry[];
  try {
    entries = listZip(bytes);
  } catch {
    return fail('unreadable', 'import.zipCorrupt');
  }
  const names: string[] = [];
  const wanted: ZipEntry[] = [];
  for (const entry of entries) {
    if (ignored(entry.name)) continue;
    names.push(entry.name);
    if (WANTED.test(entry.name)) wanted.push(entry);
  }
  const tooLarge = (code: string, params: MessageParams) => fail('too-large', code, params);
  // Honest headers let a large zip be refused before anything is inflated.
  const declared = wanted.reduce((sum, entry) => sum + entry.declaredSize, 0);
  const largest = wanted.reduce((max, entry) => Math.max(max, entry.declaredSize), 0);
  if (largest > limits.maxBytes) {
    return tooLarge('import.fileTooLarge', {
      sizeMb: Math.ceil(largest / MB),
      maxMb: Math.round(limits.maxBytes / MB),
    });
  }
  if (declared > limits.maxUnzippedBytes) {
    return tooLarge('import.zipTooLarge', {
      sizeMb: Math.ceil(declared / MB),
      maxMb: Math.round(limits.maxUnzippedBytes / MB),
    });
  }
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  for (const entry of wanted) {
    try {
      const data = inflateEntry(bytes, entry, {
        maxEntryBytes: limits.maxBytes,
        remainingTotal: limits.maxUnzippedBytes - total,
        maxRatio: MAX_ZIP_RATIO,
        ratioFrom: ZIP_RATIO_FROM,
      });
      total += data.length;
      files[entry.name] = data;
    } catch (error) {
      if (!(error instanceof ZipBudgetExceeded)) return fail('unreadable', 'import.zipCorrupt');
      if (error.reason === 'ratio') return tooLarge('import.zipRatio', { ratio: MAX_ZIP_RATIO });
      return error.reason === 'entry'
        ? tooLarge('import.fileTooLarge', {
            sizeMb: `>${Math.round(limits.maxBytes / MB)}`,
            maxMb: Math.round(limits.maxBytes / MB),
          })
        : tooLarge('import.zipTooLarge', {
            sizeMb: `>${Math.round(limits.maxUnzippedBytes / MB)}`,
            maxMb: Math.round(limits.maxUnzippedBytes / MB),
          });
    }
  }
  return ok({ names, files });
}

/**
 * Reads a zip: a zipped shapefile, a KMZ, or one zipped GeoJSON, GPX or WKT file (read by
 * `readInner`). Anything else is named by what it holds.
 */
export function readZip(
  bytes: Uint8Array,
  limits: ZipLimits,
  readInner: (bytes: Uint8Array, name: string) => Result<RawFile>,
): Result<RawFile> {
  const unpacked = unpack(bytes, limits);
  if (!unpacked.ok) return unpacked;
  const { names, files } = unpacked.value;
  const paths = Object.keys(files);
  const shp = paths.filter((p) => /\.shp$/i.test(p)).sort();
  if (shp.length) return readShapefiles(files, shp);
  const kml = paths
    .filter((p) => /\.kml$/i.test(p))
    .sort((a, b) => Number(/(^|\/)doc\.kml$/i.test(b)) - Number(/(^|\/)doc\.kml$/i.test(a)));
  if (kml[0]) {
    const doc = parseXml(decodeText(files[kml[0]] as Uint8Array));
    return doc.ok ? readXml(doc.value, 'kmz') : doc;
  }
  const inner = paths.filter((p) => ZIPPED_FILE.test(p)).sort();
  const otherData = names.some((n) => /\.(tab|mif|mid|gpkg|dxf|dwg|dbf|shx)$/i.test(n));
  if (inner.length === 1 && inner[0] && !otherData) {
    return readInner(files[inner[0]] as Uint8Array, inner[0].split('/').pop() ?? inner[0]);
  }
  return unsupportedZip(names);
}

function unsupportedZip(names: string[]): Result<RawFile> {
  if (names.length === 0) return fail('empty', 'import.zipEmpty');
  const found =
    names
      .slice(0, 8)
      .map((n) => n.split('/').pop())
      .join(', ') + (names.length > 8 ? ', …' : '');
  if (names.some((n) => /\.(tab|mif|mid)$/i.test(n)))
    return fail('unsupported', 'import.mapinfo', { found });
  if (names.some((n) => /\.gpkg$/i.test(n))) return fail('unsupported', 'import.geopackage');
  if (names.some((n) => /\.(dxf|dwg)$/i.test(n))) return fail('unsupported', 'import.dxf');
  if (names.some((n) => /\.(dbf|shx)$/i.test(n)))
    return fail('unreadable', 'import.shpMissing', { found });
  return fail('unsupported', 'import.zipNoShapefile', { found });
}

function sibling(
  files: Record<string, Uint8Array>,
  base: string,
  extension: string,
): Uint8Array | undefined {
  const wanted = `${base}.${extension}`.toLowerCase();
  const key = Object.keys(files).find((k) => k.toLowerCase() === wanted);
  return key ? files[key] : undefined;
}

/** Reads the CRS of a shapefile .prj (ESRI or OGC WKT). */
export function crsFromPrj(prj: string): DeclaredCrs {
  const text = prj.trim();
  const authority = /AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]\s*$/i.exec(text);
  if (authority) return crsFromEpsg(Number(authority[1]));
  const name = /^\s*(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\s*\[\s*"([^"]*)"/i.exec(text);
  const projected = /^\s*PROJ/i.test(text);
  if (/Amersfoort|RD[_ ]New|Rijksdriehoek/i.test(text) && projected) return { kind: 'rd' };
  if (/Mercator_Auxiliary_Sphere|Pseudo[-_ ]Mercator|Popular_Visualisation/i.test(text))
    return { kind: 'mercator' };
  const utm = /UTM[_ ]zone[_ ](3[12])N/i.exec(text);
  if (utm) return { kind: 'utm', zone: Number(utm[1]) };
  if (!projected && /WGS[_ ]?(19)?84|ETRS[_ ]?(19)?89/i.test(text)) return { kind: 'wgs84' };
  return { kind: 'unknown', name: (name?.[2] ?? text).slice(0, 80) };
}

/** True when the .dbf header describes records that fit in the file (guards against corrupt counts). */
function dbfHeaderFits(dbf: Uint8Array): boolean {
  if (dbf.length < 32) return false;
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const records = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > dbf.length || recordLength < 1) return false;
  return headerLength + records * recordLength <= dbf.length;
}

function readShapefiles(files: Record<string, Uint8Array>, shpPaths: string[]): Result<RawFile> {
  const features: RawFeature[] = [];
  let crs: DeclaredCrs | null = null;
  for (const path of shpPaths) {
    const base = path.slice(0, -4);
    const dbf = sibling(files, base, 'dbf');
    const file = path.split('/').pop() ?? path;
    if (!dbf) return fail('unreadable', 'import.shpMissingDbf', { file });
    const prj = sibling(files, base, 'prj');
    if (prj && !crs) crs = crsFromPrj(decodeText(prj));
    const cpg = sibling(files, base, 'cpg');
    // Without a .cpg: UTF-8 when the bytes are valid UTF-8, else the ArcGIS default, Windows-1252.
    const encoding = cpg ? decodeText(cpg).trim() : isUtf8(dbf) ? 'utf-8' : 'windows-1252';
    let geometries: unknown[];
    let records: Array<Record<string, unknown>>;
    try {
      geometries = parseShp(files[path] as Uint8Array);
    } catch {
      return fail('unreadable', 'import.shpCorrupt', { file });
    }
    if (!dbfHeaderFits(dbf)) return fail('unreadable', 'import.dbfCorrupt', { file });
    try {
      records = parseDbf(dbf, encoding);
    } catch {
      return fail('unreadable', 'import.dbfCorrupt', { file });
    }
    geometries.forEach((geometry, i) => {
      const properties: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(records[i] ?? {})) {
        properties[key] = value instanceof Date ? dateText(value) : value;
      }
      features.push({
        index: features.length + 1,
        geometry: fromGeoJsonGeometry(geometry),
        properties,
      });
    });
  }
  return ok({ format: 'shapefile-zip', features, featureCount: features.length, crs });
}

function dateText(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
