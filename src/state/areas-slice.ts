import type { MultiPolygon, Polygon } from 'geojson';
import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** A user's area: geometry in WGS84 (RFC 7946), as DESIGN.md 7.4 requires of `areas`. */
export interface Area {
  id: string;
  name: string;
  color: string;
  visible: boolean;
  geometry: Polygon | MultiPolygon;
  properties?: Record<string, unknown>;
}

export interface AreasSlice {
  areas: Area[];
  selectedId: string | null;
  addArea: (area: Area) => void;
  updateArea: (id: string, patch: Partial<Omit<Area, 'id'>>) => void;
  removeArea: (id: string) => void;
  selectArea: (id: string | null) => void;
}

export const createAreasSlice: StateCreator<AppState, [], [], AreasSlice> = (set) => ({
  areas: [],
  selectedId: null,
  addArea: (area) => set((state) => ({ areas: [...state.areas, area], selectedId: area.id })),
  updateArea: (id, patch) =>
    set((state) => ({
      areas: state.areas.map((area) => (area.id === id ? { ...area, ...patch } : area)),
    })),
  removeArea: (id) =>
    set((state) => ({
      areas: state.areas.filter((area) => area.id !== id),
      selectedId: state.selectedId === id ? null : state.selectedId,
    })),
  selectArea: (selectedId) => set({ selectedId }),
});
