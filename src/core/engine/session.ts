import type { MultiPolygon, Polygon } from 'geojson';
import type { Scenario } from '../estimate/scenario';
import type { RdMultiPolygonCoordinates } from '../parse/types';
import { wgs84ToRd } from '../projection/rd';
import type { Catalogue, CatalogueLayer } from '../raster/catalogue-types';
import type { LayerId } from '../raster/classes';
import type { AppError, Note, Result } from '../result';
import { ok } from '../result';
import { analyzeAreas } from './analyze';
import type { CachedRaster } from './cached-raster';
import { type CatalogueLocation, openDataset } from './dataset';
import { openUserLayer, type UserLayerSpec } from './open-user-layer';
import type { AnalysisArea, AnalysisResult, EngineLayer } from './types';

/** An area as the app holds it: a WGS84 GeoJSON geometry with its id and name. */
export interface Wgs84Area {
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
  /** 1-based index of the feature in its input, for warnings. */
  feature?: number;
}

/** What the app needs to know of an opened dataset. */
export interface DatasetSummary {
  id: string;
  synthetic: boolean;
  bbox_rd: [number, number, number, number] | null;
  layers: CatalogueLayer[];
}

/** The answer to one analysis request: done, cancelled by a newer request, or failed. */
export type AnalysisResponse =
  | { requestId: number; status: 'done'; result: AnalysisResult }
  | { requestId: number; status: 'cancelled' }
  | { requestId: number; status: 'failed'; error: AppError };

export type ProgressCallback = (requestId: number, done: number, total: number) => void;

/** WGS84 polygon or multipolygon coordinates to RD New metres. */
export function geometryToRd(geometry: Polygon | MultiPolygon): RdMultiPolygonCoordinates {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((polygon) =>
    polygon.map((ring) =>
      ring.map((position) => {
        const [x, y] = wgs84ToRd([position[0] as number, position[1] as number]);
        return [x, y] as [number, number];
      }),
    ),
  );
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * The engine behind the analysis worker: one open dataset, requests with ids, and a newer
 * request cancelling any older one still running.
 */
export function createAnalysisSession() {
  let layers: EngineLayer[] = [];
  /** The dataset's layers, and the user's own rasters that replace those of their role. */
  let baseLayers: EngineLayer[] = [];
  let userLayers: EngineLayer[] = [];
  let summary: DatasetSummary | null = null;
  let current: AbortController | null = null;

  /** As the CLI's `--package` with `--layer`: the package's layers less those replaced, then the user's. */
  function merge(): void {
    const replaced = new Set(userLayers.map((layer) => layer.id));
    layers = [...baseLayers.filter((layer) => !replaced.has(layer.id)), ...userLayers];
  }

  function setLayers(opened: EngineLayer[], catalogue: Catalogue | null): DatasetSummary {
    baseLayers = opened;
    merge();
    const combined = layers;
    summary = {
      id: catalogue?.id ?? 'layers',
      synthetic: catalogue?.synthetic ?? opened.some((layer) => layer.meta.synthetic),
      bbox_rd: catalogue?.bbox_rd ?? null,
      layers: combined.map((layer) => layer.meta),
    };
    return summary;
  }

  async function run(
    requestId: number,
    areas: AnalysisArea[],
    scenario: Scenario,
    onProgress?: ProgressCallback,
  ): Promise<AnalysisResponse> {
    current?.abort();
    if (summary === null) {
      return { requestId, status: 'failed', error: { kind: 'usage', code: 'analysis.notOpened' } };
    }
    const controller = new AbortController();
    current = controller;
    try {
      const result = await analyzeAreas(areas, layers, scenario, {
        signal: controller.signal,
        onProgress: onProgress ? (done, total) => onProgress(requestId, done, total) : undefined,
      });
      return { requestId, status: 'done', result };
    } catch (error) {
      if (isAbort(error) || controller.signal.aborted) return { requestId, status: 'cancelled' };
      const detail = error instanceof Error ? error.message : String(error);
      return {
        requestId,
        status: 'failed',
        error: { kind: 'internal', code: 'analysis.failed', params: { detail } },
      };
    } finally {
      if (current === controller) current = null;
    }
  }

  return {
    /** Opens a catalogue and its layers (all, or only `ids`) for the requests that follow. */
    async open(
      location: CatalogueLocation,
      ids?: readonly LayerId[],
    ): Promise<Result<DatasetSummary>> {
      const dataset = await openDataset(location, { ids });
      if (!dataset.ok) return dataset;
      // Decode small datasets (the demo) while the user is still drawing; failures show later.
      for (const layer of dataset.value.layers) {
        if ('prefetch' in layer.raster) {
          (layer.raster as CachedRaster).prefetch().catch(() => undefined);
        }
      }
      return ok(setLayers(dataset.value.layers, dataset.value.catalogue));
    },
    /**
     * Opens the user's own rasters (DESIGN.md 8.2), which replace the dataset's layers of their
     * roles in every request that follows; the first refused one is returned and nothing changes.
     */
    async setUserLayers(specs: readonly UserLayerSpec[]): Promise<Result<Note[]>> {
      const opened: EngineLayer[] = [];
      for (const spec of specs) {
        const layer = await openUserLayer(spec);
        if (!layer.ok) return layer;
        opened.push(layer.value);
      }
      userLayers = opened;
      merge();
      return ok(opened.flatMap((layer) => layer.notices ?? []));
    },
    /** Uses layers opened elsewhere (own GeoTIFFs, memory rasters). */
    setLayers(opened: EngineLayer[]): DatasetSummary {
      return setLayers(opened, null);
    },
    summary(): DatasetSummary | null {
      return summary;
    },
    /** Analyses WGS84 areas; cancels any older request still running. */
    analyze(
      requestId: number,
      areas: Wgs84Area[],
      scenario: Scenario,
      onProgress?: ProgressCallback,
    ): Promise<AnalysisResponse> {
      const rdAreas = areas.map((area, index) => ({
        id: area.id,
        name: area.name,
        rd: geometryToRd(area.geometry),
        feature: area.feature ?? index + 1,
      }));
      return run(requestId, rdAreas, scenario, onProgress);
    },
    /** Analyses areas already in RD New; cancels any older request still running. */
    analyzeRd(
      requestId: number,
      areas: AnalysisArea[],
      scenario: Scenario,
      onProgress?: ProgressCallback,
    ): Promise<AnalysisResponse> {
      return run(requestId, areas, scenario, onProgress);
    },
    /** Cancels the running request, if any. */
    cancel(): void {
      current?.abort();
    },
  };
}

export type AnalysisSession = ReturnType<typeof createAnalysisSession>;
