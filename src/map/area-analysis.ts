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
import { catalogueUrlOf } from './setup-map';

export interface AnalysisProgress {
  done: number;
  total: number;
}

export interface AreaAnalysisState {
  status: 'idle' | 'opening' | 'running' | 'done' | 'failed';
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

/** Opens the dataset in a new analysis worker (loaded on first use). */
async function openClient(): Promise<{ client: AnalysisClient; synthetic: boolean } | AppError> {
  const { createAnalysisClient } = await import('../worker/analysis-client');
  const client = createAnalysisClient();
  const opened = await client.open(catalogueUrlOf(window.location));
  if (!opened.ok) {
    client.terminate();
    return opened.error;
  }
  return { client, synthetic: opened.value.synthetic };
}

/**
 * Keeps `analysisState` in step with the store: every change of the areas or the scenario analyses
 * the areas whose geometry or scenario changed, in the analysis worker; a newer change cancels an
 * older run (the client does that). Returns a function that stops it.
 */
export function startAreaAnalysis(): () => void {
  let stopped = false;
  const cache = new Map<string, Cached>();
  let main: Promise<{ client: AnalysisClient; synthetic: boolean } | AppError> | null = null;
  let compare: Promise<{ client: AnalysisClient; synthetic: boolean } | AppError> | null = null;

  const publish = () => {
    const { areas } = store.getState();
    const results: Record<string, AreaResult> = {};
    for (const area of areas) {
      const cached = cache.get(area.id);
      if (cached) results[area.id] = cached.result;
    }
    analysisState.setState({ results });
  };

  const run = async () => {
    const { areas, scenario } = store.getState();
    for (const id of cache.keys()) {
      if (!areas.some((area) => area.id === id)) cache.delete(id);
    }
    const needed = areas.filter((area) => {
      const cached = cache.get(area.id);
      return !cached || cached.geometry !== area.geometry || cached.scenario !== scenario;
    });
    publish();
    if (needed.length === 0) {
      analysisState.setState({ status: 'done', progress: null });
      return;
    }
    main ??= openClient();
    if (analysisState.getState().status === 'idle') analysisState.setState({ status: 'opening' });
    const opened = await main;
    if (stopped) return;
    if ('kind' in opened) {
      analysisState.setState({ status: 'failed', error: opened });
      return;
    }
    analysisState.setState({ status: 'running', progress: null, error: null });
    const response = await opened.client.analyze(needed.map(toWgs84Area), scenario, (done, total) =>
      analysisState.setState({ progress: { done, total } }),
    );
    if (stopped || response.status === 'cancelled') return;
    if (response.status === 'failed') {
      analysisState.setState({ status: 'failed', error: response.error, progress: null });
      return;
    }
    needed.forEach((area, index) => {
      const result = response.result.areas[index];
      if (result) cache.set(area.id, { geometry: area.geometry, scenario, result });
    });
    analysisState.setState({
      status: 'done',
      progress: null,
      warnings: response.result.warnings,
      synthetic: opened.synthetic,
    });
    publish();
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

  const unsubscribe = store.subscribe((state, previous) => {
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
    main ??= openClient();
  }, 1500);
  return () => {
    clearTimeout(warmUp);
    stopped = true;
    unsubscribe();
    unsubscribeCompare();
    for (const client of [main, compare]) {
      void client?.then((opened) => {
        if (!('kind' in opened)) opened.client.terminate();
      });
    }
  };
}
