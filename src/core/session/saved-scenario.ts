import { DEFAULT_SCENARIO, MEASURE_IDS, type Scenario } from '../estimate/scenario';
import { parseScenario } from '../estimate/scenario-file';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A saved scenario read field by field, and the fields that fell back to their default. */
export interface SavedScenarioCheck {
  scenario: Scenario;
  /** Dotted names of the fields that were invalid or unknown, e.g. `f_c`, `measures.rotation`. */
  dropped: string[];
}

/**
 * Reads a saved scenario with the rules of a scenario file (`parseScenario`, DESIGN.md 7.1), but
 * one field at a time: an invalid field takes its default and the others are kept, where a
 * scenario file would be refused as a whole. Missing fields take their defaults silently.
 */
export function checkSavedScenario(value: unknown): SavedScenarioCheck {
  const scenario: Scenario = {
    ...DEFAULT_SCENARIO,
    measures: { ...DEFAULT_SCENARIO.measures },
    clay_target_pct: { ...DEFAULT_SCENARIO.clay_target_pct },
  };
  const dropped: string[] = [];
  if (value === undefined || value === null) return { scenario, dropped };
  if (!isObject(value)) return { scenario, dropped: ['scenario'] };
  for (const [key, field] of Object.entries(value)) {
    if (key === 'measures' && isObject(field)) {
      for (const [id, choice] of Object.entries(field)) {
        const parsed = parseScenario({ measures: { [id]: choice } });
        const known = (MEASURE_IDS as readonly string[]).includes(id);
        if (parsed.ok && known) {
          const measure = id as (typeof MEASURE_IDS)[number];
          scenario.measures[measure] = parsed.value.measures[measure];
        } else dropped.push(`measures.${id}`);
      }
      continue;
    }
    if (key === 'clay_target_pct' && isObject(field)) {
      for (const [group, percent] of Object.entries(field)) {
        const parsed = parseScenario({ clay_target_pct: { [group]: percent } });
        if (parsed.ok && (group === 'rivierklei' || group === 'zeeklei')) {
          scenario.clay_target_pct[group] = parsed.value.clay_target_pct[group];
        } else dropped.push(`clay_target_pct.${group}`);
      }
      continue;
    }
    const parsed = parseScenario({ [key]: field });
    if (!parsed.ok || !(key in DEFAULT_SCENARIO)) {
      dropped.push(key);
      continue;
    }
    Object.assign(scenario, { [key]: parsed.value[key as keyof Scenario] });
  }
  return { scenario, dropped };
}
