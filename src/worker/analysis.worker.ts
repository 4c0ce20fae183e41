/// <reference lib="webworker" />
/**
 * The analysis engine in a Web Worker (comlink). Open the dataset once, then analyze areas; a
 * newer request cancels an older one still running. See src/worker/analysis-client.ts.
 */
import { expose, type Remote, releaseProxy } from 'comlink';
import type { UserLayerSpec } from '../core/engine/open-user-layer';
import {
  type AnalysisResponse,
  createAnalysisSession,
  type DatasetSummary,
  type ProgressCallback,
  type Wgs84Area,
} from '../core/engine/session';
import type { Scenario } from '../core/estimate/scenario';
import type { LayerId } from '../core/raster/classes';
import type { Note, Result } from '../core/result';

const session = createAnalysisSession();

/** Progress messages at most every this many ms (plus the first and the last). */
const PROGRESS_EVERY_MS = 50;

/** Passes on the first, the last and at most one progress call per 50 ms: each one is a message. */
function throttled(onProgress: ProgressCallback): ProgressCallback {
  let last = 0;
  return (requestId, done, total) => {
    const now = performance.now();
    if (done !== 0 && done !== total && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    onProgress(requestId, done, total);
  };
}

const api = {
  /** Opens the catalogue at `catalogueUrl` (absolute, or relative to the worker's location). */
  open(catalogueUrl: string, ids?: LayerId[]): Promise<Result<DatasetSummary>> {
    const url = new URL(catalogueUrl, self.location.href).href;
    return session.open({ kind: 'url', url }, ids);
  },
  analyze(
    requestId: number,
    areas: Wgs84Area[],
    scenario: Scenario,
    onProgress?: ProgressCallback,
  ): Promise<AnalysisResponse> {
    // The callback is a comlink proxy of the caller's function: release it when done.
    const remote = onProgress as Remote<ProgressCallback> | undefined;
    return session
      .analyze(requestId, areas, scenario, onProgress ? throttled(onProgress) : undefined)
      .finally(() => remote?.[releaseProxy]());
  },
  cancel(): void {
    session.cancel();
  },
  /** The user's own rasters (DESIGN.md 8.2) in place of the dataset's layers of their roles. */
  setUserLayers(specs: UserLayerSpec[]): Promise<Result<Note[]>> {
    return session.setUserLayers(specs);
  },
};

export type AnalysisApi = typeof api;

expose(api);
