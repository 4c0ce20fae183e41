/**
 * The rows, sorting and totals of the table of all areas (a batch): one row per area with the
 * key figures of DESIGN.md 7.4, and a totals row where hectares and tonnes add up and means are
 * weighted by the hectares with data. Pure, so the app, exports and tests share it.
 */
import type { AreaResult } from '../engine/types';
import type { Range } from '../estimate/types';
import { keyFiguresOf, stockValidHaOf } from './key-figures';

export interface BatchRow {
  /** Position in the input (0-based): the tie-breaker that keeps sorting stable. */
  index: number;
  id: string;
  name: string;
  /** False while the area has no result yet (queued, running or cancelled). */
  done: boolean;
  areaHa: number | null;
  /** Valid ha of the stock layer (else organic matter) / area, 0-100. */
  coveragePct: number | null;
  /** Mean sealed share now, 0-100. */
  sealedPct: number | null;
  /** Mean organic matter, mass %. */
  omMean: number | null;
  /** t C/ha. */
  stockMean: Range | null;
  /** t C. */
  stockTotal: Range | null;
  /** t CO2. */
  co2Total: Range | null;
  /** t C. */
  deficitTotal: Range | null;
  /** t CO2/yr under the scenario. */
  potentialYear: Range | null;
  /** Weights of the totals' means: valid ha of the stock, sealed and organic-matter layers. */
  stockValidHa: number;
  sealedValidHa: number;
  omValidHa: number;
}

/** The sortable columns, in table order. */
export const BATCH_COLUMNS = [
  'name',
  'areaHa',
  'coveragePct',
  'sealedPct',
  'omMean',
  'stockMean',
  'stockTotal',
  'co2Total',
  'deficitTotal',
  'potentialYear',
] as const;

export type BatchColumn = (typeof BATCH_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

/** The row of one area; without a result its figures are null. */
export function batchRowOf(
  index: number,
  area: { id: string; name: string },
  result: AreaResult | undefined,
): BatchRow {
  const empty: BatchRow = {
    index,
    id: area.id,
    name: area.name,
    done: false,
    areaHa: null,
    coveragePct: null,
    sealedPct: null,
    omMean: null,
    stockMean: null,
    stockTotal: null,
    co2Total: null,
    deficitTotal: null,
    potentialYear: null,
    stockValidHa: 0,
    sealedValidHa: 0,
    omValidHa: 0,
  };
  if (!result) return empty;
  const sealed = result.layers.sealed;
  const organicMatter = result.layers['organic-matter'];
  return {
    ...empty,
    ...keyFiguresOf(result),
    done: true,
    stockValidHa: stockValidHaOf(result) ?? 0,
    sealedValidHa: sealed?.mean == null ? 0 : sealed.valid_ha,
    omValidHa: organicMatter?.mean == null ? 0 : organicMatter.valid_ha,
  };
}

/** The number a column sorts by (the central value of a range); null sorts last. */
export function sortValue(row: BatchRow, column: Exclude<BatchColumn, 'name'>): number | null {
  const value = row[column];
  if (value === null) return null;
  return typeof value === 'number' ? value : value.central;
}

const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

/**
 * A sorted copy of `rows`: names in natural order ("Perceel 2" before "Perceel 10"), numbers by
 * value; rows without a value last in either direction; ties keep the input order.
 */
export function sortRows(
  rows: readonly BatchRow[],
  column: BatchColumn,
  direction: SortDirection,
): BatchRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  if (column === 'name') {
    return [...rows].sort((a, b) => sign * collator.compare(a.name, b.name) || a.index - b.index);
  }
  const keyed = rows.map((row) => ({ row, value: sortValue(row, column) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return a.row.index - b.row.index;
      return a.value === null ? 1 : -1;
    }
    return sign * (a.value - b.value) || a.row.index - b.row.index;
  });
  return keyed.map((entry) => entry.row);
}

function addRange(sum: Range | null, range: Range | null): Range | null {
  if (range === null) return sum;
  if (sum === null) return { ...range };
  return {
    low: sum.low + range.low,
    central: sum.central + range.central,
    high: sum.high + range.high,
  };
}

/** Totals of the rows with a result; `count` of them. Overlapping areas count twice. */
export interface BatchTotals {
  count: number;
  areaHa: number;
  coveragePct: number | null;
  sealedPct: number | null;
  omMean: number | null;
  stockMean: Range | null;
  stockTotal: Range | null;
  co2Total: Range | null;
  deficitTotal: Range | null;
  potentialYear: Range | null;
}

/**
 * Sums of hectares and tonnes (lows with lows, highs with highs); the coverage, sealed share and
 * organic matter weighted by the hectares with data; the mean stock = total stock / stock ha.
 */
export function batchTotals(rows: readonly BatchRow[]): BatchTotals {
  let count = 0;
  let areaHa = 0;
  let stockValidHa = 0;
  let sealedSum = 0;
  let sealedHa = 0;
  let omSum = 0;
  let omHa = 0;
  let hasStockLayer = false;
  let stockTotal: Range | null = null;
  let co2Total: Range | null = null;
  let deficitTotal: Range | null = null;
  let potentialYear: Range | null = null;
  for (const row of rows) {
    if (!row.done) continue;
    count++;
    areaHa += row.areaHa ?? 0;
    if (row.coveragePct !== null) hasStockLayer = true;
    stockValidHa += row.stockValidHa;
    if (row.sealedPct !== null) {
      sealedSum += row.sealedPct * row.sealedValidHa;
      sealedHa += row.sealedValidHa;
    }
    if (row.omMean !== null) {
      omSum += row.omMean * row.omValidHa;
      omHa += row.omValidHa;
    }
    stockTotal = addRange(stockTotal, row.stockTotal);
    co2Total = addRange(co2Total, row.co2Total);
    deficitTotal = addRange(deficitTotal, row.deficitTotal);
    potentialYear = addRange(potentialYear, row.potentialYear);
  }
  return {
    count,
    areaHa,
    coveragePct: hasStockLayer && areaHa > 0 ? (stockValidHa / areaHa) * 100 : null,
    sealedPct: sealedHa > 0 ? sealedSum / sealedHa : null,
    omMean: omHa > 0 ? omSum / omHa : null,
    stockMean:
      stockTotal && stockValidHa > 0
        ? {
            low: stockTotal.low / stockValidHa,
            central: stockTotal.central / stockValidHa,
            high: stockTotal.high / stockValidHa,
          }
        : null,
    stockTotal,
    co2Total,
    deficitTotal,
    potentialYear,
  };
}
