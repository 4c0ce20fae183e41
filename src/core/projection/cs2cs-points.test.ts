import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import recorded from '../../../test/fixtures/crs/cs2cs-points.json';
import { CRS_DEFS, type RasterCrsCode, SUPPORTED_CRS } from './raster-crs';

/**
 * proj4 (with the product's PROJ strings and its igh) against points PROJ's cs2cs computed from
 * the same strings (test/fixtures/crs/README.md). Geographic CRSs compare degrees: 1e-8° is 1 mm.
 */
interface Recorded {
  source: string;
  crs: Record<string, { command: string; points: { lonLat: number[]; xy: number[] }[] }>;
}
const fixture = recorded as Recorded;
const GEOGRAPHIC = new Set<RasterCrsCode>(['EPSG:4326', 'EPSG:4258']);

function tolerance(code: RasterCrsCode): number {
  if (code === 'IGH') return 1e-6;
  return GEOGRAPHIC.has(code) ? 1e-8 : 1e-3;
}

describe('crs-defs.json against PROJ cs2cs points', () => {
  it('has recorded points for every supported CRS, made from the same PROJ string', () => {
    expect(Object.keys(fixture.crs).sort()).toEqual([...SUPPORTED_CRS].sort());
    for (const code of SUPPORTED_CRS) {
      const entry = fixture.crs[code];
      expect(entry?.command.endsWith(`+to ${CRS_DEFS[code]}`), code).toBe(true);
      expect(entry?.points.length ?? 0, code).toBeGreaterThanOrEqual(6);
    }
  });

  for (const code of SUPPORTED_CRS) {
    it(`${code}: WGS84 → ${code} and back match cs2cs (${tolerance(code)} ${GEOGRAPHIC.has(code) ? '°' : 'm'})`, () => {
      const converter = proj4(fixture.source, CRS_DEFS[code]);
      const limit = tolerance(code);
      for (const { lonLat, xy } of fixture.crs[code]?.points ?? []) {
        const [lon, lat] = lonLat as [number, number];
        const [x, y] = converter.forward([lon, lat]);
        expect(Math.abs((x as number) - (xy[0] as number)), `${code} x at ${lonLat}`).toBeLessThan(
          limit,
        );
        expect(Math.abs((y as number) - (xy[1] as number)), `${code} y at ${lonLat}`).toBeLessThan(
          limit,
        );
        const [backLon, backLat] = converter.inverse([xy[0] as number, xy[1] as number]);
        expect(Math.abs((backLon as number) - lon), `${code} lon at ${lonLat}`).toBeLessThan(1e-8);
        expect(Math.abs((backLat as number) - lat), `${code} lat at ${lonLat}`).toBeLessThan(1e-8);
      }
    });
  }
});
