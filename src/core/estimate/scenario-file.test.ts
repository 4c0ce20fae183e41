import { describe, expect, test } from 'vitest';
import { DEFAULT_SCENARIO } from './scenario';
import { decodeScenarioBytes, parseScenario } from './scenario-file';

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
  [{ clay_target_pct: { rivierklei: 20, zeklei: 15 } }, 'clay_target_pct.zeklei'],
  [{ measures: { compost: { on: true, levle: 'high' } } }, 'measures.compost.levle'],
  [{ measures: { compost: { on: true, level: 'high', ha: 10 } } }, 'measures.compost.ha'],
])('%j is refused as usage, naming %s', (input, field) => {
  const result = parseScenario(input);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.kind).toBe('usage');
    expect(result.error.params?.field).toBe(field);
  }
});

describe('the encoding of a scenario file', () => {
  const json = '{"method":"ipcc","horizon_years":30}';
  const utf16 = (text: string, littleEndian: boolean) => {
    const bytes = new Uint8Array(2 + text.length * 2);
    const view = new DataView(bytes.buffer);
    view.setUint16(0, 0xfeff, littleEndian);
    for (let i = 0; i < text.length; i++)
      view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
    return bytes;
  };
  test.each([
    ['UTF-8', new TextEncoder().encode(json)],
    [
      'UTF-8 with a byte-order mark',
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(json)]),
    ],
    ['UTF-16 LE with a byte-order mark', utf16(json, true)],
    ['UTF-16 BE with a byte-order mark', utf16(json, false)],
  ])('%s is read', (_, bytes) => {
    const text = decodeScenarioBytes(bytes);
    expect(text).toEqual({ ok: true, value: json, notes: [] });
    expect(parseScenario(JSON.parse(text.ok ? text.value : '')).ok).toBe(true);
  });

  test.each([
    ['UTF-16 LE without a byte-order mark', utf16(json, true).subarray(2)],
    ['UTF-32 LE with a byte-order mark', new Uint8Array([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0])],
    ['Latin-1 with an accent', new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d])],
  ])('%s is refused as a wrong encoding, not as invalid JSON', (_, bytes) => {
    expect(decodeScenarioBytes(bytes)).toEqual({
      ok: false,
      error: { kind: 'usage', code: 'errors.scenarioEncoding' },
    });
  });
});
