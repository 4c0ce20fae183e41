import data from './coefficients.json';
import type { MeasureId } from './scenario';
import type { Range } from './types';

/** One documented number (or set of numbers) of the method, with its unit, scope and source. */
export interface Coefficient<T> {
  value: T;
  unit: string;
  applies_to: string;
  source: string;
}

interface MeasureBase {
  unit: string;
  /** Land-use class names the measure fits (DESIGN.md 7.1 names). */
  applies_to: string[];
  disputed: boolean;
  source: string;
}

/** A management measure or a land-use change with a fixed rate per hectare. */
export interface RateMeasure extends MeasureBase {
  kind: 'management' | 'land-use-change';
  rate_t_c_per_ha_yr: Range;
}

/** A land-use change whose gain is a share of the 0-30 cm stock over the transition period. */
export interface RelativeMeasure extends MeasureBase {
  kind: 'land-use-change';
  relative_stock_gain: Range;
}

export type MeasureCoefficient = RateMeasure | RelativeMeasure;

export interface IpccFactor {
  value: number;
  unit: string;
  applies_to: string;
}

export type IpccFactorId =
  | 'F_LU_arable'
  | 'F_LU_set_aside'
  | 'F_LU_grassland'
  | 'F_MG_full_tillage'
  | 'F_MG_reduced_tillage'
  | 'F_MG_no_till'
  | 'F_I_low'
  | 'F_I_medium'
  | 'F_I_high'
  | 'F_I_high_manure';

/** The whole coefficient file (src/core/estimate/coefficients.json). */
export interface Coefficients {
  description: string;
  stock: {
    topsoil_depth_cm: Coefficient<number>;
    carbon_fraction: Coefficient<Range> & { option_van_bemmelen: number };
    bulk_density_bro_fit: Coefficient<{ a: number; b: number }>;
    bulk_density_obic_sand: Coefficient<{ a: number; b: number }>;
    bulk_density_obic_clay: Coefficient<{
      c4: number;
      c3: number;
      c2: number;
      c1: number;
      c0: number;
      om_cap_pct: number;
    }>;
    range_from_organic_matter: Coefficient<Range>;
  };
  deficit: {
    target_general_pct: Coefficient<Range>;
    target_heavy_clay_pct: Coefficient<number>;
    target_unknown_lutum_pct: Coefficient<{ rivierklei: number; zeeklei: number }>;
    no_target_soil_groups: Coefficient<string[]>;
  };
  measures: Record<MeasureId, MeasureCoefficient>;
  transition_years: Coefficient<number>;
  peat: {
    emission_t_co2_per_ha_yr: Coefficient<Range>;
    avoided_per_10cm_t_co2_per_ha_yr: Coefficient<Range>;
    soil_groups: Coefficient<string[]>;
    excluded_land_uses: Coefficient<string[]>;
  };
  sealing: {
    loss_share: Coefficient<Range>;
    unsealing_gain: Coefficient<string>;
  };
  ipcc: {
    description: string;
    source: string;
    factors: Record<IpccFactorId, IpccFactor>;
  };
  units: { co2_per_c: Coefficient<{ co2: number; c: number }> };
  national: {
    technical_potential_mt_co2_per_yr: Coefficient<Range>;
    topsoil_stock_mt_c: Coefficient<number>;
  };
}

function asMeasures(raw: typeof data.measures): Record<MeasureId, MeasureCoefficient> {
  const out = {} as Record<MeasureId, MeasureCoefficient>;
  for (const [id, entry] of Object.entries(raw)) {
    const kind = entry.kind;
    if (kind !== 'management' && kind !== 'land-use-change') {
      throw new Error(`coefficients.json: measure ${id} has unknown kind ${kind}`);
    }
    out[id as MeasureId] = { ...entry, kind } as MeasureCoefficient;
  }
  return out;
}

/** Every coefficient of the method, typed. The app's method view lists these with their sources. */
export const COEFFICIENTS: Coefficients = { ...data, measures: asMeasures(data.measures) };

/** Tonnes CO2 per tonne C (44/12). */
export const CO2_PER_C_RATIO =
  COEFFICIENTS.units.co2_per_c.value.co2 / COEFFICIENTS.units.co2_per_c.value.c;

/** Years after which rates stop (IPCC transition to a new equilibrium). */
export const TRANSITION_YEARS = COEFFICIENTS.transition_years.value;

/** True when the measure is a fixed rate per hectare (all but agroforestry). */
export function isRateMeasure(measure: MeasureCoefficient): measure is RateMeasure {
  return 'rate_t_c_per_ha_yr' in measure;
}
