import { afterEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_SCENARIO } from '../core/estimate/scenario';
import {
  migrateSession,
  restoreSession,
  SESSION_KEY,
  SESSION_SCHEMA_VERSION,
  type SessionStorage,
  startAutosave,
} from './persist';
import { createAppStore } from './store';

function memoryStorage(): SessionStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => structuredClone(data.get(key)),
    set: async (key, value) => {
      data.set(key, structuredClone(value));
    },
  };
}

const polygon = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [5, 52],
      [5.01, 52],
      [5.01, 52.01],
      [5, 52],
    ],
  ],
};

afterEach(() => {
  vi.useRealTimers();
});

describe('autosave', () => {
  test('areas, scenario and settings survive a save and a restore into a new store', async () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const first = createAppStore();
    const stop = startAutosave(first, storage, 100);
    first
      .getState()
      .addArea({ id: 'a', name: 'Park', color: '#d55e00', visible: true, geometry: polygon });
    first.getState().setScenario({ horizon_years: 30, f_c: 0.58 });
    first.getState().setLanguage('en');
    expect(storage.data.has(SESSION_KEY)).toBe(false);
    await vi.advanceTimersByTimeAsync(150);
    stop();
    const saved = storage.data.get(SESSION_KEY) as { version: number };
    expect(saved.version).toBe(SESSION_SCHEMA_VERSION);

    const second = createAppStore();
    expect(await restoreSession(second, storage)).toBe(true);
    const state = second.getState();
    expect(state.areas).toEqual(first.getState().areas);
    expect(state.selectedId).toBe('a');
    expect(state.scenario).toEqual({ ...DEFAULT_SCENARIO, horizon_years: 30, f_c: 0.58 });
    expect(state.language).toBe('en');
    expect(state.areasHistory.past).toEqual([]);
  });

  test('no saved session leaves the store as it is', async () => {
    const store = createAppStore();
    expect(await restoreSession(store, memoryStorage())).toBe(false);
    expect(store.getState().areas).toEqual([]);
  });
});

describe('migrateSession', () => {
  test('missing scenario fields take their defaults and bad areas are dropped', () => {
    const session = migrateSession({
      version: 1,
      areas: [{ id: 'a', name: 'A', geometry: polygon }, { id: 'b' }, 'x'],
      scenario: { horizon_years: 10, measures: { rotation: { on: true } } },
    });
    expect(session?.areas.map((area) => area.id)).toEqual(['a']);
    expect(session?.areas[0]?.visible).toBe(true);
    expect(session?.scenario.horizon_years).toBe(10);
    expect(session?.scenario.measures.rotation).toEqual({ on: true, level: 'central' });
    expect(session?.scenario.measures['cover-crops']).toEqual(
      DEFAULT_SCENARIO.measures['cover-crops'],
    );
    expect(session?.scenario.clay_target_pct).toEqual(DEFAULT_SCENARIO.clay_target_pct);
  });

  test('a session of a newer version or no session at all is not read', () => {
    expect(migrateSession({ version: SESSION_SCHEMA_VERSION + 1, areas: [] })).toBeNull();
    expect(migrateSession('nonsense')).toBeNull();
    expect(migrateSession({ areas: [] })).toBeNull();
  });
});
