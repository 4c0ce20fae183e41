/** Class codes of the soil-group and land-use rasters (DESIGN.md 7.1); 0 or nodata is unknown. */
export const SOIL_GROUPS = {
  1: 'veen',
  2: 'moerig',
  3: 'zeeklei',
  4: 'rivierklei',
  5: 'zand',
  6: 'löss',
} as const;

export const LAND_USES = {
  1: 'akker',
  2: 'grasland',
  3: 'bos',
  4: 'natuur',
  5: 'stedelijk groen',
  6: 'bebouwd',
  7: 'water',
} as const;

export type SoilGroupCode = keyof typeof SOIL_GROUPS;
export type LandUseCode = keyof typeof LAND_USES;
export type SoilGroup = (typeof SOIL_GROUPS)[SoilGroupCode];
export type LandUse = (typeof LAND_USES)[LandUseCode];

/** Layer ids of the catalogue (DESIGN.md section 2). */
export const BASE_LAYER_IDS = [
  'organic-matter',
  'carbon-stock',
  'sealed',
  'soil-group',
  'land-use',
] as const;
export const DERIVED_LAYER_IDS = ['deficit', 'potential'] as const;
export type BaseLayerId = (typeof BASE_LAYER_IDS)[number];
export type DerivedLayerId = (typeof DERIVED_LAYER_IDS)[number];
export type LayerId = BaseLayerId | DerivedLayerId;
