import proj4 from 'proj4';

/** RD New (EPSG:28992) as a proj4 string, from DESIGN.md section 4 (about 1 m absolute accuracy). */
export const RD_PROJ4 =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

/** A position in RD New metres (x east, y north). */
export type RdPoint = [x: number, y: number] & { _crs?: 'EPSG:28992' };
/** A position in WGS84 degrees (lon, lat), RFC 7946 axis order. */
export type LonLat = [lon: number, lat: number] & { _crs?: 'EPSG:4326' };
/** A position in Web Mercator metres (EPSG:3857). */
export type MercatorPoint = [x: number, y: number] & { _crs?: 'EPSG:3857' };

proj4.defs('EPSG:28992', RD_PROJ4);

const rdToWgs = proj4('EPSG:28992', 'WGS84');

/** RD New metres to WGS84 degrees. */
export function rdToWgs84(point: readonly [number, number]): LonLat {
  const [lon, lat] = rdToWgs.forward([point[0], point[1]]);
  return [lon, lat] as LonLat;
}

/** WGS84 degrees to RD New metres (inverse Helmert is approximate: about 0.5 mm round trip). */
export function wgs84ToRd(point: readonly [number, number]): RdPoint {
  const [x, y] = rdToWgs.inverse([point[0], point[1]]);
  return [x, y] as RdPoint;
}

/** Earth radius of the spherical Web Mercator projection (EPSG:3857), metres. */
export const MERCATOR_RADIUS = 6378137;

/** WGS84 degrees to Web Mercator metres (closed form, no proj4 needed). */
export function lonLatToMercator(point: readonly [number, number]): MercatorPoint {
  const x = (MERCATOR_RADIUS * point[0] * Math.PI) / 180;
  const y = MERCATOR_RADIUS * Math.log(Math.tan(Math.PI / 4 + (point[1] * Math.PI) / 360));
  return [x, y] as MercatorPoint;
}

/** Web Mercator metres to WGS84 degrees. */
export function mercatorToLonLat(point: readonly [number, number]): LonLat {
  const lon = (point[0] / MERCATOR_RADIUS) * (180 / Math.PI);
  const lat = (2 * Math.atan(Math.exp(point[1] / MERCATOR_RADIUS)) - Math.PI / 2) * (180 / Math.PI);
  return [lon, lat] as LonLat;
}

/** The RD New area of use (DESIGN.md 7.2): "in the Netherlands" means inside this WGS84 box. */
export const RD_AREA_OF_USE = { minLon: 3.2, maxLon: 7.3, minLat: 50.75, maxLat: 53.7 } as const;

/** True when a WGS84 position lies inside the RD New area of use. */
export function isInRdAreaOfUse(point: readonly [number, number]): boolean {
  const box = RD_AREA_OF_USE;
  return (
    point[0] >= box.minLon &&
    point[0] <= box.maxLon &&
    point[1] >= box.minLat &&
    point[1] <= box.maxLat
  );
}
