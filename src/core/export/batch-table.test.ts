import { describe, expect, test } from 'vitest';
import type { AreaResult } from '../engine/types';
import type { Estimate, Range } from '../estimate/types';
import { batchCsv, batchCsvHeader } from './batch-csv';
import { type BatchRow, batchRowOf, batchTotals, sortRows } from './batch-table';

const range = (central: number, spread = 0.1): Range => ({
  low: central * (1 - spread),
  central,
  high: central * (1 + spread),
});

/** A result with the figures the table reads: stock on `validHa` of `areaHa`. */
function result(
  areaHa: number,
  validHa: number,
  stockPerHa: number,
  sealedPct: number,
  om: number,
  potential: number,
): AreaResult {
  const stock = (mean: number) => ({
    covered_ha: areaHa,
    valid_ha: validHa,
    mean,
    min: mean,
    max: mean,
    sum_t: mean * validHa,
  });
  const estimate = {
    stock_t_c_per_ha: range(stockPerHa),
    stock_t_c: range(stockPerHa * validHa),
    stock_t_co2: range((stockPerHa * validHa * 44) / 12),
    deficit_t_c: range(0),
    potential_t_co2_per_yr: range(potential),
  } as Partial<Estimate> as Estimate;
  return {
    id: 'x',
    name: 'x',
    area_ha: areaHa,
    layers: {
      'carbon-stock': stock(stockPerHa),
      sealed: stock(sealedPct),
      'organic-matter': stock(om),
    },
    estimate,
  };
}

const rows: BatchRow[] = [
  batchRowOf(0, { id: 'a', name: 'Perceel 10' }, result(10, 10, 60, 0, 3, 8)),
  batchRowOf(1, { id: 'b', name: 'perceel 2' }, result(4, 2, 200, 50, 30, 1)),
  batchRowOf(2, { id: 'c', name: 'Perceel 1' }, undefined),
  batchRowOf(3, { id: 'd', name: 'Perceel 3' }, result(6, 6, 60, 10, 3, 8)),
];

describe('table of all areas: sorting', () => {
  test('names in natural order, case-insensitive', () => {
    expect(sortRows(rows, 'name', 'ascending').map((row) => row.id)).toEqual(['c', 'b', 'd', 'a']);
    expect(sortRows(rows, 'name', 'descending').map((row) => row.id)).toEqual(['a', 'd', 'b', 'c']);
  });

  test('numbers by value, areas without a result last in both directions, ties in input order', () => {
    expect(sortRows(rows, 'stockMean', 'ascending').map((row) => row.id)).toEqual([
      'a',
      'd',
      'b',
      'c',
    ]);
    expect(sortRows(rows, 'stockMean', 'descending').map((row) => row.id)).toEqual([
      'b',
      'a',
      'd',
      'c',
    ]);
    expect(sortRows(rows, 'areaHa', 'descending').map((row) => row.id)).toEqual([
      'a',
      'd',
      'b',
      'c',
    ]);
  });

  test('sorting leaves the input untouched', () => {
    const before = rows.map((row) => row.id);
    sortRows(rows, 'potentialYear', 'descending');
    expect(rows.map((row) => row.id)).toEqual(before);
  });
});

describe('table of all areas: totals', () => {
  test('sums and weighted means over the areas with a result', () => {
    const totals = batchTotals(rows);
    expect(totals.count).toBe(3);
    expect(totals.areaHa).toBe(20);
    // 18 of 20 ha have stock data.
    expect(totals.coveragePct).toBeCloseTo(90, 10);
    // Stock: 600 + 400 + 360 = 1360 t C over 18 ha.
    expect(totals.stockTotal?.central).toBeCloseTo(1360, 9);
    expect(totals.stockTotal?.low).toBeCloseTo(1224, 9);
    expect(totals.stockMean?.central).toBeCloseTo(1360 / 18, 9);
    expect(totals.co2Total?.central).toBeCloseTo((1360 * 44) / 12, 9);
    // Sealed and organic matter weighted by their valid hectares (10, 2, 6).
    expect(totals.sealedPct).toBeCloseTo((0 * 10 + 50 * 2 + 10 * 6) / 18, 9);
    expect(totals.omMean).toBeCloseTo((3 * 10 + 30 * 2 + 3 * 6) / 18, 9);
    expect(totals.potentialYear).toEqual({ low: 17 * 0.9, central: 17, high: 17 * 1.1 });
    expect(totals.deficitTotal?.central).toBe(0);
  });

  test('no results: nothing to add up', () => {
    const totals = batchTotals([rows[2] as BatchRow]);
    expect(totals).toMatchObject({ count: 0, areaHa: 0, coveragePct: null, stockTotal: null });
  });
});

describe('table of all areas: CSV', () => {
  test('Dutch: semicolons, decimal commas, BOM, comment, one row per area', () => {
    const text = batchCsv(rows, 'nl', 'Methode nl; bron: demo, synthetisch');
    expect(text.startsWith('\uFEFF# Methode nl bron: demo synthetisch\r\n')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toBe(batchCsvHeader().join(';'));
    const first = (lines[2] as string).split(';');
    expect(first.slice(0, 6)).toEqual(['a', 'Perceel 10', '10', '100', '0', '3']);
    expect(first[batchCsvHeader().indexOf('stock_t_c_per_ha_low')]).toBe('54');
    expect(first[batchCsvHeader().indexOf('stock_t_co2_central')]).toBe('2200');
    expect((lines[3] as string).split(';')[5]).toBe('30');
    expect(lines[4]).toBe(`c;Perceel 1${';'.repeat(batchCsvHeader().length - 2)}`);
  });

  test('English: commas and points; names with a separator are quoted', () => {
    const named = [{ ...(rows[3] as BatchRow), name: 'Veld "Noord", oost' }];
    const lines = batchCsv(named, 'en').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(batchCsvHeader().join(','));
    expect(lines[1]?.startsWith('d,"Veld ""Noord"", oost",6,100,10,3,54,60,66,')).toBe(true);
    expect(batchCsv([rows[1] as BatchRow], 'nl')).toContain(';200;220;');
  });
});
