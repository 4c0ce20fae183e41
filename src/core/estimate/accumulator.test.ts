import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createEstimateAccumulator } from './accumulator';
import { bulkDensityBroFit, stockFromOrganicMatter } from './pedotransfer';
import { DEFAULT_SCENARIO, type MeasureId, type Scenario } from './scenario';
import type { CellValues, Estimate, EstimateOptions, Range } from './types';

const FROM_OM: EstimateOptions = {
  stockSource: 'organic-matter',
  stockRange: { low: 0.87, high: 1.15 },
  synthetic: false,
};
const MEASURED: EstimateOptions = {
  stockSource: 'layer',
  stockRange: { low: 1, high: 1 },
  synthetic: false,
};

// Class codes of DESIGN.md 7.1.
const SOIL = { veen: 1, moerig: 2, zeeklei: 3, rivierklei: 4, zand: 5, loss: 6 } as const;
const USE = { akker: 1, grasland: 2, bos: 3, natuur: 4, groen: 5, bebouwd: 6, water: 7 } as const;

function cell(partial: Partial<CellValues>): CellValues {
  return { stock: NaN, organicMatter: NaN, soilGroup: 0, landUse: 0, sealed: NaN, ...partial };
}

function scenarioWith(patch: Partial<Scenario>, measures: Partial<Scenario['measures']> = {}) {
  return { ...DEFAULT_SCENARIO, ...patch, measures: { ...DEFAULT_SCENARIO.measures, ...measures } };
}

/** 100 ha as 100 cells of 1 ha each (the accumulator sums weights, so the split must not matter). */
function run(
  scenario: Scenario,
  options: EstimateOptions,
  cells: Array<[CellValues, number]>,
): Estimate {
  const accumulator = createEstimateAccumulator(scenario, options);
  let area = 0;
  for (const [values, ha] of cells) {
    accumulator.add(values, ha);
    area += ha;
  }
  return accumulator.result(area);
}

function many(values: CellValues, totalHa: number, pieces = 100): Array<[CellValues, number]> {
  return Array.from({ length: pieces }, () => [values, totalHa / pieces] as [CellValues, number]);
}

function measure(estimate: Estimate, id: MeasureId) {
  const found = estimate.measures.find((m) => m.id === id);
  if (!found) throw new Error(`measure ${id} missing`);
  return found;
}

function expectOrdered(range: Range) {
  expect(range.low).toBeLessThanOrEqual(range.central + 1e-9);
  expect(range.central).toBeLessThanOrEqual(range.high + 1e-9);
}

const sandArable = cell({ organicMatter: 3, soilGroup: SOIL.zand, landUse: USE.akker, sealed: 0 });

describe("DESIGN.md's worked example: 100 ha arable on sand, 3.0 % OM, default scenario", () => {
  const estimate = run(DEFAULT_SCENARIO, FROM_OM, many(sandArable, 100));

  test('bulk density 1.3355 g/cm3 and stock 60.1 (52.3-69.1) t C/ha', () => {
    expect(bulkDensityBroFit(3)).toBeCloseTo(1.3355, 4);
    const perHa = estimate.stock_t_c_per_ha;
    expect(perHa?.central).toBeCloseTo(60.1, 1);
    expect(perHa?.low).toBeCloseTo(52.3, 1);
    expect(perHa?.high).toBeCloseTo(69.1, 1);
  });

  test('total 6,009.6 t C = 22,035 t CO2', () => {
    expect(estimate.stock_t_c.central).toBeCloseTo(6009.6, 1);
    expect(Math.round(estimate.stock_t_co2.central)).toBe(22035);
  });

  test('stock at the 2.25 % target is 47.1 t C/ha, so the deficit is 0', () => {
    expect(stockFromOrganicMatter(2.25)).toBeCloseTo(47.1, 1);
    expect(estimate.deficit_t_c).toEqual({ low: 0, central: 0, high: 0 });
  });

  test('measures: 82 t C/yr = 300.7 (220.0-311.7) t CO2/yr, 6,013 t CO2 over 20 years', () => {
    expect(estimate.potential_t_co2_per_yr.central).toBeCloseTo(300.7, 1);
    expect(estimate.potential_t_co2_per_yr.central / (44 / 12)).toBeCloseTo(82, 6);
    expect(estimate.potential_t_co2_per_yr.low).toBeCloseTo(220.0, 1);
    expect(estimate.potential_t_co2_per_yr.high).toBeCloseTo(311.7, 1);
    expect(Math.round(estimate.potential_t_co2_horizon.central)).toBe(6013);
    expect(estimate.horizon_years).toBe(20);
  });

  test('every measure is listed; the three defaults are on; tillage is disputed', () => {
    expect(estimate.measures.map((m) => m.id)).toEqual([
      'cover-crops',
      'compost',
      'residues',
      'rotation',
      'arable-to-grassland',
      'reduced-tillage',
      'agroforestry',
    ]);
    expect(estimate.measures.filter((m) => m.on).map((m) => m.id)).toEqual([
      'cover-crops',
      'compost',
      'residues',
    ]);
    expect(measure(estimate, 'reduced-tillage').disputed).toBe(true);
    expect(measure(estimate, 'reduced-tillage').t_co2_per_yr.central).toBe(0);
    expect(measure(estimate, 'reduced-tillage').t_co2_per_yr.low).toBe(0);
    expect(measure(estimate, 'reduced-tillage').t_co2_per_yr.high).toBeGreaterThan(0);
    expect(estimate.measures.filter((m) => m.disputed).map((m) => m.id)).toEqual([
      'reduced-tillage',
    ]);
  });

  test('method, synthetic flag and no peat', () => {
    expect(estimate.method).toBe('nl');
    expect(estimate.synthetic).toBe(false);
    expect(estimate.peat.ha).toBe(0);
    expect(estimate.peat.emission_t_co2_per_yr.central).toBe(0);
  });
});

test('2-2.5 % OM on sand gives 42.5-51.6 t C/ha with the default bulk density', () => {
  expect(stockFromOrganicMatter(2)).toBeCloseTo(42.5, 1);
  expect(stockFromOrganicMatter(2.5)).toBeCloseTo(51.6, 1);
});

describe('deficit', () => {
  test('per cell to 2-2.5 % on sand: low against the high stock, high against the low stock', () => {
    const om = 1.5;
    const stock = stockFromOrganicMatter(om);
    const estimate = run(
      DEFAULT_SCENARIO,
      FROM_OM,
      many(cell({ organicMatter: om, soilGroup: SOIL.zand, landUse: USE.akker }), 10),
    );
    expect(estimate.deficit_t_c.central).toBeCloseTo(
      (stockFromOrganicMatter(2.25) - stock) * 10,
      6,
    );
    expect(estimate.deficit_t_c.low).toBeCloseTo(
      Math.max(0, stockFromOrganicMatter(2) - stock * 1.15) * 10,
      6,
    );
    expect(estimate.deficit_t_c.high).toBeCloseTo(
      (stockFromOrganicMatter(2.5) - stock * 0.87) * 10,
      6,
    );
  });

  test('river clay takes 4 %, marine clay 2.5 % (scenario choice), peat none', () => {
    const om = 3;
    const stock = stockFromOrganicMatter(om);
    const river = run(DEFAULT_SCENARIO, FROM_OM, [
      [cell({ organicMatter: om, soilGroup: SOIL.rivierklei }), 1],
    ]);
    expect(river.deficit_t_c.central).toBeCloseTo(stockFromOrganicMatter(4) - stock, 6);
    const marine = run(DEFAULT_SCENARIO, FROM_OM, [
      [cell({ organicMatter: 2, soilGroup: SOIL.zeeklei }), 1],
    ]);
    expect(marine.deficit_t_c.central).toBeCloseTo(
      stockFromOrganicMatter(2.5) - stockFromOrganicMatter(2),
      6,
    );
    const heavierMarine = run(
      { ...DEFAULT_SCENARIO, clay_target_pct: { rivierklei: 4, zeeklei: 4 } },
      FROM_OM,
      [[cell({ organicMatter: 2, soilGroup: SOIL.zeeklei }), 1]],
    );
    expect(heavierMarine.deficit_t_c.central).toBeCloseTo(
      stockFromOrganicMatter(4) - stockFromOrganicMatter(2),
      6,
    );
    for (const group of [SOIL.veen, SOIL.moerig]) {
      const peat = run(DEFAULT_SCENARIO, FROM_OM, [
        [cell({ organicMatter: 1, soilGroup: group }), 1],
      ]);
      expect(peat.deficit_t_c).toEqual({ low: 0, central: 0, high: 0 });
    }
  });
});

describe('stock options', () => {
  test('f_C 0.58 scales the stock from OM by 0.58/0.5', () => {
    const base = run(DEFAULT_SCENARIO, FROM_OM, many(sandArable, 100));
    const vanBemmelen = run({ ...DEFAULT_SCENARIO, f_c: 0.58 }, FROM_OM, many(sandArable, 100));
    expect(vanBemmelen.stock_t_c.central / base.stock_t_c.central).toBeCloseTo(0.58 / 0.5, 10);
    expect(vanBemmelen.stock_t_c.central).toBeCloseTo(
      3 * 0.58 * bulkDensityBroFit(3) * 30 * 100,
      6,
    );
  });

  test('OBIC bulk density: sand 1/(0.02525 OM + 0.6541), clay polynomial, peat keeps the BRO fit', () => {
    const obic = { ...DEFAULT_SCENARIO, bd: 'obic' as const };
    const sand = run(obic, FROM_OM, [[sandArable, 1]]);
    expect(sand.stock_t_c.central).toBeCloseTo((3 * 0.5 * 30) / (0.02525 * 3 + 0.6541), 6);
    const clay = run(obic, FROM_OM, [[cell({ organicMatter: 3, soilGroup: SOIL.rivierklei }), 1]]);
    const bdClay = 6.7e-7 * 81 - 7.792e-5 * 27 + 0.00314712 * 9 - 0.06039523 * 3 + 1.33932206;
    expect(clay.stock_t_c.central).toBeCloseTo(3 * 0.5 * bdClay * 30, 6);
    const peat = run(obic, FROM_OM, [[cell({ organicMatter: 40, soilGroup: SOIL.veen }), 1]]);
    expect(peat.stock_t_c.central).toBeCloseTo(40 * 0.5 * bulkDensityBroFit(40) * 30, 6);
  });

  test('a measured stock layer is used as is, with low = high = central', () => {
    const estimate = run(DEFAULT_SCENARIO, MEASURED, [
      [cell({ stock: 80, organicMatter: 3, soilGroup: SOIL.zand }), 2],
      [cell({ stock: 40, soilGroup: SOIL.zand }), 1],
      [cell({ organicMatter: 3, soilGroup: SOIL.zand }), 5],
    ]);
    expect(estimate.stock_t_c).toEqual({ low: 200, central: 200, high: 200 });
    expect(estimate.stock_t_c_per_ha).toEqual({ low: 200 / 3, central: 200 / 3, high: 200 / 3 });
  });

  test('no stock data at all: per-hectare stock is null and totals are 0', () => {
    const estimate = run(DEFAULT_SCENARIO, MEASURED, [[cell({ landUse: USE.akker }), 3]]);
    expect(estimate.stock_t_c_per_ha).toBeNull();
    expect(estimate.stock_t_c.central).toBe(0);
  });
});

describe('measures', () => {
  const allOn = scenarioWith(
    {},
    {
      rotation: { on: true, level: 'central' },
      'reduced-tillage': { on: true, level: 'central' },
    },
  );

  test.each([
    [
      'akker',
      USE.akker,
      [
        'cover-crops',
        'compost',
        'residues',
        'rotation',
        'arable-to-grassland',
        'reduced-tillage',
        'agroforestry',
      ],
    ],
    ['grasland', USE.grasland, ['compost', 'agroforestry']],
    ['bos', USE.bos, []],
    ['natuur', USE.natuur, []],
    ['stedelijk groen', USE.groen, []],
    ['bebouwd', USE.bebouwd, []],
    ['water', USE.water, []],
  ])('on %s only the fitting measures have hectares', (_name, landUse, expected) => {
    const estimate = run(allOn, FROM_OM, [
      [cell({ organicMatter: 3, soilGroup: SOIL.zand, landUse }), 10],
    ]);
    const withHectares = estimate.measures.filter((m) => m.ha > 0).map((m) => m.id);
    expect(withHectares).toEqual(expected);
    for (const m of estimate.measures) {
      if (m.ha === 0) expect(m.t_co2_per_yr).toEqual({ low: 0, central: 0, high: 0 });
    }
  });

  test('management measures on the same hectare add up', () => {
    const estimate = run(allOn, FROM_OM, many(sandArable, 100));
    const yearly = (0.3 + 0.4 + 0.12 + 0.1 + 0) * 100 * (44 / 12);
    expect(estimate.potential_t_co2_per_yr.central).toBeCloseTo(yearly, 6);
  });

  test('arable -> grassland replaces the arable management measures on its hectares', () => {
    const scenario = scenarioWith({}, { 'arable-to-grassland': { on: true, level: 'central' } });
    const estimate = run(scenario, FROM_OM, [
      [sandArable, 10],
      [cell({ organicMatter: 3, soilGroup: SOIL.zand, landUse: USE.grasland }), 5],
    ]);
    expect(measure(estimate, 'cover-crops').ha).toBe(0);
    expect(measure(estimate, 'residues').ha).toBe(0);
    expect(measure(estimate, 'compost').ha).toBe(5);
    expect(measure(estimate, 'arable-to-grassland').ha).toBe(10);
    const yearly = (1.1 * 10 + 0.4 * 5) * (44 / 12);
    expect(estimate.potential_t_co2_per_yr.central).toBeCloseTo(yearly, 6);
  });

  test('agroforestry gains 40 % (20-40 %) of the stock over 20 years', () => {
    const scenario = scenarioWith(
      {},
      {
        'cover-crops': { on: false, level: 'central' },
        compost: { on: false, level: 'central' },
        residues: { on: false, level: 'central' },
        agroforestry: { on: true, level: 'central' },
      },
    );
    const estimate = run(scenario, FROM_OM, many(sandArable, 100));
    const stock = stockFromOrganicMatter(3) * 100;
    const agroforestry = measure(estimate, 'agroforestry');
    expect(agroforestry.t_co2_horizon.central).toBeCloseTo(0.4 * stock * (44 / 12), 6);
    expect(agroforestry.t_co2_horizon.low).toBeCloseTo(0.2 * stock * 0.87 * (44 / 12), 6);
    expect(agroforestry.t_co2_horizon.high).toBeCloseTo(0.4 * stock * 1.15 * (44 / 12), 6);
    expect(estimate.potential_t_co2_horizon.central).toBeCloseTo(
      agroforestry.t_co2_horizon.central,
      6,
    );
  });

  test('a horizon beyond 20 years stops at 20; a shorter one is linear', () => {
    const long = run({ ...DEFAULT_SCENARIO, horizon_years: 50 }, FROM_OM, many(sandArable, 100));
    expect(long.potential_t_co2_horizon.central).toBeCloseTo(
      long.potential_t_co2_per_yr.central * 20,
      6,
    );
    expect(long.horizon_years).toBe(50);
    const short = run({ ...DEFAULT_SCENARIO, horizon_years: 5 }, FROM_OM, many(sandArable, 100));
    expect(short.potential_t_co2_horizon.central).toBeCloseTo(
      short.potential_t_co2_per_yr.central * 5,
      6,
    );
  });

  test('the level of a measure picks its central value inside the range', () => {
    const scenario = scenarioWith({}, { 'cover-crops': { on: true, level: 'high' } });
    const estimate = run(scenario, FROM_OM, [[sandArable, 1]]);
    expect(measure(estimate, 'cover-crops').t_co2_per_yr.central).toBeCloseTo(0.33 * (44 / 12), 9);
  });

  test('a measure that is off is listed with what it would add, but not in the potential', () => {
    const estimate = run(DEFAULT_SCENARIO, FROM_OM, [[sandArable, 1]]);
    const rotation = measure(estimate, 'rotation');
    expect(rotation.on).toBe(false);
    expect(rotation.t_co2_per_yr.central).toBeCloseTo(0.1 * (44 / 12), 9);
    expect(estimate.potential_t_co2_per_yr.central).toBeCloseTo(0.82 * (44 / 12), 9);
  });

  test('IPCC method: factor ratios applied to the survey stock over 20 years', () => {
    const scenario = scenarioWith(
      { method: 'ipcc' },
      { 'arable-to-grassland': { on: false, level: 'central' } },
    );
    const estimate = run(scenario, FROM_OM, many(sandArable, 100));
    const stock = stockFromOrganicMatter(3) * 100;
    expect(estimate.method).toBe('ipcc');
    expect(measure(estimate, 'cover-crops').t_co2_per_yr.central).toBeCloseTo(
      ((stock * (1.11 - 1)) / 20) * (44 / 12),
      6,
    );
    expect(measure(estimate, 'residues').t_co2_per_yr.central).toBeCloseTo(
      ((stock * (1 / 0.92 - 1)) / 20) * (44 / 12),
      6,
    );
    expect(measure(estimate, 'arable-to-grassland').t_co2_per_yr.central).toBeCloseTo(
      ((stock * (1 / 0.69 - 1)) / 20) * (44 / 12),
      6,
    );
    const tillage = measure(estimate, 'reduced-tillage');
    expect(tillage.t_co2_per_yr.low).toBe(0);
    expect(tillage.t_co2_per_yr.central).toBe(0);
    expect(tillage.t_co2_per_yr.high).toBeCloseTo(((stock * 1.15 * 0.08) / 20) * (44 / 12), 6);
  });
});

describe('peat', () => {
  const peatCells = many(
    cell({ organicMatter: 40, soilGroup: SOIL.veen, landUse: USE.grasland }),
    100,
  );

  test('a 10 cm higher water table on 100 ha of peat avoids 460 (400-540) t CO2/yr', () => {
    const estimate = run({ ...DEFAULT_SCENARIO, peat_water_cm: 10 }, FROM_OM, peatCells);
    expect(estimate.peat.ha).toBeCloseTo(100, 9);
    expect(estimate.peat.avoided_t_co2_per_yr.central).toBeCloseTo(460, 6);
    expect(estimate.peat.avoided_t_co2_per_yr.low).toBeCloseTo(400, 6);
    expect(estimate.peat.avoided_t_co2_per_yr.high).toBeCloseTo(540, 6);
    expect(estimate.peat.emission_t_co2_per_yr).toEqual({ low: 1380, central: 1380, high: 1380 });
  });

  test('the avoided emission is capped at the emission and never negative', () => {
    const high = run({ ...DEFAULT_SCENARIO, peat_water_cm: 100 }, FROM_OM, peatCells);
    expect(high.peat.avoided_t_co2_per_yr).toEqual({ low: 1380, central: 1380, high: 1380 });
    const lower = run({ ...DEFAULT_SCENARIO, peat_water_cm: -20 }, FROM_OM, peatCells);
    expect(lower.peat.avoided_t_co2_per_yr).toEqual({ low: 0, central: 0, high: 0 });
  });

  test('peat hectares: veen and moerig, any land use but water and built-up; not in the potential', () => {
    const estimate = run({ ...DEFAULT_SCENARIO, peat_water_cm: 10 }, FROM_OM, [
      [cell({ soilGroup: SOIL.veen, landUse: USE.grasland }), 1],
      [cell({ soilGroup: SOIL.moerig, landUse: USE.akker }), 2],
      [cell({ soilGroup: SOIL.veen, landUse: USE.natuur }), 4],
      [cell({ soilGroup: SOIL.veen }), 8],
      [cell({ soilGroup: SOIL.veen, landUse: USE.bebouwd }), 16],
      [cell({ soilGroup: SOIL.moerig, landUse: USE.water }), 32],
      [cell({ soilGroup: SOIL.zand, landUse: USE.grasland }), 64],
    ]);
    expect(estimate.peat.ha).toBe(15);
    expect(estimate.potential_t_co2_per_yr.central).toBeCloseTo(
      (0.82 * 2 + 0.4 * (1 + 64)) * (44 / 12),
      6,
    );
  });
});

describe('sealing', () => {
  const mixed: Array<[CellValues, number]> = [
    [cell({ stock: 60, sealed: 0 }), 6],
    [cell({ stock: 100, sealed: 100 }), 2],
    [cell({ stock: 80, sealed: 50 }), 2],
  ];

  test('share now from the sealed layer; plan = now by default; no loss', () => {
    const estimate = run(DEFAULT_SCENARIO, MEASURED, mixed);
    expect(estimate.sealing.share_now).toBeCloseTo(0.3, 12);
    expect(estimate.sealing.share_plan).toBeCloseTo(0.3, 12);
    expect(estimate.sealing.loss_t_c).toEqual({ low: 0, central: 0, high: 0 });
  });

  test('loss = newly sealed ha x mean unsealed stock x 66 % (50-70 %)', () => {
    const estimate = run({ ...DEFAULT_SCENARIO, sealed_share_plan: 0.5 }, MEASURED, mixed);
    const meanUnsealed = (60 * 6 + 80 * 1) / 7;
    const newlySealed = 0.2 * 10;
    expect(estimate.sealing.loss_t_c.central).toBeCloseTo(newlySealed * meanUnsealed * 0.66, 9);
    expect(estimate.sealing.loss_t_c.low).toBeCloseTo(newlySealed * meanUnsealed * 0.5, 9);
    expect(estimate.sealing.loss_t_c.high).toBeCloseTo(newlySealed * meanUnsealed * 0.7, 9);
    expect(estimate.sealing.gain_t_c_horizon).toEqual({ low: 0, central: 0, high: 0 });
  });

  test('unsealed hectares gain at the arable -> grassland rate over the horizon', () => {
    const estimate = run({ ...DEFAULT_SCENARIO, sealed_share_plan: 0.1 }, MEASURED, mixed);
    const unsealed = 0.2 * 10;
    expect(estimate.sealing.gain_t_c_horizon.central).toBeCloseTo(unsealed * 1.1 * 20, 9);
    expect(estimate.sealing.gain_t_c_horizon.low).toBeCloseTo(unsealed * 0.8 * 20, 9);
    expect(estimate.sealing.gain_t_c_horizon.high).toBeCloseTo(unsealed * 1.5 * 20, 9);
    expect(estimate.sealing.loss_t_c.central).toBe(0);
  });
});

test('low <= central <= high everywhere, for any cells and scenario', () => {
  const cellArb = fc.record({
    stock: fc.oneof(fc.constant(NaN), fc.double({ min: 0, max: 400, noNaN: true })),
    organicMatter: fc.oneof(fc.constant(NaN), fc.double({ min: 0, max: 90, noNaN: true })),
    soilGroup: fc.integer({ min: 0, max: 6 }),
    landUse: fc.integer({ min: 0, max: 7 }),
    sealed: fc.oneof(fc.constant(NaN), fc.double({ min: 0, max: 100, noNaN: true })),
  });
  const choiceArb = fc.record({
    on: fc.boolean(),
    level: fc.constantFrom('low' as const, 'central' as const, 'high' as const),
  });
  const scenarioArb = fc.record({
    method: fc.constantFrom('nl' as const, 'ipcc' as const),
    f_c: fc.constantFrom(0.5, 0.58),
    bd: fc.constantFrom('bro-fit' as const, 'obic' as const),
    horizon_years: fc.integer({ min: 0, max: 60 }),
    peat_water_cm: fc.integer({ min: -50, max: 100 }),
    sealed_share_plan: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1, noNaN: true })),
    sealing_loss: fc.double({ min: 0, max: 1, noNaN: true }),
    measures: fc.record({
      'cover-crops': choiceArb,
      compost: choiceArb,
      residues: choiceArb,
      rotation: choiceArb,
      'arable-to-grassland': choiceArb,
      'reduced-tillage': choiceArb,
      agroforestry: choiceArb,
    }),
  });
  fc.assert(
    fc.property(
      scenarioArb,
      fc.boolean(),
      fc.array(fc.tuple(cellArb, fc.double({ min: 0.001, max: 10, noNaN: true })), {
        maxLength: 30,
      }),
      (patch, fromOm, cells) => {
        const scenario: Scenario = { ...DEFAULT_SCENARIO, ...patch };
        const estimate = run(scenario, fromOm ? FROM_OM : MEASURED, cells);
        const ranges: Range[] = [
          estimate.stock_t_c,
          estimate.stock_t_co2,
          estimate.deficit_t_c,
          estimate.potential_t_co2_per_yr,
          estimate.potential_t_co2_horizon,
          estimate.peat.emission_t_co2_per_yr,
          estimate.peat.avoided_t_co2_per_yr,
          estimate.sealing.loss_t_c,
          estimate.sealing.gain_t_c_horizon,
          ...estimate.measures.flatMap((m) => [m.t_co2_per_yr, m.t_co2_horizon]),
        ];
        if (estimate.stock_t_c_per_ha) ranges.push(estimate.stock_t_c_per_ha);
        for (const range of ranges) {
          expectOrdered(range);
          expect(range.low).toBeGreaterThanOrEqual(0);
        }
      },
    ),
    { numRuns: 300 },
  );
});
