import type { Map as MapLibreMap, RasterTileSource } from 'maplibre-gl';
import type { UserLayerSpec } from '../core/engine/open-user-layer';
import type { UserLayer } from '../core/session/types';
import type { AppState, AppStore } from '../state/store';
import { AREAS_BOTTOM_LAYER_ID } from './areas-layer';
import { OVERLAY_BEFORE_ID } from './basemap';
import { RASTER_MAX_ZOOM } from './raster-layers';
import { RASTER_PROTOCOL } from './raster-protocol';
import { analysisKeyOf, labelOf, sourceOf, userRasterState } from './user-rasters';

/** Gives the tile workers the user's rasters (raster-protocol.ts's setUserTileLayers). */
export type UserTileSetter = (layers: Array<{ id: string; spec: UserLayerSpec }>) => Promise<void>;

/** Source and layer id of a user raster on the map (its id already starts with `user-`). */
export function userRasterLayerId(id: string): string {
  return `raster-${id}`;
}

function overlayBelow(map: MapLibreMap): string | undefined {
  return [OVERLAY_BEFORE_ID, AREAS_BOTTOM_LAYER_ID].find((id) => map.getLayer(id));
}

function specsOf(layers: readonly UserLayer[]): Array<{ id: string; spec: UserLayerSpec }> {
  const out: Array<{ id: string; spec: UserLayerSpec }> = [];
  for (const layer of layers) {
    const source = sourceOf(layer);
    if (!source) continue;
    out.push({
      id: layer.id,
      spec: {
        role: layer.role,
        source,
        label: labelOf(layer),
        unit: layer.unit,
        band: layer.band,
      },
    });
  }
  return out;
}

/**
 * Draws the user's own rasters (DESIGN.md 8.2) above the package's layers, reprojected from their
 * own CRS by the tile workers, and keeps visibility and opacity in step with the store. Returns a
 * function that stops following.
 */
export function followUserRasterLayers(
  map: MapLibreMap,
  store: AppStore,
  setTiles: UserTileSetter,
): () => void {
  let stopped = false;
  let key = '';
  let generation = 0;
  const shown = new Set<string>();

  const applyViews = (state: AppState) => {
    for (const layer of state.userLayers) {
      const mapId = userRasterLayerId(layer.id);
      if (!map.getLayer(mapId)) continue;
      // Above the package's layers (which a change of their order moves), below the overlay.
      map.moveLayer(mapId, overlayBelow(map));
      map.setLayoutProperty(mapId, 'visibility', layer.visible ? 'visible' : 'none');
      map.setPaintProperty(mapId, 'raster-opacity', layer.opacity);
    }
  };

  const rebuild = async (state: AppState) => {
    const token = ++generation;
    const layers = state.userLayers.filter((layer) => sourceOf(layer) !== null);
    await setTiles(specsOf(layers));
    if (stopped || token !== generation) return;
    const ids = new Set(layers.map((layer) => layer.id));
    for (const id of shown) {
      if (ids.has(id)) continue;
      const mapId = userRasterLayerId(id);
      if (map.getLayer(mapId)) map.removeLayer(mapId);
      if (map.getSource(mapId)) map.removeSource(mapId);
      shown.delete(id);
    }
    for (const layer of layers) {
      const mapId = userRasterLayerId(layer.id);
      const source = map.getSource<RasterTileSource>(mapId);
      if (source) {
        // Other bytes or band under the same id: draw its tiles again.
        map.refreshTiles(mapId);
        continue;
      }
      map.addSource(mapId, {
        type: 'raster',
        tiles: [`${RASTER_PROTOCOL}://${layer.id}/{z}/{x}/{y}`],
        tileSize: 256,
        maxzoom: RASTER_MAX_ZOOM,
      });
      map.addLayer(
        {
          id: mapId,
          type: 'raster',
          source: mapId,
          paint: { 'raster-resampling': 'nearest', 'raster-fade-duration': 0 },
          layout: { visibility: 'none' },
        },
        overlayBelow(map),
      );
      shown.add(layer.id);
    }
    applyViews(store.getState());
  };

  const sync = (state: AppState) => {
    const next = analysisKeyOf(state.userLayers);
    if (next !== key) {
      key = next;
      void rebuild(state).catch((error) => console.error(error));
    } else applyViews(state);
  };

  sync(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.userLayers !== previous.userLayers || state.layerOrder !== previous.layerOrder) {
      sync(state);
    }
  });
  const unsubscribeBytes = userRasterState.subscribe(() => sync(store.getState()));
  return () => {
    stopped = true;
    unsubscribe();
    unsubscribeBytes();
  };
}
