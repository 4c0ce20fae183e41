import { zlibSync } from 'fflate';
import { buildOverview, type OverviewResampling } from './overviews';

/**
 * A small Cloud Optimized GeoTIFF writer: one band, tiled 256 x 256, DEFLATE, overview IFDs,
 * georeferenced in a projected CRS (EPSG:28992 by default). Pure and deterministic: identical
 * input gives byte-identical output (fflate's zlibSync is deterministic, no timestamps are written).
 *
 * Layout as GDAL's COG driver writes it: the header, then every IFD (full resolution first, then
 * the overviews, largest first), then the tile data, smallest overview first and full resolution
 * last, so a reader gets all directories with its first range request.
 */

export type CogSampleType = 'uint8' | 'uint16' | 'int16' | 'float32';
export type CogArray = Uint8Array | Uint16Array | Int16Array | Float32Array;
export type { OverviewResampling } from './overviews';

export interface CogInput {
  width: number;
  height: number;
  /** Row-major cells, `width * height` of them, of the type named by `sampleType`. */
  data: CogArray;
  sampleType: CogSampleType;
  /** Upper-left corner of the upper-left cell, in CRS units (metres for RD New). */
  originX: number;
  originY: number;
  /** Square cell size in CRS units. */
  cellSize: number;
  /** Stored value of cells without data, or null when every cell holds data. */
  nodata: number | null;
  /** How overviews are made: `average` for continuous data, `mode` or `nearest` for classes. */
  resampling: OverviewResampling;
  /** Projected CRS EPSG code for ProjectedCSTypeGeoKey; default 28992 (RD New). */
  epsg?: number;
  /**
   * Other GeoKeys (DESIGN.md 8.2): a geographic CRS (GTModelType 2, GeographicType), or a
   * user-defined one as GDAL writes SoilGrids' Homolosine (GTModelType 32767 or ProjectedCSType
   * 32767, GeographicType, the description in PCSCitation). Overrides `epsg`.
   */
  crs?:
    | { kind: 'geographic'; epsg: number }
    | { kind: 'user-defined'; citation: string; geographic?: number; model?: 'user' | 'projected' }
    | { kind: 'none' };
  /** Cell height (y) when cells are not square; default `cellSize`. */
  cellHeight?: number;
  /** GTRasterTypeGeoKey: PixelIsArea (default) or PixelIsPoint (origin is the first cell's centre). */
  rasterType?: 'area' | 'point';
  /** GDAL scale/offset metadata (tag 42112) for band 0. */
  scale?: number;
  offset?: number;
  /** A ModelTransformation (16 values) instead of tiepoint and pixel scale, e.g. a rotated one. */
  transform?: number[];
  /** No georeference tags at all (a plain TIFF). */
  plain?: boolean;
  /** Further bands of the same type (chunky; no overviews are written then). */
  extraBands?: CogArray[];
  /** Tile edge in cells, a multiple of 16; default 256. */
  tileSize?: number;
  /** DEFLATE level 1-9; default 6. */
  level?: number;
}

interface Level {
  width: number;
  height: number;
  data: CogArray;
}

const TYPE = { SHORT: 3, LONG: 4, DOUBLE: 12, ASCII: 2 } as const;
const GEO_ASCII_TAG = 34737;
const TYPE_SIZE: Record<number, number> = { 2: 1, 3: 2, 4: 4, 12: 8 };

interface Entry {
  tag: number;
  type: number;
  values: number[] | string;
}

function bitsOf(type: CogSampleType): number {
  return type === 'uint8' ? 8 : type === 'float32' ? 32 : 16;
}

function sampleFormatOf(type: CogSampleType): number {
  return type === 'float32' ? 3 : type === 'int16' ? 2 : 1;
}

function checkInput(input: CogInput): void {
  const { width, height, data, sampleType } = input;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0))
    throw new Error(`cog-writer: bad size ${width} x ${height}`);
  if (data.length !== width * height)
    throw new Error(`cog-writer: ${data.length} cells for ${width} x ${height}`);
  const expected = {
    uint8: Uint8Array,
    uint16: Uint16Array,
    int16: Int16Array,
    float32: Float32Array,
  }[sampleType];
  if (!(data instanceof expected)) throw new Error(`cog-writer: data is not ${sampleType}`);
  const tile = input.tileSize ?? 256;
  if (tile % 16 !== 0 || tile <= 0) throw new Error(`cog-writer: tile size ${tile}`);
  for (const band of input.extraBands ?? []) {
    if (!(band instanceof expected) || band.length !== data.length)
      throw new Error('cog-writer: extra band of another type or size');
  }
}

function samplesOf(input: CogInput): number {
  return 1 + (input.extraBands?.length ?? 0);
}

/** The GeoKeyDirectory (34735) values and the GeoAsciiParams text (34737) they point into. */
function geoKeys(input: CogInput): { directory: number[]; ascii: string } {
  const keys: Array<[id: number, location: number, count: number, value: number]> = [];
  let ascii = '';
  const text = (id: number, value: string) => {
    const piece = `${value}|`;
    keys.push([id, GEO_ASCII_TAG, piece.length, ascii.length]);
    ascii += piece;
  };
  const rasterType = input.rasterType === 'point' ? 2 : 1;
  const crs = input.crs;
  if (crs?.kind === 'geographic') {
    keys.push([1024, 0, 1, 2], [1025, 0, 1, rasterType], [2048, 0, 1, crs.epsg]);
  } else if (crs?.kind === 'user-defined') {
    const model = crs.model === 'projected' ? 1 : 32767;
    keys.push([1024, 0, 1, model], [1025, 0, 1, rasterType]);
    if (crs.geographic !== undefined) keys.push([2048, 0, 1, crs.geographic]);
    if (crs.model === 'projected') keys.push([3072, 0, 1, 32767]);
    text(3073, crs.citation);
  } else if (crs?.kind === 'none') {
    keys.push([1025, 0, 1, rasterType]);
  } else {
    keys.push([1024, 0, 1, 1], [1025, 0, 1, rasterType], [3072, 0, 1, input.epsg ?? 28992]);
  }
  keys.sort((a, b) => a[0] - b[0]);
  return { directory: [1, 1, 0, keys.length, ...keys.flat()], ascii };
}

/** GDAL_METADATA (tag 42112) XML with the band's scale and offset, as GDAL writes it. */
function gdalMetadata(input: CogInput): string | null {
  if (input.scale === undefined && input.offset === undefined) return null;
  const items: string[] = [];
  if (input.offset !== undefined)
    items.push(`  <Item name="OFFSET" sample="0" role="offset">${input.offset}</Item>`);
  if (input.scale !== undefined)
    items.push(`  <Item name="SCALE" sample="0" role="scale">${input.scale}</Item>`);
  return `<GDALMetadata>\n${items.join('\n')}\n</GDALMetadata>\n`;
}

/** Levels: full resolution, then halving (rounding up) until a level fits in one tile. */
function buildLevels(input: CogInput, tileSize: number): Level[] {
  const samples = samplesOf(input);
  if (samples > 1) {
    // Chunky multi-band: the samples of a cell are adjacent; no overviews.
    const bands = [input.data, ...(input.extraBands ?? [])];
    const Ctor = input.data.constructor as new (length: number) => CogArray;
    const data = new Ctor(input.data.length * samples);
    for (let i = 0; i < input.data.length; i++)
      for (let b = 0; b < samples; b++) data[i * samples + b] = (bands[b] as CogArray)[i] as number;
    return [{ width: input.width * samples, height: input.height, data }];
  }
  const levels: Level[] = [{ width: input.width, height: input.height, data: input.data }];
  let last = levels[0] as Level;
  while (last.width > tileSize || last.height > tileSize) {
    const next = buildOverview(last, input.nodata, input.resampling);
    levels.push(next);
    last = next;
  }
  return levels;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Encodes one full tile (edge tiles padded with nodata, or 0) as little-endian bytes. */
function encodeTile(
  level: Level,
  tileCol: number,
  tileRow: number,
  tileSize: number,
  pad: number,
  samples = 1,
): Uint8Array {
  const Ctor = level.data.constructor as new (length: number) => CogArray;
  // With several samples, `level.width` counts samples: a tile row holds tileSize x samples.
  const rowLength = tileSize * samples;
  const tile = new Ctor(rowLength * tileSize);
  tile.fill(pad);
  const col0 = tileCol * rowLength;
  const row0 = tileRow * tileSize;
  const width = Math.min(rowLength, level.width - col0);
  const height = Math.min(tileSize, level.height - row0);
  for (let r = 0; r < height; r++) {
    const start = (row0 + r) * level.width + col0;
    tile.set(level.data.subarray(start, start + width), r * rowLength);
  }
  const bytes = new Uint8Array(tile.buffer);
  if (!LITTLE_ENDIAN && tile.BYTES_PER_ELEMENT > 1) {
    // TIFF says "II": swap each sample's bytes on a big-endian machine.
    const size = tile.BYTES_PER_ELEMENT;
    for (let i = 0; i < bytes.length; i += size) bytes.subarray(i, i + size).reverse();
  }
  return bytes;
}

function nodataText(nodata: number): string {
  if (Number.isNaN(nodata)) return 'nan';
  return String(nodata);
}

function levelEntries(
  input: CogInput,
  level: Level,
  index: number,
  tileSize: number,
  offsets: number[],
  counts: number[],
): Entry[] {
  const samples = samplesOf(input);
  const repeat = (value: number) => Array.from({ length: samples }, () => value);
  const entries: Entry[] = [
    { tag: 254, type: TYPE.LONG, values: [index === 0 ? 0 : 1] },
    { tag: 256, type: TYPE.LONG, values: [level.width / samples] },
    { tag: 257, type: TYPE.LONG, values: [level.height] },
    { tag: 258, type: TYPE.SHORT, values: repeat(bitsOf(input.sampleType)) },
    { tag: 259, type: TYPE.SHORT, values: [8] },
    { tag: 262, type: TYPE.SHORT, values: [1] },
    { tag: 277, type: TYPE.SHORT, values: [samples] },
    { tag: 284, type: TYPE.SHORT, values: [1] },
    { tag: 322, type: TYPE.SHORT, values: [tileSize] },
    { tag: 323, type: TYPE.SHORT, values: [tileSize] },
    { tag: 324, type: TYPE.LONG, values: offsets },
    { tag: 325, type: TYPE.LONG, values: counts },
    { tag: 339, type: TYPE.SHORT, values: repeat(sampleFormatOf(input.sampleType)) },
  ];
  if (index === 0 && !input.plain) {
    const { cellSize, originX, originY } = input;
    const cellHeight = input.cellHeight ?? cellSize;
    if (input.transform) {
      entries.push({ tag: 34264, type: TYPE.DOUBLE, values: input.transform });
    } else {
      entries.push(
        { tag: 33550, type: TYPE.DOUBLE, values: [cellSize, cellHeight, 0] },
        { tag: 33922, type: TYPE.DOUBLE, values: [0, 0, 0, originX, originY, 0] },
      );
    }
    const keys = geoKeys(input);
    entries.push({ tag: 34735, type: TYPE.SHORT, values: keys.directory });
    if (keys.ascii)
      entries.push({ tag: GEO_ASCII_TAG, type: TYPE.ASCII, values: `${keys.ascii}\0` });
  }
  const metadata = gdalMetadata(input);
  if (metadata !== null) entries.push({ tag: 42112, type: TYPE.ASCII, values: `${metadata}\0` });
  if (input.nodata !== null)
    entries.push({ tag: 42113, type: TYPE.ASCII, values: `${nodataText(input.nodata)}\0` });
  return entries.sort((a, b) => a.tag - b.tag);
}

function valueCount(entry: Entry): number {
  return typeof entry.values === 'string' ? entry.values.length : entry.values.length;
}

/** Bytes an IFD takes: the directory itself plus its out-of-line values (each word-aligned). */
function ifdSize(entries: Entry[]): number {
  let size = 2 + entries.length * 12 + 4;
  for (const entry of entries) {
    const bytes = valueCount(entry) * (TYPE_SIZE[entry.type] as number);
    if (bytes > 4) size += bytes + (bytes % 2);
  }
  return size;
}

function writeValue(view: DataView, at: number, type: number, value: number): void {
  if (type === TYPE.SHORT) view.setUint16(at, value, true);
  else if (type === TYPE.LONG) view.setUint32(at, value, true);
  else if (type === TYPE.DOUBLE) view.setFloat64(at, value, true);
  else view.setUint8(at, value);
}

function writeIfd(view: DataView, at: number, entries: Entry[], next: number): void {
  view.setUint16(at, entries.length, true);
  let extra = at + 2 + entries.length * 12 + 4;
  entries.forEach((entry, i) => {
    const base = at + 2 + i * 12;
    const count = valueCount(entry);
    const size = TYPE_SIZE[entry.type] as number;
    view.setUint16(base, entry.tag, true);
    view.setUint16(base + 2, entry.type, true);
    view.setUint32(base + 4, count, true);
    const values =
      typeof entry.values === 'string'
        ? Array.from(entry.values, (ch) => ch.charCodeAt(0))
        : entry.values;
    let target = base + 8;
    if (count * size > 4) {
      view.setUint32(base + 8, extra, true);
      target = extra;
      extra += count * size + ((count * size) % 2);
    }
    values.forEach((value, j) => {
      writeValue(view, target + j * size, entry.type, value);
    });
  });
  view.setUint32(at + 2 + entries.length * 12, next, true);
}

/** Writes a single-band tiled, DEFLATE-compressed COG with overviews; returns the file's bytes. */
export function writeCog(input: CogInput): Uint8Array {
  checkInput(input);
  const tileSize = input.tileSize ?? 256;
  const levels = buildLevels(input, tileSize);
  const pad = input.nodata ?? 0;
  const tiles = levels.map((level) => {
    const across = Math.ceil(level.width / samplesOf(input) / tileSize);
    const down = Math.ceil(level.height / tileSize);
    const out: Uint8Array[] = [];
    for (let row = 0; row < down; row++)
      for (let col = 0; col < across; col++)
        out.push(
          zlibSync(encodeTile(level, col, row, tileSize, pad, samplesOf(input)), {
            level: (input.level ?? 6) as 6,
          }),
        );
    return out;
  });
  // Sizes of the IFDs do not depend on the offsets' values, only on their count.
  const placeholder = levels.map((level, i) =>
    levelEntries(
      input,
      level,
      i,
      tileSize,
      (tiles[i] as Uint8Array[]).map(() => 0),
      (tiles[i] as Uint8Array[]).map(() => 0),
    ),
  );
  const ifdStarts: number[] = [];
  let cursor = 8;
  for (const entries of placeholder) {
    ifdStarts.push(cursor);
    cursor += ifdSize(entries);
  }
  // Tile data: smallest overview first, full resolution last.
  const offsets = levels.map(() => [] as number[]);
  for (let i = levels.length - 1; i >= 0; i--) {
    for (const tile of tiles[i] as Uint8Array[]) {
      (offsets[i] as number[]).push(cursor);
      cursor += tile.length;
    }
  }
  const bytes = new Uint8Array(cursor);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49], 0); // "II": little-endian
  view.setUint16(2, 42, true);
  view.setUint32(4, ifdStarts[0] as number, true);
  levels.forEach((level, i) => {
    const counts = (tiles[i] as Uint8Array[]).map((tile) => tile.length);
    const entries = levelEntries(input, level, i, tileSize, offsets[i] as number[], counts);
    writeIfd(view, ifdStarts[i] as number, entries, ifdStarts[i + 1] ?? 0);
    (tiles[i] as Uint8Array[]).forEach((tile, j) => {
      bytes.set(tile, (offsets[i] as number[])[j] as number);
    });
  });
  return bytes;
}
