import { expect, test } from 'vitest';
import type { LayerId } from '../../core/raster/classes';
import { moveLayer } from './layer-order';

const order: LayerId[] = ['organic-matter', 'carbon-stock', 'sealed'];

test('moving up swaps a layer with the one drawn above it', () => {
  expect(moveLayer(order, 'organic-matter', 1)).toEqual([
    'carbon-stock',
    'organic-matter',
    'sealed',
  ]);
});

test('moving down swaps a layer with the one drawn below it', () => {
  expect(moveLayer(order, 'sealed', -1)).toEqual(['organic-matter', 'sealed', 'carbon-stock']);
});

test('the ends and unknown ids leave the order unchanged and do not mutate it', () => {
  expect(moveLayer(order, 'sealed', 1)).toEqual(order);
  expect(moveLayer(order, 'organic-matter', -1)).toEqual(order);
  expect(moveLayer(order, 'land-use', 1)).toEqual(order);
  expect(order).toEqual(['organic-matter', 'carbon-stock', 'sealed']);
});
