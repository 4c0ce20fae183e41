import { createCellModel } from '../estimate/cell-model';
import { type LandUseTotals, measureResults, potential } from '../estimate/measures';
import type { Scenario } from '../estimate/scenario';
import type { CellValues, EstimateOptions } from '../estimate/types';
import {
  type BaseLayerId,
  type DerivedLayerId,
  LAND_USES,
  type LandUseCode,
} from '../raster/classes';

/** Per-cell values of the base layers over one tile (NaN: no data); a missing layer is absent. */
export type BaseValues = Partial<Record<BaseLayerId, Float32Array>>;

/** Base layers a derived layer reads, in addition to a stock source (organic matter or stock). */
export const DERIVED_INPUTS: Record<DerivedLayerId, readonly BaseLayerId[]> = {
  deficit: ['organic-matter', 'carbon-stock', 'soil-group'],
  potential: ['organic-matter', 'carbon-stock', 'soil-group', 'land-use'],
};

/**
 * Where the stock of a cell comes from on the map: organic matter per cell with the scenario's f_C
 * and bulk density when an organic-matter layer is loaded (so those choices move the map), else
 * the stock layer as it is (docs/tiles.md).
 */
export function stockSourceFor(
  available: ReadonlySet<BaseLayerId>,
): EstimateOptions['stockSource'] | null {
  if (available.has('organic-matter')) return 'organic-matter';
  if (available.has('carbon-stock')) return 'layer';
  return null;
}

/** The value of a derived layer for one cell (its central value), NaN where it is undefined. */
export type DerivedCellFunction = (cell: CellValues) => number;

/**
 * Per-cell formula of a derived layer under a scenario, from the estimate's own rules
 * (src/core/estimate): deficit in t C/ha is the cell model's central deficit to the vital-soil
 * target; potential in t CO2/ha/yr is what the measures that are on add on one hectare of the
 * cell's land use with the cell's stock (peat emissions have their own block and stay out).
 */
export function derivedCellFunction(
  id: DerivedLayerId,
  scenario: Scenario,
  stockSource: EstimateOptions['stockSource'],
): DerivedCellFunction {
  const options: EstimateOptions = {
    stockSource,
    stockRange: { low: 1, high: 1 },
    synthetic: false,
  };
  const model = createCellModel(scenario, options);
  switch (id) {
    case 'deficit':
      return (cell) => {
        const stock = model.stock(cell);
        return Number.isFinite(stock) ? model.deficit(stock, cell.soilGroup).central : Number.NaN;
      };
    case 'potential': {
      // The measures are linear in the stock of the hectare: potential = base + slope x stock.
      const base = new Float64Array(8);
      const slope = new Float64Array(8);
      for (const [code, name] of Object.entries(LAND_USES)) {
        const perHectare = (stockTC: number) => {
          const totals: LandUseTotals = { ha: { [name]: 1 }, stockTC: { [name]: stockTC } };
          return potential(measureResults(totals, scenario, options.stockRange)).perYear.central;
        };
        const index = Number(code as unknown as LandUseCode);
        base[index] = perHectare(0);
        slope[index] = (perHectare(100) - (base[index] as number)) / 100;
      }
      return (cell) => {
        const landUse = cell.landUse;
        if (!(landUse >= 1 && landUse <= 7) || !Number.isInteger(landUse)) return Number.NaN;
        const stock = model.stock(cell);
        return (
          (base[landUse] as number) +
          (slope[landUse] as number) * (Number.isFinite(stock) ? stock : 0)
        );
      };
    }
    default: {
      const never: never = id;
      throw new Error(`unknown derived layer ${String(never)}`);
    }
  }
}

/** A derived layer's values over a tile (or any set of cells) from the base layers' values. */
export function computeDerived(
  id: DerivedLayerId,
  inputs: BaseValues,
  scenario: Scenario,
  stockSource: EstimateOptions['stockSource'],
  count: number,
): Float32Array {
  const formula = derivedCellFunction(id, scenario, stockSource);
  const out = new Float32Array(count);
  const cell: CellValues = {
    stock: Number.NaN,
    organicMatter: Number.NaN,
    soilGroup: 0,
    landUse: 0,
    sealed: Number.NaN,
  };
  const { 'carbon-stock': stock, 'organic-matter': organicMatter } = inputs;
  const { 'soil-group': soilGroup, 'land-use': landUse, sealed } = inputs;
  for (let i = 0; i < count; i++) {
    cell.stock = stock ? (stock[i] as number) : Number.NaN;
    cell.organicMatter = organicMatter ? (organicMatter[i] as number) : Number.NaN;
    const group = soilGroup ? (soilGroup[i] as number) : 0;
    cell.soilGroup = Number.isNaN(group) ? 0 : group;
    const use = landUse ? (landUse[i] as number) : Number.NaN;
    cell.landUse = use;
    cell.sealed = sealed ? (sealed[i] as number) : Number.NaN;
    out[i] = formula(cell);
  }
  return out;
}
