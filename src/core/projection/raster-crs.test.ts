import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import rdPoints from '../../../test/fixtures/rd/points.json';
import { CRS_DEFS, crsTransform, recognizeCrs, SUPPORTED_CRS } from './raster-crs';
import { RD_PROJ4 } from './rd';

/**
 * The PROJ strings of crs-defs.json against closed-form definitions written out here from the
 * EPSG Guidance Note 7-2 (there is no cs2cs on fresh machines; see
 * test/fixtures/crs/README.md for the points still to be recorded with PROJ).
 */
const DEG = Math.PI / 180;
const GRS80 = { a: 6378137, f: 1 / 298.257222101 };

/** GN 7-2 §3.5.3 (JHS formulae), Transverse Mercator forward, latitude of origin 0. */
function transverseMercator(
  lon: number,
  lat: number,
  lon0: number,
  k0: number,
  falseEasting: number,
  ellipsoid = GRS80,
): [number, number] {
  const { a, f } = ellipsoid;
  const e = Math.sqrt(f * (2 - f));
  const n = f / (2 - f);
  const B = (a / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64);
  const h = [
    n / 2 - (2 / 3) * n ** 2 + (5 / 16) * n ** 3 + (41 / 180) * n ** 4,
    (13 / 48) * n ** 2 - (3 / 5) * n ** 3 + (557 / 1440) * n ** 4,
    (61 / 240) * n ** 3 - (103 / 140) * n ** 4,
    (49561 / 161280) * n ** 4,
  ];
  const phi = lat * DEG;
  const Q = Math.asinh(Math.tan(phi)) - e * Math.atanh(e * Math.sin(phi));
  const beta = Math.atan(Math.sinh(Q));
  const eta0 = Math.atanh(Math.cos(beta) * Math.sin((lon - lon0) * DEG));
  const xi0 = Math.asin(Math.sin(beta) * Math.cosh(eta0));
  let xi = xi0;
  let eta = eta0;
  h.forEach((hi, i) => {
    const k = 2 * (i + 1);
    xi += hi * Math.sin(k * xi0) * Math.cosh(k * eta0);
    eta += hi * Math.cos(k * xi0) * Math.sinh(k * eta0);
  });
  return [falseEasting + k0 * B * eta, k0 * B * xi];
}

/** GN 7-2 §3.7.1, Lambert Azimuthal Equal Area (oblique aspect), ellipsoidal forward. */
function laea(lon: number, lat: number): [number, number] {
  const { a, f } = GRS80;
  const e2 = f * (2 - f);
  const e = Math.sqrt(e2);
  const q = (p: number) =>
    (1 - e2) *
    (Math.sin(p) / (1 - e2 * Math.sin(p) ** 2) -
      (1 / (2 * e)) * Math.log((1 - e * Math.sin(p)) / (1 + e * Math.sin(p))));
  const phi0 = 52 * DEG;
  const lam0 = 10 * DEG;
  const qP = q(Math.PI / 2);
  const beta = Math.asin(q(lat * DEG) / qP);
  const beta0 = Math.asin(q(phi0) / qP);
  const Rq = a * Math.sqrt(qP / 2);
  const D = (a * Math.cos(phi0)) / (Math.sqrt(1 - e2 * Math.sin(phi0) ** 2) * Rq * Math.cos(beta0));
  const dl = lon * DEG - lam0;
  const B =
    Rq *
    Math.sqrt(
      2 / (1 + Math.sin(beta0) * Math.sin(beta) + Math.cos(beta0) * Math.cos(beta) * Math.cos(dl)),
    );
  return [
    4321000 + B * D * Math.cos(beta) * Math.sin(dl),
    3210000 +
      (B / D) *
        (Math.cos(beta0) * Math.sin(beta) - Math.sin(beta0) * Math.cos(beta) * Math.cos(dl)),
  ];
}

/** GN 7-2 §3.5.1 (Popular Visualisation Pseudo Mercator): spherical formulas on the WGS84 a. */
function webMercator(lon: number, lat: number): [number, number] {
  const R = 6378137;
  return [R * lon * DEG, R * Math.log(Math.tan(Math.PI / 4 + (lat * DEG) / 2))];
}

/** Places in and around the Netherlands (lon, lat). */
const PLACES: [number, number][] = [
  [3.36, 51.37],
  [5.387, 52.155],
  [7.2, 53.4],
  [5.69, 50.85],
  [4.9, 52.37],
  [6.57, 53.22],
];

const WGS84 = CRS_DEFS['EPSG:4326'];

describe('crs-defs.json', () => {
  it('holds every CRS of DESIGN.md 8.2, RD New with its exact string', () => {
    expect(SUPPORTED_CRS.sort()).toEqual(
      [
        'EPSG:28992',
        'EPSG:3035',
        'EPSG:25831',
        'EPSG:25832',
        'EPSG:3857',
        'EPSG:4258',
        'EPSG:4326',
        'IGH',
      ].sort(),
    );
    expect(CRS_DEFS['EPSG:28992']).toBe(RD_PROJ4);
  });

  it.each([
    ['EPSG:25831', 3],
    ['EPSG:25832', 9],
  ] as const)('%s matches the GN 7-2 Transverse Mercator formulas to 1 mm', (code, lon0) => {
    for (const [lon, lat] of PLACES) {
      const [x, y] = proj4(WGS84, CRS_DEFS[code], [lon, lat]);
      const [ex, ey] = transverseMercator(lon, lat, lon0, 0.9996, 500000);
      expect(Math.abs(x - ex)).toBeLessThan(1e-3);
      expect(Math.abs(y - ey)).toBeLessThan(1e-3);
    }
  });

  it('EPSG:3035 matches the GN 7-2 LAEA formulas to 1 mm, and its worked example', () => {
    for (const [lon, lat] of PLACES) {
      const [x, y] = proj4(WGS84, CRS_DEFS['EPSG:3035'], [lon, lat]);
      const [ex, ey] = laea(lon, lat);
      expect(Math.abs(x - ex)).toBeLessThan(1e-3);
      expect(Math.abs(y - ey)).toBeLessThan(1e-3);
    }
    // GN 7-2 worked example: ETRS89 50°N 5°E → E 3962799.45, N 2999718.85.
    const [x, y] = proj4(CRS_DEFS['EPSG:4258'], CRS_DEFS['EPSG:3035'], [5, 50]);
    expect(x).toBeCloseTo(3962799.45, 2);
    expect(y).toBeCloseTo(2999718.85, 2);
  });

  it('EPSG:3857 matches the GN 7-2 Pseudo Mercator formulas and its worked example', () => {
    for (const [lon, lat] of PLACES) {
      const [x, y] = proj4(WGS84, CRS_DEFS['EPSG:3857'], [lon, lat]);
      const [ex, ey] = webMercator(lon, lat);
      expect(Math.abs(x - ex)).toBeLessThan(1e-3);
      expect(Math.abs(y - ey)).toBeLessThan(1e-3);
    }
    // GN 7-2: 24°22'54.433"N, 100°20'W → E -11169055.58, N 2800000.00.
    const lat = 24 + 22 / 60 + 54.433 / 3600;
    const [x, y] = proj4(WGS84, CRS_DEFS['EPSG:3857'], [-100 - 20 / 60, lat]);
    expect(x).toBeCloseTo(-11169055.58, 2);
    expect(y).toBeCloseTo(2800000.0, 2);
  });

  it('EPSG:4258 and EPSG:4326 are the same degrees here (null transformation, as PROJ)', () => {
    const [lon, lat] = proj4(CRS_DEFS['EPSG:4258'], WGS84, [5.1, 52.1]);
    expect(lon).toBeCloseTo(5.1, 12);
    expect(lat).toBeCloseTo(52.1, 12);
  });

  it('RD → EPSG:4326 through crsTransform matches the PROJ points of test/fixtures/rd', () => {
    const transform = crsTransform('EPSG:4326');
    for (const point of rdPoints.points) {
      const [lon, lat] = transform.fromRd([point.x, point.y]);
      expect(Math.abs(lon - point.lon)).toBeLessThan(1e-8);
      expect(Math.abs(lat - point.lat)).toBeLessThan(1e-8);
      const [x, y] = transform.toRd([point.lon, point.lat]);
      expect(Math.abs(x - point.x_back)).toBeLessThan(1e-3);
      expect(Math.abs(y - point.y_back)).toBeLessThan(1e-3);
    }
  });

  it('round-trips RD New through every CRS to 1 mm', () => {
    for (const code of SUPPORTED_CRS) {
      const transform = crsTransform(code);
      for (const rd of [
        [155000, 463000],
        [20000, 380000],
        [270000, 600000],
      ] as const) {
        const [x, y] = transform.toRd(transform.fromRd(rd));
        expect(Math.hypot(x - rd[0], y - rd[1])).toBeLessThan(1e-3);
      }
    }
  });
});

describe('recognizeCrs', () => {
  it('reads the supported EPSG codes from ProjectedCSType and GeographicType', () => {
    expect(recognizeCrs({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 28992 })).toEqual({
      ok: true,
      code: 'EPSG:28992',
    });
    expect(recognizeCrs({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326 })).toEqual({
      ok: true,
      code: 'EPSG:4326',
    });
    expect(recognizeCrs({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 3035 })).toEqual({
      ok: true,
      code: 'EPSG:3035',
    });
  });

  it('recognises GDAL-written SoilGrids Homolosine and never reads it as degrees', () => {
    const pe =
      'ESRI PE String = PROJCS["Interrupted_Goode_Homolosine",GEOGCS["GCS_unknown",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Interrupted_Goode_Homolosine"],UNIT["Meter",1.0]]';
    expect(
      recognizeCrs({
        GTModelTypeGeoKey: 32767,
        GeographicTypeGeoKey: 4326,
        PCSCitationGeoKey: pe,
      }),
    ).toEqual({ ok: true, code: 'IGH' });
    expect(
      recognizeCrs({
        GTModelTypeGeoKey: 1,
        ProjectedCSTypeGeoKey: 32767,
        GeographicTypeGeoKey: 4326,
        PCSCitationGeoKey: 'Goode_Homolosine +proj=igh +lon_0=0',
      }),
    ).toEqual({ ok: true, code: 'IGH' });
  });

  it('refuses other codes and user-defined CRSs, naming them', () => {
    expect(recognizeCrs({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 2154 })).toEqual({
      ok: false,
      name: 'EPSG:2154',
    });
    expect(recognizeCrs({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4230 })).toEqual({
      ok: false,
      name: 'EPSG:4230',
    });
    const refused = recognizeCrs({
      GTModelTypeGeoKey: 32767,
      GeographicTypeGeoKey: 4326,
      PCSCitationGeoKey: 'Robinson',
    });
    expect(refused).toEqual({ ok: false, name: 'Robinson' });
  });

  it('refuses Goode Homolosine that is not +proj=igh: plain (Option 0), shifted, ocean lobes', () => {
    const pe = (projection: string, params: string) =>
      recognizeCrs({
        GTModelTypeGeoKey: 32767,
        GeographicTypeGeoKey: 4326,
        PCSCitationGeoKey: `ESRI PE String = PROJCS["unknown",GEOGCS["GCS_unknown"],PROJECTION["${projection}"],${params},UNIT["Meter",1.0]]`,
      });
    const land = 'PARAMETER["False_Easting",0.0],PARAMETER["Central_Meridian",0.0]';
    expect(pe('Goode_Homolosine', `${land},PARAMETER["Option",1.0]`)).toEqual({
      ok: true,
      code: 'IGH',
    });
    expect(pe('Goode_Homolosine', `${land},PARAMETER["Option",0.0]`)).toEqual({
      ok: false,
      name: 'Goode_Homolosine (Option 0)',
    });
    expect(
      pe('Goode_Homolosine', 'PARAMETER["Central_Meridian",10.0],PARAMETER["Option",1.0]').ok,
    ).toBe(false);
    expect(pe('Interrupted_Goode_Homolosine_Ocean', land).ok).toBe(false);
    expect(
      recognizeCrs({ GTModelTypeGeoKey: 32767, PCSCitationGeoKey: '+proj=igh_o +lon_0=0' }).ok,
    ).toBe(false);
  });

  it('a file without GeoKeys has no CRS (read as RD New, as before)', () => {
    expect(recognizeCrs(null)).toEqual({ ok: true, code: null });
    expect(recognizeCrs({})).toEqual({ ok: true, code: null });
  });
});
