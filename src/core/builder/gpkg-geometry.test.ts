import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { decodeGpkgGeometry, encodeGpkgGeometry } from './gpkg-geometry';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
  ],
};

/** A big-endian header without envelope, then big-endian ISO WKB PolygonZ (1003) of 4 points. */
function bigEndianPolygonZ(): Uint8Array {
  const points = [
    [1, 2, 9],
    [3, 2, 9],
    [3, 4, 9],
    [1, 2, 9],
  ];
  const out = new Uint8Array(8 + 9 + 4 + points.length * 24);
  const view = new DataView(out.buffer);
  out.set([0x47, 0x50, 0, 0]); // flags 0: big-endian header, no envelope
  view.setInt32(4, 28992, false);
  out[8] = 0; // big-endian WKB
  view.setUint32(9, 1003, false);
  view.setUint32(13, 1, false);
  view.setUint32(17, points.length, false);
  points.forEach((p, i) => {
    p.forEach((v, d) => {
      view.setFloat64(21 + i * 24 + d * 8, v, false);
    });
  });
  return out;
}

describe('GeoPackage geometry blobs', () => {
  test('a polygon and a multipolygon round-trip', () => {
    const decoded = decodeGpkgGeometry(encodeGpkgGeometry(square, 28992));
    expect(decoded).toEqual({ ok: true, geometry: square, srsId: 28992 });
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [square.coordinates, square.coordinates],
    };
    expect(decodeGpkgGeometry(encodeGpkgGeometry(multi, 4326))).toEqual({
      ok: true,
      geometry: multi,
      srsId: 4326,
    });
  });

  test('big-endian header and WKB with Z: the Z values are dropped', () => {
    expect(decodeGpkgGeometry(bigEndianPolygonZ())).toEqual({
      ok: true,
      srsId: 28992,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [1, 2],
            [3, 2],
            [3, 4],
            [1, 2],
          ],
        ],
      },
    });
  });

  test('EWKB flags and the empty flag', () => {
    const blob = bigEndianPolygonZ();
    new DataView(blob.buffer).setUint32(9, 0x80000003, false);
    expect(decodeGpkgGeometry(blob).ok).toBe(true);
    const empty = new Uint8Array([0x47, 0x50, 0, 0x11, 0x6c, 0x70, 0, 0]);
    expect(decodeGpkgGeometry(empty)).toEqual({ ok: true, geometry: null, srsId: 28780 });
  });

  test('not a GeoPackage blob, truncated, or a point', () => {
    expect(decodeGpkgGeometry(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))).toEqual({
      ok: false,
      reason: 'not-gpkg',
    });
    const blob = encodeGpkgGeometry(square, 28992);
    expect(decodeGpkgGeometry(blob.slice(0, blob.length - 5))).toEqual({
      ok: false,
      reason: 'truncated',
    });
    const point = new Uint8Array(8 + 21);
    point.set([0x47, 0x50, 0, 1]);
    point[8] = 1;
    new DataView(point.buffer).setUint32(9, 1, true);
    expect(decodeGpkgGeometry(point)).toEqual({ ok: false, reason: 'not-polygon', type: 1 });
  });
});
