import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { AreaResult } from '../engine/types';
import type { Scenario } from '../estimate/scenario';
import { wgs84ToRd } from '../projection/rd';
import { ESTIMATE_FIGURES, RANGE_PARTS } from './figures';

/** An area to export: WGS84 geometry (as the store holds it) and its result, when there is one. */
export interface ExportArea {
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
  /** The area's own attributes (e.g. from an imported file); export fields take precedence. */
  properties?: Record<string, unknown>;
  result?: AreaResult | null;
}

export type ExportCrs = 'EPSG:4326' | 'EPSG:28992';

/** What every feature says about the run. */
export interface GeoJsonExportOptions {
  /** 'EPSG:4326' (RFC 7946, default) or 'EPSG:28992' (RD New, with the legacy `crs` member). */
  crs?: ExportCrs;
  /** Layer ids analysed, in order: `<layer>_mean` and `<layer>_valid_ha` per layer. */
  layerIds: readonly string[];
  scenario: Scenario;
  /** Localized description of the data source. */
  source: string;
  synthetic: boolean;
  appVersion: string;
  /** Export time, ISO 8601. */
  exportedAt: string;
}

/** The legacy GeoJSON 2008 `crs` member that QGIS, GDAL and ArcGIS read for RD New. */
export const RD_CRS_MEMBER = {
  type: 'name',
  properties: { name: 'urn:ogc:def:crs:EPSG::28992' },
} as const;

export type ExportCollection = FeatureCollection<Polygon | MultiPolygon> & {
  crs?: typeof RD_CRS_MEMBER;
};

function toRdRing(ring: Position[]): Position[] {
  return ring.map((position) => [...wgs84ToRd([position[0] ?? NaN, position[1] ?? NaN])]);
}

/** The geometry in RD New metres (same transformation as the analysis: wgs84ToRd). */
export function geometryInRd(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(toRdRing) }
    : {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon) => polygon.map(toRdRing)),
      };
}

/**
 * The flat properties of one area: id, name, area_ha, per layer mean and valid hectares, class
 * hectares, every estimate range as `<figure>_low|_central|_high` (units in the names), the
 * measures' switches, and the run's method, scenario, source, synthetic flag, version and date.
 * A figure without a result is null, so a stale value from an imported file never survives.
 */
export function exportProperties(
  area: ExportArea,
  options: GeoJsonExportOptions,
): Record<string, unknown> {
  const result = area.result ?? null;
  const estimate = result?.estimate ?? null;
  const out: Record<string, unknown> = {
    ...(area.properties ?? {}),
    id: area.id,
    name: area.name,
    area_ha: result?.area_ha ?? null,
  };
  for (const id of options.layerIds) {
    const stats = result?.layers[id as keyof AreaResult['layers']];
    out[`${id}_mean`] = stats?.mean ?? null;
    out[`${id}_valid_ha`] = stats?.valid_ha ?? null;
    for (const [name, ha] of Object.entries(stats?.classes ?? {})) out[`${id}_${name}_ha`] = ha;
  }
  for (const [name, pick] of ESTIMATE_FIGURES) {
    const range = estimate ? pick(estimate) : null;
    for (const part of RANGE_PARTS) out[`${name}_${part}`] = range?.[part] ?? null;
  }
  for (const measure of estimate?.measures ?? []) {
    out[`${measure.id}_on`] = measure.on;
    out[`${measure.id}_ha`] = measure.ha;
  }
  out.peat_ha = estimate?.peat.ha ?? null;
  out.sealed_share_now = estimate?.sealing.share_now ?? null;
  out.sealed_share_plan = estimate?.sealing.share_plan ?? null;
  out.method = estimate?.method ?? options.scenario.method;
  out.horizon_years = estimate?.horizon_years ?? options.scenario.horizon_years;
  out.scenario = JSON.stringify(options.scenario);
  out.data_source = options.source;
  out.synthetic = options.synthetic;
  out.depth_cm = '0-30';
  out.app_version = options.appVersion;
  out.exported_at = options.exportedAt;
  return out;
}

/**
 * GeoJSON FeatureCollection of the areas with their results as flat properties. WGS84 (RFC 7946)
 * by default; RD New on request, with the legacy `crs` member. Coordinates keep full precision so
 * that importing the file again gives the same areas.
 */
export function exportGeoJson(
  areas: readonly ExportArea[],
  options: GeoJsonExportOptions,
): ExportCollection {
  const rd = options.crs === 'EPSG:28992';
  const features: Feature<Polygon | MultiPolygon>[] = areas.map((area) => ({
    type: 'Feature',
    id: area.id,
    properties: exportProperties(area, options),
    geometry: rd ? geometryInRd(area.geometry) : area.geometry,
  }));
  return rd
    ? { type: 'FeatureCollection', crs: RD_CRS_MEMBER, features }
    : { type: 'FeatureCollection', features };
}

/** The collection as text, one feature per line: readable in a diff, small enough to mail. */
export function formatGeoJson(collection: ExportCollection): string {
  const { features, ...head } = collection;
  const lines = features.map((feature) => JSON.stringify(feature));
  const open = JSON.stringify({ ...head, features: [] }).slice(0, -2);
  return `${open}\n${lines.join(',\n')}\n]}\n`;
}
