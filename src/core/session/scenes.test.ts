import { describe, expect, test } from 'vitest';
import { DEFAULT_SCENARIO } from '../estimate/scenario';
import { movedScene, scenesWithoutMissingAreas, steppedSceneIndex } from './scenes';
import type { Scene } from './types';

const scene = (id: string, areaIds: string[], selectedId: string | null = null): Scene => ({
  id,
  name: id,
  view: null,
  layers: {},
  areaIds,
  selectedId,
  scenario: DEFAULT_SCENARIO,
});

describe('scenesWithoutMissingAreas', () => {
  test('a deleted area leaves every scene, and its selection', () => {
    const scenes = [scene('s1', ['a', 'b'], 'b'), scene('s2', ['a'], 'a')];
    const kept = scenesWithoutMissingAreas(scenes, [{ id: 'a' }]);
    expect(kept[0]).toEqual({ ...scenes[0], areaIds: ['a'], selectedId: null });
    expect(kept[1]).toBe(scenes[1]);
  });
  test('nothing missing gives the same array', () => {
    const scenes = [scene('s1', ['a'])];
    expect(scenesWithoutMissingAreas(scenes, [{ id: 'a' }, { id: 'b' }])).toBe(scenes);
  });
});

describe('movedScene', () => {
  const scenes = [scene('s1', []), scene('s2', []), scene('s3', [])];
  test('moves up and down, clamped to the list', () => {
    expect(movedScene(scenes, 's3', -1).map((each) => each.id)).toEqual(['s1', 's3', 's2']);
    expect(movedScene(scenes, 's1', 1).map((each) => each.id)).toEqual(['s2', 's1', 's3']);
    expect(movedScene(scenes, 's1', -1)).toBe(scenes);
    expect(movedScene(scenes, 'nope', 1)).toBe(scenes);
  });
});

describe('steppedSceneIndex', () => {
  const scenes = [scene('s1', []), scene('s2', []), scene('s3', [])];
  test('starts at the first (forward) or last (back), then stops at both ends', () => {
    expect(steppedSceneIndex(scenes, null, 1)).toBe(0);
    expect(steppedSceneIndex(scenes, null, -1)).toBe(2);
    expect(steppedSceneIndex(scenes, 's1', 1)).toBe(1);
    expect(steppedSceneIndex(scenes, 's3', 1)).toBe(2);
    expect(steppedSceneIndex(scenes, 's1', -1)).toBe(0);
    expect(steppedSceneIndex([], null, 1)).toBeNull();
  });
});
