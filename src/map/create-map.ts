import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { store } from '../state/store';
import { emptyStyle } from './basemap';
import {
  applyScenario,
  boundsOf,
  rasterTileUrl,
  registerRasterProtocol,
  setUserTileLayers,
  valueAt,
} from './raster-protocol';
import { preloadDataset, startMap, type TileHooks } from './setup-map';

maplibregl.setWorkerUrl(workerUrl);
// MapLibre's worker loads while React renders, not after the map is made.
maplibregl.prewarm();

/** The tiles protocol: tiles and inspector values from the tiles workers. */
const tileHooks: TileHooks = {
  register: (catalogueUrl) => registerRasterProtocol(maplibregl, catalogueUrl),
  tileUrl: (id) => rasterTileUrl(id),
  valuesAt: (ids, point) => valueAt(point, ids),
  applyScenario,
  boundsOf,
  setUserLayers: setUserTileLayers,
};

// The catalogue and the tile workers load while React and MapLibre start.
void preloadDataset(tileHooks);

export interface MapHandle {
  map: maplibregl.Map;
  destroy: () => void;
}

/** Creates the map with the offline basemap and registers it for checks from outside. */
export function createMap(container: HTMLElement): MapHandle {
  const map = new maplibregl.Map({
    container,
    style: emptyStyle(),
    center: [5.1, 51.9],
    zoom: 10,
    attributionControl: false,
    // Labels fade in over 300 ms after every move; with reduced motion they appear at once (and a
    // scene switch is idle that much sooner).
    fadeDuration: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 0 : 300,
  });
  const stop = startMap(map, store, tileHooks);
  window.koolstofkaart = { map, store };
  return {
    map,
    destroy: () => {
      stop();
      map.remove();
      if (window.koolstofkaart?.map === map) window.koolstofkaart = { map: null, store };
    },
  };
}
