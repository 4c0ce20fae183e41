/**
 * A pool of analysis workers for batches (thousands of areas): the areas are sorted along a
 * Hilbert curve (neighbours share raster blocks, so each worker's block cache stays warm), cut into
 * chunks, and the chunks handed to whichever worker is free. Progress is counted over the whole
 * batch, a cancel stops every worker's chunk and drops the queued ones, and results come back in
 * input order. `createAnalysisPool` has the interface of the single-worker client.
 */
import { proxy, type Remote, releaseProxy, wrap } from 'comlink';
import type { UserLayerSpec } from '../core/engine/open-user-layer';
import type {
  AnalysisResponse,
  DatasetSummary,
  ProgressCallback,
  Wgs84Area,
} from '../core/engine/session';
import type { AnalysisWarning, AreaResult } from '../core/engine/types';
import type { Scenario } from '../core/estimate/scenario';
import type { LayerId } from '../core/raster/classes';
import type { Note, Result } from '../core/result';
import type { AnalysisApi } from './analysis.worker';
import type { AnalysisClient } from './analysis-client';

/** What the pool needs of one worker: the session API of src/core/engine/session.ts. */
export interface PoolWorker {
  analyze(
    requestId: number,
    areas: Wgs84Area[],
    scenario: Scenario,
    onProgress?: ProgressCallback,
  ): Promise<AnalysisResponse>;
  cancel(): unknown;
}

/** More workers than this rarely help: each holds its own copy of the decoded rasters. */
export const MAX_POOL_SIZE = 8;
/** Areas per chunk at most: small enough for even load and a responsive progress bar. */
export const MAX_CHUNK_AREAS = 100;

/** Workers for a machine with `cores` logical cores: all of them, at least 1, at most 8. */
export function poolSizeFor(cores: number | undefined): number {
  const usable = Number.isFinite(cores) && (cores as number) >= 1 ? Math.floor(cores as number) : 1;
  return Math.min(MAX_POOL_SIZE, usable);
}

/** Chunk size for `count` areas over `workers` workers: about 4 chunks per worker, at most 100. */
export function chunkSizeFor(count: number, workers: number): number {
  return Math.max(1, Math.min(MAX_CHUNK_AREAS, Math.ceil(count / (workers * 4))));
}

/** Hilbert index of (x, y) on a 2^order grid (the classic iterative xy-to-d conversion). */
function hilbertIndex(order: number, x: number, y: number): number {
  let d = 0;
  let rx: number;
  let ry: number;
  for (let s = 1 << (order - 1); s > 0; s >>= 1) {
    rx = (x & s) > 0 ? 1 : 0;
    ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

function centreOf(area: Wgs84Area): [number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const polygons =
    area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
  for (const polygon of polygons) {
    for (const position of polygon[0] ?? []) {
      const x = position[0] as number;
      const y = position[1] as number;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return minX <= maxX ? [(minX + maxX) / 2, (minY + maxY) / 2] : [0, 0];
}

/**
 * Indices of `areas` in spatial order (Hilbert curve over the centres of their bounding boxes), cut
 * into chunks of `chunkSize`. Every index appears in exactly one chunk.
 */
export function spatialChunks(areas: readonly Wgs84Area[], chunkSize: number): number[][] {
  const centres = areas.map(centreOf);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of centres) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const order = 16;
  const cells = (1 << order) - 1;
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const keys = centres.map(([x, y]) =>
    hilbertIndex(
      order,
      Math.round(((x - minX) / spanX) * cells),
      Math.round(((y - minY) / spanY) * cells),
    ),
  );
  const sorted = areas
    .map((_, index) => index)
    .sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
  const chunks: number[][] = [];
  for (let start = 0; start < sorted.length; start += chunkSize) {
    chunks.push(sorted.slice(start, start + chunkSize));
  }
  return chunks;
}

/** Runs batches over a set of workers; a newer batch (or `cancel`) cancels the one running. */
export interface BatchRunner {
  /** Workers in the pool. */
  readonly size: number;
  /** Analyses `areas`; `onProgress(done, total)` counts areas (done may be fractional). */
  analyze(
    areas: Wgs84Area[],
    scenario: Scenario,
    onProgress?: (done: number, total: number) => void,
  ): Promise<AnalysisResponse>;
  /** Cancels the running batch: its chunks stop, queued chunks are dropped, nothing is returned. */
  cancel(): Promise<void>;
}

interface Run {
  id: number;
  cancelled: boolean;
  busy: Set<PoolWorker>;
}

/** A batch runner over `workers` (analysis workers in the app, sessions in Node). */
export function createBatchRunner(
  workers: readonly PoolWorker[],
  options: { chunkSize?: number } = {},
): BatchRunner {
  if (workers.length === 0) throw new Error('createBatchRunner needs at least one worker');
  let nextRequestId = 0;
  let nextRunId = 0;
  let current: Run | null = null;

  const stop = async (run: Run) => {
    run.cancelled = true;
    await Promise.all([...run.busy].map((worker) => worker.cancel()));
  };

  async function analyze(
    areas: Wgs84Area[],
    scenario: Scenario,
    onProgress?: (done: number, total: number) => void,
  ): Promise<AnalysisResponse> {
    if (current) void stop(current);
    const run: Run = { id: ++nextRunId, cancelled: false, busy: new Set() };
    current = run;
    const responseId = run.id;
    // Number the features by their place in the whole batch, not in their chunk.
    const numbered = areas.map((area, index) => ({ ...area, feature: area.feature ?? index + 1 }));
    const chunks = spatialChunks(
      numbered,
      options.chunkSize ?? chunkSizeFor(areas.length, workers.length),
    );
    const results: Array<AreaResult | undefined> = new Array(areas.length);
    const warnings: AnalysisWarning[] = [];
    const partial = new Map<number, number>();
    let finished = 0;
    const report = () => {
      if (!onProgress || run.cancelled) return;
      let done = finished;
      for (const value of partial.values()) done += value;
      onProgress(Math.min(done, areas.length), areas.length);
    };
    onProgress?.(0, areas.length);
    let queue = 0;
    let failure: AnalysisResponse | null = null;

    const work = async (worker: PoolWorker) => {
      while (!run.cancelled && failure === null && queue < chunks.length) {
        const chunkIndex = queue++;
        const chunk = chunks[chunkIndex] as number[];
        run.busy.add(worker);
        const response = await worker.analyze(
          ++nextRequestId,
          chunk.map((index) => numbered[index] as Wgs84Area),
          scenario,
          (_, done, total) => {
            partial.set(chunkIndex, total > 0 ? (chunk.length * done) / total : 0);
            report();
          },
        );
        run.busy.delete(worker);
        partial.delete(chunkIndex);
        if (run.cancelled) return;
        if (response.status === 'failed') {
          failure = { requestId: responseId, status: 'failed', error: response.error };
          void stop(run);
          return;
        }
        if (response.status === 'cancelled') {
          // Cancelled from outside the pool (another client of the same worker): give up the batch.
          void stop(run);
          return;
        }
        response.result.areas.forEach((result, position) => {
          results[chunk[position] as number] = result;
        });
        warnings.push(...response.result.warnings);
        finished += chunk.length;
        report();
      }
    };

    await Promise.all(workers.map(work));
    if (current === run) current = null;
    if (failure) return failure;
    if (run.cancelled || results.some((result) => result === undefined)) {
      return { requestId: responseId, status: 'cancelled' };
    }
    // Plan-level warnings (e.g. cross-omitted) come once per chunk: keep one of each.
    const seen = new Set<string>();
    const unique = warnings.filter((warning) => {
      if (typeof warning.feature === 'number') return true;
      const key = `${warning.kind}|${warning.code}|${JSON.stringify(warning.params ?? {})}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    unique.sort((a, b) => (a.feature ?? 0) - (b.feature ?? 0));
    return {
      requestId: responseId,
      status: 'done',
      result: { areas: results as AreaResult[], warnings: unique },
    };
  }

  return {
    size: workers.length,
    analyze,
    async cancel() {
      if (current) await stop(current);
    },
  };
}

/** A pool client: the single-worker client's interface, plus the pool's size. */
export interface AnalysisPool extends AnalysisClient {
  readonly size: number;
}

/**
 * Starts `size` analysis workers (default: every core, at most 8) and returns a client with the
 * interface of `createAnalysisClient`: open the dataset in every worker, then analyse batches.
 */
export function createAnalysisPool(
  size = poolSizeFor(globalThis.navigator?.hardwareConcurrency),
): AnalysisPool {
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), {
      type: 'module',
    });
    return { worker, remote: wrap<AnalysisApi>(worker) as Remote<AnalysisApi> };
  });
  const runner = createBatchRunner(
    workers.map(({ remote }) => ({
      analyze: (requestId, areas, scenario, onProgress) =>
        remote.analyze(requestId, areas, scenario, onProgress ? proxy(onProgress) : undefined),
      cancel: () => remote.cancel(),
    })),
  );
  return {
    size: runner.size,
    async open(catalogueUrl: string, ids?: LayerId[]): Promise<Result<DatasetSummary>> {
      const url = new URL(catalogueUrl, globalThis.location?.href).href;
      const opened = await Promise.all(workers.map(({ remote }) => remote.open(url, ids)));
      return opened.find((result) => !result.ok) ?? (opened[0] as Result<DatasetSummary>);
    },
    async setUserLayers(specs: UserLayerSpec[]): Promise<Result<Note[]>> {
      const opened = await Promise.all(workers.map(({ remote }) => remote.setUserLayers(specs)));
      return opened.find((result) => !result.ok) ?? (opened[0] as Result<Note[]>);
    },
    analyze: runner.analyze,
    cancel: runner.cancel,
    terminate() {
      void runner.cancel();
      for (const { worker, remote } of workers) {
        remote[releaseProxy]();
        worker.terminate();
      }
    },
  };
}
