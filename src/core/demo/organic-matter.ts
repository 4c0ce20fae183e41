import { stockFromOrganicMatter } from '../estimate/pedotransfer';
import type { SoilGroup } from '../raster/classes';
import type { BroProfile } from '../soil/bro-tables';
import { LAND, NODATA_CLASS, SOIL } from './classify';
import { cellX, cellY, type Grid } from './grid';
import { SEED } from './landscape';
import { fractalNoise, hashUnit } from './random';

/**
 * Organic matter per cell: the cells of each soil group and land use take the real distribution
 * of 0-30 cm OM of the BRO profiles of that group (matched by rank to a spatially correlated noise
 * field, so each such stratum has exactly that distribution), scaled by a land-use factor.
 */

export const OM_NODATA = 65535;
export const STOCK_NODATA = 65535;
/** Stored value x scale = physical value. */
export const OM_SCALE = 0.01;
export const STOCK_SCALE = 0.1;

const GROUP_OF_CODE: Record<number, SoilGroup> = {
  [SOIL.veen]: 'veen',
  [SOIL.moerig]: 'moerig',
  [SOIL.zeeklei]: 'zeeklei',
  [SOIL.rivierklei]: 'rivierklei',
  [SOIL.zand]: 'zand',
};

/**
 * Multipliers on the BRO profile OM by land use, per kind of soil. Arable land is lower and
 * grassland higher than the profile (which mixes uses); forest and heath keep a humus-rich topsoil
 * on sand; sealed soil in built-up cells loses topsoil (scaled by its sealed share below).
 */
const MINERAL_FACTOR: Record<number, number> = {
  [LAND.akker]: 0.9,
  [LAND.grasland]: 1.55,
  [LAND.bos]: 1.6,
  [LAND.natuur]: 1.45,
  [LAND.stedelijkGroen]: 1.1,
  [LAND.bebouwd]: 1,
};
/** Arable clay keeps more OM than arable sand (Dutch soil survey medians, Lesschen et al. 2012). */
const ARABLE_ON_CLAY: Record<number, number> = { [SOIL.zeeklei]: 1.1, [SOIL.rivierklei]: 1.2 };
const PEAT_FACTOR: Record<number, number> = {
  [LAND.akker]: 0.8,
  [LAND.grasland]: 1.05,
  [LAND.bos]: 1.1,
  [LAND.natuur]: 1.15,
  [LAND.stedelijkGroen]: 0.9,
  [LAND.bebouwd]: 0.8,
};

/** Sorted 0-30 cm OM values (%) of the BRO profiles per soil group. */
export function omDistributions(profiles: readonly BroProfile[]): Map<SoilGroup, number[]> {
  const out = new Map<SoilGroup, number[]>();
  for (const profile of profiles) {
    const list = out.get(profile.group) ?? [];
    list.push(profile.topsoil.organicMatterPct);
    out.set(profile.group, list);
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

/** Empirical quantile (linear between order statistics) of sorted values at u in [0, 1]. */
export function quantile(sorted: readonly number[], u: number): number {
  const position = u * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(sorted.length - 1, low + 1);
  const a = sorted[low] as number;
  return a + ((sorted[high] as number) - a) * (position - low);
}

export interface OrganicMatterRasters {
  /** OM x 100 (0.01 %), nodata 65535. */
  organicMatter: Uint16Array;
  /** Stock 0-30 cm x 10 (0.1 t C/ha), nodata 65535. */
  carbonStock: Uint16Array;
}

/** OM and stock per cell (cells without a soil group stay nodata). */
export function organicMatterCells(
  grid: Grid,
  soilGroup: Uint8Array,
  landUse: Uint8Array,
  sealed: Uint8Array,
  distributions: Map<SoilGroup, number[]>,
): OrganicMatterRasters {
  const n = grid.width * grid.height;
  // A spatially correlated field (km-scale and field-scale) plus a little cell-scale scatter.
  const field = new Float64Array(n);
  const members = new Map<number, number[]>();
  for (let row = 0; row < grid.height; row++) {
    const y = cellY(grid, row);
    for (let col = 0; col < grid.width; col++) {
      const i = row * grid.width + col;
      const soil = soilGroup[i] as number;
      if (soil === NODATA_CLASS) continue;
      const x = cellX(grid, col);
      field[i] =
        fractalNoise(SEED + 80, x, y, 2400, 5, 0.55) + 0.3 * (hashUnit(SEED + 81, col, row) - 0.5);
      // Strata of soil group x land use: each takes the group's whole distribution.
      const stratum = soil * 16 + (landUse[i] as number);
      const list = members.get(stratum) ?? [];
      list.push(i);
      members.set(stratum, list);
    }
  }
  const organicMatter = new Uint16Array(n).fill(OM_NODATA);
  const carbonStock = new Uint16Array(n).fill(STOCK_NODATA);
  for (const [stratum, cells] of [...members].sort((a, b) => a[0] - b[0])) {
    const soil = Math.floor(stratum / 16);
    const group = GROUP_OF_CODE[soil];
    const sorted = group ? distributions.get(group) : undefined;
    if (!group || !sorted || sorted.length === 0)
      throw new Error(`no BRO profiles for soil ${soil}`);
    const peaty = soil === SOIL.veen || soil === SOIL.moerig;
    cells.sort((a, b) => (field[a] as number) - (field[b] as number) || a - b);
    cells.forEach((i, rank) => {
      const u = (rank + 0.5) / cells.length;
      const use = landUse[i] as number;
      let factor = (peaty ? PEAT_FACTOR : MINERAL_FACTOR)[use] ?? 1;
      if (use === LAND.akker) factor *= ARABLE_ON_CLAY[soil] ?? 1;
      if (use === LAND.bebouwd) factor *= 1 - 0.4 * ((sealed[i] as number) / 100);
      const om = Math.min(90, quantile(sorted, u) * factor);
      const stored = Math.max(1, Math.round(om / OM_SCALE));
      organicMatter[i] = stored;
      // The stock follows from the stored OM by the default formula (f_C 0.5, BRO-fit density).
      carbonStock[i] = Math.round(stockFromOrganicMatter(stored * OM_SCALE, 0.5) / STOCK_SCALE);
    });
  }
  return { organicMatter, carbonStock };
}
