import type { LayerId } from './classes';

/**
 * Units of the user's own continuous layers (DESIGN.md 8.2): the token, and the factor that turns
 * the raster's value (after GDAL scale/offset) into the product's unit (t C/ha, %).
 */
export const UNIT_FACTORS = {
  'carbon-stock': { 't/ha': 1, 'Mg/ha': 1, 'kg/m2': 10 },
  'organic-matter': { '%': 1, 'g/kg': 0.1, fraction: 100 },
  sealed: { '%': 1, fraction: 100 },
} as const satisfies Partial<Record<LayerId, Record<string, number>>>;

export type ContinuousRole = keyof typeof UNIT_FACTORS;

/** The default unit of each continuous role (the product's own). */
export const DEFAULT_UNITS: Record<ContinuousRole, string> = {
  'carbon-stock': 't/ha',
  'organic-matter': '%',
  sealed: '%',
};

/** True for roles that take a unit; class layers (soil-group, land-use) take none. */
export function takesUnit(id: LayerId): id is ContinuousRole {
  return id in UNIT_FACTORS;
}

/** The factor of `token` for `id`, or null when the token is not a unit of that role. */
export function unitFactor(id: LayerId, token: string): number | null {
  if (!takesUnit(id)) return null;
  const table = UNIT_FACTORS[id] as Record<string, number>;
  return Object.hasOwn(table, token) ? (table[token] as number) : null;
}

/** The unit tokens of a role, for messages and the app's select. */
export function unitTokens(id: LayerId): string[] {
  return takesUnit(id) ? Object.keys(UNIT_FACTORS[id]) : [];
}

/** Median of the finite values (null when there are none). */
export function median(values: readonly number[]): number | null {
  const finite = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const middle = Math.floor(finite.length / 2);
  return finite.length % 2 === 1
    ? (finite[middle] as number)
    : ((finite[middle - 1] as number) + (finite[middle] as number)) / 2;
}

/**
 * What a continuous layer's values look like when they do not fit its role in the product's unit
 * (DESIGN.md 8.2, notice `implausible`); null when they fit. `median` is in the product's unit.
 * Dutch topsoils hold about 40-250 t C/ha (0-30 cm) and 1-30 % organic matter (peat up to 90 %).
 */
export function implausibleAs(id: LayerId, medianValue: number, maxValue: number): string | null {
  switch (id) {
    case 'carbon-stock':
      if (medianValue > 0 && medianValue < 15) return 'kg/m2';
      if (medianValue > 1500) return 'g/kg';
      return null;
    case 'organic-matter':
      if (medianValue > 100 || maxValue > 100) return 'g/kg';
      if (maxValue > 0 && maxValue <= 1) return 'fraction';
      return null;
    case 'sealed':
      if (maxValue > 100) return 'not a percentage';
      if (maxValue > 0 && maxValue <= 1) return 'fraction';
      return null;
    default:
      return null;
  }
}
