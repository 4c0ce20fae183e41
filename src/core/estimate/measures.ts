import {
  CO2_PER_C_RATIO,
  COEFFICIENTS,
  type IpccFactorId,
  isRateMeasure,
  type MeasureCoefficient,
  TRANSITION_YEARS,
} from './coefficients';
import { addRanges, scaleRange, zeroRange } from './range';
import { MEASURE_IDS, type MeasureId, type Scenario } from './scenario';
import type { MeasureResult, Range } from './types';

/** Hectares and central stock (t C, cells with stock data) per land-use class name. */
export interface LandUseTotals {
  ha: Record<string, number>;
  stockTC: Record<string, number>;
}

/** Years the rates run: the horizon, stopped at the 20-year transition period. */
export function effectiveYears(horizonYears: number): number {
  return Math.max(0, Math.min(horizonYears, TRANSITION_YEARS));
}

/**
 * IPCC Tier 1 mapping: each measure moves one stock change factor from `from` to `to`, per land
 * use (docs/estimate.md). Agroforestry has no Tier 1 factor and keeps the relative gain.
 */
const IPCC_STEPS: Partial<Record<MeasureId, Record<string, [IpccFactorId, IpccFactorId]>>> = {
  'cover-crops': { akker: ['F_I_medium', 'F_I_high'] },
  compost: { akker: ['F_I_medium', 'F_I_high_manure'], grasland: ['F_I_medium', 'F_I_high'] },
  residues: { akker: ['F_I_low', 'F_I_medium'] },
  rotation: { akker: ['F_I_medium', 'F_I_high'] },
  'arable-to-grassland': { akker: ['F_LU_arable', 'F_LU_grassland'] },
  'reduced-tillage': { akker: ['F_MG_full_tillage', 'F_MG_reduced_tillage'] },
};

function factor(id: IpccFactorId): number {
  return COEFFICIENTS.ipcc.factors[id].value;
}

/** The range with its central value moved to the scenario's chosen level. */
function atLevel(range: Range, level: 'low' | 'central' | 'high'): Range {
  return { low: range.low, central: range[level], high: range.high };
}

/** Land uses a measure covers, after land-use changes replace the arable management measures. */
export function coveredLandUses(coefficient: MeasureCoefficient, scenario: Scenario): string[] {
  const landUseChangeOn =
    scenario.measures['arable-to-grassland'].on || scenario.measures.agroforestry.on;
  if (coefficient.kind === 'management' && landUseChangeOn) {
    return coefficient.applies_to.filter((landUse) => landUse !== 'akker');
  }
  return coefficient.applies_to;
}

/** Yearly gain in t C of one measure on one land use (range), by the scenario's method. */
function gainOnLandUse(
  id: MeasureId,
  coefficient: MeasureCoefficient,
  landUse: string,
  totals: LandUseTotals,
  scenario: Scenario,
  stockRange: { low: number; high: number },
): Range {
  const ha = totals.ha[landUse] ?? 0;
  const stock = totals.stockTC[landUse] ?? 0;
  const stockTC: Range = {
    low: stock * stockRange.low,
    central: stock,
    high: stock * stockRange.high,
  };
  const level = scenario.measures[id].level;
  if (!isRateMeasure(coefficient)) {
    const share = coefficient.relative_stock_gain;
    const perYear = {
      low: (share.low * stockTC.low) / TRANSITION_YEARS,
      central: (share[level] * stockTC.central) / TRANSITION_YEARS,
      high: (share.high * stockTC.high) / TRANSITION_YEARS,
    };
    return perYear;
  }
  const step = scenario.method === 'ipcc' ? IPCC_STEPS[id]?.[landUse] : undefined;
  if (step) {
    const relative = factor(step[1]) / factor(step[0]) - 1;
    const range = scaleRange(stockTC, relative / TRANSITION_YEARS);
    // Disputed measures keep a range from 0 and a central 0 (DESIGN.md 3).
    const ipcc = coefficient.disputed ? { low: 0, central: 0, high: range.high } : range;
    return atLevel(ipcc, level);
  }
  return scaleRange(atLevel(coefficient.rate_t_c_per_ha_yr, level), ha);
}

/**
 * Every measure of DESIGN.md 7.1, on or off. A measure that is off shows what it would add if it
 * were switched on with the rest of the scenario unchanged; only measures that are on count in the
 * potential.
 */
export function measureResults(
  totals: LandUseTotals,
  scenario: Scenario,
  stockRange: { low: number; high: number },
): MeasureResult[] {
  const years = effectiveYears(scenario.horizon_years);
  return MEASURE_IDS.map((id) => {
    const coefficient = COEFFICIENTS.measures[id];
    const landUses = coveredLandUses(coefficient, scenario);
    let ha = 0;
    let tC = zeroRange();
    for (const landUse of landUses) {
      ha += totals.ha[landUse] ?? 0;
      tC = addRanges(tC, gainOnLandUse(id, coefficient, landUse, totals, scenario, stockRange));
    }
    const perYear = scaleRange(tC, CO2_PER_C_RATIO);
    return {
      id,
      on: scenario.measures[id].on,
      ha,
      t_co2_per_yr: perYear,
      t_co2_horizon: scaleRange(perYear, years),
      disputed: coefficient.disputed,
    };
  });
}

/** Sum of the measures that are on (lows with lows, highs with highs). */
export function potential(measures: MeasureResult[]): { perYear: Range; horizon: Range } {
  let perYear = zeroRange();
  let horizon = zeroRange();
  for (const measure of measures) {
    if (!measure.on) continue;
    perYear = addRanges(perYear, measure.t_co2_per_yr);
    horizon = addRanges(horizon, measure.t_co2_horizon);
  }
  return { perYear, horizon };
}
