import type { LngLatBoundsLike } from 'maplibre-gl';
import { type MunicipalityEntry, municipalityAreaName } from '../core/places/municipalities';
import { isMunicipalityArea, municipalityAreaFields } from '../core/places/municipality-area';
import type { AppError } from '../core/result';
import { geometryBounds, plannerMap } from '../map/areas-layer';
import { loadMunicipalityOutline } from '../map/municipality-data';
import { store } from '../state/store';
import { panelPadding } from './map-padding';

/** What choosing a place did, for the search box's announcement. */
export type ChoiceOutcome =
  | { kind: 'added'; name: string }
  | { kind: 'already-there'; name: string }
  | { kind: 'shown'; name: string }
  | { kind: 'failed'; error: AppError };

/** Fits the map to WGS84 bounds, clear of the panels; no animation when motion is reduced. */
export function fitMapTo(bounds: LngLatBoundsLike): void {
  const map = plannerMap();
  if (!map) return;
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  map.fitBounds(bounds, {
    padding: panelPadding(map.getContainer()),
    maxZoom: 16,
    duration: reduced ? 0 : 400,
  });
}

/**
 * Adds the municipality's shipped outline as an area (id the code, name `<name> (GM0000)`),
 * selects it and fits the map to it. Chosen again, the existing area is selected instead.
 */
export async function chooseMunicipality(entry: MunicipalityEntry): Promise<ChoiceOutcome> {
  const name = municipalityAreaName(entry);
  const existing = store
    .getState()
    .areas.find((area) => area.id === entry.code && isMunicipalityArea(area));
  if (existing) {
    store.getState().selectArea(existing.id);
    fitMapTo(geometryBounds(existing.geometry));
    return { kind: 'already-there', name: existing.name };
  }
  const outline = await loadMunicipalityOutline(entry.code);
  if (!outline.ok) return { kind: 'failed', error: outline.error };
  const state = store.getState();
  const fields = municipalityAreaFields(outline.value);
  // An unrelated area may already use the code as its id (an imported file): keep ids unique.
  let id = fields.id;
  for (let n = 2; state.areas.some((area) => area.id === id); n++) id = `${fields.id}-${n}`;
  state.addArea({ ...fields, id, color: state.nextAreaColor(), visible: true });
  fitMapTo(geometryBounds(fields.geometry));
  return { kind: 'added', name };
}
