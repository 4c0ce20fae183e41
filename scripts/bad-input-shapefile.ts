/**
 * A minimal ESRI shapefile writer for the bad-input corpus (scripts/make-bad-input.ts): polygon
 * (type 5) or polyline (type 3) .shp and .shx, and a dBASE III .dbf with text fields in a chosen
 * encoding, as ArcGIS and ogr2ogr write them.
 */

export type Ring = Array<[number, number]>;

function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/** .shp and .shx of records given as parts; polygons get ESRI orientation (outer clockwise). */
export function writeShp(
  records: Ring[][],
  shapeType: 3 | 5,
): { shp: Uint8Array; shx: Uint8Array } {
  const contents = records.map((parts) => {
    const rings = parts.map((ring, i) => {
      if (shapeType !== 5) return ring;
      const clockwise = signedArea(ring) < 0;
      return (i === 0) === clockwise ? ring : [...ring].reverse();
    });
    const points = rings.flat();
    const bytes = new ArrayBuffer(44 + 4 * rings.length + 16 * points.length);
    const view = new DataView(bytes);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    view.setInt32(0, shapeType, true);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => {
      view.setFloat64(4 + 8 * i, v, true);
    });
    view.setInt32(36, rings.length, true);
    view.setInt32(40, points.length, true);
    let start = 0;
    rings.forEach((ring, i) => {
      view.setInt32(44 + 4 * i, start, true);
      start += ring.length;
    });
    points.forEach(([x, y], i) => {
      view.setFloat64(44 + 4 * rings.length + 16 * i, x, true);
      view.setFloat64(52 + 4 * rings.length + 16 * i, y, true);
    });
    return new Uint8Array(bytes);
  });
  const all = records.flat(2);
  const box = [
    Math.min(...all.map((p) => p[0])),
    Math.min(...all.map((p) => p[1])),
    Math.max(...all.map((p) => p[0])),
    Math.max(...all.map((p) => p[1])),
  ];
  const header = (lengthBytes: number) => {
    const view = new DataView(new ArrayBuffer(100));
    view.setInt32(0, 9994);
    view.setInt32(24, lengthBytes / 2);
    view.setInt32(28, 1000, true);
    view.setInt32(32, shapeType, true);
    box.forEach((v, i) => {
      view.setFloat64(36 + 8 * i, v, true);
    });
    return new Uint8Array(view.buffer);
  };
  const shpLength = 100 + contents.reduce((n, c) => n + 8 + c.length, 0);
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(100 + 8 * contents.length);
  shp.set(header(shpLength));
  shx.set(header(shx.length));
  let offset = 100;
  contents.forEach((content, i) => {
    const view = new DataView(shp.buffer, offset, 8);
    view.setInt32(0, i + 1);
    view.setInt32(4, content.length / 2);
    shp.set(content, offset + 8);
    const index = new DataView(shx.buffer, 100 + 8 * i, 8);
    index.setInt32(0, offset / 2);
    index.setInt32(4, content.length / 2);
    offset += 8 + content.length;
  });
  return { shp, shx };
}

/** Encodes text as Windows-1252 (Latin-1 plus the 0x80-0x9F punctuation used in Dutch names). */
export function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = {
    '€': 0x80,
    '‘': 0x91,
    '’': 0x92,
    '“': 0x93,
    '”': 0x94,
    '–': 0x96,
    '—': 0x97,
  };
  return Uint8Array.from(
    [...text].map((c) => extra[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)),
  );
}

/** A dBASE III .dbf with text fields; `encode` turns a value into bytes (UTF-8 or Windows-1252). */
export function writeDbf(
  fields: Array<{ name: string; length: number }>,
  rows: string[][],
  encode: (text: string) => Uint8Array,
): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((n, f) => n + f.length, 0);
  const out = new Uint8Array(headerLength + recordLength * rows.length + 1);
  const view = new DataView(out.buffer);
  out[0] = 0x03;
  out.set([124, 3, 14], 1);
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((field, i) => {
    const at = 32 + 32 * i;
    out.set(new TextEncoder().encode(field.name.slice(0, 10)), at);
    out[at + 11] = 'C'.charCodeAt(0);
    out[at + 16] = field.length;
  });
  out[headerLength - 1] = 0x0d;
  rows.forEach((row, r) => {
    let at = headerLength + r * recordLength;
    out[at++] = 0x20;
    fields.forEach((field, i) => {
      const bytes = encode(row[i] ?? '').subarray(0, field.length);
      out.fill(0x20, at, at + field.length);
      out.set(bytes, at);
      at += field.length;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}
