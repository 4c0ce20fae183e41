import { version } from '../../../package.json';
import { formatCsv } from '../../core/export/csv';
import {
  type ExportArea,
  type ExportCrs,
  exportGeoJson,
  formatGeoJson,
} from '../../core/export/geojson';
import { packageProvenance, provenanceLine } from '../../core/package/provenance';
import type { Catalogue } from '../../core/raster/catalogue-types';
import { i18next } from '../../i18n';
import { analysisState } from '../../map/area-analysis';
import type { Language } from '../../state/settings-slice';
import type { AppState } from '../../state/store';

/** The app's version (package.json), printed in reports and exported files. */
export const APP_VERSION: string = version;

/** Layer ids that occur in the results, in catalogue order. */
export function analysedLayerIds(areas: ExportArea[], catalogue: Catalogue | null): string[] {
  const seen = new Set(areas.flatMap((area) => Object.keys(area.result?.layers ?? {})));
  const ordered = (catalogue?.layers ?? []).map((layer) => layer.id as string);
  return [
    ...ordered.filter((id) => seen.has(id)),
    ...[...seen].filter((id) => !ordered.includes(id)),
  ];
}

/**
 * The data source in one line (DESIGN 8.1): the package's title and id (synthetic when it is),
 * each analysed layer's source, date and licence, and the attribution, in the language.
 */
export function sourceOf(
  catalogue: Catalogue | null,
  language: Language,
  layerIds?: readonly string[],
): string {
  if (!catalogue) return '';
  const syntheticWord = i18next.getFixedT(language)('app.synthetic');
  const provenance = packageProvenance(catalogue, language, layerIds);
  return `${provenanceLine(provenance, syntheticWord)} | ${catalogue.attribution[language]}`;
}

/** The store's areas with their current results. */
export function exportAreas(state: Pick<AppState, 'areas'>): ExportArea[] {
  const { results } = analysisState.getState();
  return state.areas.map((area) => ({
    id: area.id,
    name: area.name,
    geometry: area.geometry,
    properties: area.properties,
    result: results[area.id] ?? null,
  }));
}

function isSynthetic(state: Pick<AppState, 'catalogue'>): boolean {
  return analysisState.getState().synthetic || (state.catalogue?.synthetic ?? false);
}

/** GeoJSON text of the store's areas with results, in WGS84 or RD New. */
export function geoJsonText(state: AppState, crs: ExportCrs, now = new Date()): string {
  const areas = exportAreas(state);
  return formatGeoJson(
    exportGeoJson(areas, {
      crs,
      layerIds: analysedLayerIds(areas, state.catalogue),
      scenario: state.scenario,
      source: sourceOf(state.catalogue, state.language, analysedLayerIds(areas, state.catalogue)),
      synthetic: isSynthetic(state),
      appVersion: APP_VERSION,
      exportedAt: now.toISOString(),
    }),
  );
}

/** CSV text of the analysed areas in the page language (DESIGN.md 7.1 columns). */
export function csvFileText(state: AppState, now = new Date()): string {
  const areas = exportAreas(state);
  const analysed = areas.flatMap((area) => (area.result ? [area.result] : []));
  const t = i18next.getFixedT(state.language);
  const synthetic = isSynthetic(state) ? ` | ${t('export.syntheticWord')}` : '';
  return formatCsv(analysed, {
    language: state.language,
    layerIds: analysedLayerIds(areas, state.catalogue),
    comment: `${t('export.csvComment', {
      method: state.scenario.method,
      source: sourceOf(state.catalogue, state.language, analysedLayerIds(areas, state.catalogue)),
      version: APP_VERSION,
      date: now.toISOString().slice(0, 10),
    })}${synthetic}`,
  });
}

/** A file name like `koolstofkaart-2026-11-23.geojson`. */
export function fileName(stem: string, extension: string, now = new Date()): string {
  return `koolstofkaart-${stem}-${now.toISOString().slice(0, 10)}.${extension}`;
}

/** Saves a Blob as a download through a Blob URL; nothing leaves the browser. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
