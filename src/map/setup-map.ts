import type { Map as MapLibreMap } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';
import type { Scenario } from '../core/estimate/scenario';
import type { LayerId } from '../core/raster/classes';
import { i18next } from '../i18n';
import type { AppState, AppStore } from '../state/store';
import { addOfflineBasemap, addPlaceLabels, placesOf } from './basemap';
import { followBasemapChoice, PDOK_SOURCE } from './basemap-pdok';
import { DEMO_CATALOGUE_PATH, loadDataset, wgs84BoundsOfRdBox } from './dataset';
import { followInspect, type ValueReader } from './inspect';
import { mapStatus } from './map-status';
import { followRasterLayers } from './raster-layers';

/** What the map needs from the tiles protocol (src/map/raster-protocol.ts in the app). */
export interface TileHooks {
  /** Registers the protocol for a dataset; called once its catalogue has loaded. */
  register: (catalogueUrl: string) => void;
  tileUrl: (id: LayerId, state: AppState) => string;
  /** Values under a point, read by the same reader as the tiles. */
  valuesAt: ValueReader;
  /** Gives derived layers a new scenario and redraws them. */
  applyScenario: (map: MapLibreMap, scenario: Scenario) => Promise<void>;
}

/** The dataset to open: `?catalogue=<url>` or the demo. */
export function catalogueUrlOf(location: Location): string {
  return new URLSearchParams(location.search).get('catalogue') ?? DEMO_CATALOGUE_PATH;
}

/** MapLibre's own control texts in the app's language. */
function controlTexts(): Record<string, string> {
  const t = (key: string) => i18next.t(key);
  return {
    'AttributionControl.ToggleAttribution': t('map.attributionToggle'),
    'Map.Title': t('map.title'),
    'NavigationControl.ZoomIn': t('map.zoomIn'),
    'NavigationControl.ZoomOut': t('map.zoomOut'),
    'NavigationControl.ResetBearing': t('map.resetNorth'),
    'ScaleControl.Meters': 'm',
    'ScaleControl.Kilometers': 'km',
  };
}

/**
 * Opens the dataset on a new map: offline basemap, raster layers, the basemap switch, controls in
 * the user's language. Failures become a notice; the map stays usable. Returns a cleanup function.
 */
export function startMap(map: MapLibreMap, store: AppStore, tiles: TileHooks | null): () => void {
  const cleanups: Array<() => void> = [];
  const controller = new AbortController();
  cleanups.push(() => controller.abort());

  // Controls whose texts follow the language.
  let controls: maplibregl.IControl[] = [];
  let attribution: string[] = [];
  const placeControls = () => {
    for (const control of controls) map.removeControl(control);
    Object.assign(map._locale, controlTexts());
    map.getCanvas().setAttribute('aria-label', i18next.t('map.title'));
    controls = [
      new maplibregl.NavigationControl({ showCompass: false }),
      new maplibregl.ScaleControl({ unit: 'metric' }),
      new maplibregl.AttributionControl({ compact: false, customAttribution: attribution }),
    ];
    map.addControl(controls[0] as maplibregl.IControl, 'bottom-right');
    map.addControl(controls[1] as maplibregl.IControl, 'bottom-right');
    map.addControl(controls[2] as maplibregl.IControl, 'bottom-right');
  };
  placeControls();
  // i18next switches after the store (App's effect), so the controls follow i18next itself.
  const onLanguage = () => {
    const state = store.getState();
    if (state.catalogue) attribution = [state.catalogue.attribution[state.language]];
    placeControls();
  };
  i18next.on('languageChanged', onLanguage);
  cleanups.push(() => i18next.off('languageChanged', onLanguage));

  // Errors of sources other than the optional PDOK basemap stay visible in the console.
  const onError = (event: maplibregl.ErrorEvent) => {
    if ((event as maplibregl.ErrorEvent & { sourceId?: string }).sourceId === PDOK_SOURCE) return;
    console.error(event.error);
  };
  map.on('error', onError);
  cleanups.push(() => map.off('error', onError));

  const styleLoaded = new Promise<void>((resolve) => {
    if (map.isStyleLoaded()) resolve();
    else map.once('load', () => resolve());
  });

  mapStatus.setState({ dataset: { state: 'loading' } });
  void (async () => {
    const dataset = await loadDataset(catalogueUrlOf(window.location), controller.signal);
    if (controller.signal.aborted) return;
    await styleLoaded;
    if (controller.signal.aborted) return;
    let setPlaceLabels: (visible: boolean) => void = () => {};
    if (!dataset.ok) {
      mapStatus.setState({ dataset: { state: 'failed', error: dataset.error } });
      mapStatus.getState().setNotice({ ...dataset.error, tone: 'error' });
    } else {
      const { catalogue, catalogueUrl, context } = dataset.value;
      const language = store.getState().language;
      attribution = [catalogue.attribution[language]];
      placeControls();
      addOfflineBasemap(map, context, '');
      setPlaceLabels = addPlaceLabels(map, placesOf(context));
      const [west, south, east, north] = wgs84BoundsOfRdBox(catalogue.bbox_rd);
      map.fitBounds([west, south, east, north], { padding: 40, animate: false });
      if (tiles) tiles.register(catalogueUrl);
      store.getState().setCatalogue(catalogue, catalogueUrl);
      if (tiles) {
        cleanups.push(followRasterLayers(map, store, { tileUrl: tiles.tileUrl }));
        cleanups.push(followInspect(map, store, tiles.valuesAt));
        const hooks = tiles;
        const applyScenario = (scenario: Scenario) =>
          hooks.applyScenario(map, scenario).catch((error: unknown) => console.error(error));
        if (catalogue.layers.some((layer) => layer.kind === 'derived')) {
          void applyScenario(store.getState().scenario);
        }
        cleanups.push(
          store.subscribe((state, previous) => {
            if (state.scenario !== previous.scenario) void applyScenario(state.scenario);
          }),
        );
      }
      mapStatus.setState({ dataset: { state: 'ready' } });
    }
    cleanups.push(followBasemapChoice(map, store, (visible) => setPlaceLabels(visible)));
  })();

  return () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
}
