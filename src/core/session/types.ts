import type { MultiPolygon, Polygon } from 'geojson';
import type { Scenario } from '../estimate/scenario';

/** The data package a session was made with (DESIGN.md 8.1); `url` null for the built-in demo. */
export interface SessionPackage {
  id: string;
  url: string | null;
}

/** Where the map looks: WGS84 centre, MapLibre zoom, bearing and pitch in degrees. */
export interface MapView {
  center: [lon: number, lat: number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** How one raster layer is shown; `order` counts from the bottom (0 is drawn first). */
export interface LayerSetting {
  visible: boolean;
  /** 0..1 */
  opacity: number;
  order: number;
}

/** An area as saved: WGS84 geometry (RFC 7946). */
export interface SessionArea {
  id: string;
  name: string;
  color: string;
  visible: boolean;
  geometry: Polygon | MultiPolygon;
  properties?: Record<string, unknown>;
}

/** A workshop scene (DESIGN.md 9): a view of the session's areas, referred to by id. */
export interface Scene {
  id: string;
  name: string;
  view: MapView | null;
  layers: Record<string, LayerSetting>;
  areaIds: string[];
  selectedId: string | null;
  scenario: Scenario;
}

/** Where a user raster's bytes come from: a URL (saved as such) or a file the user opened. */
export type UserLayerSource =
  | { kind: 'url'; url: string }
  /** `stored`: the bytes are kept in IndexedDB (up to USER_FILE_STORE_LIMIT), so a reload keeps them. */
  | { kind: 'file'; name: string; size: number; stored: boolean };

/**
 * A raster the user opened themself (DESIGN.md 8.2): its role (a base layer id it replaces in the
 * analysis), unit and band, where it comes from, how it is shown, and what its header said.
 */
export interface UserLayer {
  /** `user-` and lowercase letters: also its map layer and tile URL id. */
  id: string;
  role: 'carbon-stock' | 'organic-matter' | 'sealed' | 'soil-group' | 'land-use';
  /** Unit token of a continuous role (null for class layers). */
  unit: string | null;
  /** 1-based band of a multi-band raster, else null. */
  band: number | null;
  source: UserLayerSource;
  visible: boolean;
  /** 0..1 */
  opacity: number;
  /** What the raster's header said, for the layer panel. */
  crs: string;
  cellWidth: number;
  cellHeight: number;
  cellUnit: 'degrees' | 'metres';
}

/** The contents of a session, shared by the saved session and the workshop file (DESIGN.md 9). */
export interface SessionContent {
  package: SessionPackage | null;
  view: MapView | null;
  layers: Record<string, LayerSetting>;
  userLayers: UserLayer[];
  areas: SessionArea[];
  selectedId: string | null;
  scenario: Scenario;
  scenes: Scene[];
  language: 'nl' | 'en';
  basemap: 'offline' | 'pdok';
}
