import proj4 from 'proj4';
import definitions from './crs-defs.json';
import { registerIgh } from './igh';
import { RD_PROJ4 } from './rd';

registerIgh();

/** Codes of the coordinate systems a raster may be in (DESIGN.md 8.2); `IGH` is SoilGrids'. */
export type RasterCrsCode =
  | 'EPSG:28992'
  | 'EPSG:4326'
  | 'EPSG:4258'
  | 'EPSG:3857'
  | 'EPSG:25831'
  | 'EPSG:25832'
  | 'EPSG:3035'
  | 'IGH';

/** PROJ strings from crs-defs.json, by code. */
export const CRS_DEFS = definitions.crs as Record<RasterCrsCode, string>;

export const SUPPORTED_CRS = Object.keys(CRS_DEFS) as RasterCrsCode[];

/** True for CRSs whose coordinates are degrees (longitude, latitude). */
export function isGeographic(code: RasterCrsCode): boolean {
  return code === 'EPSG:4326' || code === 'EPSG:4258';
}

/** A transform between RD New and a raster's CRS; arrays are [x, y] in each CRS's units. */
export interface CrsTransform {
  code: RasterCrsCode;
  /** RD New metres → raster CRS (degrees for geographic CRSs, lon first). */
  fromRd(point: readonly [number, number]): [number, number];
  /** Raster CRS → RD New metres. */
  toRd(point: readonly [number, number]): [number, number];
}

const cache = new Map<RasterCrsCode, CrsTransform>();

/** The RD New ↔ `code` transform (identity for EPSG:28992, so RD rasters stay bit-exact). */
export function crsTransform(code: RasterCrsCode): CrsTransform {
  const cached = cache.get(code);
  if (cached) return cached;
  let transform: CrsTransform;
  if (code === 'EPSG:28992') {
    transform = {
      code,
      fromRd: (p) => [p[0], p[1]],
      toRd: (p) => [p[0], p[1]],
    };
  } else {
    const converter = proj4(RD_PROJ4, CRS_DEFS[code]);
    transform = {
      code,
      fromRd: (p) => converter.forward([p[0], p[1]]) as [number, number],
      toRd: (p) => converter.inverse([p[0], p[1]]) as [number, number],
    };
  }
  cache.set(code, transform);
  return transform;
}

/** What a GeoTIFF's GeoKeys say about its CRS. */
export type CrsRecognition =
  | { ok: true; code: RasterCrsCode }
  /** The file names no CRS at all: read as RD New, as before (catalogue rasters). */
  | { ok: true; code: null }
  /** A CRS the product does not take: `name` is the EPSG code or the description. */
  | { ok: false; name: string };

const EPSG_CODES = new Set(
  SUPPORTED_CRS.filter((code) => code.startsWith('EPSG:')).map((code) => Number(code.slice(5))),
);

const USER_DEFINED = 32767;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A PE/WKT parameter's value in a citation (`PARAMETER["name",value]`), or null when absent. */
function parameter(citation: string, name: string): number | null {
  const match = new RegExp(`PARAMETER\\["${name}",\\s*([-+\\d.eE]+)\\]`, 'i').exec(citation);
  return match ? Number(match[1]) : null;
}

/**
 * True when a citation names the Interrupted Goode Homolosine of `+proj=igh` (land lobes, central
 * meridian 0, no false origin). GDAL writes it as ESRI `PROJECTION["Goode_Homolosine"]` with
 * `PARAMETER["Option",1.0]`; the same name with Option 0 is the plain (uninterrupted) Goode
 * Homolosine, and `igh_o` is the ocean variant: neither is IGH.
 */
function isInterruptedHomolosine(citation: string): boolean {
  if (/ocean/i.test(citation)) return false;
  for (const name of ['Central_Meridian', 'False_Easting', 'False_Northing']) {
    const value = parameter(citation, name);
    if (value !== null && value !== 0) return false;
  }
  if (/\+proj=igh\b/i.test(citation) || /interrupted.?goode.?homolosine/i.test(citation)) {
    return true;
  }
  return /goode.?homolosine/i.test(citation) && parameter(citation, 'Option') === 1;
}

/**
 * The CRS of a GeoTIFF from its GeoKeys (GeoTIFF 1.1 names). SoilGrids' Interrupted Goode
 * Homolosine comes as a user-defined CRS (GTModelType or ProjectedCSType 32767, GeographicType
 * 4326) with an ESRI description in PCSCitationGeoKey: it is recognised by that text and never read
 * as degrees. Any other user-defined CRS is refused with its description.
 */
export function recognizeCrs(keys: Record<string, unknown> | null | undefined): CrsRecognition {
  if (!keys) return { ok: true, code: null };
  const model = keys.GTModelTypeGeoKey;
  const projected = keys.ProjectedCSTypeGeoKey;
  const geographic = keys.GeographicTypeGeoKey;
  const citations = [keys.PCSCitationGeoKey, keys.GTCitationGeoKey, keys.GeogCitationGeoKey]
    .map(text)
    .join(' ');
  const userDefined =
    model === USER_DEFINED ||
    projected === USER_DEFINED ||
    (model === 1 && projected === undefined && citations.trim() !== '');
  if (userDefined) {
    if (isInterruptedHomolosine(citations)) return { ok: true, code: 'IGH' };
    // A PE/WKT string names its projection: say that rather than a cut-off PROJCS["unknown",...
    const projection = /PROJECTION\["([^"]+)"\]/i.exec(citations)?.[1];
    const option = parameter(citations, 'Option');
    const name = projection
      ? `${projection}${option === null ? '' : ` (Option ${option})`}`
      : citations.trim() || `user-defined (${String(model ?? projected)})`;
    return { ok: false, name: name.length > 120 ? `${name.slice(0, 117)}...` : name };
  }
  if (typeof projected === 'number') {
    return EPSG_CODES.has(projected)
      ? { ok: true, code: `EPSG:${projected}` as RasterCrsCode }
      : { ok: false, name: `EPSG:${projected}` };
  }
  if (model === 1) return { ok: false, name: 'projected CRS without a code' };
  if (typeof geographic === 'number' && geographic !== USER_DEFINED) {
    return EPSG_CODES.has(geographic)
      ? { ok: true, code: `EPSG:${geographic}` as RasterCrsCode }
      : { ok: false, name: `EPSG:${geographic}` };
  }
  if (model === 2) return { ok: false, name: citations.trim() || 'geographic CRS without a code' };
  return { ok: true, code: null };
}
