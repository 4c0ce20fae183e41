import { SOIL_GROUPS, type SoilGroupCode } from '../raster/classes';
import { COEFFICIENTS } from './coefficients';
import { bulkDensityBroFit, bulkDensityObic, type Texture, TOPSOIL_DEPTH_CM } from './pedotransfer';
import type { Scenario } from './scenario';
import type { CellValues, EstimateOptions, Range } from './types';

/** Soil-group class codes (DESIGN.md 7.1): 1 veen, 2 moerig, 3 zeeklei, 4 rivierklei, 5 zand, 6 löss. */
const TEXTURE_BY_SOIL_GROUP: Record<number, Texture> = {
  1: 'peat',
  2: 'peat',
  3: 'clay',
  4: 'clay',
  5: 'sand',
  6: 'sand',
};

/** Highest soil-group code; codes above it, 0 and NaN are unknown. */
const SOIL_GROUP_CODES = 6;

/** Texture of a soil-group code for the OBIC pedotransfer, or null when unknown. */
export function textureOfSoilGroup(code: number): Texture | null {
  return TEXTURE_BY_SOIL_GROUP[code] ?? null;
}

/**
 * Per-cell rules of the estimate for one scenario: the stock of a cell and its deficit to the
 * vital-soil target. Targets are precomputed per soil group, so the engine's inner loop stays cheap.
 */
export interface CellModel {
  /** Stock 0-30 cm in t C/ha (central), NaN when the cell has no stock data. */
  stock(cell: CellValues): number;
  /** Soil-group code 1-6, or 0 when unknown (0, NaN, out of range). */
  soilCode(soilGroup: number): number;
  /**
   * Stock at the organic-matter target (t C/ha) as [low, central, high] at 3 x soil code; NaN where
   * the soil group has no target (peat).
   */
  targets: Float64Array;
  /** Stock at the target by soil-group code; null: no target (peat). */
  targetStock(soilGroup: number): Range | null;
  /** Deficit to the target in t C/ha for a cell with central stock `stock` (DESIGN.md 3). */
  deficit(stock: number, soilGroup: number): Range;
}

/** Bulk density (g/cm3) for the scenario; OBIC needs a known texture, else the BRO fit applies. */
function bulkDensityFor(om: number, scenario: Scenario, texture: Texture | null): number {
  if (scenario.bd === 'obic' && texture !== null) return bulkDensityObic(om, texture);
  return bulkDensityBroFit(om);
}

function stockFor(om: number, scenario: Scenario, texture: Texture | null): number {
  return om * scenario.f_c * bulkDensityFor(om, scenario, texture) * TOPSOIL_DEPTH_CM;
}

/** Target organic matter (%) as a range, or null for peat and peaty soils (DESIGN.md 3). */
function targetOrganicMatter(code: number, scenario: Scenario): Range | null {
  const name: string | undefined = SOIL_GROUPS[code as SoilGroupCode];
  if (name === undefined) return COEFFICIENTS.deficit.target_general_pct.value;
  if (COEFFICIENTS.deficit.no_target_soil_groups.value.includes(name)) return null;
  if (name === 'zeeklei' || name === 'rivierklei') return single(scenario.clay_target_pct[name]);
  return COEFFICIENTS.deficit.target_general_pct.value;
}

function single(value: number): Range {
  return { low: value, central: value, high: value };
}
/** Builds the per-cell rules for `scenario` and `options`. */
export function createCellModel(scenario: Scenario, options: EstimateOptions): CellModel {
  const targets = new Float64Array(3 * (SOIL_GROUP_CODES + 1));
  for (let code = 0; code <= SOIL_GROUP_CODES; code++) {
    const om = targetOrganicMatter(code, scenario);
    const texture = textureOfSoilGroup(code);
    targets[3 * code] = om === null ? NaN : stockFor(om.low, scenario, texture);
    targets[3 * code + 1] = om === null ? NaN : stockFor(om.central, scenario, texture);
    targets[3 * code + 2] = om === null ? NaN : stockFor(om.high, scenario, texture);
  }
  const { low: rangeLow, high: rangeHigh } = options.stockRange;
  const soilCode = (soilGroup: number): number =>
    soilGroup >= 1 && soilGroup <= SOIL_GROUP_CODES && Number.isInteger(soilGroup) ? soilGroup : 0;
  const targetStock = (soilGroup: number): Range | null => {
    const i = 3 * soilCode(soilGroup);
    const central = targets[i + 1] as number;
    if (Number.isNaN(central)) return null;
    return { low: targets[i] as number, central, high: targets[i + 2] as number };
  };
  const stock =
    options.stockSource === 'layer'
      ? (cell: CellValues) => (Number.isFinite(cell.stock) ? cell.stock : NaN)
      : (cell: CellValues) => {
          const om = cell.organicMatter;
          if (!Number.isFinite(om) || om < 0) return NaN;
          return stockFor(om, scenario, textureOfSoilGroup(cell.soilGroup));
        };
  return {
    stock,
    soilCode,
    targets,
    targetStock,
    deficit(value, soilGroup) {
      const target = targetStock(soilGroup);
      if (target === null) return { low: 0, central: 0, high: 0 };
      return {
        low: Math.max(0, target.low - value * rangeHigh),
        central: Math.max(0, target.central - value),
        high: Math.max(0, target.high - value * rangeLow),
      };
    },
  };
}
