import { SOIL_GROUPS, type SoilGroup } from '../raster/classes';
import { fail, ok, type Result } from '../result';
import type { BroProfile } from '../soil/bro-tables';
import { parseCsv } from '../soil/csv';

/**
 * The soil join of the builder (DESIGN.md 8.4): a BRO Bodemkaart polygon's `maparea_id` →
 * SoilProfiles_MapAreaID.csv → normal soil profile → horizons. The profile figures come from
 * `readBroTables`, which computes them with `topsoilOf` (the one copy of the formulas).
 */

/** Values a soil polygon carries: OM %, stock t C/ha (f_C 0.5, own densities), soil-group code. */
export interface SoilValues {
  profileId: string;
  organicMatterPct: number;
  stockTonnesCPerHa: number;
  soilGroupCode: number;
}

const GROUP_CODE = new Map<SoilGroup, number>(
  Object.entries(SOIL_GROUPS).map(([code, name]) => [name, Number(code)]),
);

/**
 * The map-area number of an id: its trailing digits as an integer, so `V2025-1..soilarea.00123`,
 * `00123` and 123 are the same area. Null when the id ends in no digits.
 */
export function mapAreaNumber(id: unknown): number | null {
  if (typeof id === 'number') return Number.isInteger(id) && id >= 0 ? id : null;
  if (typeof id !== 'string') return null;
  const digits = /(\d+)\s*$/.exec(id)?.[1];
  if (!digits) return null;
  const value = Number.parseInt(digits, 10);
  return Number.isSafeInteger(value) ? value : null;
}

/** Reads SoilProfiles_MapAreaID.csv: map-area number → normal soil profile id. */
export function readMapAreaTable(csv: string): Result<Map<number, string>> {
  const table = parseCsv(csv);
  if (!table.header.includes('maparea_id') || !table.header.includes('normalsoilprofile_id')) {
    return fail('unreadable', 'soil.tablesUnreadable', { table: 'SoilProfiles_MapAreaID' });
  }
  const out = new Map<number, string>();
  for (const row of table.rows) {
    const area = mapAreaNumber(row.maparea_id);
    const profile = row.normalsoilprofile_id?.trim();
    if (area !== null && profile) out.set(area, profile);
  }
  if (out.size === 0) return fail('unreadable', 'soil.tablesEmpty');
  return ok(out);
}

/** Joins map areas to profiles; a map area without a usable profile carries no value. */
export class SoilJoin {
  private readonly profiles = new Map<string, SoilValues>();
  constructor(
    private readonly mapAreas: ReadonlyMap<number, string>,
    profiles: readonly BroProfile[],
  ) {
    for (const profile of profiles) {
      const code = GROUP_CODE.get(profile.group);
      if (code === undefined) continue;
      this.profiles.set(profile.id, {
        profileId: profile.id,
        organicMatterPct: profile.topsoil.organicMatterPct,
        stockTonnesCPerHa: profile.topsoil.stockTonnesCPerHa,
        soilGroupCode: code,
      });
    }
  }

  /** Values of the polygon with this `maparea_id`, or null (no profile: water, built-up, ...). */
  lookup(mapAreaId: unknown): SoilValues | null {
    const area = mapAreaNumber(mapAreaId);
    if (area === null) return null;
    const profile = this.mapAreas.get(area);
    return profile === undefined ? null : (this.profiles.get(profile) ?? null);
  }
}
