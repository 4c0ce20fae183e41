import { expect, test } from 'vitest';
import { createEstimateAccumulator } from './accumulator';
import { createDerivedCellRules } from './derived';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import type { CellValues, EstimateOptions } from './types';

const FROM_OM: EstimateOptions = {
  stockSource: 'organic-matter',
  stockRange: { low: 0.87, high: 1.15 },
  synthetic: false,
};

function cell(partial: Partial<CellValues>): CellValues {
  return { stock: NaN, organicMatter: NaN, soilGroup: 0, landUse: 0, sealed: NaN, ...partial };
}

const scenarios: Scenario[] = [
  DEFAULT_SCENARIO,
  {
    ...DEFAULT_SCENARIO,
    measures: { ...DEFAULT_SCENARIO.measures, agroforestry: { on: true, level: 'central' } },
  },
  {
    ...DEFAULT_SCENARIO,
    method: 'ipcc',
    measures: { ...DEFAULT_SCENARIO.measures, rotation: { on: true, level: 'high' } },
  },
];

test.each(scenarios.map((s, i) => [i, s] as const))(
  'scenario %i: one cell of the derived layers equals the area estimate of one hectare',
  (_i, scenario) => {
    const rules = createDerivedCellRules(scenario, FROM_OM);
    for (const landUse of [1, 2, 3, 6]) {
      for (const [om, soilGroup] of [
        [1.2, 5],
        [3, 4],
        [30, 1],
      ] as const) {
        const values = cell({ organicMatter: om, soilGroup, landUse });
        const accumulator = createEstimateAccumulator(scenario, FROM_OM);
        accumulator.add(values, 1);
        const estimate = accumulator.result(1);
        expect(rules.deficitTCPerHa(values)).toBeCloseTo(estimate.deficit_t_c.central, 9);
        expect(rules.potentialTCO2PerHaYr(values)).toBeCloseTo(
          estimate.potential_t_co2_per_yr.central,
          9,
        );
      }
    }
  },
);

test('the worked example as a pixel: 3.0 % OM arable sand, 3.007 t CO2/ha/yr, no deficit', () => {
  const rules = createDerivedCellRules(DEFAULT_SCENARIO, FROM_OM);
  const pixel = cell({ organicMatter: 3, soilGroup: 5, landUse: 1 });
  expect(rules.potentialTCO2PerHaYr(pixel)).toBeCloseTo(3.007, 3);
  expect(rules.deficitTCPerHa(pixel)).toBe(0);
  expect(rules.deficitTCPerHa(cell({ landUse: 1 }))).toBeNaN();
  expect(rules.potentialTCO2PerHaYr(cell({ organicMatter: 3 }))).toBeNaN();
});
