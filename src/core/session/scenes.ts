import type { Scene } from './types';

/**
 * The scenes without the areas that no longer exist (DESIGN.md 9: a deleted area leaves the
 * scenes); a scene whose selected area went selects nothing. The same array when nothing changed.
 */
export function scenesWithoutMissingAreas(
  scenes: Scene[],
  areas: readonly { id: string }[],
): Scene[] {
  if (scenes.length === 0) return scenes;
  const ids = new Set(areas.map((area) => area.id));
  let changed = false;
  const kept = scenes.map((scene) => {
    const areaIds = scene.areaIds.filter((id) => ids.has(id));
    const selectedId =
      scene.selectedId !== null && ids.has(scene.selectedId) ? scene.selectedId : null;
    if (areaIds.length === scene.areaIds.length && selectedId === scene.selectedId) return scene;
    changed = true;
    return { ...scene, areaIds, selectedId };
  });
  return changed ? kept : scenes;
}

/** The scenes with scene `id` moved `delta` places (clamped to the list); the same array if not moved. */
export function movedScene(scenes: Scene[], id: string, delta: number): Scene[] {
  const from = scenes.findIndex((scene) => scene.id === id);
  if (from === -1) return scenes;
  const to = Math.min(scenes.length - 1, Math.max(0, from + delta));
  if (to === from) return scenes;
  const moved = [...scenes];
  const [scene] = moved.splice(from, 1);
  moved.splice(to, 0, scene as Scene);
  return moved;
}

/**
 * The index of the scene to show after a step of `delta` from scene `currentId` (null: none shown
 * yet, so a step forward shows the first); null when there is no scene. Stops at both ends.
 */
export function steppedSceneIndex(
  scenes: readonly Scene[],
  currentId: string | null,
  delta: number,
): number | null {
  if (scenes.length === 0) return null;
  const current = currentId === null ? -1 : scenes.findIndex((scene) => scene.id === currentId);
  if (current === -1) return delta >= 0 ? 0 : scenes.length - 1;
  return Math.min(scenes.length - 1, Math.max(0, current + delta));
}
