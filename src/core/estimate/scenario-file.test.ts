import { expect, test } from 'vitest';
import { DEFAULT_SCENARIO } from './scenario';
import { parseScenario } from './scenario-file';

test('an empty object gives the default scenario', () => {
  expect(parseScenario({})).toEqual({ ok: true, value: DEFAULT_SCENARIO, notes: [] });
});

test('every field of DESIGN.md 7.1 is read; measures merge with the defaults', () => {
  const result = parseScenario({
    method: 'ipcc',
    f_c: 0.58,
    bd: 'obic',
    horizon_years: 30,
    measures: { rotation: { on: true }, 'cover-crops': { level: 'high' } },
    peat_water_cm: 20,
    sealed_share_plan: 0.4,
    sealing_loss: 0.5,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  expect(result.value).toMatchObject({
    method: 'ipcc',
    f_c: 0.58,
    bd: 'obic',
    horizon_years: 30,
    peat_water_cm: 20,
    sealed_share_plan: 0.4,
    sealing_loss: 0.5,
  });
  expect(result.value.measures.rotation).toEqual({ on: true, level: 'central' });
  expect(result.value.measures['cover-crops']).toEqual({ on: true, level: 'high' });
  expect(result.value.measures.agroforestry).toEqual({ on: false, level: 'central' });
  expect(DEFAULT_SCENARIO.measures.rotation.on).toBe(false);
});

test.each([
  [[1, 2], '(file)'],
  [{ method: 'rothc' }, 'method'],
  [{ f_c: '0.5' }, 'f_c'],
  [{ bd: 'guess' }, 'bd'],
  [{ horizon_years: -1 }, 'horizon_years'],
  [{ sealed_share_plan: 40 }, 'sealed_share_plan'],
  [{ sealing_loss: 2 }, 'sealing_loss'],
  [{ measures: { 'no-such-measure': { on: true } } }, 'measures.no-such-measure'],
  [{ measures: { compost: { on: 'yes' } } }, 'measures.compost'],
  [{ horizon: 20 }, 'horizon'],
])('%j is refused as usage, naming %s', (input, field) => {
  const result = parseScenario(input);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.kind).toBe('usage');
    expect(result.error.params?.field).toBe(field);
  }
});
