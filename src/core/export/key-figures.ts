import type { AreaResult } from '../engine/types';
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
    coveragePct: validHa === null || result.area_ha === 0 ? null : (validHa / result.area_ha) * 100,
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
