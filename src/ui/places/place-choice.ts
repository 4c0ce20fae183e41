import type { LngLatBoundsLike } from 'maplibre-gl';
import type { PlaceSuggestion } from '../../core/places/locatieserver';
import { type MunicipalityEntry, municipalityAreaName } from '../../core/places/municipalities';
import { isMunicipalityArea, municipalityAreaFields } from '../../core/places/municipality-area';
import type { AppError } from '../../core/result';
import { geometryBounds, plannerMap } from '../../map/areas-layer';
import { loadMunicipalityOutline } from '../../map/municipality-data';
import { store } from '../../state/store';
import { panelPadding } from '../app/map-padding';

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

/** Half the side of the box shown around a place without a geometry, in degrees, by type. */
const POINT_SPAN: Record<string, number> = {
  adres: 0.002,
  postcode: 0.004,
  weg: 0.006,
  woonplaats: 0.03,
};

/**
 * Goes to a PDOK suggestion: a municipality by the shipped outline of its code (added as an
 * area, as when chosen from the list), any other place by fitting the map to it.
 */
export async function choosePlace(
  suggestion: PlaceSuggestion,
  municipality: (code: string) => MunicipalityEntry | null,
): Promise<ChoiceOutcome> {
  const { lookupPlace } = await import('../../core/places/locatieserver');
  let place: Awaited<ReturnType<typeof lookupPlace>>;
  try {
    place = await lookupPlace(suggestion.id);
  } catch {
    return { kind: 'failed', error: { kind: 'unreachable', code: 'places.serviceUnavailable' } };
  }
  if (!place.ok) return { kind: 'failed', error: place.error };
  const { municipalityCode, bbox, center, label, type } = place.value;
  const entry = municipalityCode ? municipality(municipalityCode) : null;
  if (entry) return chooseMunicipality(entry);
  const span = POINT_SPAN[type] ?? 0.01;
  const [lon, lat] = center;
  fitMapTo(
    bbox ?? [
      [lon - span * 1.6, lat - span],
      [lon + span * 1.6, lat + span],
    ],
  );
  return { kind: 'shown', name: label };
}
