/**
 * Hostile inputs for the bad-input corpus: files made to exhaust memory or time (zip bombs, huge
 * rasters, quadratic names, deep nesting). Too large to commit, they are generated at test time
 * into a temporary directory (`writeHostileInputs`), or with
 * `npx tsx scripts/make-bad-input.ts --hostile <dir>`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Deflate, zlibSync } from 'fflate';

const MIB = 1024 * 1024;

/** What importing a hostile file must give (the corpus's expected.json shape). */
export interface HostileCase {
  file: string;
  notes: string;
  outcome: 'error' | 'ok';
  kind: string | null;
  code: string | null;
  areas?: number;
  /** Per-feature notes expected on an ok import: [feature, kind]. */
  featureNotes?: Array<[number, string]>;
  /** True when the app's import can be given the file too (an areas file, not a raster). */
  app: boolean;
}

/** `size` zero bytes as one raw DEFLATE stream, made from 1 MiB pieces without holding them all. */
export function deflatedZeros(size: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 1 }, (chunk) => chunks.push(chunk));
  const piece = new Uint8Array(MIB);
  for (let done = 0; done < size; done += MIB) {
    const n = Math.min(MIB, size - done);
    deflate.push(n === MIB ? piece : piece.subarray(0, n), done + n >= size);
  }
  return concat(chunks);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let p = 0;
  for (const chunk of chunks) {
    out.set(chunk, p);
    p += chunk.length;
  }
  return out;
}

interface RawEntry {
  name: string;
  /** Raw DEFLATE data. */
  data: Uint8Array;
  /** Uncompressed size written in the headers (may lie). */
  declaredSize: number;
}

/** A zip written field by field, so its headers can claim any size (CRCs are left 0). */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, 0x800, true);
    l.setUint16(8, 8, true);
    l.setUint32(18, entry.data.length, true);
    l.setUint32(22, entry.declaredSize, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const c = new DataView(cd.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x800, true);
    c.setUint16(10, 8, true);
    c.setUint32(20, entry.data.length, true);
    c.setUint32(24, entry.declaredSize, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    cd.set(name, 46);
    central.push(cd);
    parts.push(local, entry.data);
    offset += local.length + entry.data.length;
  }
  const cdSize = central.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, cdSize, true);
  e.setUint32(16, offset, true);
  return concat([...parts, ...central, end]);
}

/** 48 shapefile parts of 95 MiB of zeros each, sizes honestly declared: 4.6 MB packed, 4.5 GiB unpacked. */
export function zipBomb(entrySize = 95 * MIB, count = 48): Uint8Array {
  const data = deflatedZeros(entrySize);
  return rawZip(
    Array.from({ length: count }, (_, i) => ({
      name: `perceel_${i}.${i % 2 ? 'dbf' : 'shp'}`,
      data,
      declaredSize: entrySize,
    })),
  );
}

/** A KMZ whose doc.kml claims 2 KB and unpacks to `size` bytes. */
export function lyingKmz(size = 95 * MIB): Uint8Array {
  return rawZip([{ name: 'doc.kml', data: deflatedZeros(size), declaredSize: 2048 }]);
}

/** A zip of one GeoJSON that unpacks to more than 1,000 times its size (declared honestly small). */
export function lyingZippedGeoJson(size = 40 * MIB): Uint8Array {
  return rawZip([{ name: 'plan.geojson', data: deflatedZeros(size), declaredSize: 1000 }]);
}

/** A small valid square near Amersfoort, WGS84. */
const RING = [
  [5.38, 52.15],
  [5.39, 52.15],
  [5.39, 52.16],
  [5.38, 52.16],
  [5.38, 52.15],
];
const POLYGON = `{"type":"Polygon","coordinates":[${JSON.stringify(RING)}]}`;

/** A GeoJSON whose one name is `&` and 300,000 spaces (quadratic in a backtracking regex). */
export function ampersandSpacesName(spaces = 300_000): string {
  const name = JSON.stringify(`&${' '.repeat(spaces)}x`);
  return `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":${name}},"geometry":${POLYGON}}]}`;
}

/** WKT: a polygon inside GEOMETRYCOLLECTIONs nested `depth` deep. */
export function deepWkt(depth = 10_000): string {
  const polygon =
    'POLYGON((155000 463000, 155300 463000, 155300 463200, 155000 463200, 155000 463000))';
  return `${'GEOMETRYCOLLECTION('.repeat(depth)}${polygon}${')'.repeat(depth)}\n`;
}

/** GeoJSON: a polygon inside GeometryCollections nested `depth` deep. */
export function deepGeoJsonGeometry(depth = 10_000): string {
  const open = '{"type":"GeometryCollection","geometries":['.repeat(depth);
  return `{"type":"Feature","properties":{},"geometry":${open}${POLYGON}${']}'.repeat(depth)}}`;
}

/** Two features; the second has a property nested `depth` deep (objects and arrays). */
export function deepProperty(depth = 2_000): string {
  const deep = `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;
  return `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"naam":"Veld"},"geometry":${POLYGON}},{"type":"Feature","properties":{"naam":"Park","extra":${deep}},"geometry":${POLYGON}}]}`;
}

/** KML with a Placemark inside Folders nested `depth` deep. */
export function deepKml(depth = 20_000): string {
  const coordinates = RING.map(([x, y]) => `${x},${y}`).join(' ');
  const placemark = `<Placemark><name>Veld</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${coordinates}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`;
  return `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${'<Folder>'.repeat(depth)}${placemark}${'</Folder>'.repeat(depth)}</Document></kml>\n`;
}

interface TiffOptions {
  width: number;
  height: number;
  /** 64 for Float64. */
  bitsPerSample: number;
  /** Rows per strip (one strip per image when equal to height). */
  rowsPerStrip: number;
  /** EPSG of the ProjectedCSTypeGeoKey; null writes no GeoKeys and no georeference at all. */
  epsg: number | null;
  /** Bytes of strip data written (DEFLATE of zeros), the rest of the file is absent. */
  stripBytes: Uint8Array;
}

/**
 * A little-endian GeoTIFF written tag by tag: DEFLATE strips that all point to the same data, so a
 * 40000 x 40000 Float64 raster takes a few MB on disk and 12.8 GB once decoded.
 */
export function rawGeoTiff(options: TiffOptions): Uint8Array {
  const { width, height, bitsPerSample, rowsPerStrip, epsg, stripBytes } = options;
  const strips = Math.ceil(height / rowsPerStrip);
  type Tag = [tag: number, type: number, values: number[]];
  const SHORT = 3;
  const LONG = 4;
  const DOUBLE = 12;
  const tags: Tag[] = [
    [256, LONG, [width]],
    [257, LONG, [height]],
    [258, SHORT, [bitsPerSample]],
    [259, SHORT, [8]],
    [262, SHORT, [1]],
    [273, LONG, new Array(strips).fill(0)],
    [277, SHORT, [1]],
    [278, LONG, [rowsPerStrip]],
    [279, LONG, new Array(strips).fill(stripBytes.length)],
    [284, SHORT, [1]],
    [339, SHORT, [bitsPerSample === 64 || bitsPerSample === 32 ? 3 : 1]],
  ];
  if (epsg !== null) {
    tags.push(
      [33550, DOUBLE, [25, 25, 0]],
      // Upper-left corner in RD New: a 400 x 400 raster covers the corpus's fields near Amersfoort.
      [33922, DOUBLE, [0, 0, 0, 150_000, 470_000, 0]],
      [34735, SHORT, [1, 1, 0, 2, 1024, 0, 1, 1, 3072, 0, 1, epsg]],
    );
  }
  tags.sort((a, b) => a[0] - b[0]);
  const size = (type: number) => (type === DOUBLE ? 8 : type === LONG ? 4 : 2);
  const ifdStart = 8;
  const ifdSize = 2 + tags.length * 12 + 4;
  let dataAt = ifdStart + ifdSize;
  const external = new Map<number, number>();
  for (const [tag, type, values] of tags) {
    const bytes = size(type) * values.length;
    if (bytes > 4) {
      external.set(tag, dataAt);
      dataAt += bytes + (bytes % 2);
    }
  }
  const stripAt = dataAt;
  const buffer = new Uint8Array(stripAt + stripBytes.length);
  const view = new DataView(buffer.buffer);
  buffer.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, ifdStart, true);
  view.setUint16(ifdStart, tags.length, true);
  const put = (at: number, type: number, value: number) => {
    if (type === DOUBLE) view.setFloat64(at, value, true);
    else if (type === LONG) view.setUint32(at, value, true);
    else view.setUint16(at, value, true);
  };
  tags.forEach(([tag, type, rawValues], i) => {
    const values = tag === 273 ? rawValues.map(() => stripAt) : rawValues;
    const entry = ifdStart + 2 + i * 12;
    view.setUint16(entry, tag, true);
    view.setUint16(entry + 2, type, true);
    view.setUint32(entry + 4, values.length, true);
    const at = external.get(tag);
    const base = at ?? entry + 8;
    if (at !== undefined) view.setUint32(entry + 8, at, true);
    for (const [k, v] of values.entries()) put(base + k * size(type), type, v);
  });
  buffer.set(stripBytes, stripAt);
  return buffer;
}

/** 40000 x 40000 Float64 in one DEFLATE strip: refused before anything is decoded. */
export function hugeGeoTiff(): Uint8Array {
  return rawGeoTiff({
    width: 40_000,
    height: 40_000,
    bitsPerSample: 64,
    rowsPerStrip: 40_000,
    epsg: 28992,
    stripBytes: zlibSync(new Uint8Array(64 * 1024)),
  });
}

/** A valid small GeoTIFF (RD New) with its strip data cut off. */
export function truncatedGeoTiff(): Uint8Array {
  const whole = rawGeoTiff({
    width: 400,
    height: 400,
    bitsPerSample: 32,
    rowsPerStrip: 400,
    epsg: 28992,
    stripBytes: zlibSync(new Uint8Array(400 * 400 * 4).fill(0x41)),
  });
  return whole.subarray(0, whole.length - 200);
}

/** A GeoTIFF without GeoKeys: no CRS. */
export function tiffWithoutCrs(): Uint8Array {
  return rawGeoTiff({
    width: 400,
    height: 400,
    bitsPerSample: 32,
    rowsPerStrip: 16,
    epsg: null,
    stripBytes: zlibSync(new Uint8Array(16 * 400 * 4)),
  });
}

/** Writes every hostile areas file into `dir` and returns the cases. */
export function writeHostileInputs(dir: string): HostileCase[] {
  const cases: HostileCase[] = [];
  const write = (file: string, content: string | Uint8Array, e: Omit<HostileCase, 'file'>) => {
    writeFileSync(join(dir, file), content);
    cases.push({ file, ...e });
  };
  write('zip_bomb_48x95mib.zip', zipBomb(), {
    notes: '4.6 MB zip of 48 entries of 95 MiB each (4.5 GiB unpacked), sizes declared.',
    outcome: 'error',
    kind: 'too-large',
    code: 'import.zipTooLarge',
    app: true,
  });
  write('kmz_bomb_lying_header.kmz', lyingKmz(), {
    notes: 'KMZ whose doc.kml claims 2 KB and unpacks to 95 MiB: stopped while inflating.',
    outcome: 'error',
    kind: 'too-large',
    code: 'import.zipRatio',
    app: true,
  });
  write('zip_geojson_bomb_lying_header.zip', lyingZippedGeoJson(), {
    notes: 'A zipped GeoJSON claiming 1000 bytes that unpacks to 40 MiB of zeros.',
    outcome: 'error',
    kind: 'too-large',
    code: 'import.zipRatio',
    app: true,
  });
  write('name_ampersand_300k_spaces.geojson', ampersandSpacesName(), {
    notes: 'A name of & and 300,000 spaces: quadratic in a backtracking regex.',
    outcome: 'ok',
    kind: null,
    code: null,
    areas: 1,
    app: true,
  });
  write('wkt_geometrycollection_10000_deep.wkt', deepWkt(), {
    notes: 'A polygon in GEOMETRYCOLLECTIONs nested 10,000 deep.',
    outcome: 'error',
    kind: 'unreadable',
    code: 'import.geometryTooDeep',
    app: true,
  });
  write('geojson_geometrycollection_10000_deep.geojson', deepGeoJsonGeometry(), {
    notes: 'A polygon in GeoJSON GeometryCollections nested 10,000 deep.',
    outcome: 'error',
    kind: 'unreadable',
    code: 'import.geometryTooDeep',
    app: true,
  });
  write('geojson_property_2000_deep.geojson', deepProperty(), {
    notes: 'The second of two features has a property nested 2,000 deep: dropped with a warning.',
    outcome: 'ok',
    kind: 'repaired',
    code: 'import.propertyTooDeep',
    areas: 2,
    featureNotes: [[2, 'repaired']],
    app: true,
  });
  write('kml_folders_20000_deep.kml', deepKml(), {
    notes: 'A Placemark inside 20,000 nested Folders.',
    outcome: 'error',
    kind: 'unreadable',
    code: 'import.xmlTooDeep',
    app: true,
  });
  return cases;
}

/** What giving a hostile raster as `--layer` must give. */
export interface HostileRasterCase {
  file: string;
  notes: string;
  kind: string;
  code: string;
}

/** Writes the hostile GeoTIFFs into `dir` and returns the cases. */
export function writeHostileRasters(dir: string): HostileRasterCase[] {
  const cases: HostileRasterCase[] = [
    {
      file: 'raster_40000x40000_float64_one_strip.tif',
      notes: 'One DEFLATE strip of 40000 x 40000 Float64: 12.8 GB once decoded.',
      kind: 'too-large',
      code: 'errors.layerBlockTooLarge',
    },
    {
      file: 'raster_truncated_download.tif',
      notes: 'A GeoTIFF whose strip is cut off (a download that stopped).',
      kind: 'unreadable',
      code: 'errors.layerDamaged',
    },
    {
      file: 'raster_plain_tiff_no_georeference.tif',
      notes: 'A plain TIFF: no tiepoint, pixel scale or GeoKeys.',
      kind: 'unsupported',
      code: 'errors.layerNoGeoreference',
    },
  ];
  const bytes = [hugeGeoTiff(), truncatedGeoTiff(), tiffWithoutCrs()];
  cases.forEach((c, i) => {
    writeFileSync(join(dir, c.file), bytes[i] as Uint8Array);
  });
  return cases;
}
