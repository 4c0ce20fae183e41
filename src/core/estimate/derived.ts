import { LAND_USES } from '../raster/classes';
import { createCellModel } from './cell-model';
import { type LandUseTotals, measureResults } from './measures';
import type { Scenario } from './scenario';
import type { CellValues, EstimateOptions } from './types';

/** Per-cell values of the derived layers (DESIGN.md section 2), central values. */
export interface DerivedCellRules {
  /** Deficit to the vital-soil target, t C/ha; NaN without stock data. */
  deficitTCPerHa(cell: CellValues): number;
  /** Yearly gain of the measures that are on, t CO2/ha/yr; NaN without a land use. */
  potentialTCO2PerHaYr(cell: CellValues): number;
}

const LAND_USE_CODES = 7;

/**
 * The rules behind the `deficit` and `potential` layers, the same as the area estimate's: the
 * potential of a cell is `perHa[landUse] + perTC[landUse] × stock`, both taken from the measure
 * results of one hectare, so map and numbers always agree.
 */
export function createDerivedCellRules(
  scenario: Scenario,
  options: EstimateOptions,
): DerivedCellRules {
  const model = createCellModel(scenario, options);
  const perHa = new Float64Array(LAND_USE_CODES + 1);
  const perTC = new Float64Array(LAND_USE_CODES + 1);
  const yearly = (landUse: string, stockTC: number) => {
    const totals: LandUseTotals = { ha: { [landUse]: 1 }, stockTC: { [landUse]: stockTC } };
    return measureResults(totals, scenario, options.stockRange)
      .filter((measure) => measure.on)
      .reduce((sum, measure) => sum + measure.t_co2_per_yr.central, 0);
  };
  for (let code = 1; code <= LAND_USE_CODES; code++) {
    const name = LAND_USES[code as keyof typeof LAND_USES];
    perHa[code] = yearly(name, 0);
    // Stock-proportional gains (agroforestry, IPCC) are linear in the stock.
    perTC[code] = (yearly(name, 1000) - (perHa[code] as number)) / 1000;
  }
  return {
    deficitTCPerHa(cell) {
      const stock = model.stock(cell);
      if (!Number.isFinite(stock)) return NaN;
      return model.deficit(stock, cell.soilGroup).central;
    },
    potentialTCO2PerHaYr(cell) {
      const landUse = cell.landUse;
      if (!(landUse >= 1 && landUse <= LAND_USE_CODES && Number.isInteger(landUse))) return NaN;
      const proportional = perTC[landUse] as number;
      if (proportional === 0) return perHa[landUse] as number;
      const stock = model.stock(cell);
      return (perHa[landUse] as number) + proportional * (Number.isFinite(stock) ? stock : 0);
    },
  };
}
