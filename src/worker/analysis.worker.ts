/// <reference lib="webworker" />
/**
 * The analysis engine in a Web Worker (comlink). Open the dataset once, then analyze areas; a
 * newer request cancels an older one still running. See src/worker/analysis-client.ts.
 */
import { expose, type Remote, releaseProxy } from 'comlink';
import {
  type AnalysisResponse,
  createAnalysisSession,
  type DatasetSummary,
  type ProgressCallback,
  type Wgs84Area,
} from '../core/engine/session';
import type { Scenario } from '../core/estimate/scenario';
import type { LayerId } from '../core/raster/classes';
import type { Result } from '../core/result';

const session = createAnalysisSession();

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
      .analyze(requestId, areas, scenario, onProgress)
      .finally(() => remote?.[releaseProxy]());
  },
  cancel(): void {
    session.cancel();
  },
};

export type AnalysisApi = typeof api;

expose(api);
