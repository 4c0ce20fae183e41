import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SCENARIO } from '../core/estimate/scenario';
import type { Scene } from '../core/session/types';
import type { Area } from './areas-slice';
import { createAppStore } from './store';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [5, 52],
      [5.01, 52],
      [5.01, 52.01],
      [5, 52],
    ],
  ],
};
const area = (id: string): Area => ({
  id,
  name: id,
  color: '#0072b2',
  visible: true,
  geometry: square,
});
const scene = (id: string, patch: Partial<Scene> = {}): Scene => ({
  id,
  name: id,
  view: null,
  layers: {},
  areaIds: [],
  selectedId: null,
  scenario: DEFAULT_SCENARIO,
  ...patch,
});

describe('workshop slice', () => {
  test('scenes are added, renamed, moved and removed', () => {
    const store = createAppStore();
    const state = store.getState();
    state.addScene(scene('s1'));
    state.addScene(scene('s2'));
    state.addScene(scene('s3'));
    state.renameScene('s2', 'Park');
    state.moveScene('s3', -2);
    state.removeScene('s1');
    expect(store.getState().scenes.map((each) => [each.id, each.name])).toEqual([
      ['s3', 's3'],
      ['s2', 'Park'],
    ]);
  });

  test('showing a scene sets visible areas, selection, scenario and layers at once', () => {
    const store = createAppStore();
    store.getState().replaceAreas([area('a'), area('b')], 'a');
    store.getState().restoreLayers({
      'carbon-stock': { visible: true, opacity: 0.8, order: 0 },
      sealed: { visible: false, opacity: 0.8, order: 1 },
    });
    const scenario = { ...DEFAULT_SCENARIO, horizon_years: 30 };
    store.getState().addScene(
      scene('s1', {
        areaIds: ['b'],
        selectedId: 'b',
        scenario,
        layers: {
          'carbon-stock': { visible: false, opacity: 0.5, order: 1 },
          sealed: { visible: true, opacity: 0.4, order: 0 },
        },
      }),
    );
    let changes = 0;
    store.subscribe(() => changes++);
    expect(store.getState().showScene('s1')?.id).toBe('s1');
    const state = store.getState();
    expect(changes).toBe(1);
    expect(state.areas.map((each) => each.visible)).toEqual([false, true]);
    expect(state.selectedId).toBe('b');
    expect(state.scenario).toEqual(scenario);
    expect(state.layerViews).toEqual({
      'carbon-stock': { visible: false, opacity: 0.5 },
      sealed: { visible: true, opacity: 0.4 },
    });
    expect(state.layerOrder).toEqual(['sealed', 'carbon-stock']);
    expect(state.currentSceneId).toBe('s1');
  });

  test('a deleted area leaves the scenes; so does one undone', () => {
    const store = createAppStore();
    store.getState().replaceAreas([area('a'), area('b')]);
    store.getState().addScene(scene('s1', { areaIds: ['a', 'b'], selectedId: 'b' }));
    store.getState().removeArea('b');
    expect(store.getState().scenes[0]?.areaIds).toEqual(['a']);
    expect(store.getState().scenes[0]?.selectedId).toBeNull();
    store.getState().addArea(area('c'));
    store.getState().addScene(scene('s2', { areaIds: ['a', 'c'] }));
    store.getState().undoAreas();
    expect(store.getState().scenes[1]?.areaIds).toEqual(['a']);
  });
});
