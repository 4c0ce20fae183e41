import { describe, expect, test } from 'vitest';
import type { AreaResult } from '../../core/engine/types';
import type { Estimate } from '../../core/estimate/types';
import { figuresOf, totalOf } from './results-model';

const range = (central: number) => ({ low: central * 0.9, central, high: central * 1.1 });

function result(id: string, areaHa: number, validHa: number, stockPerHa: number): AreaResult {
  const stock = stockPerHa * validHa;
  const estimate: Estimate = {
    stock_t_c_per_ha: range(stockPerHa),
    stock_t_c: range(stock),
    stock_t_co2: range((stock * 44) / 12),
    deficit_t_c: range(10),
    measures: [
      {
        id: 'cover-crops',
        on: true,
        ha: validHa,
        t_co2_per_yr: range(validHa),
        t_co2_horizon: range(validHa * 20),
        disputed: false,
      },
    ],
    potential_t_co2_per_yr: range(validHa),
    potential_t_co2_horizon: range(validHa * 20),
    peat: { ha: 0, emission_t_co2_per_yr: range(0), avoided_t_co2_per_yr: range(0) },
    sealing: { share_now: 0.1, share_plan: 0.1, loss_t_c: range(0), gain_t_c_horizon: range(0) },
    method: 'nl',
    horizon_years: 20,
    synthetic: true,
  };
  const stats = (mean: number) => ({
    covered_ha: areaHa,
    valid_ha: validHa,
    mean,
    min: mean,
    max: mean,
    sum_t: mean * validHa,
  });
  return {
    id,
    name: id,
    area_ha: areaHa,
    layers: {
      'carbon-stock': stats(stockPerHa),
      'organic-matter': stats(3),
      sealed: stats(10),
      'soil-group': { covered_ha: areaHa, valid_ha: validHa, classes: { zand: validHa } },
    },
    cross: [{ soil_group: 'zand', land_use: 'akker', ha: validHa, stock_t_c: stock }],
    estimate,
  };
}

describe('figuresOf', () => {
  test('coverage is the stock layer valid ha over the area, in percent', () => {
    const figures = figuresOf(result('a', 100, 80, 60));
    expect(figures.coveragePct).toBeCloseTo(80, 10);
    expect(figures.sealedPct).toBe(10);
    expect(figures.stockTotal?.central).toBe(4800);
    expect(figures.synthetic).toBe(true);
  });

  test('without an estimate the stock mean comes from the layer and totals are null', () => {
    const plain = { ...result('a', 100, 100, 50), estimate: null };
    expect(figuresOf(plain).stockMean).toEqual({ low: 50, central: 50, high: 50 });
    expect(figuresOf(plain).stockTotal).toBeNull();
  });
});

describe('totalOf', () => {
  test('tonnes and hectares add up; the mean stock is weighted by the hectares with data', () => {
    const total = totalOf([result('a', 100, 100, 60), result('b', 300, 100, 40)]);
    expect(total.areaHa).toBe(400);
    expect(total.coveragePct).toBeCloseTo(50, 10);
    expect(total.stockTotal).toEqual({ low: 9000, central: 10000, high: 11000 });
    expect(total.stockMean?.central).toBeCloseTo(50, 10);
    expect(total.measures).toHaveLength(1);
    expect(total.measures[0]?.ha).toBe(200);
    expect(total.cross).toEqual([{ soilGroup: 'zand', landUse: 'akker', ha: 200, stockTC: 10000 }]);
    expect(total.soilGroups).toEqual({ zand: 200 });
  });

  test('the same results give the same total object back; a changed one computes it again', () => {
    const a = result('a', 100, 100, 60);
    const b = result('b', 300, 100, 40);
    const first = totalOf([a, b]);
    expect(totalOf([a, b])).toBe(first);
    const changed = totalOf([a, result('b', 300, 100, 40)]);
    expect(changed).not.toBe(first);
    expect(changed).toEqual(first);
    expect(totalOf([a]).areaHa).toBe(100);
    expect(totalOf([b, a])).not.toBe(first);
  });

  test("the total leaves each area's figures as they were", () => {
    const a = result('a', 100, 100, 60);
    const b = result('b', 300, 100, 40);
    const before = structuredClone(figuresOf(a));
    totalOf([a, b]);
    totalOf([b, a]);
    expect(figuresOf(a)).toEqual(before);
    expect(a.layers['soil-group']?.classes).toEqual({ zand: 100 });
  });

  test('ranges of areas without them are left out; none at all gives null', () => {
    const plain = { ...result('b', 300, 100, 40), estimate: null };
    const a = result('a', 100, 100, 60);
    expect(totalOf([a, plain]).stockTotal).toEqual(a.estimate?.stock_t_c);
    expect(totalOf([plain]).stockTotal).toBeNull();
  });
});

describe('figuresOf, cached', () => {
  test('the same result gives the same figures object; an equal copy its own', () => {
    const a = result('a', 100, 100, 60);
    expect(figuresOf(a)).toBe(figuresOf(a));
    expect(figuresOf({ ...a })).not.toBe(figuresOf(a));
    expect(figuresOf({ ...a })).toEqual(figuresOf(a));
  });
});
