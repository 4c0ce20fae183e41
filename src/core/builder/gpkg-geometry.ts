import type { MultiPolygon, Polygon } from 'geojson';

/**
 * GeoPackage geometry blobs (OGC 12-128r18, 2.1.3): the `GP` header (magic, version, flags,
 * srs_id, optional envelope) followed by standard WKB. Decodes Polygon and MultiPolygon (2D, Z, M,
 * ZM; ISO and EWKB type codes) to GeoJSON coordinates; other types are reported by name. Pure.
 */

export type GpkgDecoded =
  | { ok: true; geometry: Polygon | MultiPolygon | null; srsId: number }
  | { ok: false; reason: 'not-gpkg' | 'truncated' | 'not-polygon'; type?: number };

const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

class Reader {
  offset: number;
  little = true;
  constructor(
    readonly view: DataView,
    offset: number,
  ) {
    this.offset = offset;
  }
  need(bytes: number): void {
    if (this.offset + bytes > this.view.byteLength) throw new RangeError('truncated');
  }
  u8(): number {
    this.need(1);
    return this.view.getUint8(this.offset++);
  }
  u32(): number {
    this.need(4);
    const value = this.view.getUint32(this.offset, this.little);
    this.offset += 4;
    return value;
  }
  f64(): number {
    this.need(8);
    const value = this.view.getFloat64(this.offset, this.little);
    this.offset += 8;
    return value;
  }
}

/** Base type (1-7) and coordinate dimension of a WKB type code (ISO or EWKB). */
function typeOf(code: number): { base: number; dims: number } {
  let dims = 2;
  let type = code;
  if (type & 0x80000000) dims++; // EWKB Z
  if (type & 0x40000000) dims++; // EWKB M
  type &= 0x0fffffff;
  const thousands = Math.floor(type / 1000);
  if (thousands === 1 || thousands === 2) dims = 3;
  else if (thousands === 3) dims = 4;
  return { base: type % 1000, dims };
}

function readRings(reader: Reader, dims: number): number[][][] {
  const rings: number[][][] = [];
  const ringCount = reader.u32();
  for (let r = 0; r < ringCount; r++) {
    const points = reader.u32();
    reader.need(points * dims * 8);
    const ring: number[][] = [];
    for (let p = 0; p < points; p++) {
      const x = reader.f64();
      const y = reader.f64();
      for (let d = 2; d < dims; d++) reader.f64();
      ring.push([x, y]);
    }
    rings.push(ring);
  }
  return rings;
}

/** Reads one WKB geometry at the reader's offset. */
function readWkb(reader: Reader): { base: number; coordinates: number[][][] | number[][][][] } {
  reader.little = reader.u8() === 1;
  const { base, dims } = typeOf(reader.u32());
  if (base === 3) return { base, coordinates: readRings(reader, dims) };
  if (base === 6) {
    const count = reader.u32();
    const polygons: number[][][][] = [];
    for (let i = 0; i < count; i++) {
      const part = readWkb(reader);
      if (part.base !== 3) return { base: part.base, coordinates: [] };
      polygons.push(part.coordinates as number[][][]);
    }
    return { base, coordinates: polygons };
  }
  return { base, coordinates: [] };
}

/** Decodes a GeoPackage geometry blob. An empty geometry decodes to null. */
export function decodeGpkgGeometry(blob: Uint8Array): GpkgDecoded {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob.byteLength < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) {
    return { ok: false, reason: 'not-gpkg' };
  }
  const flags = blob[3] as number;
  const little = (flags & 1) === 1;
  const envelope = (flags >> 1) & 7;
  const empty = (flags & 0x10) !== 0;
  const srsId = view.getInt32(4, little);
  const envelopeBytes = ENVELOPE_BYTES[envelope];
  if (envelopeBytes === undefined) return { ok: false, reason: 'not-gpkg' };
  if (empty) return { ok: true, geometry: null, srsId };
  try {
    const reader = new Reader(view, 8 + envelopeBytes);
    const { base, coordinates } = readWkb(reader);
    if (base === 3) {
      return {
        ok: true,
        geometry: { type: 'Polygon', coordinates: coordinates as number[][][] },
        srsId,
      };
    }
    if (base === 6) {
      return {
        ok: true,
        geometry: { type: 'MultiPolygon', coordinates: coordinates as number[][][][] },
        srsId,
      };
    }
    return { ok: false, reason: 'not-polygon', type: base };
  } catch {
    return { ok: false, reason: 'truncated' };
  }
}

/** Encodes a Polygon or MultiPolygon as a GeoPackage blob (little-endian, XY envelope). */
export function encodeGpkgGeometry(geometry: Polygon | MultiPolygon, srsId: number): Uint8Array {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const polygon of polygons)
    for (const ring of polygon) {
      for (const [x, y] of ring) {
        minX = Math.min(minX, x as number);
        maxX = Math.max(maxX, x as number);
        minY = Math.min(minY, y as number);
        maxY = Math.max(maxY, y as number);
      }
    }
  const polygonBytes = (polygon: number[][][]) =>
    9 + polygon.reduce((sum, ring) => sum + 4 + ring.length * 16, 0);
  const wkb =
    geometry.type === 'Polygon'
      ? polygonBytes(geometry.coordinates)
      : 9 + geometry.coordinates.reduce((sum, p) => sum + polygonBytes(p), 0);
  const out = new Uint8Array(8 + 32 + wkb);
  const view = new DataView(out.buffer);
  out[0] = 0x47;
  out[1] = 0x50;
  out[2] = 0;
  out[3] = 1 | (1 << 1);
  view.setInt32(4, srsId, true);
  view.setFloat64(8, minX, true);
  view.setFloat64(16, maxX, true);
  view.setFloat64(24, minY, true);
  view.setFloat64(32, maxY, true);
  let o = 40;
  const writePolygon = (polygon: number[][][]) => {
    out[o] = 1;
    view.setUint32(o + 1, 3, true);
    view.setUint32(o + 5, polygon.length, true);
    o += 9;
    for (const ring of polygon) {
      view.setUint32(o, ring.length, true);
      o += 4;
      for (const [x, y] of ring) {
        view.setFloat64(o, x as number, true);
        view.setFloat64(o + 8, y as number, true);
        o += 16;
      }
    }
  };
  if (geometry.type === 'Polygon') writePolygon(geometry.coordinates);
  else {
    out[o] = 1;
    view.setUint32(o + 1, 6, true);
    view.setUint32(o + 5, geometry.coordinates.length, true);
    o += 9;
    for (const polygon of geometry.coordinates) writePolygon(polygon);
  }
  return out;
}
