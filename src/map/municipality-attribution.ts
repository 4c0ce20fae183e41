import type { Map as MapLibreMap } from 'maplibre-gl';
import { isMunicipalityArea } from '../core/places/municipality-area';
import { i18next } from '../i18n';
import type { AppState, AppStore } from '../state/store';

const SOURCE_ID = 'kk-municipality-attribution';
const LAYER_ID = 'kk-municipality-attribution';

/** True while a visible area is a shipped CBS outline: then the map must credit CBS/Kadaster. */
export function showsMunicipalityOutline(state: Pick<AppState, 'areas'>): boolean {
  return state.areas.some((area) => area.visible && isMunicipalityArea(area));
}

/**
 * Credits the CBS/Kadaster outlines (CC BY 4.0) in MapLibre's attribution while one is displayed.
 * MapLibre lists the attribution of sources that a visible layer uses, so an empty source carries
 * the text and an invisible layer is switched on and off with the outlines. Returns a detach.
 */
export function attachMunicipalityAttribution(map: MapLibreMap, store: AppStore): () => void {
  let attributed = '';
  // Not `isStyleLoaded()`: that is false while any tile loads, e.g. during the fit to an outline.
  let ready = map.loaded();
  const apply = () => {
    if (!ready) return;
    const text = i18next.t('places.attribution');
    if (attributed !== text && map.getSource(SOURCE_ID)) {
      // The attribution of a source is fixed: a new language needs a new source.
      if (map.getLayer(LAYER_ID)) map.removeLayer(LAYER_ID);
      map.removeSource(SOURCE_ID);
    }
    if (!map.getSource(SOURCE_ID)) {
      map.addSource(SOURCE_ID, {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
        attribution: text,
      });
      attributed = text;
    }
    const visibility = showsMunicipalityOutline(store.getState()) ? 'visible' : 'none';
    if (!map.getLayer(LAYER_ID)) {
      map.addLayer({
        id: LAYER_ID,
        type: 'line',
        source: SOURCE_ID,
        layout: { visibility },
        paint: { 'line-opacity': 0 },
      });
    } else if (map.getLayoutProperty(LAYER_ID, 'visibility') !== visibility) {
      map.setLayoutProperty(LAYER_ID, 'visibility', visibility);
    }
  };
  const onStyle = () => apply();
  const onLoad = () => {
    ready = true;
    apply();
  };
  map.on('load', onLoad);
  map.on('styledata', onStyle);
  apply();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.areas !== previous.areas) apply();
  });
  i18next.on('languageChanged', onStyle);
  return () => {
    unsubscribe();
    i18next.off('languageChanged', onStyle);
    map.off('load', onLoad);
    map.off('styledata', onStyle);
  };
}
