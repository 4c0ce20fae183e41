import { expect, test } from 'vitest';
import { COEFFICIENTS, isRateMeasure } from './coefficients';
import { MEASURE_IDS } from './scenario';

function ranges(
  value: unknown,
  path = '',
): Array<[string, { low: number; central: number; high: number }]> {
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (['low', 'central', 'high'].every((k) => typeof record[k] === 'number')) {
    return [[path, record as { low: number; central: number; high: number }]];
  }
  return Object.entries(record).flatMap(([key, child]) => ranges(child, `${path}.${key}`));
}

test('every range in the coefficient file is ordered low <= central <= high', () => {
  const all = ranges(COEFFICIENTS);
  expect(all.length).toBeGreaterThan(10);
  for (const [path, range] of all) {
    expect({ path, ordered: range.low <= range.central && range.central <= range.high }).toEqual({
      path,
      ordered: true,
    });
  }
});

test('every measure of the scenario has a coefficient with a source and land uses', () => {
  for (const id of MEASURE_IDS) {
    const measure = COEFFICIENTS.measures[id];
    expect(measure.source.length).toBeGreaterThan(10);
    expect(measure.applies_to.length).toBeGreaterThan(0);
  }
  expect(isRateMeasure(COEFFICIENTS.measures.agroforestry)).toBe(false);
  expect(COEFFICIENTS.measures['reduced-tillage'].disputed).toBe(true);
});

test('every coefficient names its source', () => {
  const walk = (value: unknown, path: string): void => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    if ('value' in record && 'unit' in record && path.split('.')[1] !== 'ipcc') {
      expect({ path, source: typeof record.source }).toEqual({ path, source: 'string' });
    }
    for (const [key, child] of Object.entries(record)) walk(child, `${path}.${key}`);
  };
  walk(COEFFICIENTS, '');
  expect(COEFFICIENTS.ipcc.source).toMatch(/IPCC/);
});
