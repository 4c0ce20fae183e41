import { createEstimateAccumulator } from '../estimate/accumulator';
import type { Scenario } from '../estimate/scenario';
import { analyzeAreasWith } from './run';
import type { AnalysisArea, AnalysisResult, AnalyzeOptions, EngineLayer } from './types';

export type {
  AnalysisArea,
  AnalysisResult,
  AnalysisWarning,
  AnalyzeOptions,
  AreaResult,
  EngineLayer,
} from './types';

/**
 * Analyses areas (RD New) over the layers: exact zonal statistics per layer, the soil group x land
 * use table and the carbon estimate, as the JSON of DESIGN.md 7.1. Layers sharing the stock
 * layer's grid are read in one pass per window. Cancel through `options.signal` (an AbortError).
 */
export function analyzeAreas(
  areas: AnalysisArea[],
  layers: EngineLayer[],
  scenario: Scenario,
  options: AnalyzeOptions = {},
): Promise<AnalysisResult> {
  return analyzeAreasWith(createEstimateAccumulator, areas, layers, scenario, options);
}
