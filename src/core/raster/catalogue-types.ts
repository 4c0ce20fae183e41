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
  /** Unit as shown, e.g. `%`, `t C/ha`, `class`; localized when it has words (DESIGN 8.1). */
  unit: string | Localized;
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
  /**
   * Relative range of a stock layer: [low, high] multipliers of central (DESIGN.md sections 3 and
   * 8.1). Without it a measured stock layer has low = high = central.
   */
  stock_range?: [low: number, high: number];
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
  /** The municipality the package covers (DESIGN 8.1); null for a package of no municipality. */
  municipality?: { code: string; name: string } | null;
  /** ISO date (or date-time) the package was made; the demo keeps a fixed one. */
  created?: string;
  /** The program that made the package. */
  builder?: { name: string; version: string };
  /** Outline of the package's area: a GeoJSON file (WGS84) relative to the catalogue. */
  outline?: string;
  /** What the package was made from, one entry per source read. */
  sources?: CatalogueSource[];
}

/**
 * One source a package was made from (DESIGN 8.1): `sha256` of the bytes read (for a paged API, of
 * the concatenated pages in order), `read` an ISO timestamp, `request` the URL or command.
 */
export interface CatalogueSource {
  id: string;
  title: string | Localized;
  url?: string;
  file?: string;
  sha256: string;
  read: string;
  licence: string;
  request: string;
}

/** A unit or title text in the given language (a plain string is the same in both). */
export function localizedText(text: string | Localized, language: 'nl' | 'en'): string {
  return typeof text === 'string' ? text : text[language];
}
