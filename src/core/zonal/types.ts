import type { LayerId } from '../raster/classes';

/**
 * Statistics of one continuous layer over one area (DESIGN.md 7.1). Hectares are planar RD New.
 * `mean`, `min`, `max` are null when no cell with data is covered; `sum_t` is then 0.
 */
export interface ContinuousLayerStats {
  covered_ha: number;
  valid_ha: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Σ value x covered fraction x cell area (ha) over cells with data: tonnes for a t/ha layer. */
  sum_t: number;
  classes?: undefined;
}

/** Statistics of one categorical layer: covered hectares per class name (DESIGN.md 7.1). */
export interface CategoricalLayerStats {
  covered_ha: number;
  /** Hectares with a known class (not nodata, not code 0). */
  valid_ha: number;
  classes: Record<string, number>;
  mean?: undefined;
  min?: undefined;
  max?: undefined;
  sum_t?: undefined;
}

export type LayerStats = ContinuousLayerStats | CategoricalLayerStats;

/** One cell of the soil group x land use table: hectares with stock data and their stock. */
export interface CrossCell {
  soil_group: string;
  land_use: string;
  ha: number;
  stock_t_c: number;
}

export type LayerStatsById = Partial<Record<LayerId, LayerStats>>;
