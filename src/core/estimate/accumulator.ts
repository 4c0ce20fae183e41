import { LAND_USES, SOIL_GROUPS } from '../raster/classes';
import { createCellModel } from './cell-model';
import { CO2_PER_C_RATIO, COEFFICIENTS } from './coefficients';
import { effectiveYears, type LandUseTotals, measureResults, potential } from './measures';
import { multiplyRanges, scaleRange } from './range';
import type { Scenario } from './scenario';
import type { Estimate, EstimateAccumulator, EstimateOptions, Range } from './types';

const LAND_USE_CODES = 7;
/** Land-use codes that do not count as emitting peat (built-up, water). */
const NON_PEAT_LAND_USES = new Set<number>(
  Object.entries(LAND_USES)
    .filter(([, name]) => COEFFICIENTS.peat.excluded_land_uses.value.includes(name))
    .map(([code]) => Number(code)),
);
/** Soil-group codes of peat hectares (veen, moerig). */
const PEAT_SOIL_GROUPS = Object.entries(SOIL_GROUPS)
  .filter(([, name]) => COEFFICIENTS.peat.soil_groups.value.includes(name))
  .map(([code]) => Number(code));
/** 1 where a (soil code, land-use code) pair counts as emitting peat, at 8 x soil + land use. */
const PEAT_CELLS = new Uint8Array(8 * 8);
for (const soil of PEAT_SOIL_GROUPS) {
  for (let landUse = 0; landUse <= LAND_USE_CODES; landUse++) {
    PEAT_CELLS[8 * soil + landUse] = NON_PEAT_LAND_USES.has(landUse) ? 0 : 1;
  }
}

/**
 * Collects the cells of one area (one pass over all layers, each cell weighted by its covered
 * hectares) and turns them into the `estimate` of DESIGN.md 7.1.
 */
export function createEstimateAccumulator(
  scenario: Scenario,
  options: EstimateOptions,
): EstimateAccumulator {
  const model = createCellModel(scenario, options);
  const targets = model.targets;
  const rangeLow = options.stockRange.low;
  const rangeHigh = options.stockRange.high;
  let stockHa = 0;
  let stockTC = 0;
  let deficitLow = 0;
  let deficitCentral = 0;
  let deficitHigh = 0;
  // Index = land-use code (0 unknown).
  const landUseHa = new Float64Array(LAND_USE_CODES + 1);
  const landUseStockTC = new Float64Array(LAND_USE_CODES + 1);
  let peatHa = 0;
  let sealedDataHa = 0;
  let sealedHa = 0;
  let unsealedStockTC = 0;
  let unsealedStockHa = 0;

  return {
    add(cell, weightHa) {
      if (!(weightHa > 0)) return;
      const landUse =
        Number.isInteger(cell.landUse) && cell.landUse >= 1 && cell.landUse <= LAND_USE_CODES
          ? cell.landUse
          : 0;
      const soil = model.soilCode(cell.soilGroup);
      landUseHa[landUse] = (landUseHa[landUse] as number) + weightHa;
      if (PEAT_CELLS[8 * soil + landUse] === 1) peatHa += weightHa;
      let sealedShare = 0;
      const sealed = cell.sealed;
      if (Number.isFinite(sealed)) {
        sealedShare = sealed <= 0 ? 0 : sealed >= 100 ? 1 : sealed / 100;
        sealedDataHa += weightHa;
        sealedHa += sealedShare * weightHa;
      }
      const stock = model.stock(cell);
      if (!Number.isFinite(stock)) return;
      const tonnes = stock * weightHa;
      stockHa += weightHa;
      stockTC += tonnes;
      landUseStockTC[landUse] = (landUseStockTC[landUse] as number) + tonnes;
      unsealedStockTC += tonnes * (1 - sealedShare);
      unsealedStockHa += weightHa * (1 - sealedShare);
      // Deficit per cell (DESIGN.md 3); NaN targets (peat) add nothing.
      const t = 3 * soil;
      const central = (targets[t + 1] as number) - stock;
      if (central > 0) deficitCentral += central * weightHa;
      const low = (targets[t] as number) - stock * rangeHigh;
      if (low > 0) deficitLow += low * weightHa;
      const high = (targets[t + 2] as number) - stock * rangeLow;
      if (high > 0) deficitHigh += high * weightHa;
    },

    result(areaHa) {
      const range = options.stockRange;
      const stock: Range = {
        low: stockTC * range.low,
        central: stockTC,
        high: stockTC * range.high,
      };
      const totals: LandUseTotals = { ha: {}, stockTC: {} };
      for (let code = 1; code <= LAND_USE_CODES; code++) {
        const name = LAND_USES[code as keyof typeof LAND_USES];
        totals.ha[name] = landUseHa[code] ?? 0;
        totals.stockTC[name] = landUseStockTC[code] ?? 0;
      }
      const measures = measureResults(totals, scenario, range);
      const sum = potential(measures);
      const shareNow = sealedDataHa > 0 ? sealedHa / sealedDataHa : 0;
      const meanUnsealedStock = unsealedStockHa > 0 ? unsealedStockTC / unsealedStockHa : 0;
      return {
        stock_t_c_per_ha: stockHa > 0 ? perHectare(stock, stockHa) : null,
        stock_t_c: stock,
        stock_t_co2: scaleRange(stock, CO2_PER_C_RATIO),
        deficit_t_c: { low: deficitLow, central: deficitCentral, high: deficitHigh },
        measures,
        potential_t_co2_per_yr: sum.perYear,
        potential_t_co2_horizon: sum.horizon,
        peat: peatBlock(peatHa, scenario.peat_water_cm),
        sealing: sealingBlock(shareNow, areaHa, meanUnsealedStock, scenario, range),
        method: scenario.method,
        horizon_years: scenario.horizon_years,
        synthetic: options.synthetic,
      } satisfies Estimate;
    },
  };
}

function perHectare(total: Range, ha: number): Range {
  return { low: total.low / ha, central: total.central / ha, high: total.high / ha };
}

/** Peat emission now and the emission avoided by raising the water table (capped, never < 0). */
export function peatBlock(peatHa: number, waterRaiseCm: number): Estimate['peat'] {
  const emission = COEFFICIENTS.peat.emission_t_co2_per_ha_yr.value;
  const per10cm = COEFFICIENTS.peat.avoided_per_10cm_t_co2_per_ha_yr.value;
  const steps = Math.max(0, waterRaiseCm) / 10;
  const avoided = (level: keyof Range) => Math.min(emission[level], per10cm[level] * steps);
  return {
    ha: peatHa,
    emission_t_co2_per_yr: scaleRange(emission, peatHa),
    avoided_t_co2_per_yr: scaleRange(
      { low: avoided('low'), central: avoided('central'), high: avoided('high') },
      peatHa,
    ),
  };
}

/**
 * One-off loss of newly sealed hectares (ha x mean unsealed stock x loss share) and the gain of
 * unsealed hectares at the arable -> grassland rate over the horizon (DESIGN.md 3).
 */
export function sealingBlock(
  shareNow: number,
  areaHa: number,
  meanUnsealedStockTCPerHa: number,
  scenario: Scenario,
  stockRange: { low: number; high: number },
): Estimate['sealing'] {
  const sharePlan = scenario.sealed_share_plan ?? shareNow;
  const newlySealedHa = Math.max(0, sharePlan - shareNow) * areaHa;
  const unsealedHa = Math.max(0, shareNow - sharePlan) * areaHa;
  const lossRange = COEFFICIENTS.sealing.loss_share.value;
  const chosen = scenario.sealing_loss;
  const lossShare: Range = {
    low: Math.min(lossRange.low, chosen),
    central: chosen,
    high: Math.max(lossRange.high, chosen),
  };
  const mean = meanUnsealedStockTCPerHa;
  const stock: Range = { low: mean * stockRange.low, central: mean, high: mean * stockRange.high };
  const gainMeasure = COEFFICIENTS.measures['arable-to-grassland'];
  const gainRate = 'rate_t_c_per_ha_yr' in gainMeasure ? gainMeasure.rate_t_c_per_ha_yr : null;
  const years = effectiveYears(scenario.horizon_years);
  return {
    share_now: shareNow,
    share_plan: sharePlan,
    loss_t_c: scaleRange(multiplyRanges(stock, lossShare), newlySealedHa),
    gain_t_c_horizon: gainRate
      ? scaleRange(gainRate, unsealedHa * years)
      : { low: 0, central: 0, high: 0 },
  };
}
