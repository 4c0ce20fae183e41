import type { BulkDensityMethod } from './pedotransfer';

export const MEASURE_IDS = [
  'cover-crops',
  'compost',
  'residues',
  'rotation',
  'arable-to-grassland',
  'reduced-tillage',
  'agroforestry',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];
export type Level = 'low' | 'central' | 'high';

export interface MeasureChoice {
  on: boolean;
  level: Level;
}

/** The scenario as stored, exported and read by `npm run analyze -- --scenario` (DESIGN.md 7.1). */
export interface Scenario {
  method: 'nl' | 'ipcc';
  /** Carbon share of organic matter: 0.5 default, 0.58 van Bemmelen. */
  f_c: number;
  bd: BulkDensityMethod;
  horizon_years: number;
  measures: Record<MeasureId, MeasureChoice>;
  /** Raise of the water table in peat areas, cm (0 = as now). */
  peat_water_cm: number;
  /** The plan's future sealed share (0-1); null = as now. */
  sealed_share_plan: number | null;
  /** Share of the 0-30 cm stock lost when soil is sealed (default 0.66, range 0.5-0.7). */
  sealing_loss: number;
  /** Target organic matter (%) where lutum is unknown: river clay 4, marine clay 2.5 (DESIGN.md 3). */
  clay_target_pct: { rivierklei: number; zeeklei: number };
}

/** Default scenario of DESIGN.md 7.4. */
export const DEFAULT_SCENARIO: Scenario = {
  method: 'nl',
  f_c: 0.5,
  bd: 'bro-fit',
  horizon_years: 20,
  measures: {
    'cover-crops': { on: true, level: 'central' },
    compost: { on: true, level: 'central' },
    residues: { on: true, level: 'central' },
    rotation: { on: false, level: 'central' },
    'arable-to-grassland': { on: false, level: 'central' },
    'reduced-tillage': { on: false, level: 'central' },
    agroforestry: { on: false, level: 'central' },
  },
  peat_water_cm: 0,
  sealed_share_plan: null,
  sealing_loss: 0.66,
  clay_target_pct: { rivierklei: 4, zeeklei: 2.5 },
};
