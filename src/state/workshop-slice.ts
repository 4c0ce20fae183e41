import type { StateCreator } from 'zustand';
import type { LayerId } from '../core/raster/classes';
import { movedScene } from '../core/session/scenes';
import type { Scene } from '../core/session/types';
import type { LayerView } from './layers-slice';
import type { AppState } from './store';

/**
 * Presentation mode and the actions on the session's scenes (DESIGN.md 9). The scenes themselves
 * are the session slice's `scenes` (saved with the session); `presenting` and the current scene are
 * a view of what the facilitator is doing and are not saved.
 */
export interface WorkshopSlice {
  /** True in presentation mode: the page root carries `data-mode="present"`, the panels are gone. */
  presenting: boolean;
  /** The scene last shown (stepping goes on from it); null: none shown yet. */
  currentSceneId: string | null;
  setPresenting: (presenting: boolean) => void;
  /** Adds a scene at the end. */
  addScene: (scene: Scene) => void;
  renameScene: (id: string, name: string) => void;
  /** Moves a scene `delta` places up (negative) or down, within the list. */
  moveScene: (id: string, delta: number) => void;
  removeScene: (id: string) => void;
  /**
   * Puts a scene's layers, areas (those of the scene visible, the others hidden), selection and
   * scenario into the store in one change, and makes it the current scene. The view is the map's to
   * apply (it animates). Returns the scene, or null when there is none with that id.
   */
  showScene: (id: string) => Scene | null;
}

/** The store's layer views and order with a scene's layer settings put over them. */
function layersOfScene(state: AppState, scene: Scene) {
  const entries = Object.entries(scene.layers);
  if (entries.length === 0) return {};
  const layerViews: Partial<Record<LayerId, LayerView>> = { ...state.layerViews };
  let viewsChanged = false;
  for (const [id, setting] of entries) {
    const current = layerViews[id as LayerId];
    if (current?.visible === setting.visible && current.opacity === setting.opacity) continue;
    layerViews[id as LayerId] = { visible: setting.visible, opacity: setting.opacity };
    viewsChanged = true;
  }
  // The scene's order for the layers it knows, bottom first; layers it does not know stay on top.
  const known = entries.sort((a, b) => a[1].order - b[1].order).map(([id]) => id as LayerId);
  const present = state.layerOrder.length
    ? known.filter((id) => state.layerOrder.includes(id))
    : known;
  const layerOrder = [...present, ...state.layerOrder.filter((id) => !present.includes(id))];
  const orderChanged =
    layerOrder.length !== state.layerOrder.length ||
    layerOrder.some((id, index) => id !== state.layerOrder[index]);
  return {
    ...(viewsChanged ? { layerViews } : {}),
    ...(orderChanged ? { layerOrder } : {}),
  };
}

export const createWorkshopSlice: StateCreator<AppState, [], [], WorkshopSlice> = (set, get) => ({
  presenting: false,
  currentSceneId: null,
  setPresenting: (presenting) => set({ presenting }),
  addScene: (scene) => set((state) => ({ scenes: [...state.scenes, scene] })),
  renameScene: (id, name) =>
    set((state) => ({
      scenes: state.scenes.map((scene) => (scene.id === id ? { ...scene, name } : scene)),
    })),
  moveScene: (id, delta) => set((state) => ({ scenes: movedScene(state.scenes, id, delta) })),
  removeScene: (id) =>
    set((state) => ({
      scenes: state.scenes.filter((scene) => scene.id !== id),
      currentSceneId: state.currentSceneId === id ? null : state.currentSceneId,
    })),
  showScene: (id) => {
    const scene = get().scenes.find((each) => each.id === id);
    if (!scene) return null;
    set((state) => {
      const shown = new Set(scene.areaIds);
      let areasChanged = false;
      const areas = state.areas.map((area) => {
        const visible = shown.has(area.id);
        if (area.visible === visible) return area;
        areasChanged = true;
        return { ...area, visible };
      });
      const selectedId =
        scene.selectedId !== null && state.areas.some((area) => area.id === scene.selectedId)
          ? scene.selectedId
          : null;
      // The same scenario is no change: the areas are not analysed again.
      const sameScenario = JSON.stringify(scene.scenario) === JSON.stringify(state.scenario);
      return {
        currentSceneId: scene.id,
        ...(areasChanged ? { areas } : {}),
        selectedId,
        ...(sameScenario ? {} : { scenario: scene.scenario }),
        ...layersOfScene(state, scene),
      };
    });
    return scene;
  },
});
