/**
 * Writes the bad-input corpus (test/fixtures/bad-input/): files that are bad or awkward the way
 * real tools and real users make them, with the kind and message each must get
 * (expected.json). Deterministic: run `npx tsx scripts/make-bad-input.ts` to regenerate.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { lonLatToMercator, rdToWgs84 } from '../src/core/projection/rd';
import { windows1252, writeDbf, writeShp } from './bad-input-shapefile';
import { writeHostileInputs, writeHostileRasters } from './hostile-input';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'test/fixtures/bad-input');
const shared = resolve(root, 'test/fixtures/imports/files');
const MTIME = new Date('2024-03-14T10:12:00Z');

interface Expectation {
  file: string;
  notes: string;
  /** `error`: nothing imported; `ok`: imported with `areas` areas. */
  outcome: 'error' | 'ok';
  /** Error kind (outcome error) or the kind of the expected notice (outcome ok). */
  kind: string | null;
  /** Message key of that error or notice. */
  code: string | null;
  areas?: number;
  /** Per-feature notes expected on an ok import: [feature, kind]. */
  featureNotes?: Array<[number, string]>;
  /** A property value the first area must carry (encodings). */
  attribute?: { field: string; value: string };
}

const expected: Expectation[] = [];

function write(file: string, content: string | Uint8Array, e: Omit<Expectation, 'file'>): void {
  writeFileSync(resolve(out, file), content);
  expected.push({ file, ...e });
}

type Ring = Array<[number, number]>;

/** A rectangle in RD New metres, counter-clockwise, closed. */
function rdRectangle(x: number, y: number, width: number, height: number): Ring {
  return [
    [x, y],
    [x + width, y],
    [x + width, y + height],
    [x, y + height],
    [x, y],
  ];
}

const toLonLat = (ring: Ring): Ring =>
  ring.map((p) => {
    const [lon, lat] = rdToWgs84(p);
    return [Number(lon.toFixed(9)), Number(lat.toFixed(9))];
  });

function feature(properties: Record<string, unknown>, geometry: unknown): Record<string, unknown> {
  return { type: 'Feature', properties, geometry };
}

function collection(features: unknown[], crs?: string): string {
  const body: Record<string, unknown> = { type: 'FeatureCollection' };
  if (crs) body.crs = { type: 'name', properties: { name: crs } };
  body.features = features;
  return `${JSON.stringify(body, null, 2)}\n`;
}

const polygon = (...rings: Ring[]) => ({ type: 'Polygon', coordinates: rings });
const point = (p: [number, number]) => ({ type: 'Point', coordinates: p });

// Plan areas near Amersfoort (RD New metres).
const field = rdRectangle(155_000, 463_000, 300, 200);
const park = rdRectangle(156_000, 463_500, 150, 150);
const fieldLonLat = toLonLat(field);
const parkLonLat = toLonLat(park);

function deterministicBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

function zip(files: Record<string, Uint8Array | string>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(files)) {
    entries[name] = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  }
  return zipSync(entries, { mtime: MTIME, level: 6 });
}

// `--hostile <dir>`: the files made to exhaust memory or time (scripts/hostile-input.ts). Too
// large to commit, they are written elsewhere; the tests generate them into a temporary directory.
const hostileFlag = process.argv.indexOf('--hostile');
if (hostileFlag >= 0) {
  const dir = resolve(process.argv[hostileFlag + 1] ?? 'hostile-input');
  mkdirSync(dir, { recursive: true });
  const hostile = { areas: writeHostileInputs(dir), rasters: writeHostileRasters(dir) };
  writeFileSync(resolve(dir, 'expected.json'), `${JSON.stringify(hostile, null, 1)}\n`);
  process.stderr.write(`wrote ${hostile.areas.length + hostile.rasters.length} files to ${dir}\n`);
  process.exit(0);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const gouda = unzipSync(new Uint8Array(readFileSync(resolve(shared, 'shp_rd_prj_utf8_gouda.zip'))));
const part = (extension: string) => gouda[`plangebied_gouda.${extension}`] as Uint8Array;
const validWgs84 = readFileSync(resolve(shared, 'geojson_wgs84_geojsonio_utrecht.geojson'));
const validKml = readFileSync(resolve(shared, 'kml_google_earth_houten.kml'), 'utf8');

// --- Empty and unreadable ---------------------------------------------------------------------
write('empty_zero_bytes.geojson', '', {
  notes: 'A 0-byte file: a failed save or a download that never started.',
  outcome: 'error',
  kind: 'empty',
  code: 'import.emptyFile',
});
write('whitespace_only.wkt', '  \r\n\r\n', {
  notes: 'A WKT file holding only blank lines (an empty query result copied from pgAdmin).',
  outcome: 'error',
  kind: 'empty',
  code: 'import.emptyFile',
});
write('geojson_empty_collection_rfc7946.geojson', '{"type":"FeatureCollection","features":[]}\n', {
  notes: 'geojson.io export with nothing drawn.',
  outcome: 'error',
  kind: 'empty',
  code: 'import.noFeatures',
});
write(
  'geojson_truncated_mail_attachment.geojson',
  validWgs84.subarray(0, Math.floor(validWgs84.length * 0.47)),
  {
    notes: 'The first 47 % of a geojson.io export: an attachment cut off by a mail server.',
    outcome: 'error',
    kind: 'unreadable',
    code: 'import.jsonTruncated',
  },
);
write('random_binary_renamed.geojson', deterministicBytes(4096, 42), {
  notes: 'Binary data with a .geojson name (an encrypted or corrupted download).',
  outcome: 'error',
  kind: 'unreadable',
  code: 'import.binary',
});
write('kml_truncated_google_earth.kml', validKml.slice(0, Math.floor(validKml.length * 0.6)), {
  notes: 'Google Earth KML cut off at 60 %: unclosed elements.',
  outcome: 'error',
  kind: 'unreadable',
  code: 'import.xmlInvalid',
});
write(
  'html_404_saved_as.geojson',
  '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>404 - Pagina niet gevonden</title></head>\n<body><h1>Pagina niet gevonden</h1><p>De opgevraagde pagina bestaat niet.<br></p></body></html>\n',
  {
    notes: 'A 404 page of a municipal website saved under the name of the GeoJSON link.',
    outcome: 'error',
    kind: 'unreadable',
    code: 'import.htmlPage',
  },
);
write(
  'wkt_unbalanced_parentheses.wkt',
  'POLYGON((155000 463000, 155300 463000, 155300 463200, 155000 463200, 155000 463000)\n',
  {
    notes: 'WKT copied from a query result with the last parenthesis missing.',
    outcome: 'error',
    kind: 'unreadable',
    code: 'import.wktInvalid',
  },
);
const goudaZip = zip({
  'plangebied_gouda.shp': part('shp'),
  'plangebied_gouda.shx': part('shx'),
  'plangebied_gouda.dbf': part('dbf'),
  'plangebied_gouda.prj': part('prj'),
  'plangebied_gouda.cpg': part('cpg'),
});
write('shp_zip_truncated_download.zip', goudaZip.subarray(0, Math.floor(goudaZip.length * 0.55)), {
  notes: 'A zipped shapefile whose download stopped at 55 %: no central directory.',
  outcome: 'error',
  kind: 'unreadable',
  code: 'import.zipCorrupt',
});
write(
  'shp_missing_dbf.zip',
  zip({
    'plangebied_gouda.shp': part('shp'),
    'plangebied_gouda.shx': part('shx'),
    'plangebied_gouda.prj': part('prj'),
  }),
  {
    notes: 'A shapefile zipped without its .dbf (only .shp, .shx, .prj selected in Explorer).',
    outcome: 'error',
    kind: 'unreadable',
    code: 'import.shpMissingDbf',
  },
);
write('plangebied_alleen.shp', part('shp'), {
  notes: 'Only the .shp of a shapefile, not zipped.',
  outcome: 'error',
  kind: 'unreadable',
  code: 'import.shpAlone',
});

// --- Unsupported formats -----------------------------------------------------------------------
const sqlite = new Uint8Array(8192);
sqlite.set(new TextEncoder().encode('SQLite format 3\0'));
sqlite.set([0x10, 0x00, 0x01, 0x01, 0x00, 0x40, 0x20, 0x20], 16);
sqlite.set(
  new TextEncoder().encode('CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY'),
  4000,
);
write('percelen_qgis.gpkg', sqlite, {
  notes: 'GeoPackage (SQLite) bytes, the QGIS default format.',
  outcome: 'error',
  kind: 'unsupported',
  code: 'import.geopackage',
});
write(
  'plankaart_autocad.dxf',
  '999\r\ndxfrw 0.6.3\r\n  0\r\nSECTION\r\n  2\r\nHEADER\r\n  9\r\n$ACADVER\r\n  1\r\nAC1021\r\n  0\r\nENDSEC\r\n  0\r\nSECTION\r\n  2\r\nENTITIES\r\n  0\r\nLWPOLYLINE\r\n  8\r\nPLANGRENS\r\n 90\r\n4\r\n 70\r\n1\r\n 10\r\n155000.0\r\n 20\r\n463000.0\r\n 10\r\n155300.0\r\n 20\r\n463000.0\r\n  0\r\nENDSEC\r\n  0\r\nEOF\r\n',
  {
    notes: 'An AutoCAD DXF drawing of a plan boundary.',
    outcome: 'error',
    kind: 'unsupported',
    code: 'import.dxf',
  },
);
write(
  'kml_only_networklink.kml',
  '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<NetworkLink>\n\t<name>Plangebieden (live)</name>\n\t<Link>\n\t\t<href>https://www.google.com/maps/d/kml?mid=1AbCdEfGh&amp;forcekml=1</href>\n\t</Link>\n</NetworkLink>\n</kml>\n',
  {
    notes: 'A Google My Maps "KML network link" download: no Placemarks, only a link.',
    outcome: 'error',
    kind: 'unsupported',
    code: 'import.kmlNetworkLink',
  },
);
write(
  'zip_qgis_project_no_shp.zip',
  zip({
    'plangebied.qgz': deterministicBytes(600, 7),
    'LEESMIJ.txt': 'Open plangebied.qgz in QGIS 3.34.\r\n',
  }),
  {
    notes: 'A zip with a QGIS project file and a readme, but no data.',
    outcome: 'error',
    kind: 'unsupported',
    code: 'import.zipNoShapefile',
  },
);
write(
  'topojson_mapshaper.json',
  '{"type":"Topology","objects":{"plan":{"type":"GeometryCollection","geometries":[]}},"arcs":[]}\n',
  {
    notes: 'mapshaper TopoJSON output.',
    outcome: 'error',
    kind: 'unsupported',
    code: 'import.topojson',
  },
);
write(
  'percelen_met_wkt.csv',
  'id;naam;wkt\r\n1;Veld;"POLYGON((155000 463000,155300 463000,155300 463200,155000 463000))"\r\n',
  {
    notes: 'A spreadsheet export with a WKT column.',
    outcome: 'error',
    kind: 'unsupported',
    code: 'import.csv',
  },
);

// --- CRS ----------------------------------------------------------------------------------------
const swap = (ring: Ring): Ring => ring.map(([x, y]) => [y, x]);
write(
  'geojson_swapped_lat_lon.geojson',
  collection([feature({ naam: 'Akker' }, polygon(swap(fieldLonLat)))]),
  {
    notes: 'WGS84 written latitude first (a hand-made script that followed EPSG:4326 axis order).',
    outcome: 'ok',
    kind: 'axes-swapped',
    code: 'import.axesSwapped',
    areas: 1,
  },
);
const mercator = (ring: Ring): Ring =>
  ring.map((p) => lonLatToMercator(p).map((v) => Number(v.toFixed(3))) as [number, number]);
write(
  'geojson_web_mercator_no_crs.geojson',
  collection([feature({ naam: 'Akker' }, polygon(mercator(fieldLonLat)))]),
  {
    notes: 'Web Mercator metres without a crs member (copied from a web map tool).',
    outcome: 'ok',
    kind: 'reprojected',
    code: 'import.reprojectedMercator',
    areas: 1,
  },
);
write(
  'geojson_utm31n_no_crs.geojson',
  collection([
    feature(
      { naam: 'Akker' },
      polygon([
        [646_000, 5_781_000],
        [646_300, 5_781_000],
        [646_300, 5_781_200],
        [646_000, 5_781_200],
        [646_000, 5_781_000],
      ]),
    ),
  ]),
  {
    notes: 'ETRS89 / UTM 31N metres without a crs member (an export from a survey GPS).',
    outcome: 'error',
    kind: 'unsupported',
    code: 'import.crsUtm',
  },
);
write(
  'geojson_crs_epsg3035.geojson',
  collection(
    [
      feature(
        {},
        polygon([
          [3_960_000, 3_210_000],
          [3_960_300, 3_210_000],
          [3_960_300, 3_210_200],
          [3_960_000, 3_210_000],
        ]),
      ),
    ],
    'urn:ogc:def:crs:EPSG::3035',
  ),
  {
    notes: 'A European LAEA (EPSG:3035) export from a EU data portal.',
    outcome: 'error',
    kind: 'unsupported',
    code: 'import.crsUnknown',
  },
);
write(
  'geojson_rd_coordinates_declared_wgs84.geojson',
  collection([feature({ naam: 'Akker' }, polygon(field))], 'urn:ogc:def:crs:OGC:1.3:CRS84'),
  {
    notes:
      'RD New coordinates under a CRS84 declaration (a layer saved with the wrong CRS set in QGIS).',
    outcome: 'error',
    kind: 'unsupported',
    code: 'import.crsMismatch',
  },
);
const paris: Ring = [
  [2.35, 48.85],
  [2.36, 48.85],
  [2.36, 48.86],
  [2.35, 48.86],
  [2.35, 48.85],
];
write(
  'geojson_outside_nl_paris.geojson',
  collection([feature({ name: 'Test Parijs' }, polygon(paris))]),
  {
    notes: 'A WGS84 polygon in Paris.',
    outcome: 'error',
    kind: 'out-of-area',
    code: 'import.outOfArea',
  },
);

// --- Geometry problems --------------------------------------------------------------------------
const bowtie: Ring = [
  [155_000, 463_000],
  [155_300, 463_200],
  [155_300, 463_000],
  [155_000, 463_200],
  [155_000, 463_000],
];
write(
  'geojson_bowtie_rd_qgis.geojson',
  collection([feature({ fid: 1 }, polygon(bowtie))], 'urn:ogc:def:crs:EPSG::28992'),
  {
    notes: 'A bow-tie in RD New: two vertices clicked in the wrong order in QGIS.',
    outcome: 'error',
    kind: 'self-intersection',
    code: 'import.selfIntersection',
  },
);
write(
  'geojson_unclosed_ring.geojson',
  collection([feature({ naam: 'Open' }, polygon(fieldLonLat.slice(0, -1)))]),
  {
    notes: 'A ring whose last position does not repeat the first (hand-written GeoJSON).',
    outcome: 'ok',
    kind: 'ring-closed',
    code: 'import.ringClosed',
    areas: 1,
  },
);
const withDuplicates: Ring = [
  field[0],
  field[0],
  field[1],
  field[2],
  field[2],
  field[2],
  field[3],
  field[4],
] as Ring;
write(
  'geojson_duplicate_vertices_rd.geojson',
  collection([feature({ naam: 'Dubbel' }, polygon(withDuplicates))], 'EPSG:28992'),
  {
    notes: 'Duplicate vertices from double clicks while digitising.',
    outcome: 'ok',
    kind: 'repaired',
    code: 'import.repaired',
    areas: 1,
  },
);
const withSpike: Ring = [
  field[0],
  field[1],
  [155_300, 463_100],
  [155_420, 463_100],
  [155_300, 463_100],
  field[2],
  field[3],
  field[4],
] as Ring;
write(
  'geojson_spike_rd.geojson',
  collection([feature({ naam: 'Spike' }, polygon(withSpike))], 'EPSG:28992'),
  {
    notes: 'A zero-area spike: the outline runs out 120 m and straight back.',
    outcome: 'ok',
    kind: 'repaired',
    code: 'import.repaired',
    areas: 1,
  },
);
// Ring nesting and overlapping parts (docs/import.md, Geometry checks): a 4 ha square.
const square4ha = rdRectangle(155_000, 463_000, 200, 200);
write(
  'geojson_hole_outside_shell_rd.geojson',
  collection(
    [feature({ naam: 'Gat ernaast' }, polygon(square4ha, rdRectangle(155_400, 463_000, 400, 300)))],
    'EPSG:28992',
  ),
  {
    notes: 'A hole that lies beside its shell (parts merged into rings by hand): was -8 ha.',
    outcome: 'ok',
    kind: 'repaired',
    code: 'import.holeOutsideDropped',
    areas: 1,
  },
);
write(
  'geojson_hole_contains_shell_rd.geojson',
  collection(
    [feature({ naam: 'Omgekeerd' }, polygon(square4ha, rdRectangle(154_900, 462_900, 400, 400)))],
    'EPSG:28992',
  ),
  {
    notes: 'Shell and hole swapped: the "hole" contains the shell (was -12 ha).',
    outcome: 'error',
    kind: 'self-intersection',
    code: 'import.holeContainsShell',
  },
);
write(
  'geojson_hole_equals_shell_rd.geojson',
  collection(
    [feature({ naam: 'Niets' }, polygon(square4ha, [...square4ha].reverse() as Ring))],
    'EPSG:28992',
  ),
  {
    notes: 'A hole identical to its shell (a copy-paste slip): was accepted as 0 ha.',
    outcome: 'error',
    kind: 'self-intersection',
    code: 'import.holeEqualsShell',
  },
);
write(
  'geojson_holes_overlap_rd.geojson',
  collection(
    [
      feature(
        { naam: 'Vijvers' },
        polygon(
          square4ha,
          rdRectangle(155_020, 463_020, 150, 150),
          rdRectangle(155_050, 463_050, 50, 50),
        ),
      ),
    ],
    'EPSG:28992',
  ),
  {
    notes: 'A hole inside another hole (a pond in a pond, both cut out): subtracted twice.',
    outcome: 'error',
    kind: 'self-intersection',
    code: 'import.holesOverlap',
  },
);
write(
  'geojson_multipolygon_duplicated_part.geojson',
  collection(
    [
      feature(
        { naam: 'Dubbel deel' },
        { type: 'MultiPolygon', coordinates: [[square4ha], [square4ha]] },
      ),
    ],
    'EPSG:28992',
  ),
  {
    notes: 'A MultiPolygon with the same part twice (a dissolve that was not run): was 8 ha.',
    outcome: 'ok',
    kind: 'repaired',
    code: 'import.partsDissolved',
    areas: 1,
  },
);
write(
  'geojson_mixed_rd_and_wgs84.geojson',
  collection([
    feature({ naam: 'RD' }, polygon(field)),
    feature({ naam: 'WGS84' }, polygon(parkLonLat)),
    feature({ naam: 'RD 2' }, polygon(park)),
  ]),
  {
    notes: 'Features copied from an RD file into a WGS84 one: the minority was "outside NL".',
    outcome: 'error',
    kind: 'unsupported',
    code: 'import.crsMixed',
  },
);
write(
  'geojson_names_markup_and_escapes.geojson',
  collection([
    feature({ name: '<b></b><br/>' }, polygon(fieldLonLat)),
    feature(
      { name: '\u001b[31mRood\u001b[0m\u001b]0;titel\u0007 \r\u0008perceel' },
      polygon(parkLonLat),
    ),
  ]),
  {
    notes: 'A name that is only markup (id falls back to the number) and one with ANSI escapes.',
    outcome: 'ok',
    kind: null,
    code: null,
    areas: 2,
  },
);
const zm = fieldLonLat.map(([x, y], i) => [x, y, 2.5 + i, 1000 + i]);
write(
  'geojson_xyzm_coordinates.geojson',
  collection([feature({ naam: 'Met hoogte' }, { type: 'Polygon', coordinates: [zm] })]),
  {
    notes: 'Positions with Z (NAP height) and M values from a survey export.',
    outcome: 'ok',
    kind: null,
    code: null,
    areas: 1,
  },
);
write(
  'geojson_two_point_polygon.geojson',
  collection([
    feature(
      {},
      polygon([
        fieldLonLat[0] as [number, number],
        fieldLonLat[1] as [number, number],
        fieldLonLat[0] as [number, number],
      ]),
    ),
  ]),
  {
    notes: 'A "polygon" of two distinct points (a cancelled drawing saved anyway).',
    outcome: 'error',
    kind: 'no-polygons',
    code: 'import.degenerate',
  },
);

// --- No polygons --------------------------------------------------------------------------------
write(
  'wkt_multipoint_boringen.wkt',
  'MULTIPOINT((155010 463020),(155120 463180),(155250 463090))\n',
  {
    notes: 'Boring locations as WKT MULTIPOINT.',
    outcome: 'error',
    kind: 'no-polygons',
    code: 'import.onlyPoints',
  },
);
write(
  'geojson_null_geometries.geojson',
  collection([feature({ naam: 'a' }, null), feature({ naam: 'b' }, null)]),
  {
    notes: 'An attribute-only layer exported as GeoJSON: every geometry is null.',
    outcome: 'error',
    kind: 'no-polygons',
    code: 'import.onlyNull',
  },
);
const gpxPoints = (ring: Ring) =>
  ring
    .map(
      ([lon, lat]) =>
        `      <trkpt lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}"><ele>1.2</ele></trkpt>`,
    )
    .join('\n');
write(
  'gpx_track_open_walk.gpx',
  `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Garmin Connect" xmlns="http://www.topografix.com/GPX/1/1">\n  <trk>\n    <name>Rondje perceel</name>\n    <trkseg>\n${gpxPoints(fieldLonLat.slice(0, 4))}\n    </trkseg>\n  </trk>\n</gpx>\n`,
  {
    notes: 'A walked GPX track that stops 200 m before its start: a line, not an area.',
    outcome: 'error',
    kind: 'no-polygons',
    code: 'import.gpxOpen',
  },
);

// --- Mixed and awkward but importable -----------------------------------------------------------
write(
  'geojson_mixed_good_and_bad.geojson',
  collection([
    feature({ id: 'A', naam: 'Akker' }, polygon(fieldLonLat)),
    feature({ naam: 'Peilbuis' }, point(fieldLonLat[0] as [number, number])),
    feature({ naam: 'Strik' }, polygon(toLonLat(bowtie))),
    feature({ naam: 'Parijs' }, polygon(paris)),
    feature({ naam: 'Leeg' }, null),
    feature({ id: 'B', naam: 'Park' }, polygon(parkLonLat)),
  ]),
  {
    notes: 'Two good areas among a point, a bow-tie, an area in Paris and a null geometry.',
    outcome: 'ok',
    kind: 'partial',
    code: 'import.partial',
    areas: 2,
    featureNotes: [
      [2, 'no-polygons'],
      [3, 'self-intersection'],
      [4, 'out-of-area'],
      [5, 'no-polygons'],
    ],
  },
);
const utf16 = new Uint8Array([
  0xff,
  0xfe,
  ...new Uint8Array(
    Buffer.from(collection([feature({ naam: 'Wijk' }, polygon(parkLonLat))]), 'utf16le'),
  ),
]);
write('geojson_utf16_notepad.geojson', utf16, {
  notes: 'GeoJSON saved by Notepad as "Unicode" (UTF-16 LE with a byte-order mark).',
  outcome: 'ok',
  kind: null,
  code: null,
  areas: 1,
});
write(
  'geojson_wrong_extension.kml',
  collection([feature({ naam: 'Akker' }, polygon(fieldLonLat))]),
  {
    notes: 'GeoJSON content saved with a .kml extension.',
    outcome: 'ok',
    kind: null,
    code: null,
    areas: 1,
  },
);
write(
  'shp_subfolder_macosx.zip',
  zip({
    'export/plangebied_gouda.shp': part('shp'),
    'export/plangebied_gouda.shx': part('shx'),
    'export/plangebied_gouda.dbf': part('dbf'),
    'export/plangebied_gouda.prj': part('prj'),
    'export/plangebied_gouda.cpg': part('cpg'),
    '__MACOSX/export/._plangebied_gouda.shp': deterministicBytes(120, 3),
    '__MACOSX/export/._plangebied_gouda.dbf': deterministicBytes(120, 4),
  }),
  {
    notes: 'A shapefile zipped on a Mac: files in a subfolder plus __MACOSX resource forks.',
    outcome: 'ok',
    kind: null,
    code: null,
    areas: 4,
  },
);
write(
  'shp_no_prj_rd.zip',
  zip({
    'plangebied.shp': part('shp'),
    'plangebied.shx': part('shx'),
    'plangebied.dbf': part('dbf'),
    'plangebied.cpg': part('cpg'),
  }),
  {
    notes: 'A shapefile without .prj: RD New is recognised from the coordinate range.',
    outcome: 'ok',
    kind: null,
    code: null,
    areas: 4,
  },
);
write(
  'ewkt_srid_multipolygon.wkt',
  `SRID=28992;MULTIPOLYGON(((${field.map((p) => p.join(' ')).join(',')})),((${park.map((p) => p.join(' ')).join(',')})))\n`,
  {
    notes: 'PostGIS ST_AsEWKT output: a two-part MULTIPOLYGON with an SRID prefix.',
    outcome: 'ok',
    kind: null,
    code: null,
    areas: 1,
  },
);
write(
  'kmz_google_earth.kmz',
  zip({ 'doc.kml': validKml, 'files/icon.png': deterministicBytes(64, 9) }),
  {
    notes: 'A Google Earth KMZ: doc.kml plus an image in files/.',
    outcome: 'ok',
    kind: null,
    code: null,
    areas: 3,
  },
);

// --- Shapefiles as ArcGIS and ogr2ogr write them ------------------------------------------------
const PRJ_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const PRJ_WEB_MERCATOR =
  'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]';
const PRJ_LAMBERT72 =
  'PROJCS["Belge_Lambert_1972",GEOGCS["GCS_Belge_1972",DATUM["D_Belge_1972",SPHEROID["International_1924",6378388.0,297.0]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",150000.013],PARAMETER["False_Northing",5400088.438],PARAMETER["Central_Meridian",4.367486666666666],PARAMETER["Standard_Parallel_1",49.8333339],PARAMETER["Standard_Parallel_2",51.16666723333333],PARAMETER["Latitude_Of_Origin",90.0],UNIT["Meter",1.0]]';
const fields = [
  { name: 'NAAM', length: 40 },
  { name: 'GEBRUIK', length: 20 },
];
const rows = [
  ['Weiland ’t Hoëkje – café', 'grasland'],
  ['Akker De Ruïne', 'akker'],
];
const utf8 = (text: string) => new TextEncoder().encode(text);
function shapefileZip(
  base: string,
  records: Ring[][],
  options: { prj?: string; cpg?: string; dbf?: Uint8Array; type?: 3 | 5 },
): Uint8Array {
  const { shp, shx } = writeShp(records, options.type ?? 5);
  const files: Record<string, Uint8Array | string> = {
    [`${base}.shp`]: shp,
    [`${base}.shx`]: shx,
    [`${base}.dbf`]: options.dbf ?? writeDbf(fields, rows, utf8),
  };
  if (options.prj) files[`${base}.prj`] = options.prj;
  if (options.cpg) files[`${base}.cpg`] = options.cpg;
  return zip(files);
}
write(
  'shp_arcgis_cp1252_no_cpg.zip',
  shapefileZip('Percelen', [[field], [park]], {
    prj: new TextDecoder().decode(part('prj')),
    dbf: writeDbf(fields, rows, windows1252),
  }),
  {
    notes: 'ArcMap 10 export: attributes in Windows-1252 and no .cpg; the diacritics must survive.',
    outcome: 'ok',
    kind: null,
    code: null,
    areas: 2,
    attribute: { field: 'NAAM', value: 'Weiland ’t Hoëkje – café' },
  },
);
write(
  'shp_wgs84_geographic_prj.zip',
  shapefileZip('plangebied_wgs84', [[fieldLonLat], [parkLonLat]], { prj: PRJ_WGS84, cpg: 'UTF-8' }),
  {
    notes: 'A shapefile in WGS84 degrees with a GEOGCS .prj.',
    outcome: 'ok',
    kind: null,
    code: null,
    areas: 2,
    attribute: { field: 'NAAM', value: 'Weiland ’t Hoëkje – café' },
  },
);
write(
  'shp_web_mercator_prj.zip',
  shapefileZip('plangebied_3857', [[mercator(fieldLonLat)]], {
    prj: PRJ_WEB_MERCATOR,
    cpg: 'UTF-8',
  }),
  {
    notes: 'An ArcGIS Online export in Web Mercator (Auxiliary Sphere .prj).',
    outcome: 'ok',
    kind: 'reprojected',
    code: 'import.reprojectedMercator',
    areas: 1,
  },
);
write(
  'shp_belgian_lambert72.zip',
  shapefileZip(
    'grens_be',
    [
      [
        [
          [150_000, 200_000],
          [150_300, 200_000],
          [150_300, 200_200],
          [150_000, 200_000],
        ],
      ],
    ],
    { prj: PRJ_LAMBERT72, cpg: 'UTF-8' },
  ),
  {
    notes: 'Data from a Belgian neighbour in Belgian Lambert 72.',
    outcome: 'error',
    kind: 'unsupported',
    code: 'import.crsUnknown',
  },
);
write(
  'shp_polylines_only.zip',
  shapefileZip('sloten', [[field.slice(0, 3)], [park.slice(0, 3)]], {
    prj: new TextDecoder().decode(part('prj')),
    type: 3,
  }),
  {
    notes: 'A ditch network (PolyLine shapefile): lines, no areas.',
    outcome: 'error',
    kind: 'no-polygons',
    code: 'import.onlyLines',
  },
);
const badDbf = writeDbf(fields, rows, utf8);
new DataView(badDbf.buffer).setUint32(4, 0xfffffff0, true);
write(
  'shp_dbf_corrupt_record_count.zip',
  shapefileZip('plangebied', [[field], [park]], {
    prj: new TextDecoder().decode(part('prj')),
    dbf: badDbf,
  }),
  {
    notes: 'A .dbf whose header claims four billion records (a crashed export).',
    outcome: 'error',
    kind: 'unreadable',
    code: 'import.dbfCorrupt',
  },
);

write(
  'geojson_zipped_for_mail.zip',
  zip({
    'plangebied/plangebied.geojson': collection([feature({ naam: 'Akker' }, polygon(fieldLonLat))]),
    '__MACOSX/plangebied/._plangebied.geojson': deterministicBytes(80, 5),
  }),
  {
    notes: 'A GeoJSON zipped on a Mac to send it by mail.',
    outcome: 'ok',
    kind: null,
    code: null,
    areas: 1,
  },
);

writeFileSync(resolve(out, 'expected.json'), `${JSON.stringify(expected, null, 1)}\n`);
process.stderr.write(`wrote ${expected.length} files to ${out}\n`);
