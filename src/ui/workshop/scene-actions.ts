import { steppedSceneIndex } from '../../core/session/scenes';
import type { MapView, Scene } from '../../core/session/types';
import { plannerMap } from '../../map/areas-layer';
import { layerSettingsOf } from '../../state/layers-slice';
import { store } from '../../state/store';

/** How long a scene's view takes to fly in, ms (none with reduced motion). */
export const SCENE_FLIGHT_MS = 1200;

/** True when the user asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** Where the map looks now: the map itself when it is there, else the view saved in the store. */
function currentView(): MapView | null {
  const map = plannerMap();
  if (!map) return store.getState().view;
  const center = map.getCenter();
  return {
    center: [Number(center.lng.toFixed(7)), Number(center.lat.toFixed(7))],
    zoom: Number(map.getZoom().toFixed(3)),
    bearing: Number(map.getBearing().toFixed(2)),
    pitch: Number(map.getPitch().toFixed(2)),
  };
}

/**
 * Saves what is on screen as a new scene (DESIGN.md 9): the view, the layers with their opacity
 * and order, the visible areas (by id), the selection and the scenario. Returns it.
 */
export function saveCurrentScene(name: string): Scene {
  const state = store.getState();
  const scene: Scene = {
    id: crypto.randomUUID(),
    name,
    view: currentView(),
    layers: layerSettingsOf(state),
    areaIds: state.areas.filter((area) => area.visible).map((area) => area.id),
    selectedId: state.selectedId,
    scenario: state.scenario,
  };
  state.addScene(scene);
  return scene;
}

/** Moves the map to a scene's view: a flight, or a jump when reduced motion is asked for. */
function moveMapTo(view: MapView): void {
  const map = plannerMap();
  if (!map) return;
  const target = { center: view.center, zoom: view.zoom, bearing: view.bearing, pitch: view.pitch };
  if (prefersReducedMotion()) map.jumpTo(target);
  else map.flyTo({ ...target, duration: SCENE_FLIGHT_MS });
}

/** Shows a scene: its layers, areas, selection and scenario in the store, its view on the map. */
export function showScene(id: string): Scene | null {
  const scene = store.getState().showScene(id);
  if (scene?.view) moveMapTo(scene.view);
  return scene;
}

/** Steps `delta` scenes from the current one (the first when none is shown yet). */
export function stepScene(delta: number): Scene | null {
  const { scenes, currentSceneId } = store.getState();
  const index = steppedSceneIndex(scenes, currentSceneId, delta);
  const target = index === null ? undefined : scenes[index];
  if (!target || target.id === currentSceneId) return null;
  return showScene(target.id);
}
