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

/**
 * A raster the user opened themself (DESIGN.md 8.2). Its shape is filled by that work; until then
 * the list is saved as it is and restored when it is an array of objects.
 */
export type UserLayer = Record<string, unknown>;

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
