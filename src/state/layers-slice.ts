import type { StateCreator } from 'zustand';
import type { Catalogue } from '../core/raster/catalogue-types';
import type { LayerId } from '../core/raster/classes';
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
}

export const createLayersSlice: StateCreator<AppState, [], [], LayersSlice> = (set) => ({
  catalogue: null,
  catalogueUrl: null,
  layerOrder: [],
  layerViews: {},
  setCatalogue: (catalogue, url) =>
    set((state) => {
      const layerViews = { ...state.layerViews };
      for (const layer of catalogue.layers) {
        layerViews[layer.id] ??= { visible: layer.id === 'carbon-stock', opacity: 0.8 };
      }
      const layerOrder = catalogue.layers.map((layer) => layer.id);
      return { catalogue, catalogueUrl: url, layerViews, layerOrder };
    }),
  setLayerView: (id, patch) =>
    set((state) => {
      const current = state.layerViews[id] ?? { visible: false, opacity: 0.8 };
      return { layerViews: { ...state.layerViews, [id]: { ...current, ...patch } } };
    }),
  setLayerOrder: (layerOrder) => set({ layerOrder }),
});
