import { MEASURE_IDS } from '../estimate/scenario';
import type { Estimate, Range } from '../estimate/types';

/** A named range of the estimate: the name carries the unit (`stock_t_c`, `…_t_co2_per_yr`). */
export type EstimateFigure = [name: string, pick: (estimate: Estimate) => Range | null | undefined];

/** Every range of the estimate, in export column order (docs/export.md lists them). */
export const ESTIMATE_FIGURES: EstimateFigure[] = [
  ['stock_t_c_per_ha', (e) => e.stock_t_c_per_ha],
  ['stock_t_c', (e) => e.stock_t_c],
  ['stock_t_co2', (e) => e.stock_t_co2],
  ['deficit_t_c', (e) => e.deficit_t_c],
  ['potential_t_co2_per_yr', (e) => e.potential_t_co2_per_yr],
  ['potential_t_co2_horizon', (e) => e.potential_t_co2_horizon],
  ['peat_emission_t_co2_per_yr', (e) => e.peat.emission_t_co2_per_yr],
  ['peat_avoided_t_co2_per_yr', (e) => e.peat.avoided_t_co2_per_yr],
  ['sealing_loss_t_c', (e) => e.sealing.loss_t_c],
  ['sealing_gain_t_c_horizon', (e) => e.sealing.gain_t_c_horizon],
  ...MEASURE_IDS.flatMap((id): EstimateFigure[] => [
    [`${id}_t_co2_per_yr`, (e) => e.measures.find((m) => m.id === id)?.t_co2_per_yr],
    [`${id}_t_co2_horizon`, (e) => e.measures.find((m) => m.id === id)?.t_co2_horizon],
  ]),
];

export const RANGE_PARTS = ['low', 'central', 'high'] as const;
