import { type Remote, releaseProxy, wrap } from 'comlink';
import type { AddProtocolAction, Map as MapLibreMap } from 'maplibre-gl';
import type { UserLayerSpec } from '../core/engine/open-user-layer';
import type { Scenario } from '../core/estimate/scenario';
import type { RdPoint } from '../core/projection/rd';
import { DERIVED_LAYER_IDS, type LayerId } from '../core/raster/classes';
import type { ValuesAt } from '../core/tiles/tile-service';
import type { TilesApi } from '../worker/tiles.worker';

/** URL scheme of the raster tiles: `koolstof://<layerId>/{z}/{x}/{y}`. */
export const RASTER_PROTOCOL = 'koolstof';

/** Workers that render tiles; tiles are spread over them by position, so neighbours share caches. */
const POOL_SIZE = 2;

/** Tile URL template of a catalogue layer, for a MapLibre raster source's `tiles`. */
export function rasterTileUrl(layerId: LayerId): string {
  return `${RASTER_PROTOCOL}://${layerId}/{z}/{x}/{y}`;
}

/** What `registerRasterProtocol` needs of the maplibre-gl module. */
export interface ProtocolHost {
  addProtocol: (customProtocol: string, loadFn: AddProtocolAction) => void;
}

interface Pool {
  catalogueUrl: string;
  threads: Worker[];
  workers: Remote<TilesApi>[];
  ready: Promise<unknown>;
}

let pool: Pool | null = null;
let nextRequestId = 1;

const TILE_URL = new RegExp(`^${RASTER_PROTOCOL}://([a-z-]+)/(\\d+)/(\\d+)/(\\d+)`);

function createPool(catalogueUrl: string): Pool {
  const threads = Array.from(
    { length: POOL_SIZE },
    () =>
      new Worker(new URL('../worker/tiles.worker.ts', import.meta.url), {
        type: 'module',
        name: 'koolstofkaart-tiles',
      }),
  );
  const workers = threads.map((thread) => wrap<TilesApi>(thread));
  const ready = Promise.all(workers.map((worker) => worker.open(catalogueUrl)));
  // A catalogue that cannot be opened fails each tile request (MapLibre reports it); not unhandled.
  ready.catch(() => undefined);
  return { catalogueUrl, threads, workers, ready };
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The tile request was cancelled.', 'AbortError');
}

/** Loads one `koolstof://` tile in a worker; MapLibre's AbortController cancels it there. */
const loadTile: AddProtocolAction = async (request, abortController) => {
  const match = TILE_URL.exec(request.url);
  if (!pool || !match) throw new Error(`not a raster tile URL: ${request.url}`);
  const [, layerId, z, x, y] = match as unknown as [string, LayerId, string, string, string];
  const { workers } = pool;
  const worker = workers[(Number(x) + Number(y)) % workers.length] as Remote<TilesApi>;
  const requestId = nextRequestId++;
  const signal = abortController.signal;
  if (signal.aborted) throw abortError(signal);
  const onAbort = () => void worker.cancel(requestId);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await pool.ready;
    const bitmap = await worker.tile(requestId, layerId, Number(z), Number(x), Number(y));
    // No data here: an empty body, which MapLibre draws as a transparent tile without an error.
    return { data: bitmap ?? new ArrayBuffer(0) };
  } catch (error) {
    if (signal.aborted) throw abortError(signal);
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
};

/**
 * Registers the `koolstof://` protocol with MapLibre and starts the tile workers on a catalogue
 * (URL, absolute or relative to the page). Calling it again with the same catalogue does nothing.
 */
export function registerRasterProtocol(maplibre: ProtocolHost, catalogueUrl: string): void {
  const absolute = new URL(catalogueUrl, globalThis.location?.href).href;
  if (!pool || pool.catalogueUrl !== absolute) {
    const previous = pool;
    pool = createPool(absolute);
    for (const worker of previous?.workers ?? []) worker[releaseProxy]();
    for (const thread of previous?.threads ?? []) thread.terminate();
  }
  maplibre.addProtocol(RASTER_PROTOCOL, loadTile);
}

function requirePool(): Pool {
  if (!pool) throw new Error('registerRasterProtocol must be called first');
  return pool;
}

/**
 * Values of the given layers at an RD point, read at full resolution by the same reader as the
 * tiles (for the hover inspector). Null per layer where it has no data.
 */
export async function valueAt(point: RdPoint, layerIds: LayerId[]): Promise<ValuesAt> {
  const current = requirePool();
  await current.ready;
  return (current.workers[0] as Remote<TilesApi>).valuesAt(point, layerIds);
}

/** WGS84 bounds of an RD New box, computed in a tiles worker (where proj4 is loaded anyway). */
export async function boundsOf(
  bbox: [number, number, number, number],
): Promise<[number, number, number, number]> {
  const current = requirePool();
  return (current.workers[0] as Remote<TilesApi>).boundsOf(bbox);
}

/** Gives every tile worker the user's own rasters (DESIGN.md 8.2); their tiles then draw. */
export async function setUserTileLayers(
  layers: Array<{ id: string; spec: UserLayerSpec }>,
): Promise<void> {
  const current = requirePool();
  await current.ready.catch(() => undefined);
  await Promise.all(current.workers.map((worker) => worker.setUserLayers(layers)));
}

/** Gives every tile worker the scenario that derived layers (deficit, potential) are drawn with. */
export async function setScenario(scenario: Scenario): Promise<void> {
  const current = requirePool();
  await Promise.all(current.workers.map((worker) => worker.setScenario(scenario)));
}

/** True when a source's tiles are those of a derived layer. */
function isDerivedSource(tiles: unknown): boolean {
  return (
    Array.isArray(tiles) &&
    tiles.some((url) =>
      DERIVED_LAYER_IDS.some(
        (id) =>
          typeof url === 'string' && url.startsWith(rasterTileUrl(id).split('{')[0] as string),
      ),
    )
  );
}

/**
 * Sets the scenario in the workers, then makes MapLibre reload the tiles of every source that
 * shows a derived layer; old tiles stay on screen until the new ones arrive.
 */
export async function applyScenario(map: MapLibreMap, scenario: Scenario): Promise<void> {
  await setScenario(scenario);
  const sources = map.getStyle()?.sources ?? {};
  for (const [id, source] of Object.entries(sources)) {
    if (source.type === 'raster' && isDerivedSource(source.tiles)) map.refreshTiles(id);
  }
}
