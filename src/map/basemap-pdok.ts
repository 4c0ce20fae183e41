import type { ErrorEvent, Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl';
import { fetchBounded } from '../core/net/fetch';
import { pdokWmtsTemplate } from '../core/net/services';
import type { AppStore } from '../state/store';
import { OFFLINE_FILL_LAYER_IDS, OFFLINE_ROAD_LAYER_IDS } from './basemap';
import { mapStatus } from './map-status';

/**
 * The PDOK BRT basemap (Kadaster), raster WMTS in Web Mercator: shown under the data layers when the
 * user switches it on. It is never requested unless asked for, so the app stays offline-first; any
 * failure (offline, blocked, server error) is reported and the offline basemap comes back.
 */
/** The tile template, from the one settings module of service URLs (src/core/net/services.ts). */
export function pdokTileTemplate(): string {
  return pdokWmtsTemplate('standaard');
}
export const PDOK_SOURCE = 'pdok-brt';
export const PDOK_ATTRIBUTION =
  '<a href="https://www.pdok.nl/" target="_blank" rel="noopener">© Kadaster / PDOK</a> (CC BY 4.0)';
/** How long the first tile may take before the basemap counts as unreachable. */
export const PDOK_PROBE_TIMEOUT_MS = 8000;
/** Tile errors in a row (with no tile loaded between them) before falling back. */
export const PDOK_MAX_TILE_ERRORS = 4;

/** URL of the PDOK tile holding a position at a zoom (XYZ scheme, as the WMTS path takes it). */
export function pdokTileUrl(lon: number, lat: number, zoom: number): string {
  const z = Math.max(0, Math.min(19, Math.round(zoom)));
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const latRad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n);
  return pdokTileTemplate()
    .replace('{z}', String(z))
    .replace('{x}', String(Math.min(n - 1, Math.max(0, x))))
    .replace('{y}', String(Math.min(n - 1, Math.max(0, y))));
}

export type ProbeOutcome = 'ok' | 'offline' | 'unreachable';

/**
 * Asks PDOK for one tile through the bounded fetch (no retries: the user is waiting, and a failure
 * falls back at once); 'offline' without a request when the browser knows it has no network.
 */
export async function probePdok(
  url: string,
  timeoutMs = PDOK_PROBE_TIMEOUT_MS,
): Promise<ProbeOutcome> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
  try {
    const response = await fetchBounded(url, {
      limits: { firstByteMs: timeoutMs, deadlineMs: timeoutMs, retries: 0 },
    });
    const image = (response.headers.get('content-type') ?? '').startsWith('image/');
    response.cancel();
    return image ? 'ok' : 'unreachable';
  } catch {
    return typeof navigator !== 'undefined' && navigator.onLine === false
      ? 'offline'
      : 'unreachable';
  }
}

/**
 * Follows the store's `basemap` choice. `setPlaceLabels` shows or hides the offline place names
 * (PDOK has its own). Returns a function that stops following.
 */
export function followBasemapChoice(
  map: MapLibreMap,
  store: AppStore,
  setPlaceLabels: (visible: boolean) => void,
): () => void {
  let errors = 0;
  let request = 0;

  const setOfflineLayers = (visible: boolean) => {
    for (const id of [...OFFLINE_FILL_LAYER_IDS, ...OFFLINE_ROAD_LAYER_IDS]) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    }
    setPlaceLabels(visible);
  };

  const removePdok = () => {
    if (map.getLayer(PDOK_SOURCE)) map.removeLayer(PDOK_SOURCE);
    if (map.getSource(PDOK_SOURCE)) map.removeSource(PDOK_SOURCE);
  };

  const fallBack = (outcome: Exclude<ProbeOutcome, 'ok'>) => {
    request++;
    removePdok();
    setOfflineLayers(true);
    mapStatus.setState({ basemapShown: 'offline' });
    mapStatus.getState().setNotice({
      code: outcome === 'offline' ? 'map.basemapOffline' : 'map.basemapFailed',
      tone: 'error',
    });
    if (store.getState().basemap !== 'offline') store.getState().setBasemap('offline');
  };

  const showPdok = async () => {
    const mine = ++request;
    mapStatus.setState({ basemapShown: 'loading' });
    const center = map.getCenter();
    const outcome = await probePdok(pdokTileUrl(center.lng, center.lat, map.getZoom()));
    if (mine !== request) return;
    if (outcome !== 'ok') return fallBack(outcome);
    errors = 0;
    removePdok();
    map.addSource(PDOK_SOURCE, {
      type: 'raster',
      tiles: [pdokTileTemplate()],
      tileSize: 256,
      maxzoom: 19,
      attribution: PDOK_ATTRIBUTION,
    });
    const firstOffline = OFFLINE_FILL_LAYER_IDS.find((id) => map.getLayer(id));
    const firstLayer = map.getStyle().layers[1]?.id;
    map.addLayer(
      { id: PDOK_SOURCE, type: 'raster', source: PDOK_SOURCE },
      firstOffline ?? firstLayer,
    );
    setOfflineLayers(false);
    mapStatus.setState({ basemapShown: 'pdok' });
  };

  const showOffline = () => {
    request++;
    removePdok();
    setOfflineLayers(true);
    mapStatus.setState({ basemapShown: 'offline' });
  };

  const onError = (event: ErrorEvent) => {
    if ((event as ErrorEvent & { sourceId?: string }).sourceId !== PDOK_SOURCE) return;
    errors++;
    if (errors >= PDOK_MAX_TILE_ERRORS) fallBack('unreachable');
  };
  const onSourceData = (event: MapSourceDataEvent) => {
    if (event.sourceId === PDOK_SOURCE && event.tile) errors = 0;
  };
  map.on('error', onError);
  map.on('sourcedata', onSourceData);

  const apply = (choice: string) => (choice === 'pdok' ? void showPdok() : showOffline());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.basemap !== previous.basemap) apply(state.basemap);
  });
  if (store.getState().basemap === 'pdok') apply('pdok');
  return () => {
    unsubscribe();
    map.off('error', onError);
    map.off('sourcedata', onSourceData);
  };
}
