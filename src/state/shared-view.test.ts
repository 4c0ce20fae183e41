import { afterEach, describe, expect, test } from 'vitest';
import { syntheticWorkshop } from '../../test/support/synthetic-workshop';
import type { Area } from './areas-slice';
import { persistState, SESSION_KEY, type SessionJournal, startAutosave } from './persist';
import {
  backToOwnWork,
  copySharedAreas,
  isSharedShown,
  openShared,
  sharedView,
  withFreeIds,
} from './shared-view';
import { createAppStore } from './store';

const square = (x: number): Area['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [5 + x, 52],
      [5.01 + x, 52],
      [5.01 + x, 52.01],
      [5 + x, 52],
    ],
  ],
});

function setup() {
  const store = createAppStore();
  const saved = new Map<string, unknown>();
  const storage = {
    get: async (key: string) => saved.get(key),
    set: async (key: string, value: unknown) => {
      saved.set(key, structuredClone(value));
    },
  };
  const journal: SessionJournal = { read: () => null, write: () => {}, clear: () => {} };
  const autosave = startAutosave(store, storage, {
    intervalMs: 1,
    page: new EventTarget(),
    journal,
  });
  return { store, saved, autosave };
}

const savedAreas = (saved: Map<string, unknown>) =>
  (saved.get(SESSION_KEY) as { areas: Area[] } | undefined)?.areas.map((area) => area.id);

afterEach(() => {
  persistState.setState({ shared: false });
  sharedView.setState({ shown: null, error: null, message: null });
});

describe('shared view', () => {
  test('shows the shared state, writes nothing, and brings own work back in one action', async () => {
    const { store, saved, autosave } = setup();
    const own: Area = {
      id: 'area-1',
      name: 'Mijn vlak',
      color: '#0072b2',
      visible: true,
      geometry: square(0),
    };
    store.getState().addArea(own);
    await autosave.flush();
    expect(savedAreas(saved)).toEqual(['area-1']);

    const shared = syntheticWorkshop(3, 10, 1);
    await openShared(store, shared, null, { source: 'link', flush: autosave.flush });
    expect(isSharedShown()).toBe(true);
    expect(store.getState().areas.map((area) => area.id)).toEqual(['area-1', 'area-2', 'area-3']);
    expect(store.getState().areas[0]?.name).toBe('Gebied 1');
    store.getState().addArea({ ...own, id: 'drawn-in-shared', geometry: square(0.1) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await autosave.flush();
    // Own work stays saved untouched.
    expect(savedAreas(saved)).toEqual(['area-1']);
    expect(sharedView.getState().shown?.areaCount).toBe(3);

    backToOwnWork(store);
    expect(isSharedShown()).toBe(false);
    expect(store.getState().areas).toEqual([own]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await autosave.flush();
    expect(savedAreas(saved)).toEqual(['area-1']);
    autosave.stop();
  });

  test('copying areas adds the link areas to own work with clashing ids renamed', async () => {
    const { store, saved, autosave } = setup();
    store.getState().addArea({
      id: 'area-2',
      name: 'Eigen',
      color: '#0072b2',
      visible: true,
      geometry: square(0),
    });
    await openShared(store, syntheticWorkshop(2, 10, 1), null, {
      source: 'link',
      flush: autosave.flush,
    });
    expect(copySharedAreas(store)).toBe(2);
    expect(isSharedShown()).toBe(false);
    expect(store.getState().areas.map((area) => area.id)).toEqual(['area-2', 'area-1', 'area-2-2']);
    expect(sharedView.getState().message).toEqual({
      code: 'share.copiedAreas',
      params: { count: 2 },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await autosave.flush();
    expect(savedAreas(saved)).toEqual(['area-2', 'area-1', 'area-2-2']);
    autosave.stop();
  });

  test('a package the recipient does not have is named and the demo used', async () => {
    const { store, autosave } = setup();
    const shared = {
      ...syntheticWorkshop(1, 10, 0),
      package: { id: 'eigen-gemeente', url: 'blob:x' },
    };
    await openShared(store, shared, null, {
      source: 'link',
      packageAvailable: (value) => !value.url?.startsWith('blob:'),
    });
    expect(sharedView.getState().shown?.missingPackage).toBe('eigen-gemeente');
    expect(store.getState().package).toBeNull();
    backToOwnWork(store);
    autosave.stop();
  });

  test('withFreeIds renames only clashes', () => {
    const a = { id: 'a' } as Area;
    expect(withFreeIds([a, a, { id: 'b' } as Area], ['a', 'a-2']).map((x) => x.id)).toEqual([
      'a-3',
      'a-4',
      'b',
    ]);
  });
});
