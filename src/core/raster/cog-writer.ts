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
}

/** Levels: full resolution, then halving (rounding up) until a level fits in one tile. */
function buildLevels(input: CogInput, tileSize: number): Level[] {
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
): Uint8Array {
  const Ctor = level.data.constructor as new (length: number) => CogArray;
  const tile = new Ctor(tileSize * tileSize);
  tile.fill(pad);
  const col0 = tileCol * tileSize;
  const row0 = tileRow * tileSize;
  const width = Math.min(tileSize, level.width - col0);
  const height = Math.min(tileSize, level.height - row0);
  for (let r = 0; r < height; r++) {
    const start = (row0 + r) * level.width + col0;
    tile.set(level.data.subarray(start, start + width), r * tileSize);
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
  const entries: Entry[] = [
    { tag: 254, type: TYPE.LONG, values: [index === 0 ? 0 : 1] },
    { tag: 256, type: TYPE.LONG, values: [level.width] },
    { tag: 257, type: TYPE.LONG, values: [level.height] },
    { tag: 258, type: TYPE.SHORT, values: [bitsOf(input.sampleType)] },
    { tag: 259, type: TYPE.SHORT, values: [8] },
    { tag: 262, type: TYPE.SHORT, values: [1] },
    { tag: 277, type: TYPE.SHORT, values: [1] },
    { tag: 284, type: TYPE.SHORT, values: [1] },
    { tag: 322, type: TYPE.SHORT, values: [tileSize] },
    { tag: 323, type: TYPE.SHORT, values: [tileSize] },
    { tag: 324, type: TYPE.LONG, values: offsets },
    { tag: 325, type: TYPE.LONG, values: counts },
    { tag: 339, type: TYPE.SHORT, values: [sampleFormatOf(input.sampleType)] },
  ];
  if (index === 0) {
    const { cellSize, originX, originY } = input;
    entries.push(
      { tag: 33550, type: TYPE.DOUBLE, values: [cellSize, cellSize, 0] },
      { tag: 33922, type: TYPE.DOUBLE, values: [0, 0, 0, originX, originY, 0] },
      {
        tag: 34735,
        type: TYPE.SHORT,
        // Version 1.1.0, 3 keys: GTModelType projected, GTRasterType PixelIsArea, ProjectedCSType.
        values: [1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, input.epsg ?? 28992],
      },
    );
  }
  if (input.nodata !== null)
    entries.push({ tag: 42113, type: TYPE.ASCII, values: `${nodataText(input.nodata)}\0` });
  return entries;
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
    const across = Math.ceil(level.width / tileSize);
    const down = Math.ceil(level.height / tileSize);
    const out: Uint8Array[] = [];
    for (let row = 0; row < down; row++)
      for (let col = 0; col < across; col++)
        out.push(
          zlibSync(encodeTile(level, col, row, tileSize, pad), {
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
