/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import type { UserLayerSpec } from '../core/engine/open-user-layer';
import type { Scenario } from '../core/estimate/scenario';
import { wgs84BoundsOfRdBox } from '../core/projection/bounds';
import type { RdPoint } from '../core/projection/rd';
import type { LayerId } from '../core/raster/classes';
import { TILE_SIZE } from '../core/tiles/mercator';
import { TileService } from '../core/tiles/tile-service';

const service = new TileService();
/** Tile requests in flight, by the id the main thread gave them, so they can be cancelled. */
const requests = new Map<number, AbortController>();

const api = {
  /** WGS84 bounds [west, south, east, north] of an RD New box. */
  boundsOf(bbox: [number, number, number, number]): [number, number, number, number] {
    return wgs84BoundsOfRdBox(bbox);
  },
  /** Opens the catalogue (absolute URL) once; its COGs open on first use by URL (range requests). */
  async open(catalogueUrl: string): Promise<void> {
    await service.open(catalogueUrl);
  },

  /** The tile as an ImageBitmap, transferred; null when the tile holds no data of the layer. */
  async tile(requestId: number, layerId: LayerId, z: number, x: number, y: number) {
    const controller = new AbortController();
    requests.set(requestId, controller);
    try {
      const rgba = await service.renderTile(layerId, z, x, y, controller.signal);
      if (!rgba) return null;
      const bitmap = await createImageBitmap(
        new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, TILE_SIZE, TILE_SIZE),
      );
      return transfer(bitmap, [bitmap]);
    } finally {
      requests.delete(requestId);
    }
  },

  /** Cancels a tile request; its promise rejects with an AbortError. */
  cancel(requestId: number): void {
    requests.get(requestId)?.abort();
  },

  /** The scenario that derived layers (deficit, potential) are drawn with from now on. */
  setScenario(scenario: Scenario): void {
    service.setScenario(scenario);
  },

  /** The user's own rasters, drawn as `koolstof://user-…/{z}/{x}/{y}` (DESIGN.md 8.2). */
  setUserLayers(layers: Array<{ id: string; spec: UserLayerSpec }>): void {
    service.setUserLayers(layers);
  },

  /** Values of the given layers at an RD point (full resolution), for the inspector. */
  valuesAt(point: RdPoint, layerIds: LayerId[]) {
    return service.valuesAt(point, layerIds);
  },
};

export type TilesApi = typeof api;
expose(api);
