import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { AREA_COLORS, nextAreaColor } from './area-colors';
import type { Area } from './areas-slice';
import { createAppStore } from './store';

const square = (x: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 52],
      [x + 0.01, 52],
      [x + 0.01, 52.01],
      [x, 52],
    ],
  ],
});

function area(id: string, x = 5): Area {
  return { id, name: `Vlak ${id}`, color: '#0072b2', visible: true, geometry: square(x) };
}

describe('areas history', () => {
  test('undo and redo step through create, edit, rename and delete', () => {
    const store = createAppStore();
    const { addArea, updateArea, removeArea, undoAreas, redoAreas } = store.getState();
    addArea(area('a'));
    updateArea('a', { geometry: square(5.1) });
    updateArea('a', { name: 'Park' });
    removeArea('a');
    expect(store.getState().areas).toEqual([]);
    undoAreas();
    expect(store.getState().areas[0]?.name).toBe('Park');
    undoAreas();
    expect(store.getState().areas[0]?.name).toBe('Vlak a');
    expect(store.getState().areas[0]?.geometry).toEqual(square(5.1));
    undoAreas();
    expect(store.getState().areas[0]?.geometry).toEqual(square(5));
    undoAreas();
    expect(store.getState().areas).toEqual([]);
    undoAreas();
    expect(store.getState().areas).toEqual([]);
    redoAreas();
    redoAreas();
    expect(store.getState().areas[0]?.geometry).toEqual(square(5.1));
    expect(store.getState().areasHistory.future).toHaveLength(2);
  });

  test('a new change after undo drops the redo stack', () => {
    const store = createAppStore();
    store.getState().addArea(area('a'));
    store.getState().addArea(area('b'));
    store.getState().undoAreas();
    store.getState().addArea(area('c'));
    store.getState().redoAreas();
    expect(store.getState().areas.map((each) => each.id)).toEqual(['a', 'c']);
  });

  test('visibility is a view setting and makes no undo step', () => {
    const store = createAppStore();
    store.getState().addArea(area('a'));
    store.getState().updateArea('a', { visible: false });
    expect(store.getState().areasHistory.past).toHaveLength(1);
    expect(store.getState().areas[0]?.visible).toBe(false);
  });

  test('undo clears a selection whose area no longer exists', () => {
    const store = createAppStore();
    store.getState().addArea(area('a'));
    expect(store.getState().selectedId).toBe('a');
    store.getState().undoAreas();
    expect(store.getState().selectedId).toBeNull();
  });

  test('changes to an unknown area are ignored without an undo step', () => {
    const store = createAppStore();
    store.getState().updateArea('x', { name: 'y' });
    store.getState().removeArea('x');
    expect(store.getState().areasHistory.past).toHaveLength(0);
  });

  test('addAreas is one undo step and replaceAreas clears the history', () => {
    const store = createAppStore();
    store.getState().addAreas([area('a'), area('b')]);
    expect(store.getState().selectedId).toBe('a');
    store.getState().undoAreas();
    expect(store.getState().areas).toHaveLength(0);
    store.getState().replaceAreas([area('c')], 'c');
    expect(store.getState().areasHistory).toEqual({ past: [], future: [] });
    expect(store.getState().selectedId).toBe('c');
  });
});

describe('area colours', () => {
  test('a new area takes the first unused colour, then the palette repeats', () => {
    expect(nextAreaColor([])).toBe(AREA_COLORS[0]);
    expect(nextAreaColor([AREA_COLORS[0], AREA_COLORS[2]])).toBe(AREA_COLORS[1]);
    expect(nextAreaColor([...AREA_COLORS, AREA_COLORS[0]])).toBe(AREA_COLORS[1]);
  });
});
