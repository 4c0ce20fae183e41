import type { Polygon } from 'geojson';
import { createStore } from 'zustand/vanilla';
import type { Scenario } from '../core/estimate/scenario';
import type { AppError } from '../core/result';
import type { Area } from '../state/areas-slice';
import { store } from '../state/store';
import type {
  AnalysisClient,
  AnalysisWarning,
  AreaResult,
  Wgs84Area,
} from '../worker/analysis-client';
import { catalogueUrlOf } from './active-package';
import { reconcileResults } from './reconcile-results';
import { shapeKey } from './shape-key';
import { analysisKeyOf, applyUserLayers, userRasterState } from './user-rasters';

export interface AnalysisProgress {
  done: number;
  total: number;
}

export interface AreaAnalysisState {
  status: 'idle' | 'opening' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: AnalysisProgress | null;
  /** Results under the store's scenario, by area id (only areas that still exist). */
  results: Record<string, AreaResult>;
  warnings: AnalysisWarning[];
  error: AppError | null;
  synthetic: boolean;
  /** Second scenario to compare the selected area under; null: no scenario comparison. */
  compareScenario: Scenario | null;
  /** The compare area's result under `compareScenario`. */
  compareResult: AreaResult | null;
  compareStatus: 'idle' | 'running' | 'done' | 'failed';
}

/** Results of the areas, kept beside the store (derived data, never saved). */
export const analysisState = createStore<AreaAnalysisState>()(() => ({
  status: 'idle',
  progress: null,
  results: {},
  warnings: [],
  error: null,
  synthetic: false,
  compareScenario: null,
  compareResult: null,
  compareStatus: 'idle',
}));

interface Cached {
  geometry: Area['geometry'];
  scenario: Scenario;
  result: AreaResult;
}

const toWgs84Area = (area: Area): Wgs84Area => ({
  id: area.id,
  name: area.name,
  geometry: area.geometry,
});

/**
 * Opens the dataset in a new analysis worker (loaded on first use), or in a pool of them (one per
 * core) for the main analysis, so a batch of thousands of areas uses every core.
 */
async function openClient(
  pool = false,
): Promise<{ client: AnalysisClient; synthetic: boolean } | AppError> {
  const client = pool
    ? (await import('../worker/analysis-pool')).createAnalysisPool()
    : (await import('../worker/analysis-client')).createAnalysisClient();
  const opened = await client.open(catalogueUrlOf(window.location));
  if (!opened.ok) {
    client.terminate();
    return opened.error;
  }
  // The user's own rasters replace the package's layers of their roles (DESIGN.md 8.2).
  await applyUserLayers(client);
  return { client, synthetic: opened.value.synthetic };
}

let controls: {
  cancel: () => void;
  rerun: () => void;
  prepare: (geometry: Polygon, urgent: boolean) => void;
} | null = null;

/**
 * Starts analysing a shape that is still being drawn, when nothing else is being analysed. When the
 * shape then ends as exactly this polygon (whatever its start vertex and winding), its numbers are
 * shown in the same moment, without waiting for the worker. The last few prepared shapes are kept.
 * An `urgent` shape (a vertex was just placed) cancels one being prepared; another waits for it
 * (only the newest waiting shape is kept). Any run of the areas takes precedence and cancels them.
 */
export function prepareAreaAnalysis(geometry: Polygon, urgent: boolean): void {
  controls?.prepare(geometry, urgent);
}

/** How many prepared shapes are kept (the vertices so far, the shape under a resting pointer). */
const PREPARED_KEEP = 3;

interface Prepared {
  key: string;
  scenario: Scenario;
  result: AreaResult;
  warnings: AnalysisWarning[];
}

/**
 * Cancels the running analysis (e.g. a batch of thousands of areas): no result of it is kept, the
 * results from before stay, and the status becomes 'cancelled'.
 */
export function cancelAreaAnalysis(): void {
  controls?.cancel();
}

/** Analyses again the areas that have no result under the current scenario (after a cancel). */
export function rerunAreaAnalysis(): void {
  controls?.rerun();
}

/**
 * Keeps `analysisState` in step with the store: every change of the areas or the scenario analyses
 * the areas whose geometry or scenario changed, in the analysis worker; a newer change cancels an
 * older run (the client does that). Returns a function that stops it.
 */
export function startAreaAnalysis(): () => void {
  let stopped = false;
  let runToken = 0;
  /** Runs of the areas in flight; a shape is only prepared while there are none. */
  let running = 0;
  let prepareToken = 0;
  /** Analyses of shapes being drawn, newest first. */
  let prepared: Prepared[] = [];
  let preparing = false;
  /** The newest shape waiting for the one being prepared. */
  let waiting: Polygon | null = null;
  let cancelledToken = 0;
  const cache = new Map<string, Cached>();
  let main: Promise<{ client: AnalysisClient; synthetic: boolean } | AppError> | null = null;
  let compare: Promise<{ client: AnalysisClient; synthetic: boolean } | AppError> | null = null;

  /** Puts the cached results of the areas that exist in `analysisState`; a no-op if unchanged. */
  const publish = (also: Partial<AreaAnalysisState> = {}) => {
    const { areas } = store.getState();
    const previous = analysisState.getState().results;
    const results = reconcileResults(previous, areas, (id) => cache.get(id)?.result);
    // One update with the status, so subscribers derive once.
    if (results !== previous) analysisState.setState({ ...also, results });
    else if (Object.keys(also).length > 0) analysisState.setState(also);
  };

  const run = async () => {
    running++;
    try {
      await runAreas();
    } finally {
      running--;
    }
  };

  /** Takes a new area's numbers from the prepared analysis of the shape it was drawn as. */
  const takePrepared = (area: Area, scenario: Scenario): boolean => {
    if (prepared.length === 0) return false;
    const key = shapeKey(area.geometry);
    const found = prepared.find((each) => each.key === key && each.scenario === scenario);
    if (!found) return false;
    const result = { ...found.result, id: area.id, name: area.name };
    cache.set(area.id, { geometry: area.geometry, scenario, result });
    analysisState.setState({ warnings: found.warnings });
    prepared = prepared.filter((each) => each !== found);
    return true;
  };

  const runAreas = async () => {
    const token = ++runToken;
    const { areas, scenario } = store.getState();
    // A set, not areas.some per id: with 10,000 areas that would be 10^8 comparisons per change.
    const ids = new Set(areas.map((area) => area.id));
    for (const id of cache.keys()) {
      if (!ids.has(id)) cache.delete(id);
    }
    const needed = areas.filter((area) => {
      const cached = cache.get(area.id);
      if (cached && cached.geometry === area.geometry && cached.scenario === scenario) return false;
      return !(!cached && takePrepared(area, scenario));
    });
    if (needed.length === 0) {
      publish({ status: 'done', progress: null });
      return;
    }
    publish();
    main ??= openClient(true);
    const { status } = analysisState.getState();
    if (status === 'idle' || status === 'cancelled') analysisState.setState({ status: 'opening' });
    const opened = await main;
    if (stopped) return;
    if (cancelledToken >= token) {
      analysisState.setState({ status: 'cancelled', progress: null });
      return;
    }
    if ('kind' in opened) {
      analysisState.setState({ status: 'failed', error: opened });
      return;
    }
    analysisState.setState({ status: 'running', progress: null, error: null });
    const response = await opened.client.analyze(needed.map(toWgs84Area), scenario, (done, total) =>
      analysisState.setState({ progress: { done, total } }),
    );
    if (stopped) return;
    if (response.status === 'cancelled') {
      if (cancelledToken >= token) analysisState.setState({ status: 'cancelled', progress: null });
      return;
    }
    if (response.status === 'failed') {
      analysisState.setState({ status: 'failed', error: response.error, progress: null });
      return;
    }
    needed.forEach((area, index) => {
      const result = response.result.areas[index];
      if (result) cache.set(area.id, { geometry: area.geometry, scenario, result });
    });
    publish({
      status: 'done',
      progress: null,
      warnings: response.result.warnings,
      synthetic: opened.synthetic,
    });
  };

  const prepare = async (geometry: Polygon, urgent: boolean): Promise<void> => {
    if (running > 0 || stopped) return;
    const { scenario } = store.getState();
    const key = shapeKey(geometry);
    if (prepared.some((each) => each.key === key && each.scenario === scenario)) return;
    if (preparing && !urgent) {
      waiting = geometry;
      return;
    }
    const token = ++prepareToken;
    waiting = null;
    preparing = true;
    try {
      main ??= openClient(true);
      const opened = await main;
      // A run of the areas (or a newer shape) came first: it has the worker.
      if ('kind' in opened || stopped || running > 0 || token !== prepareToken) return;
      const response = await opened.client.analyze(
        [{ id: 'prepared', name: '', geometry }],
        scenario,
      );
      if (response.status !== 'done' || token !== prepareToken) return;
      const result = response.result.areas[0];
      if (!result) return;
      const entry = { key, scenario, result, warnings: response.result.warnings };
      prepared = [entry, ...prepared].slice(0, PREPARED_KEEP);
    } finally {
      if (token === prepareToken) {
        preparing = false;
        const next = waiting;
        waiting = null;
        if (next) void prepare(next, false);
      }
    }
  };

  const runCompare = async () => {
    const { compareScenario } = analysisState.getState();
    const { areas, selectedId } = store.getState();
    const area = areas.find((each) => each.id === selectedId);
    if (!compareScenario || !area) {
      analysisState.setState({ compareResult: null, compareStatus: 'idle' });
      return;
    }
    compare ??= openClient();
    analysisState.setState({ compareStatus: 'running' });
    const opened = await compare;
    if (stopped) return;
    if ('kind' in opened) {
      analysisState.setState({ compareStatus: 'failed' });
      return;
    }
    const response = await opened.client.analyze([toWgs84Area(area)], compareScenario);
    if (stopped || response.status === 'cancelled') return;
    analysisState.setState(
      response.status === 'done'
        ? { compareResult: response.result.areas[0] ?? null, compareStatus: 'done' }
        : { compareResult: null, compareStatus: 'failed' },
    );
  };

  /** Other user rasters: the workers open the layers again and every area is analysed again. */
  let userKey = analysisKeyOf(store.getState().userLayers);
  const followUserLayers = () => {
    const key = analysisKeyOf(store.getState().userLayers);
    if (key === userKey) return false;
    userKey = key;
    for (const client of [main, compare]) {
      void client?.then((opened) => {
        if ('kind' in opened) return;
        // Cancelled first, so a run in flight ends (as cancelled) before its workers go.
        void opened.client
          .cancel()
          .finally(() => setTimeout(() => opened.client.terminate(), 2000));
      });
    }
    main = null;
    compare = null;
    cache.clear();
    prepared = [];
    analysisState.setState({ results: {}, warnings: [], error: null });
    void run();
    if (analysisState.getState().compareScenario) void runCompare();
    return true;
  };
  const unsubscribeUser = userRasterState.subscribe(() => followUserLayers());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.userLayers !== previous.userLayers && followUserLayers()) return;
    if (state.areas !== previous.areas || state.scenario !== previous.scenario) void run();
    if (state.areas !== previous.areas || state.selectedId !== previous.selectedId) {
      if (analysisState.getState().compareScenario) void runCompare();
    }
  });
  const unsubscribeCompare = analysisState.subscribe((state, previous) => {
    if (state.compareScenario !== previous.compareScenario) void runCompare();
  });
  void run();
  // Open the dataset soon after start, so the first drawn area gets its numbers at once.
  const warmUp = setTimeout(() => {
    main ??= openClient(true);
  }, 1500);
  controls = {
    cancel() {
      cancelledToken = runToken;
      void main?.then((opened) => {
        if (!('kind' in opened)) return opened.client.cancel();
      });
      if (analysisState.getState().status === 'opening') {
        analysisState.setState({ status: 'cancelled', progress: null });
      }
    },
    rerun: () => void run(),
    prepare: (geometry, urgent) => void prepare(geometry, urgent),
  };
  return () => {
    controls = null;
    clearTimeout(warmUp);
    stopped = true;
    unsubscribe();
    unsubscribeUser();
    unsubscribeCompare();
    for (const client of [main, compare]) {
      void client?.then((opened) => {
        if (!('kind' in opened)) opened.client.terminate();
      });
    }
  };
}
