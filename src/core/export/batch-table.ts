/**
 * The rows, sorting and totals of the table of all areas (a batch): one row per area with the
 * key figures of DESIGN.md 7.4, and a totals row where hectares and tonnes add up and means are
 * weighted by the hectares with data. Pure, so the app, exports and tests share it.
 */
import type { AreaResult } from '../engine/types';
import { type KeyFigures, keyFiguresOf, keyFiguresTotal } from './key-figures';

/** One area's row: its key figures (null until it has a result). */
export type BatchRow = {
  /** Position in the input (0-based): the tie-breaker that keeps sorting stable. */
  index: number;
  id: string;
  name: string;
  /** False while the area has no result yet (queued, running or cancelled). */
  done: boolean;
  /** The result the figures come from, for the totals. */
  result: AreaResult | null;
} & { [Key in keyof KeyFigures]: KeyFigures[Key] | null };

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
  const row = { index, id: area.id, name: area.name };
  if (result) return { ...row, ...keyFiguresOf(result), done: true, result };
  return {
    ...row,
    done: false,
    result: null,
    areaHa: null,
    coveragePct: null,
    sealedPct: null,
    omMean: null,
    stockMean: null,
    stockTotal: null,
    co2Total: null,
    deficitTotal: null,
    potentialYear: null,
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

/** Totals of the rows with a result; `count` of them. Overlapping areas count twice. */
export interface BatchTotals extends KeyFigures {
  count: number;
}

/** The totals of the rows with a result, by the one rule of `keyFiguresTotal`. */
export function batchTotals(rows: readonly BatchRow[]): BatchTotals {
  const results = rows.flatMap((row) => (row.result ? [row.result] : []));
  return { count: results.length, ...keyFiguresTotal(results) };
}
