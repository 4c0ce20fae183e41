import type { AreaResult } from '../../core/engine/types';
import { addRanges, sumRanges } from '../../core/estimate/range';
import type { Estimate, MeasureResult, Range } from '../../core/estimate/types';
import {
  type KeyFigures,
  keyFiguresOf,
  keyFiguresTotal,
  weightedMean,
} from '../../core/export/key-figures';

/** The figures the results panel shows for one area or for the total of several. */
export interface ResultFigures extends KeyFigures {
  potentialHorizon: Range | null;
  measures: MeasureResult[];
  peat: Estimate['peat'] | null;
  sealing: Estimate['sealing'] | null;
  horizonYears: number | null;
  /** Soil group x land use: ha and t C. */
  cross: { soilGroup: string; landUse: string; ha: number; stockTC: number }[];
  soilGroups: Record<string, number>;
  landUses: Record<string, number>;
  synthetic: boolean;
}

const ZERO: Range = { low: 0, central: 0, high: 0 };

/** Figures by result: results are immutable, and the total over 10,000 areas asks for each. */
const figuresCache = new WeakMap<AreaResult, ResultFigures>();

/** The figures of one area's result (the same object for the same result; do not change it). */
export function figuresOf(result: AreaResult): ResultFigures {
  const known = figuresCache.get(result);
  if (known) return known;
  const figures = computeFigures(result);
  figuresCache.set(result, figures);
  return figures;
}

function computeFigures(result: AreaResult): ResultFigures {
  const estimate = result.estimate;
  return {
    ...keyFiguresOf(result),
    potentialHorizon: estimate?.potential_t_co2_horizon ?? null,
    measures: estimate?.measures ?? [],
    peat: estimate?.peat ?? null,
    sealing: estimate?.sealing ?? null,
    horizonYears: estimate?.horizon_years ?? null,
    cross: (result.cross ?? []).map((cell) => ({
      soilGroup: cell.soil_group,
      landUse: cell.land_use,
      ha: cell.ha,
      stockTC: cell.stock_t_c,
    })),
    soilGroups: result.layers['soil-group']?.classes ?? {},
    landUses: result.layers['land-use']?.classes ?? {},
    synthetic: estimate?.synthetic ?? false,
  };
}

/** Adds `b` into `sum` (in place: a new record per area made the total quadratic). */
function addRecordInto(sum: Record<string, number>, b: Record<string, number>): void {
  for (const key in b) sum[key] = (sum[key] ?? 0) + (b[key] as number);
}

function sumRecords(records: Record<string, number>[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const record of records) addRecordInto(sum, record);
  return sum;
}

let lastTotal: { results: readonly AreaResult[]; figures: ResultFigures } | null = null;

const sameResults = (a: readonly AreaResult[], b: readonly AreaResult[]) =>
  a.length === b.length && a.every((result, index) => result === b[index]);

/**
 * The total over several areas: hectares, tonnes and potentials add up; means are weighted by the
 * hectares with data. Overlapping areas count their overlap twice. The results panel asks again on
 * every selection and rename, and 10,000 areas take tens of ms, so the same results (the same
 * objects, in the same order) as the last call give the last total back.
 */
export function totalOf(results: readonly AreaResult[]): ResultFigures {
  if (lastTotal && sameResults(lastTotal.results, results)) return lastTotal.figures;
  const figures = computeTotal(results);
  lastTotal = { results: [...results], figures };
  return figures;
}

function computeTotal(results: readonly AreaResult[]): ResultFigures {
  const each = results.map(figuresOf);
  const measures = new Map<string, MeasureResult>();
  for (const figures of each) {
    for (const measure of figures.measures) {
      const known = measures.get(measure.id);
      if (!known) measures.set(measure.id, { ...measure });
      else {
        known.ha += measure.ha;
        known.t_co2_per_yr = addRanges(known.t_co2_per_yr, measure.t_co2_per_yr);
        known.t_co2_horizon = addRanges(known.t_co2_horizon, measure.t_co2_horizon);
      }
    }
  }
  const peats = each.map((figures) => figures.peat).filter((peat) => peat !== null);
  const sealings = each.map((figures) => figures.sealing).filter((sealing) => sealing !== null);
  const cross = new Map<string, ResultFigures['cross'][number]>();
  for (const figures of each) {
    for (const cell of figures.cross) {
      const key = `${cell.soilGroup}|${cell.landUse}`;
      const known = cross.get(key);
      if (known) {
        known.ha += cell.ha;
        known.stockTC += cell.stockTC;
      } else cross.set(key, { ...cell });
    }
  }
  return {
    ...keyFiguresTotal(results, figuresOf),
    potentialHorizon: sumRanges(each.map((figures) => figures.potentialHorizon)),
    measures: [...measures.values()],
    peat: peats.length
      ? {
          ha: peats.reduce((sum, peat) => sum + peat.ha, 0),
          emission_t_co2_per_yr: sumRanges(peats.map((peat) => peat.emission_t_co2_per_yr)) ?? ZERO,
          avoided_t_co2_per_yr: sumRanges(peats.map((peat) => peat.avoided_t_co2_per_yr)) ?? ZERO,
        }
      : null,
    sealing: sealings.length
      ? {
          share_now:
            weightedMean(
              results,
              (r) => r.estimate?.sealing.share_now,
              (r) => r.area_ha,
            ) ?? 0,
          share_plan:
            weightedMean(
              results,
              (r) => r.estimate?.sealing.share_plan,
              (r) => r.area_ha,
            ) ?? 0,
          loss_t_c: sumRanges(sealings.map((sealing) => sealing.loss_t_c)) ?? ZERO,
          gain_t_c_horizon: sumRanges(sealings.map((sealing) => sealing.gain_t_c_horizon)) ?? ZERO,
        }
      : null,
    horizonYears: each.find((figures) => figures.horizonYears !== null)?.horizonYears ?? null,
    cross: [...cross.values()],
    soilGroups: sumRecords(each.map((figures) => figures.soilGroups)),
    landUses: sumRecords(each.map((figures) => figures.landUses)),
    synthetic: each.some((figures) => figures.synthetic),
  };
}
