/**
 * `npx tsx scripts/make-bad-rasters.ts [<dir>]`: writes the bad user rasters of issue 12 (DESIGN.md
 * 8.2, 7.2) to <dir> (default test/fixtures/bad-rasters), with `expected.json`: for each file the
 * extra CLI arguments and the kind the CLI must answer. scripts/analyze-bad-rasters.test.ts makes
 * them afresh in a temporary folder and runs each through the CLI.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CogInput, writeCog } from '../src/core/raster/cog-writer';

export interface BadRaster {
  /** File name; the raster goes to `--layer <role>=<dir>/<file>`. */
  file: string;
  role: 'carbon-stock' | 'organic-matter' | 'sealed' | 'soil-group' | 'land-use';
  /** Extra arguments (--unit, --band). */
  args: string[];
  /** The error kind (exit 2), or a notice kind with exit 0. */
  kind: string;
  exit: 0 | 2;
  why: string;
}

/** 40 x 40 Float32 cells of 0.001° x 0.0006° over Amersfoort (EPSG:4326), unless overridden. */
function cog(overrides: Partial<CogInput> = {}): Uint8Array {
  const data = overrides.data ?? new Float32Array(1600).map((_, i) => 50 + (i % 30));
  return writeCog({
    width: 40,
    height: 40,
    sampleType: 'float32',
    originX: 5.37,
    originY: 52.17,
    cellSize: 0.001,
    cellHeight: 0.0006,
    crs: { kind: 'geographic', epsg: 4326 },
    nodata: -9999,
    resampling: 'average',
    ...overrides,
    data,
  });
}

/** The bad rasters: bytes and what the CLI must say. */
export function badRasters(): Array<BadRaster & { bytes: Uint8Array }> {
  const good = cog();
  // A small COG whose ImageWidth (LONG, second entry of the first IFD) says 2,000,000 cells:
  // refused from the header, before any cell is decoded.
  const oversize = cog().slice();
  const view = new DataView(oversize.buffer);
  if (view.getUint16(8 + 2 + 12, true) !== 256) throw new Error('ImageWidth is not the 2nd entry');
  view.setUint32(8 + 2 + 12 + 8, 2_000_000, true);
  const classes = new Uint8Array(1600).fill(1);
  const item = (
    file: string,
    bytes: Uint8Array,
    kind: string,
    why: string,
    args: string[] = [],
    role: BadRaster['role'] = 'carbon-stock',
    exit: 0 | 2 = 2,
  ) => ({ file, bytes, kind, why, args, role, exit });
  return [
    item(
      'not-a-tiff.tif',
      new TextEncoder().encode('<html>Not a GeoTIFF</html>\n'),
      'unreadable',
      'HTML, not a TIFF',
    ),
    item('empty.tif', new Uint8Array(0), 'unreadable', '0 bytes'),
    item(
      'truncated.tif',
      good.subarray(0, Math.floor(good.length * 0.6)),
      'unreadable',
      'cut off at 60 %',
    ),
    item(
      'header-only.tif',
      good.subarray(0, 12),
      'unreadable',
      'cut off inside the first directory',
    ),
    item(
      'no-georeference.tif',
      cog({ plain: true }),
      'unsupported',
      'no tiepoint, scale or transform',
    ),
    item(
      'rotated.tif',
      cog({
        transform: [0.001, 0.0002, 0, 5.37, 0.0002, -0.0006, 0, 52.17, 0, 0, 0, 0, 0, 0, 0, 1],
      }),
      'unsupported',
      'rotated ModelTransformation',
    ),
    item(
      'sheared.tif',
      cog({ transform: [0.001, 0.0003, 0, 5.37, 0, -0.0006, 0, 52.17, 0, 0, 0, 0, 0, 0, 0, 1] }),
      'unsupported',
      'sheared ModelTransformation',
    ),
    item(
      'south-up.tif',
      cog({ transform: [0.001, 0, 0, 5.37, 0, 0.0006, 0, 52.15, 0, 0, 0, 0, 0, 0, 0, 1] }),
      'unsupported',
      'rows run north (positive y scale)',
    ),
    item(
      'crs-lambert93.tif',
      cog({
        crs: undefined,
        epsg: 2154,
        originX: 650000,
        originY: 6860000,
        cellSize: 100,
        cellHeight: 100,
      }),
      'unsupported',
      'EPSG:2154, not in 8.2',
    ),
    item(
      'crs-robinson.tif',
      cog({ crs: { kind: 'user-defined', citation: 'World_Robinson', geographic: 4326 } }),
      'unsupported',
      'user-defined CRS other than Homolosine',
    ),
    item('crs-none.tif', cog({ crs: { kind: 'none' } }), 'unsupported', 'no GeoKeys naming a CRS'),
    item(
      'two-bands.tif',
      cog({ extraBands: [new Float32Array(1600).fill(60)] }),
      'usage',
      'two bands, no --band',
    ),
    item(
      'two-bands-band-3.tif',
      cog({ extraBands: [new Float32Array(1600).fill(60)] }),
      'unsupported',
      'band 3 of 2',
      ['--band', 'carbon-stock=3'],
    ),
    item(
      'class-with-unit.tif',
      cog({ data: classes, sampleType: 'uint8', nodata: 255, resampling: 'nearest' }),
      'usage',
      'a unit on a class layer',
      ['--unit', 'land-use=%'],
      'land-use',
    ),
    item('unknown-unit.tif', good, 'usage', 'an unknown unit token', [
      '--unit',
      'carbon-stock=lb/acre',
    ]),
    item(
      'stock-in-kgm2.tif',
      cog({ data: new Float32Array(1600).map((_, i) => 5 + (i % 30) / 10) }),
      'implausible',
      'kg/m² values read as t/ha',
      [],
      'carbon-stock',
      0,
    ),
    item(
      'om-in-gkg.tif',
      cog({ data: new Float32Array(1600).map((_, i) => 30 + (i % 200)) }),
      'implausible',
      'g/kg values read as %',
      [],
      'organic-matter',
      0,
    ),
    item(
      'far-from-nl.tif',
      cog({ originX: 100, originY: 10 }),
      'out-of-area',
      'WGS84 raster in Asia',
    ),
    item(
      'far-from-nl-utm.tif',
      cog({
        crs: undefined,
        epsg: 25832,
        originX: 500000,
        originY: 1000000,
        cellSize: 100,
        cellHeight: 100,
      }),
      'out-of-area',
      'UTM 32N raster near the equator',
    ),
    item('over-size-limit.tif', oversize, 'too-large', '2,000,000 cells wide (header)'),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? 'test/fixtures/bad-rasters');
  mkdirSync(dir, { recursive: true });
  const list = badRasters();
  for (const raster of list) writeFileSync(join(dir, raster.file), raster.bytes);
  const expected = list.map(({ bytes: _bytes, ...rest }) => rest);
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  process.stderr.write(`${list.length} bad rasters in ${dir}\n`);
}
