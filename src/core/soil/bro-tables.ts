import { bulkDensityBroFit, TOPSOIL_DEPTH_CM } from '../estimate/pedotransfer';
import type { SoilGroup } from '../raster/classes';
import { fail, ok, type Result } from '../result';
import { parseCsv } from './csv';

/**
 * The BRO soil-map tables (Bodemkaart van Nederland 1:50,000, SGM 2025-01): soil profiles with
 * their horizons (depth, organic matter, bulk density). Pure: callers pass the CSV text.
 */

/** One horizon of a BRO soil profile; depths in cm below the surface. */
export interface BroHorizon {
  topCm: number;
  bottomCm: number;
  /** Organic matter, mass %. */
  organicMatterPct: number;
  /** Dry bulk density, g/cm3. */
  bulkDensityGPerCm3: number;
  /** Clay (lutum) fraction, mass %, or null when not given. */
  lutumPct: number | null;
}

/** Topsoil (0-30 cm) figures of one profile. */
export interface BroTopsoil {
  /** Mass-weighted mean organic matter of 0-30 cm, %. */
  organicMatterPct: number;
  /** Stock 0-30 cm with the profile's own densities (f_C 0.5), t C/ha. */
  stockTonnesCPerHa: number;
  /** Stock 0-30 cm with the default pedotransfer applied per horizon (f_C 0.5), t C/ha. */
  stockPedotransferTonnesCPerHa: number;
  /** Mass-weighted mean lutum of 0-30 cm, %, or null when unknown. */
  lutumPct: number | null;
  /** Depth covered by horizons within 0-30 cm, cm. */
  coveredCm: number;
}

export interface BroProfile {
  id: string;
  /** Soil unit code, e.g. `hVb`. */
  soilUnit: string;
  /** Dutch name of the soil unit. */
  name: string;
  group: SoilGroup;
  horizons: BroHorizon[];
  topsoil: BroTopsoil;
}

const TWO_LETTER: Record<string, SoilGroup> = {
  AV: 'veen',
  EZ: 'zand',
  EK: 'zeeklei',
  KK: 'zeeklei',
  KT: 'zeeklei',
  KX: 'zeeklei',
  KR: 'rivierklei',
  EL: 'löss',
};

const ONE_LETTER: Record<string, SoilGroup> = {
  V: 'veen',
  W: 'moerig',
  H: 'zand',
  Y: 'zand',
  Z: 'zand',
  S: 'zand',
  M: 'zeeklei',
  R: 'rivierklei',
  L: 'löss',
  B: 'löss',
};

/**
 * Main soil group of a soil unit code: its first capital letter(s) after any lower-case prefix
 * (V, AV veen; W moerig; H, Y, Z, EZ, S zand; M, EK, KK, KT, KX zeeklei; R, KR rivierklei;
 * L, EL, B löss). Null for codes that follow no rule.
 */
export function soilGroupOfUnit(soilUnit: string): SoilGroup | null {
  const capitals = /^[a-z]*([A-Z]+)/.exec(soilUnit)?.[1];
  if (!capitals) return null;
  return TWO_LETTER[capitals.slice(0, 2)] ?? ONE_LETTER[capitals.slice(0, 1)] ?? null;
}

/** 0-30 cm figures of a profile: mass-weighted OM and lutum, stock by own and fitted density. */
export function topsoilOf(horizons: readonly BroHorizon[], carbonFraction = 0.5): BroTopsoil {
  let mass = 0;
  let organicMass = 0;
  let lutumMass = 0;
  let lutumKnownMass = 0;
  let stock = 0;
  let stockFit = 0;
  let covered = 0;
  for (const horizon of horizons) {
    const thickness = Math.min(horizon.bottomCm, TOPSOIL_DEPTH_CM) - Math.max(horizon.topCm, 0);
    if (thickness <= 0) continue;
    const om = horizon.organicMatterPct;
    const horizonMass = horizon.bulkDensityGPerCm3 * thickness;
    covered += thickness;
    mass += horizonMass;
    organicMass += om * horizonMass;
    if (horizon.lutumPct !== null) {
      lutumMass += horizon.lutumPct * horizonMass;
      lutumKnownMass += horizonMass;
    }
    // OM % x f_C x BD (g/cm3) x thickness (cm) = t C/ha.
    stock += om * carbonFraction * horizon.bulkDensityGPerCm3 * thickness;
    stockFit += om * carbonFraction * bulkDensityBroFit(om) * thickness;
  }
  return {
    organicMatterPct: mass > 0 ? organicMass / mass : 0,
    stockTonnesCPerHa: stock,
    stockPedotransferTonnesCPerHa: stockFit,
    lutumPct: lutumKnownMass > 0 ? lutumMass / lutumKnownMass : null,
    coveredCm: covered,
  };
}

function numberOf(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * Reads SoilProfiles.csv and SoilHorizons.csv (as text) into profiles with their 0-30 cm
 * figures. Profiles without horizons in 0-30 cm or with an unknown soil group are left out.
 */
export function readBroTables(profilesCsv: string, horizonsCsv: string): Result<BroProfile[]> {
  const profiles = parseCsv(profilesCsv);
  const horizons = parseCsv(horizonsCsv);
  const need = (header: string[], columns: string[]) => columns.every((c) => header.includes(c));
  if (!need(profiles.header, ['normalsoilprofile_id', 'soilunit', 'othersoilname']))
    return fail('unreadable', 'soil.tablesUnreadable', { table: 'SoilProfiles' });
  const horizonColumns = ['normalsoilprofile_id', 'ztop', 'zbottom', 'organicmattercontent'];
  if (!need(horizons.header, [...horizonColumns, 'density']))
    return fail('unreadable', 'soil.tablesUnreadable', { table: 'SoilHorizons' });
  const byProfile = new Map<string, BroHorizon[]>();
  for (const row of horizons.rows) {
    const top = numberOf(row.ztop);
    const bottom = numberOf(row.zbottom);
    const om = numberOf(row.organicmattercontent);
    const density = numberOf(row.density);
    const id = row.normalsoilprofile_id;
    if (!id || top === null || bottom === null || om === null || density === null) continue;
    const list = byProfile.get(id) ?? [];
    // Depths are in metres in the table; cm here (rounded against binary fractions).
    list.push({
      topCm: Math.round(top * 1e4) / 100,
      bottomCm: Math.round(bottom * 1e4) / 100,
      organicMatterPct: om,
      bulkDensityGPerCm3: density,
      lutumPct: numberOf(row.lutitecontent),
    });
    byProfile.set(id, list);
  }
  const out: BroProfile[] = [];
  for (const row of profiles.rows) {
    const id = row.normalsoilprofile_id ?? '';
    const soilUnit = row.soilunit ?? '';
    const group = soilGroupOfUnit(soilUnit);
    const list = byProfile.get(id);
    if (!group || !list) continue;
    list.sort((a, b) => a.topCm - b.topCm);
    const topsoil = topsoilOf(list);
    if (topsoil.coveredCm <= 0) continue;
    out.push({ id, soilUnit, name: row.othersoilname ?? '', group, horizons: list, topsoil });
  }
  if (out.length === 0) return fail('unreadable', 'soil.tablesEmpty');
  return ok(out);
}

/** Median of a list of numbers (NaN for an empty list). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = Math.floor(n / 2);
  return n % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Profiles of the given soil groups. */
export function profilesOf(
  profiles: readonly BroProfile[],
  groups: readonly SoilGroup[],
): BroProfile[] {
  return profiles.filter((profile) => groups.includes(profile.group));
}
