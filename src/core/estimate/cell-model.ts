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
 * vital-soil target. Targets are precomputed per soil group, so `add` stays cheap.
 */
export interface CellModel {
  /** Stock 0-30 cm in t C/ha (central), NaN when the cell has no stock data. */
  stock(cell: CellValues): number;
  /** Stock at the organic-matter target (t C/ha) by soil-group code; null: no target (peat). */
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

/** Target organic matter (%) as a range, or null for peat and peaty soils. */
function targetOrganicMatter(code: number, scenario: Scenario): Range | null {
  const general = COEFFICIENTS.deficit.target_general_pct.value;
  switch (code) {
    case 1:
    case 2:
      return null;
    case 3:
      return single(scenario.clay_target_pct.zeeklei);
    case 4:
      return single(scenario.clay_target_pct.rivierklei);
    default:
      return general;
  }
}

function single(value: number): Range {
  return { low: value, central: value, high: value };
}

/** Builds the per-cell rules for `scenario` and `options`. */
export function createCellModel(scenario: Scenario, options: EstimateOptions): CellModel {
  const targets: Array<Range | null> = [];
  for (let code = 0; code <= SOIL_GROUP_CODES; code++) {
    const om = targetOrganicMatter(code, scenario);
    const texture = textureOfSoilGroup(code);
    targets.push(
      om === null
        ? null
        : {
            low: stockFor(om.low, scenario, texture),
            central: stockFor(om.central, scenario, texture),
            high: stockFor(om.high, scenario, texture),
          },
    );
  }
  const unknownTarget = targets[0] ?? null;
  const { low: rangeLow, high: rangeHigh } = options.stockRange;
  const targetStock = (soilGroup: number): Range | null =>
    soilGroup >= 1 && soilGroup <= SOIL_GROUP_CODES && Number.isInteger(soilGroup)
      ? (targets[soilGroup] ?? null)
      : unknownTarget;

  return {
    stock(cell) {
      if (options.stockSource === 'layer') return Number.isFinite(cell.stock) ? cell.stock : NaN;
      const om = cell.organicMatter;
      if (!Number.isFinite(om) || om < 0) return NaN;
      return stockFor(om, scenario, textureOfSoilGroup(cell.soilGroup));
    },
    targetStock,
    deficit(stock, soilGroup) {
      const target = targetStock(soilGroup);
      if (target === null) return { low: 0, central: 0, high: 0 };
      return {
        low: Math.max(0, target.low - stock * rangeHigh),
        central: Math.max(0, target.central - stock),
        high: Math.max(0, target.high - stock * rangeLow),
      };
    },
  };
}
