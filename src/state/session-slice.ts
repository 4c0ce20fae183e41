import type { StateCreator } from 'zustand';
import type { MapView, Scene, SessionPackage, UserLayer } from '../core/session/types';
import type { AppState } from './store';

export interface SessionSlice {
  /** The data package open in the map (DESIGN.md 8.1); null until a catalogue has loaded. */
  package: SessionPackage | null;
  /** Where the map looks; written by the map on `moveend`, applied by it on start. */
  view: MapView | null;
  /** The user's own rasters (DESIGN.md 8.2): at most one per role, each replacing that layer. */
  userLayers: UserLayer[];
  /** Workshop scenes (DESIGN.md 9); empty until that work fills it. */
  scenes: Scene[];
  setPackage: (value: SessionPackage | null) => void;
  setView: (view: MapView) => void;
  /** Adds a user raster; one of the same role is replaced (DESIGN.md 8.2). */
  addUserLayer: (layer: UserLayer) => void;
  removeUserLayer: (id: string) => void;
  /** Changes how a user raster is shown (visible, opacity) or whether its bytes are stored. */
  updateUserLayer: (
    id: string,
    patch: Partial<Pick<UserLayer, 'visible' | 'opacity' | 'source'>>,
  ) => void;
  /** Replaces the parts of the session that only a restore sets at once. */
  replaceSessionExtras: (extras: { userLayers: UserLayer[]; scenes: Scene[] }) => void;
}

const sameView = (a: MapView | null, b: MapView) =>
  a !== null &&
  a.center[0] === b.center[0] &&
  a.center[1] === b.center[1] &&
  a.zoom === b.zoom &&
  a.bearing === b.bearing &&
  a.pitch === b.pitch;

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  package: null,
  view: null,
  userLayers: [],
  scenes: [],
  setPackage: (value) =>
    set((state) =>
      state.package?.id === value?.id && state.package?.url === value?.url
        ? {}
        : { package: value },
    ),
  // An unchanged view is no change: autosave writes nothing for it.
  setView: (view) => set((state) => (sameView(state.view, view) ? {} : { view })),
  replaceSessionExtras: ({ userLayers, scenes }) => set({ userLayers, scenes }),
  addUserLayer: (layer) =>
    set((state) => ({
      userLayers: [...state.userLayers.filter((each) => each.role !== layer.role), layer],
    })),
  removeUserLayer: (id) =>
    set((state) => ({ userLayers: state.userLayers.filter((each) => each.id !== id) })),
  updateUserLayer: (id, patch) =>
    set((state) => ({
      userLayers: state.userLayers.map((each) => (each.id === id ? { ...each, ...patch } : each)),
    })),
});
