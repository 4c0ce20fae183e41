import type { StateCreator } from 'zustand';
import type { Catalogue } from '../core/raster/catalogue-types';
import type { LayerId } from '../core/raster/classes';
import type { LayerSetting } from '../core/session/types';
import type { AppState } from './store';

export interface LayerView {
  visible: boolean;
  /** 0..1 */
  opacity: number;
}

export interface LayersSlice {
  catalogue: Catalogue | null;
  /** Absolute URL of the catalogue file; layer files resolve against it. */
  catalogueUrl: string | null;
  /** Drawing order, bottom first. */
  layerOrder: LayerId[];
  layerViews: Partial<Record<LayerId, LayerView>>;
  setCatalogue: (catalogue: Catalogue, url: string) => void;
  setLayerView: (id: LayerId, patch: Partial<LayerView>) => void;
  setLayerOrder: (order: LayerId[]) => void;
  /** Puts saved layer settings back (a restore); the catalogue, when it comes, keeps them. */
  restoreLayers: (settings: Record<string, LayerSetting>) => void;
}

/** The layer settings as saved: per id visible, opacity and drawing order (0 at the bottom). */
export function layerSettingsOf(
  state: Pick<LayersSlice, 'layerOrder' | 'layerViews'>,
): Record<string, LayerSetting> {
  const settings: Record<string, LayerSetting> = {};
  for (const [id, view] of Object.entries(state.layerViews)) {
    if (!view) continue;
    const order = state.layerOrder.indexOf(id as LayerId);
    settings[id] = {
      visible: view.visible,
      opacity: view.opacity,
      order: order === -1 ? state.layerOrder.length : order,
    };
  }
  return settings;
}

export const createLayersSlice: StateCreator<AppState, [], [], LayersSlice> = (set) => ({
  catalogue: null,
  catalogueUrl: null,
  layerOrder: [],
  layerViews: {},
  setCatalogue: (catalogue, url) =>
    set((state) => {
      const missing = catalogue.layers.filter((layer) => !state.layerViews[layer.id]);
      // Restored settings stay the same objects, so a restore followed by the catalogue is no
      // change to save.
      let layerViews = state.layerViews;
      if (missing.length > 0) {
        layerViews = { ...layerViews };
        for (const layer of missing) {
          layerViews[layer.id] = { visible: layer.id === 'carbon-stock', opacity: 0.8 };
        }
      }
      // A restored order is kept for the layers the catalogue has; new layers go on top.
      const ids = catalogue.layers.map((layer) => layer.id);
      const kept = state.layerOrder.filter((id) => ids.includes(id));
      const order = [...kept, ...ids.filter((id) => !kept.includes(id))];
      const sameOrder =
        order.length === state.layerOrder.length &&
        order.every((id, index) => id === state.layerOrder[index]);
      const layerOrder = sameOrder ? state.layerOrder : order;
      return { catalogue, catalogueUrl: url, layerViews, layerOrder };
    }),
  setLayerView: (id, patch) =>
    set((state) => {
      const current = state.layerViews[id] ?? { visible: false, opacity: 0.8 };
      return { layerViews: { ...state.layerViews, [id]: { ...current, ...patch } } };
    }),
  setLayerOrder: (layerOrder) => set({ layerOrder }),
  restoreLayers: (settings) =>
    set(() => {
      const entries = Object.entries(settings);
      const layerViews: Partial<Record<LayerId, LayerView>> = {};
      for (const [id, setting] of entries) {
        layerViews[id as LayerId] = { visible: setting.visible, opacity: setting.opacity };
      }
      const layerOrder = entries
        .sort((a, b) => a[1].order - b[1].order)
        .map(([id]) => id as LayerId);
      return { layerViews, layerOrder };
    }),
});
