import { formatWorkshopFile, WORKSHOP_EXTENSION } from '../../core/session/workshop-file';
import { newerSessionText, sessionOf } from '../../state/persist';
import type { AppState } from '../../state/store';
import { downloadBlob, fileName, geoJsonText } from '../export/export-inputs';

/** Saves the areas on screen as GeoJSON (WGS84) with their results. */
export function downloadAreasGeoJson(state: AppState): void {
  const text = geoJsonText(state, 'EPSG:4326');
  downloadBlob(new Blob([text], { type: 'application/geo+json' }), fileName('vlakken', 'geojson'));
}

/** Saves the session on screen as a workshop file (DESIGN.md 9). */
export function downloadWorkshopFile(state: AppState): void {
  const text = formatWorkshopFile(sessionOf(state));
  const name = fileName('sessie', 'x').replace(/\.x$/, WORKSHOP_EXTENSION);
  downloadBlob(new Blob([text], { type: 'application/json' }), name);
}

/** Saves a newer version's session exactly as it was found, for that version to open. */
export function downloadNewerSession(): void {
  const text = newerSessionText();
  if (text === null) return;
  const name = fileName('sessie-nieuwere-versie', 'json');
  downloadBlob(new Blob([text], { type: 'application/json' }), name);
}
