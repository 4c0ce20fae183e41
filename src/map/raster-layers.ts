import type { Map as MapLibreMap, RasterTileSource } from 'maplibre-gl';
import type { Catalogue } from '../core/raster/catalogue-types';
import type { LayerId } from '../core/raster/classes';
import type { AppState, AppStore } from '../state/store';
import { AREAS_BOTTOM_LAYER_ID } from './areas-layer';
import { OVERLAY_BEFORE_ID } from './basemap';

/** Source and layer id of a catalogue layer on the map. */
export function rasterLayerId(id: LayerId): string {
  return `raster-${id}`;
}

/**
 * Zoom above which MapLibre scales the deepest tiles instead of asking for more: at zoom 15 a pixel
 * is about 2.9 m at 52°N, a tenth of a 25 m cell.
 */
export const RASTER_MAX_ZOOM = 15;

export interface RasterLayerOptions {
  /** Tile URL template of a layer (the tiles protocol); read again when the scenario changes. */
  tileUrl: (id: LayerId, state: AppState) => string;
  /** WGS84 bounds of the dataset [west, south, east, north]: no tiles are asked outside them. */
  bounds: [number, number, number, number];
}

function layerIdsIn(catalogue: Catalogue): LayerId[] {
  return catalogue.layers.map((layer) => layer.id);
}

/**
 * The lowest layer that must stay above the data rasters: the basemap's roads once the context has
 * loaded, else the user's areas (which the map may have added first).
 */
function overlayBelow(map: MapLibreMap): string | undefined {
  return [OVERLAY_BEFORE_ID, AREAS_BOTTOM_LAYER_ID].find((id) => map.getLayer(id));
}

/**
 * Adds a raster source and layer per catalogue layer, below the basemap's roads and outline, and
 * keeps visibility, opacity and order in step with the store. Subscribes outside React; returns a
 * function that stops following.
 */
export function followRasterLayers(
  map: MapLibreMap,
  store: AppStore,
  options: RasterLayerOptions,
): () => void {
  const tileUrls = new Map<LayerId, string>();

  const ensureLayers = (state: AppState) => {
    const catalogue = state.catalogue;
    if (!catalogue) return;
    const bounds = options.bounds;
    for (const id of layerIdsIn(catalogue)) {
      const mapId = rasterLayerId(id);
      const url = options.tileUrl(id, state);
      const source = map.getSource<RasterTileSource>(mapId);
      if (!source) {
        map.addSource(mapId, {
          type: 'raster',
          tiles: [url],
          tileSize: 256,
          bounds,
          maxzoom: RASTER_MAX_ZOOM,
        });
        tileUrls.set(id, url);
      } else if (tileUrls.get(id) !== url) {
        source.setTiles([url]);
        tileUrls.set(id, url);
      }
      if (!map.getLayer(mapId)) {
        map.addLayer(
          {
            id: mapId,
            type: 'raster',
            source: mapId,
            // Cells stay crisp when zoomed in: one value per cell, as the inspector reports it.
            paint: { 'raster-resampling': 'nearest', 'raster-fade-duration': 0 },
            layout: { visibility: 'none' },
          },
          overlayBelow(map),
        );
      }
    }
  };

  const applyViews = (state: AppState) => {
    for (const id of state.layerOrder) {
      const mapId = rasterLayerId(id);
      if (!map.getLayer(mapId)) continue;
      const view = state.layerViews[id];
      map.setLayoutProperty(mapId, 'visibility', view?.visible ? 'visible' : 'none');
      map.setPaintProperty(mapId, 'raster-opacity', view?.opacity ?? 0.8);
    }
  };

  const applyOrder = (state: AppState) => {
    // Bottom first: each layer moves just below the overlay, on top of the ones before it.
    const beforeId = overlayBelow(map);
    for (const id of state.layerOrder) {
      if (map.getLayer(rasterLayerId(id))) map.moveLayer(rasterLayerId(id), beforeId);
    }
  };

  const sync = (state: AppState, previous?: AppState) => {
    if (
      !previous ||
      state.catalogue !== previous.catalogue ||
      state.scenario !== previous.scenario ||
      state.language !== previous.language
    ) {
      ensureLayers(state);
    }
    if (
      !previous ||
      state.layerOrder !== previous.layerOrder ||
      state.catalogue !== previous.catalogue
    ) {
      applyOrder(state);
    }
    if (
      !previous ||
      state.layerViews !== previous.layerViews ||
      state.catalogue !== previous.catalogue
    ) {
      applyViews(state);
    }
  };

  sync(store.getState());
  return store.subscribe((state, previous) => sync(state, previous));
}
