/**
 * Main-thread client of the analysis worker: typed async functions over comlink. Each call to
 * `analyze` gets a new request id and cancels the previous one, which then resolves as
 * `{status: 'cancelled'}`.
 */
import { proxy, type Remote, releaseProxy, wrap } from 'comlink';
import type { UserLayerSpec } from '../core/engine/open-user-layer';
import type { AnalysisResponse, DatasetSummary, Wgs84Area } from '../core/engine/session';
import type { Scenario } from '../core/estimate/scenario';
import type { LayerId } from '../core/raster/classes';
import type { Note, Result } from '../core/result';
import type { AnalysisApi } from './analysis.worker';

export type { AnalysisResponse, DatasetSummary, Wgs84Area } from '../core/engine/session';
export type { AnalysisResult, AnalysisWarning, AreaResult } from '../core/engine/types';

export interface AnalysisClient {
  /** Opens the dataset of a catalogue URL (e.g. `/data/demo/catalogue.json`) in the worker. */
  open(catalogueUrl: string, ids?: LayerId[]): Promise<Result<DatasetSummary>>;
  /** Analyses areas; `onProgress` gets windows done and total. Cancels the previous request. */
  analyze(
    areas: Wgs84Area[],
    scenario: Scenario,
    onProgress?: (done: number, total: number) => void,
  ): Promise<AnalysisResponse>;
  /** Cancels the running request. */
  cancel(): Promise<void>;
  /** Opens the user's own rasters, which replace the dataset's layers of their roles. */
  setUserLayers(specs: UserLayerSpec[]): Promise<Result<Note[]>>;
  /** Stops the worker. */
  terminate(): void;
}

/** Starts the analysis worker and returns its client. */
export function createAnalysisClient(): AnalysisClient {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  const remote: Remote<AnalysisApi> = wrap<AnalysisApi>(worker);
  let nextId = 0;
  return {
    open(catalogueUrl, ids) {
      const url = new URL(catalogueUrl, globalThis.location?.href).href;
      return remote.open(url, ids);
    },
    analyze(areas, scenario, onProgress) {
      const requestId = ++nextId;
      const callback = onProgress
        ? proxy((id: number, done: number, total: number) => {
            if (id === nextId) onProgress(done, total);
          })
        : undefined;
      return remote.analyze(requestId, areas, scenario, callback);
    },
    cancel() {
      return remote.cancel();
    },
    setUserLayers(specs) {
      return remote.setUserLayers(specs);
    },
    terminate() {
      remote[releaseProxy]();
      worker.terminate();
    },
  };
}
