/** A result range (DESIGN.md 3): every estimate carries low, central and high. */
export interface Range {
  low: number;
  central: number;
  high: number;
}

export interface MeasureResult {
  id: string;
  on: boolean;
  /** Hectares the measure applies to (by land use). */
  ha: number;
  t_co2_per_yr: Range;
  t_co2_horizon: Range;
  disputed: boolean;
}

/** The `estimate` block of DESIGN.md 7.1. Ranges are null where the area has no data for them. */
export interface Estimate {
  stock_t_c_per_ha: Range | null;
  stock_t_c: Range;
  stock_t_co2: Range;
  deficit_t_c: Range;
  measures: MeasureResult[];
  potential_t_co2_per_yr: Range;
  potential_t_co2_horizon: Range;
  peat: { ha: number; emission_t_co2_per_yr: Range; avoided_t_co2_per_yr: Range };
  sealing: { share_now: number; share_plan: number; loss_t_c: Range; gain_t_c_horizon: Range };
  method: 'nl' | 'ipcc';
  horizon_years: number;
  synthetic: boolean;
}

/**
 * Values of one cell, all layers on the same grid. NaN marks no data; class codes use 0 for unknown
 * (DESIGN.md 7.1 codes). Units: stock t C/ha, organic matter mass %, sealed % of the cell (0-100).
 */
export interface CellValues {
  stock: number;
  organicMatter: number;
  soilGroup: number;
  landUse: number;
  sealed: number;
}

/** Collects cells (weighted by their covered hectares) and turns them into an Estimate. */
export interface EstimateAccumulator {
  add(cell: CellValues, weightHa: number): void;
  /** `areaHa`: the area's planar size; shares are of the hectares with data. */
  result(areaHa: number): Estimate;
}

/** How an accumulator reads the stock of a cell. */
export interface EstimateOptions {
  /**
   * 'layer': the stock layer's values; 'organic-matter': stock from OM per cell with the scenario's
   * f_C and bulk density (also used when the stock layer itself was derived from OM).
   */
  stockSource: 'layer' | 'organic-matter';
  /** Relative range of the stock: OM-derived 0.87 / 1.15; measured 1 / 1 unless the catalogue says. */
  stockRange: { low: number; high: number };
  /** True when any analysed layer is synthetic (demo data). */
  synthetic: boolean;
}
