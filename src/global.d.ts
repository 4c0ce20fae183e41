import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AppStore } from './state/store';

declare global {
  interface Window {
    /** Contract of DESIGN.md 7.4: the map and the zustand store, for checks from outside. */
    koolstofkaart?: { map: MapLibreMap | null; store: AppStore };
  }
}
