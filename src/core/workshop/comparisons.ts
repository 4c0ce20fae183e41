import { CO2_PER_C_RATIO, COEFFICIENTS } from '../estimate/coefficients';
import type { KeyFigures } from '../export/key-figures';

/**
 * Emission of drained peat pasture, t CO2/ha/yr (coefficients.json `peat`, Aben et al. 2024): the
 * one yardstick of the plain comparisons, so every comparison rests on a figure the method sources.
 */
export const PEAT_PASTURE_T_CO2_PER_HA_YR =
  COEFFICIENTS.peat.emission_t_co2_per_ha_yr.value.central;

/**
 * A plain comparison of one key figure for presentation mode: an i18n key (namespace `workshop`)
 * and its numbers. `hectares` and `years` are computed from the figure and the sourced emission of
 * drained peat pasture; the texts say so.
 */
export type Comparison =
  /** As much CO2 as `hectares` ha of drained peat pasture emit in `years` years. */
  | { kind: 'peatYears'; years: number; hectares: number }
  /** As much CO2 as `hectares` ha of drained peat pasture emit in a year. */
  | { kind: 'peatHectares'; hectares: number };

export type ComparedFigure = 'stock-mean' | 'co2-total' | 'deficit-total' | 'potential-year';

/**
 * The comparisons of an area's key figures, by test id; figures without data, or zero, get none.
 * - co2-total (t CO2): years of emission of the area itself as drained peat pasture;
 * - stock-mean (t C/ha, as CO2 by 44/12): years of emission of one hectare of drained peat pasture;
 * - deficit-total (t C, as CO2): hectares of drained peat pasture emitting that in a year;
 * - potential-year (t CO2/yr): hectares of drained peat pasture emitting that each year.
 */
export function plainComparisons(figures: KeyFigures): Partial<Record<ComparedFigure, Comparison>> {
  const rate = PEAT_PASTURE_T_CO2_PER_HA_YR;
  const out: Partial<Record<ComparedFigure, Comparison>> = {};
  const positive = (value: number | undefined): value is number =>
    value !== undefined && Number.isFinite(value) && value > 0;
  const co2 = figures.co2Total?.central;
  if (positive(co2) && figures.areaHa > 0) {
    out['co2-total'] = {
      kind: 'peatYears',
      years: co2 / (rate * figures.areaHa),
      hectares: figures.areaHa,
    };
  }
  const stockMean = figures.stockMean?.central;
  if (positive(stockMean)) {
    out['stock-mean'] = {
      kind: 'peatYears',
      years: (stockMean * CO2_PER_C_RATIO) / rate,
      hectares: 1,
    };
  }
  const deficit = figures.deficitTotal?.central;
  if (positive(deficit)) {
    out['deficit-total'] = { kind: 'peatHectares', hectares: (deficit * CO2_PER_C_RATIO) / rate };
  }
  const potential = figures.potentialYear?.central;
  if (positive(potential)) {
    out['potential-year'] = { kind: 'peatHectares', hectares: potential / rate };
  }
  return out;
}
