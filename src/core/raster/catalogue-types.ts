import type { LayerId } from './classes';

export interface Localized {
  nl: string;
  en: string;
}

/** One class of a categorical layer. */
export interface CatalogueClass {
  code: number;
  /** Class name as used in results (`akker`, `veen`, ...). */
  name: string;
  title: Localized;
  /** CSS hex colour, fixed per class. */
  color: string;
}

/** Metadata of one raster layer (DESIGN.md section 4). */
export interface CatalogueLayer {
  id: LayerId;
  title: Localized;
  /** Unit as shown, e.g. `%`, `t C/ha`, `class`. */
  unit: string;
  kind: 'continuous' | 'categorical' | 'derived';
  /** Palette id of src/core/tiles/palettes.ts. */
  palette: string;
  /** Stored value x scale + offset = physical value. */
  scale: number;
  offset: number;
  /** Stored nodata value. */
  nodata: number;
  /** Physical range the palette spans. */
  range: [min: number, max: number];
  classes?: CatalogueClass[];
  source: Localized;
  licence: string;
  resolution_m: number;
  date: string;
  synthetic: boolean;
  /** COG file, relative to the catalogue file; absent for derived layers. */
  file?: string;
  /** Relative range of a stock layer (low, high multipliers of central), DESIGN.md section 3. */
  stock_range?: { low: number; high: number };
  /** Layer this one was computed from (the demo stock derives from organic matter), if any. */
  derived_from?: LayerId;
}

/** A dataset: layers plus vector context for the offline basemap. */
export interface Catalogue {
  id: string;
  title: Localized;
  crs: 'EPSG:28992';
  /** [minX, minY, maxX, maxY] in RD New metres. */
  bbox_rd: [number, number, number, number];
  synthetic: boolean;
  attribution: Localized;
  layers: CatalogueLayer[];
  /** Vector context GeoJSON (WGS84), relative to the catalogue file. */
  context?: string;
}
