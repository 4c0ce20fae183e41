import type { Map as MapLibreMap } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';
import type { Scenario } from '../core/estimate/scenario';
import type { Catalogue } from '../core/raster/catalogue-types';
import type { LayerId } from '../core/raster/classes';
import type { Result } from '../core/result';
import { i18next } from '../i18n';
import type { AppState, AppStore } from '../state/store';
import { catalogueUrlOf, packageState } from './active-package';
import {
  addOfflineBasemap,
  addPlaceLabels,
  OFFLINE_FILL_LAYER_IDS,
  OFFLINE_ROAD_LAYER_IDS,
  placesOf,
} from './basemap';
import { followBasemapChoice, PDOK_SOURCE } from './basemap-pdok';
import {
  DEMO_CATALOGUE_PATH,
  type LoadedCatalogue,
  loadCatalogue,
  loadContext,
  wgs84BoundsOfRdBox,
} from './dataset';
import { followInspect, type ValueReader } from './inspect';
import { mapStatus, noticeOnFailure } from './map-status';
import { showPackageOutline } from './package-outline';
import { followRasterLayers } from './raster-layers';
import { followUserRasterLayers, type UserTileSetter } from './user-raster-layers';
import { viewPadding } from './view-padding';

/** The small-screen layout (bottom sheet) of the page: see SMALL_SCREEN_QUERY in src/ui/app. */
const smallScreen = () => window.matchMedia?.('(max-width: 900px)').matches ?? false;

/** What the map needs from the tiles protocol (src/map/raster-protocol.ts in the app). */
export interface TileHooks {
  /** Registers the protocol for a dataset (absolute catalogue URL); called before it loads. */
  register: (catalogueUrl: string) => void;
  tileUrl: (id: LayerId, state: AppState) => string;
  /** Values under a point, read by the same reader as the tiles. */
  valuesAt: ValueReader;
  /** WGS84 bounds of an RD New box, computed where proj4 is already loaded (the tiles worker). */
  boundsOf: (bbox: [number, number, number, number]) => Promise<[number, number, number, number]>;
  /** Gives derived layers a new scenario and redraws them. */
  applyScenario: (map: MapLibreMap, scenario: Scenario) => Promise<void>;
  /** Gives the tile workers the user's own rasters (DESIGN.md 8.2). */
  setUserLayers?: UserTileSetter;
}

let preloaded: { url: string; catalogue: Promise<Result<LoadedCatalogue>> } | null = null;

/**
 * Starts loading the dataset's catalogue, and with it the tile workers, before the map exists: the
 * page's first idle is what a user waits for. `startMap` takes over the same request.
 */
export function preloadDataset(tiles: TileHooks | null): Promise<Result<LoadedCatalogue>> {
  const url = catalogueUrlOf(window.location);
  if (preloaded?.url !== url) {
    // The workers fetch the catalogue themselves: no need to wait for ours.
    tiles?.register(new URL(url, window.location.href).href);
    preloaded = { url, catalogue: loadCatalogue(url) };
  }
  return preloaded.catalogue;
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
      // On a small screen (the bottom-sheet layout) the attribution folds behind its (i) button.
      new maplibregl.AttributionControl({
        compact: smallScreen(),
        customAttribution: attribution,
      }),
    ];
    // Zoom beside the right panel, scale under the left one, attribution along the bottom.
    map.addControl(controls[0] as maplibregl.IControl, 'top-right');
    map.addControl(controls[1] as maplibregl.IControl, 'bottom-left');
    map.addControl(controls[2] as maplibregl.IControl, 'bottom-right');
    // Folded at first on a small screen: its (i) button opens it.
    if (smallScreen()) {
      map
        .getContainer()
        .querySelector('.maplibregl-ctrl-attrib')
        ?.classList.remove('maplibregl-compact-show');
    }
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
    // Sources and layers may go in once the style is parsed; no need to wait for a first frame.
    if (map.isStyleLoaded()) resolve();
    else map.once('style.load', () => resolve());
  });

  mapStatus.setState({ dataset: { state: 'loading' } });
  let setPlaceLabels: (visible: boolean) => void = () => {};
  cleanups.push(followBasemapChoice(map, store, (visible) => setPlaceLabels(visible)));
  void (async () => {
    const loaded = await preloadDataset(tiles);
    if (controller.signal.aborted) return;
    if (!loaded.ok) {
      mapStatus.setState({ dataset: { state: 'failed', error: loaded.error }, firstIdle: true });
      mapStatus.getState().setNotice({ ...loaded.error, tone: 'error' });
      return;
    }
    const { catalogue, catalogueUrl } = loaded.value;
    // The tile workers started with the catalogue; the rasters come first, the context meanwhile.
    const context = loadContext(loaded.value, controller.signal);
    await styleLoaded;
    if (controller.signal.aborted) return;
    attribution = [catalogue.attribution[store.getState().language]];
    placeControls();
    const bounds = tiles
      ? await tiles.boundsOf(catalogue.bbox_rd)
      : await wgs84BoundsOfRdBox(catalogue.bbox_rd);
    if (controller.signal.aborted) return;
    // A restored view comes back as it was left; else the whole dataset.
    const view = store.getState().view;
    // After a switch of package, its data is shown whole rather than the view left elsewhere.
    const fit = packageState.getState().fitNext;
    if (fit) packageState.setState({ fitNext: false });
    if (view && !fit) map.jumpTo(view);
    else map.fitBounds(bounds, { padding: viewPadding(map), animate: false });
    followView(map, store, cleanups);
    store.getState().setCatalogue(catalogue, catalogueUrl);
    store.getState().setPackage({
      id: catalogue.id,
      url: catalogueUrlOf(window.location) === DEMO_CATALOGUE_PATH ? null : catalogueUrl,
    });
    if (tiles) followTiles(map, store, tiles, catalogue, bounds, cleanups);
    void showPackageOutline(map, catalogue, catalogueUrl, controller.signal);
    mapStatus.setState({ dataset: { state: 'ready' } });
    map.once('idle', () => mapStatus.setState({ firstIdle: true }));
    map.triggerRepaint();
    const contextResult = await context;
    if (controller.signal.aborted) return;
    if (!contextResult.ok) {
      mapStatus.getState().setNotice({ ...contextResult.error, tone: 'error' });
      return;
    }
    addOfflineBasemap(map, contextResult.value);
    setPlaceLabels = addPlaceLabels(map, placesOf(contextResult.value));
    // The PDOK basemap may have been switched on meanwhile: then the offline one stays hidden.
    const offlineShown = mapStatus.getState().basemapShown !== 'pdok';
    setPlaceLabels(offlineShown);
    if (!offlineShown) {
      for (const id of [...OFFLINE_FILL_LAYER_IDS, ...OFFLINE_ROAD_LAYER_IDS]) {
        map.setLayoutProperty(id, 'visibility', 'none');
      }
    }
  })();

  return () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
}

/** Rounds to `digits` decimals: a saved view does not change with sub-pixel jitter. */
const rounded = (value: number, digits: number) => Number(value.toFixed(digits));

/** Writes the map's view into the store when a move ends (the saved session keeps it). */
function followView(map: MapLibreMap, store: AppStore, cleanups: Array<() => void>): void {
  const onMoveEnd = () => {
    const center = map.getCenter();
    store.getState().setView({
      center: [rounded(center.lng, 7), rounded(center.lat, 7)],
      zoom: rounded(map.getZoom(), 3),
      bearing: rounded(map.getBearing(), 2),
      pitch: rounded(map.getPitch(), 2),
    });
  };
  map.on('moveend', onMoveEnd);
  cleanups.push(() => map.off('moveend', onMoveEnd));
}

/** Raster layers, inspector and derived-layer scenario, once the catalogue is in the store. */
function followTiles(
  map: MapLibreMap,
  store: AppStore,
  tiles: TileHooks,
  catalogue: Catalogue,
  bounds: [number, number, number, number],
  cleanups: Array<() => void>,
): void {
  cleanups.push(followRasterLayers(map, store, { tileUrl: tiles.tileUrl, bounds }));
  cleanups.push(followInspect(map, store, tiles.valuesAt));
  if (tiles.setUserLayers) cleanups.push(followUserRasterLayers(map, store, tiles.setUserLayers));
  const applyScenario = (scenario: Scenario) =>
    noticeOnFailure(tiles.applyScenario(map, scenario), 'map.derivedFailed');
  if (catalogue.layers.some((layer) => layer.kind === 'derived')) {
    void applyScenario(store.getState().scenario);
  }
  cleanups.push(
    store.subscribe((state, previous) => {
      if (state.scenario !== previous.scenario) void applyScenario(state.scenario);
    }),
  );
}
