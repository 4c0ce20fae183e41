import type { AreaResult } from '../engine/types';
import { sumRanges } from '../estimate/range';
import type { Range } from '../estimate/types';

/** The key figures of one area (DESIGN.md 7.4), as the results panel and the batch table show them. */
export interface KeyFigures {
  areaHa: number;
  /** Valid ha of the stock layer (else organic matter) / area, 0-100; null without such a layer. */
  coveragePct: number | null;
  /** Mean sealed share now, % (0-100). */
  sealedPct: number | null;
  /** Mean organic matter, mass %. */
  omMean: number | null;
  /** t C/ha: the estimate's range, else the stock layer's mean as a point range. */
  stockMean: Range | null;
  /** t C. */
  stockTotal: Range | null;
  /** t CO2. */
  co2Total: Range | null;
  /** t C. */
  deficitTotal: Range | null;
  /** t CO2/yr under the scenario. */
  potentialYear: Range | null;
}

/** `part` as a percentage of `whole`, within 0-100 (rounding can pass 100); null without a whole. */
export function percentOf(part: number, whole: number): number | null {
  if (!(whole > 0) || !Number.isFinite(whole) || !Number.isFinite(part)) return null;
  return Math.min(100, Math.max(0, (part / whole) * 100));
}

/** Valid hectares of the stock layer (else the organic-matter layer); null without either. */
export function stockValidHaOf(result: AreaResult): number | null {
  const layer = result.layers['carbon-stock'] ?? result.layers['organic-matter'];
  return layer ? layer.valid_ha : null;
}

/** The key figures of one area's result. */
export function keyFiguresOf(result: AreaResult): KeyFigures {
  const estimate = result.estimate;
  const validHa = stockValidHaOf(result);
  const stockMean = result.layers['carbon-stock']?.mean;
  return {
    areaHa: result.area_ha,
    coveragePct: validHa === null ? null : percentOf(validHa, result.area_ha),
    sealedPct: result.layers.sealed?.mean ?? null,
    omMean: result.layers['organic-matter']?.mean ?? null,
    stockMean:
      estimate?.stock_t_c_per_ha ??
      (stockMean == null ? null : { low: stockMean, central: stockMean, high: stockMean }),
    stockTotal: estimate?.stock_t_c ?? null,
    co2Total: estimate?.stock_t_co2 ?? null,
    deficitTotal: estimate?.deficit_t_c ?? null,
    potentialYear: estimate?.potential_t_co2_per_yr ?? null,
  };
}

/** Mean of `value` over the items that have one, weighted by `weight`; null when none has. */
export function weightedMean<T>(
  items: readonly T[],
  value: (item: T) => number | null | undefined,
  weight: (item: T) => number,
): number | null {
  let sum = 0;
  let total = 0;
  for (const item of items) {
    const each = value(item);
    if (each === null || each === undefined) continue;
    sum += each * weight(item);
    total += weight(item);
  }
  return total > 0 ? sum / total : null;
}

/**
 * The key figures of several areas together: hectares and tonnes add up (lows with lows, highs
 * with highs); coverage, sealed share and organic matter are weighted by the hectares with data;
 * the mean stock is the total stock over the stock layer's valid hectares. Overlaps count twice.
 * `figuresOf` may hand out figures already derived (the results panel caches them per result).
 */
export function keyFiguresTotal(
  results: readonly AreaResult[],
  figuresOf: (result: AreaResult) => KeyFigures = keyFiguresOf,
): KeyFigures {
  const each = results.map(figuresOf);
  const areaHa = each.reduce((sum, figures) => sum + figures.areaHa, 0);
  const validHa = results.reduce((sum, result) => sum + (stockValidHaOf(result) ?? 0), 0);
  const hasStockLayer = results.some((result) => stockValidHaOf(result) !== null);
  const stockTotal = sumRanges(each.map((figures) => figures.stockTotal));
  return {
    areaHa,
    coveragePct: hasStockLayer ? percentOf(validHa, areaHa) : null,
    sealedPct: weightedMean(
      results,
      (result) => result.layers.sealed?.mean,
      (result) => result.layers.sealed?.valid_ha ?? 0,
    ),
    omMean: weightedMean(
      results,
      (result) => result.layers['organic-matter']?.mean,
      (result) => result.layers['organic-matter']?.valid_ha ?? 0,
    ),
    stockMean:
      stockTotal && validHa > 0
        ? {
            low: stockTotal.low / validHa,
            central: stockTotal.central / validHa,
            high: stockTotal.high / validHa,
          }
        : null,
    stockTotal,
    co2Total: sumRanges(each.map((figures) => figures.co2Total)),
    deficitTotal: sumRanges(each.map((figures) => figures.deficitTotal)),
    potentialYear: sumRanges(each.map((figures) => figures.potentialYear)),
  };
}
