import { fail, ok, type Result } from '../result';
import {
  DEFAULT_SCENARIO,
  type Level,
  MEASURE_IDS,
  type MeasureChoice,
  type MeasureId,
  type Scenario,
} from './scenario';

const LEVELS: readonly Level[] = ['low', 'central', 'high'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bad(field: string, expected: string): Result<Scenario> {
  return fail('usage', 'errors.scenario', { field, expected });
}

function numberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/**
 * Reads a scenario file (DESIGN.md 7.1): every field optional, defaults of DESIGN.md 7.4. Unknown
 * fields are refused so a typo is not silently ignored; errors are kind `usage`.
 */
export function parseScenario(input: unknown): Result<Scenario> {
  if (!isObject(input)) return bad('(file)', 'a JSON object');
  const known = new Set([...Object.keys(DEFAULT_SCENARIO), 'measures']);
  for (const key of Object.keys(input)) {
    if (!known.has(key)) return bad(key, 'a known scenario field');
  }
  const scenario: Scenario = {
    ...DEFAULT_SCENARIO,
    measures: { ...DEFAULT_SCENARIO.measures },
    clay_target_pct: { ...DEFAULT_SCENARIO.clay_target_pct },
  };
  const { method, f_c, bd, horizon_years, peat_water_cm, sealed_share_plan, sealing_loss } = input;
  if (method !== undefined) {
    if (method !== 'nl' && method !== 'ipcc') return bad('method', '"nl" or "ipcc"');
    scenario.method = method;
  }
  if (f_c !== undefined) {
    if (!numberIn(f_c, 0.3, 0.7)) return bad('f_c', 'a number from 0.3 to 0.7');
    scenario.f_c = f_c;
  }
  if (bd !== undefined) {
    if (bd !== 'bro-fit' && bd !== 'obic') return bad('bd', '"bro-fit" or "obic"');
    scenario.bd = bd;
  }
  if (horizon_years !== undefined) {
    if (!numberIn(horizon_years, 0, 1000)) return bad('horizon_years', 'a number from 0 to 1000');
    scenario.horizon_years = horizon_years;
  }
  if (peat_water_cm !== undefined) {
    if (!numberIn(peat_water_cm, -200, 200)) return bad('peat_water_cm', 'cm from -200 to 200');
    scenario.peat_water_cm = peat_water_cm;
  }
  if (sealed_share_plan !== undefined) {
    if (sealed_share_plan !== null && !numberIn(sealed_share_plan, 0, 1)) {
      return bad('sealed_share_plan', 'null or a fraction from 0 to 1');
    }
    scenario.sealed_share_plan = sealed_share_plan;
  }
  if (sealing_loss !== undefined) {
    if (!numberIn(sealing_loss, 0, 1)) return bad('sealing_loss', 'a fraction from 0 to 1');
    scenario.sealing_loss = sealing_loss;
  }
  const clay = input.clay_target_pct;
  if (clay !== undefined) {
    if (!isObject(clay)) return bad('clay_target_pct', '{"rivierklei": %, "zeeklei": %}');
    for (const key of Object.keys(clay)) {
      if (key !== 'rivierklei' && key !== 'zeeklei') {
        return bad(`clay_target_pct.${key}`, '"rivierklei" or "zeeklei"');
      }
    }
    for (const group of ['rivierklei', 'zeeklei'] as const) {
      const value = clay[group];
      if (value === undefined) continue;
      if (!numberIn(value, 0, 100)) return bad(`clay_target_pct.${group}`, 'a percentage');
      scenario.clay_target_pct[group] = value;
    }
  }
  const measures = input.measures;
  if (measures !== undefined) {
    if (!isObject(measures)) return bad('measures', 'an object keyed by measure id');
    for (const [id, choice] of Object.entries(measures)) {
      if (!(MEASURE_IDS as readonly string[]).includes(id)) {
        return bad(`measures.${id}`, MEASURE_IDS.join(', '));
      }
      const unknown = isObject(choice)
        ? Object.keys(choice).find((key) => key !== 'on' && key !== 'level')
        : undefined;
      if (unknown !== undefined) return bad(`measures.${id}.${unknown}`, '"on" or "level"');
      const parsed = parseChoice(choice, scenario.measures[id as MeasureId]);
      if (parsed === null)
        return bad(`measures.${id}`, '{"on": true|false, "level": "low"|"central"|"high"}');
      scenario.measures[id as MeasureId] = parsed;
    }
  }
  return ok(scenario);
}

function parseChoice(choice: unknown, fallback: MeasureChoice): MeasureChoice | null {
  if (!isObject(choice)) return null;
  const on = choice.on ?? fallback.on;
  const level = choice.level ?? fallback.level;
  if (typeof on !== 'boolean' || !LEVELS.includes(level as Level)) return null;
  return { on, level: level as Level };
}

/**
 * The text of a scenario file's bytes: UTF-8 (a byte-order mark is dropped), or UTF-16 LE/BE with
 * a byte-order mark (as Windows editors save "Unicode"). Anything else (UTF-32, UTF-16 without a
 * mark, Latin-1 with accents) is refused as `usage` with `errors.scenarioEncoding`, rather than
 * reported as invalid JSON.
 */
export function decodeScenarioBytes(bytes: Uint8Array): Result<string> {
  const [b0, b1, b2, b3] = bytes;
  const utf32 =
    (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) ||
    (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff);
  if (utf32) return fail('usage', 'errors.scenarioEncoding');
  try {
    if (b0 === 0xff && b1 === 0xfe)
      return ok(new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2)));
    if (b0 === 0xfe && b1 === 0xff)
      return ok(new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2)));
    // TextDecoder drops a UTF-8 byte-order mark itself.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // NUL characters are no JSON; they are the other half of UTF-16 without a byte-order mark.
    return text.includes('\0') ? fail('usage', 'errors.scenarioEncoding') : ok(text);
  } catch {
    return fail('usage', 'errors.scenarioEncoding');
  }
}
