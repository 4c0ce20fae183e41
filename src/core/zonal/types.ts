import type { LayerId } from '../raster/classes';

/**
 * Statistics of one layer over one area (DESIGN.md 7.1). Hectares are planar RD New. `mean`, `min`,
 * `max` are null when no cell with data is covered; `sum_t` is then 0.
 */
export interface LayerStats {
  covered_ha: number;
  valid_ha: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Σ value x covered fraction x cell area (ha) over cells with data: tonnes for a t/ha layer. */
  sum_t: number;
  /** Categorical layers: covered hectares per class name. */
  classes?: Record<string, number>;
}

/** One cell of the soil group x land use table: hectares with stock data and their stock. */
export interface CrossCell {
  soil_group: string;
  land_use: string;
  ha: number;
  stock_t_c: number;
}

export type LayerStatsById = Partial<Record<LayerId, LayerStats>>;
