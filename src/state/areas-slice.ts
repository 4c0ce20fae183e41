import type { MultiPolygon, Polygon } from 'geojson';
import type { StateCreator } from 'zustand';
import { scenesWithoutMissingAreas } from '../core/session/scenes';
import { nextAreaColor } from './area-colors';
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

/** Undo and redo stacks of the areas list: whole snapshots (areas are immutable values). */
export interface AreasHistory {
  past: Area[][];
  future: Area[][];
}

/** Steps kept for undo. */
export const AREAS_HISTORY_LIMIT = 100;

export interface AreasSlice {
  areas: Area[];
  selectedId: string | null;
  areasHistory: AreasHistory;
  /** Adds an area (undoable) and selects it. */
  addArea: (area: Area) => void;
  /** Adds several areas at once (one undo step), e.g. from an import; selects the first. */
  addAreas: (areas: Area[]) => void;
  /** Changes an area. Undoable, except a change of visibility only (a view setting). */
  updateArea: (id: string, patch: Partial<Omit<Area, 'id'>>) => void;
  removeArea: (id: string) => void;
  selectArea: (id: string | null) => void;
  undoAreas: () => void;
  redoAreas: () => void;
  /** Replaces all areas without history, e.g. when a saved session is restored or cleared. */
  replaceAreas: (areas: Area[], selectedId?: string | null) => void;
  /** The colour for a new area, distinct from the ones in use where possible. */
  nextAreaColor: () => string;
}

function pushed(history: AreasHistory, before: Area[]): AreasHistory {
  const past = [...history.past, before];
  if (past.length > AREAS_HISTORY_LIMIT) past.shift();
  return { past, future: [] };
}

function keepSelection(selectedId: string | null, areas: Area[]): string | null {
  return selectedId !== null && areas.some((area) => area.id === selectedId) ? selectedId : null;
}

export const createAreasSlice: StateCreator<AppState, [], [], AreasSlice> = (set, get) => ({
  areas: [],
  selectedId: null,
  areasHistory: { past: [], future: [] },
  addArea: (area) =>
    set((state) => ({
      areas: [...state.areas, area],
      selectedId: area.id,
      areasHistory: pushed(state.areasHistory, state.areas),
    })),
  addAreas: (added) =>
    set((state) =>
      added.length === 0
        ? {}
        : {
            areas: [...state.areas, ...added],
            selectedId: added[0]?.id ?? state.selectedId,
            areasHistory: pushed(state.areasHistory, state.areas),
          },
    ),
  updateArea: (id, patch) =>
    set((state) => {
      if (!state.areas.some((area) => area.id === id)) return {};
      const areas = state.areas.map((area) => (area.id === id ? { ...area, ...patch } : area));
      const viewOnly = Object.keys(patch).every((key) => key === 'visible');
      return viewOnly
        ? { areas }
        : { areas, areasHistory: pushed(state.areasHistory, state.areas) };
    }),
  removeArea: (id) =>
    set((state) => {
      if (!state.areas.some((area) => area.id === id)) return {};
      const areas = state.areas.filter((area) => area.id !== id);
      return {
        areas,
        selectedId: state.selectedId === id ? null : state.selectedId,
        // A deleted area leaves the scenes (DESIGN.md 9).
        scenes: scenesWithoutMissingAreas(state.scenes, areas),
        areasHistory: pushed(state.areasHistory, state.areas),
      };
    }),
  selectArea: (selectedId) => set({ selectedId }),
  undoAreas: () =>
    set((state) => {
      const previous = state.areasHistory.past.at(-1);
      if (!previous) return {};
      return {
        areas: previous,
        selectedId: keepSelection(state.selectedId, previous),
        scenes: scenesWithoutMissingAreas(state.scenes, previous),
        areasHistory: {
          past: state.areasHistory.past.slice(0, -1),
          future: [state.areas, ...state.areasHistory.future],
        },
      };
    }),
  redoAreas: () =>
    set((state) => {
      const [next, ...future] = state.areasHistory.future;
      if (!next) return {};
      return {
        areas: next,
        selectedId: keepSelection(state.selectedId, next),
        scenes: scenesWithoutMissingAreas(state.scenes, next),
        areasHistory: { past: [...state.areasHistory.past, state.areas], future },
      };
    }),
  replaceAreas: (areas, selectedId = null) =>
    set((state) => ({
      areas,
      selectedId: keepSelection(selectedId, areas),
      areasHistory: { past: [], future: [] },
      scenes: scenesWithoutMissingAreas(state.scenes, areas),
    })),
  nextAreaColor: () => nextAreaColor(get().areas.map((area) => area.color)),
});
