import { describe, expect, test } from 'vitest';
import { CO2_PER_C_RATIO } from '../estimate/coefficients';
import type { KeyFigures } from '../export/key-figures';
import { PEAT_PASTURE_T_CO2_PER_HA_YR, plainComparisons } from './comparisons';

const point = (central: number) => ({ low: central, central, high: central });

describe('plainComparisons', () => {
  test('uses the sourced emission of drained peat pasture, 13.8 t CO2/ha/yr', () => {
    expect(PEAT_PASTURE_T_CO2_PER_HA_YR).toBe(13.8);
  });

  test('each comparison follows from the figure and that emission', () => {
    const figures: KeyFigures = {
      areaHa: 100,
      coveragePct: 100,
      sealedPct: 5,
      omMean: 4,
      stockMean: point(60),
      stockTotal: point(6000),
      co2Total: point(6000 * CO2_PER_C_RATIO),
      deficitTotal: point(138),
      potentialYear: point(27.6),
    };
    const out = plainComparisons(figures);
    // 22,000 t CO2 over 100 ha at 13.8 t CO2/ha/yr: about 15.9 years.
    expect(out['co2-total']).toEqual({
      kind: 'peatYears',
      years: (6000 * CO2_PER_C_RATIO) / (13.8 * 100),
      hectares: 100,
    });
    expect(out['stock-mean']).toEqual({
      kind: 'peatYears',
      years: (60 * CO2_PER_C_RATIO) / 13.8,
      hectares: 1,
    });
    expect(out['deficit-total']).toEqual({
      kind: 'peatHectares',
      hectares: (138 * CO2_PER_C_RATIO) / 13.8,
    });
    expect(out['potential-year']).toEqual({ kind: 'peatHectares', hectares: 2 });
  });

  test('no data or zero gives no comparison', () => {
    const out = plainComparisons({
      areaHa: 0,
      coveragePct: null,
      sealedPct: null,
      omMean: null,
      stockMean: null,
      stockTotal: null,
      co2Total: point(10),
      deficitTotal: point(0),
      potentialYear: null,
    });
    expect(out).toEqual({});
  });
});
