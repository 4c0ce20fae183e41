import type { LandUseName } from './cell-rules';
import landUseMapping from './land-use-mapping.json';
import sealedWeights from './sealed-weights.json';

/**
 * The builder's assumptions as data (DESIGN.md 8.4): sealed weights of BGT objects and the BGT
 * and BRP land-use mapping. Both JSON files say they are assumptions; the layers' info shows them.
 */

export const SEALED_WEIGHTS = sealedWeights;
export const LAND_USE_MAPPING = landUseMapping;

/** BGT collections that carry a sealed weight. */
export const SEALED_COLLECTIONS: readonly string[] = sealedWeights.collections;
/** Every BGT collection the builder reads. */
export const BGT_COLLECTIONS: readonly string[] = [
  ...sealedWeights.collections,
  'begroeidterreindeel',
  'waterdeel',
];

/** A value with no mapping, counted in build-report.json. */
export interface Unmapped {
  collection: string;
  attribute: string;
  value: string;
}

const FYSIEK = 'fysiek_voorkomen';

function textOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : value == null ? '' : String(value);
}

/**
 * Sealed weight of one BGT object: 1 for `pand`; by `fysiek_voorkomen` for paved collections;
 * 0 for others. `unmapped` is set when the value is not in the weights table.
 */
export function sealedWeightOf(
  collection: string,
  properties: Record<string, unknown>,
): { weight: number; unmapped: Unmapped | null } {
  if (collection === 'pand') return { weight: sealedWeights.pand, unmapped: null };
  if (!SEALED_COLLECTIONS.includes(collection)) return { weight: 0, unmapped: null };
  const value = textOf(properties[FYSIEK]);
  const table = sealedWeights.fysiek_voorkomen as Record<string, number>;
  const weight = table[value];
  if (weight === undefined)
    return { weight: 0, unmapped: { collection, attribute: FYSIEK, value } };
  return { weight, unmapped: null };
}

/**
 * Land-use class of one BGT object, or null (no class): `waterdeel` water; `pand` and terrain with
 * a sealed weight of at least 0.5 built-up; `begroeidterreindeel` by the mapping table.
 */
export function landUseOf(
  collection: string,
  properties: Record<string, unknown>,
  sealedWeight: number,
): { land: LandUseName | null; unmapped: Unmapped | null } {
  if (collection === 'waterdeel') return { land: 'water', unmapped: null };
  if (collection === 'pand') return { land: 'bebouwd', unmapped: null };
  if (SEALED_COLLECTIONS.includes(collection)) {
    return { land: sealedWeight >= 0.5 ? 'bebouwd' : null, unmapped: null };
  }
  if (collection !== 'begroeidterreindeel') return { land: null, unmapped: null };
  const value = textOf(properties[FYSIEK]);
  const land = (landUseMapping.begroeidterreindeel as Record<string, LandUseName>)[value];
  if (!land) return { land: null, unmapped: { collection, attribute: FYSIEK, value } };
  return { land, unmapped: null };
}

/** BRP category (`category`, else `gewascategorie`) → 1 Bouwland, 2 Grasland, 0 other. */
export function brpClassOf(properties: Record<string, unknown>): {
  code: 0 | 1 | 2;
  unmapped: Unmapped | null;
} {
  const value = textOf(properties.category ?? properties.gewascategorie);
  const land = (landUseMapping.brp_category as Record<string, string>)[value];
  if (land === 'akker') return { code: 1, unmapped: null };
  if (land === 'grasland') return { code: 2, unmapped: null };
  // Natuurterrein and Overige are known and deliberately not split; anything else is unmapped.
  if (value === 'Natuurterrein' || value === 'Overige') return { code: 0, unmapped: null };
  return { code: 0, unmapped: { collection: 'brp', attribute: 'category', value } };
}

/** Why a BGT object is left out, or null when it is used. */
export type BgtFilterReason = 'historic' | 'not-existing' | 'not-ground-level';

/**
 * BGT filters (DESIGN.md 8.4): current (`eind_registratie` empty), existing (`bgt_status` or
 * `status` `bestaand` where present) and at ground level (`relatieve_hoogteligging` 0 where
 * present).
 */
export function bgtFilterReason(properties: Record<string, unknown>): BgtFilterReason | null {
  const end = properties.eind_registratie ?? properties.eindRegistratie;
  if (end !== undefined && end !== null && textOf(end) !== '') return 'historic';
  const status = properties.bgt_status ?? properties.status;
  if (status !== undefined && status !== null && textOf(status) !== 'bestaand') {
    return 'not-existing';
  }
  const level = properties.relatieve_hoogteligging ?? properties.relatieveHoogteligging;
  if (level !== undefined && level !== null && Number(level) !== 0) return 'not-ground-level';
  return null;
}

/** True when a BGT object passes every filter. */
export function passesBgtFilters(properties: Record<string, unknown>): boolean {
  return bgtFilterReason(properties) === null;
}
