import type { Estimate } from '../../src/core/estimate/types';
import type { CrossCell, LayerStatsById } from '../../src/core/zonal/types';
import type { Provenance } from './package-layers';

/** One area of the 7.1 JSON. */
export interface OutputArea {
  id: string;
  name: string;
  area_ha: number;
  layers: LayerStatsById;
  cross?: CrossCell[];
  estimate: Estimate | null;
}

/** One warning of the 7.1 JSON: kind, localized message, 1-based feature index or null. */
export interface OutputWarning {
  kind: string;
  message: string;
  feature: number | null;
}

/** The whole result of DESIGN.md 7.1. */
export interface Output {
  areas: OutputArea[];
  warnings: OutputWarning[];
}

/** What the CSV comment and the table header say about the run. */
export interface RunContext {
  /** Layer ids in the order they were analysed (CSV columns follow it). */
  layerIds: string[];
  method: 'nl' | 'ipcc';
  horizonYears: number;
  /** Localized description of the data source. */
  source: string;
  synthetic: boolean;
  /** The package and each layer's source (JSON only; DESIGN 8.1). */
  provenance?: Provenance;
}
