import type { Scenario } from '../estimate/scenario';
import type { Estimate, EstimateAccumulator, EstimateOptions } from '../estimate/types';
import type { RdMultiPolygonCoordinates } from '../parse/types';
import type { CatalogueLayer } from '../raster/catalogue-types';
import type { LayerId } from '../raster/classes';
import type { Raster } from '../raster/raster-source';
import type { Note } from '../result';
import type { CrossCell, LayerStatsById } from '../zonal/types';

/** A layer ready for analysis: its raster and its catalogue entry. */
export interface EngineLayer {
  id: LayerId;
  raster: Raster;
  meta: CatalogueLayer;
  /** The user's own raster (DESIGN.md 8.2): other grids are then resampled for the estimate. */
  user?: boolean;
  /** Notices found when the layer was opened (e.g. `implausible`), reported with the results. */
  notices?: Note[];
}

/** One area to analyse, in RD New metres. */
export interface AnalysisArea {
  id: string;
  name: string;
  rd: RdMultiPolygonCoordinates;
  /** 1-based index of the feature in its input, for warnings; default the position in the list. */
  feature?: number;
}

/** Results of one area: the `areas[]` entries of DESIGN.md 7.1. */
export interface AreaResult {
  id: string;
  name: string;
  /** Planar area in RD New, ha. */
  area_ha: number;
  layers: LayerStatsById;
  /** Soil group x land use; absent when those layers are not on the stock layer's grid. */
  cross?: CrossCell[];
  estimate: Estimate | null;
}

/** A warning or notice of DESIGN.md 7.2; the CLI and the app fill in the localized `message`. */
export interface AnalysisWarning extends Note {
  message?: string;
}

/** The JSON of DESIGN.md 7.1. */
export interface AnalysisResult {
  areas: AreaResult[];
  warnings: AnalysisWarning[];
}

export interface AnalyzeOptions {
  signal?: AbortSignal;
  /** Called after every window with the windows done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** Makes the estimate accumulator of one area (src/core/estimate/accumulator.ts). */
export type EstimateFactory = (scenario: Scenario, options: EstimateOptions) => EstimateAccumulator;
