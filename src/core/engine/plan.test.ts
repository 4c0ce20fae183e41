import { describe, expect, test } from 'vitest';
import { syntheticLayers } from '../../../test/support/synthetic-layers';
import { planAnalysis } from './plan';

const grid = { originX: 150_000, originY: 470_000, cellSize: 25, width: 40, height: 30 };

describe('planAnalysis', () => {
  test('a measured stock layer is used as is, with its catalogue range', () => {
    const layers = syntheticLayers(grid);
    const stock = layers.find((layer) => layer.id === 'carbon-stock');
    if (!stock) throw new Error('stock');
    stock.meta.stock_range = [0.9, 1.2];
    const plan = planAnalysis(layers);
    expect(plan.groups).toHaveLength(1);
    expect(plan.cross).toBe(true);
    expect(plan.estimate).toEqual({
      stockSource: 'layer',
      stockRange: { low: 0.9, high: 1.2 },
      synthetic: true,
    });
  });

  test('a measured stock layer without a catalogue range has low = high = central', () => {
    const layers = syntheticLayers(grid);
    const stock = layers.find((layer) => layer.id === 'carbon-stock');
    if (!stock) throw new Error('stock');
    delete stock.meta.stock_range;
    expect(planAnalysis(layers).estimate?.stockRange).toEqual({ low: 1, high: 1 });
  });

  test('a stock layer derived from organic matter is recomputed from organic matter', () => {
    const layers = syntheticLayers(grid);
    const stock = layers.find((layer) => layer.id === 'carbon-stock');
    if (!stock) throw new Error('stock');
    stock.meta.derived_from = 'organic-matter';
    expect(planAnalysis(layers).estimate).toMatchObject({
      stockSource: 'organic-matter',
      stockRange: { low: 0.87, high: 1.15 },
    });
  });

  test('organic matter alone: stock from organic matter; no cross table, with a warning', () => {
    const plan = planAnalysis(syntheticLayers(grid, ['organic-matter', 'soil-group', 'land-use']));
    expect(plan.estimate?.stockSource).toBe('organic-matter');
    expect(plan.cross).toBe(false);
    expect(plan.warnings).toEqual([
      {
        kind: 'cross-omitted',
        code: 'errors.crossOmitted',
        params: { missing: 'carbon-stock', otherGrid: '-' },
        feature: null,
      },
    ]);
  });

  test('layers on another grid form their own group', () => {
    const coarse = { ...grid, cellSize: 50, width: 20, height: 15 };
    const layers = [
      ...syntheticLayers(grid, ['carbon-stock']),
      ...syntheticLayers(coarse, ['sealed']),
    ];
    const plan = planAnalysis(layers);
    expect(plan.groups.map((group) => group.layers.map((layer) => layer.id))).toEqual([
      ['carbon-stock'],
      ['sealed'],
    ]);
    expect(plan.reference).toBe(plan.groups[0]);
  });
});
