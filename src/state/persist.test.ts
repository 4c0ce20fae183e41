import { afterEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_SCENARIO } from '../core/estimate/scenario';
import {
  AUTOSAVE_INTERVAL_MS,
  migrateSession,
  restoreSession,
  SESSION_KEY,
  SESSION_SCHEMA_VERSION,
  type SessionJournal,
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

/** A storage that counts writes and keeps each one in flight until `finish()` (or at once). */
function slowStorage(options: { held?: boolean } = {}) {
  const storage = memoryStorage();
  const writes: { selectedId: string | null; areaNames: string[] }[] = [];
  const waiting: (() => void)[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  return {
    ...storage,
    writes,
    finish: () => {
      for (const done of waiting.splice(0)) done();
    },
    mostInFlight: () => mostInFlight,
    set: async (key: string, value: unknown) => {
      const session = value as { selectedId: string | null; areas: { name: string }[] };
      writes.push({
        selectedId: session.selectedId,
        areaNames: session.areas.map((area) => area.name),
      });
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      if (options.held) await new Promise<void>((done) => waiting.push(done));
      await storage.set(key, value);
      inFlight -= 1;
    },
  };
}

const areaOf = (id: string) => ({
  id,
  name: `Area ${id}`,
  color: '#d55e00',
  visible: true,
  geometry: polygon,
});

/** A store with three areas, `a` selected, whose autosave writes to `storage`. */
function storeWithAreas() {
  const store = createAppStore();
  store.getState().replaceAreas([areaOf('a'), areaOf('b'), areaOf('c')], 'a');
  return store;
}

afterEach(() => {
  vi.useRealTimers();
});

/** An in-memory journal (localStorage in the app); `full` makes writes fail as over quota. */
function memoryJournal(options: { full?: boolean } = {}): SessionJournal & { text: string | null } {
  const journal = {
    text: null as string | null,
    read: () => journal.text,
    write: (text: string) => {
      if (options.full) throw new Error('QuotaExceededError');
      journal.text = text;
    },
    clear: () => {
      journal.text = null;
    },
  };
  return journal;
}

describe('the journal of the last change when the page goes', () => {
  test('a change whose write never lands comes back from the journal, which is then cleared', async () => {
    vi.useFakeTimers();
    const storage = slowStorage({ held: true });
    const journal = memoryJournal();
    const page = new EventTarget();
    const store = storeWithAreas();
    const stop = startAutosave(store, storage, { page, journal });
    store.getState().updateArea('b', { name: 'Last' });
    page.dispatchEvent(new Event('pagehide'));
    expect(journal.text).not.toBeNull();
    stop(); // the page is gone; the held write never lands

    // The next page finds what IndexedDB has: the held write did not land.
    const after = memoryStorage();
    for (const [key, value] of storage.data) after.data.set(key, value);
    expect(after.data.has(SESSION_KEY)).toBe(false);
    const next = createAppStore();
    expect(await restoreSession(next, after, journal)).toBe(true);
    expect(next.getState().areas.map((area) => area.name)).toEqual(['Area a', 'Last', 'Area c']);
    expect(next.getState().selectedId).toBe('a');
    // Written to IndexedDB, and only then the journal cleared.
    expect((after.data.get(SESSION_KEY) as { areas: { name: string }[] }).areas[1]?.name).toBe(
      'Last',
    );
    expect(journal.text).toBeNull();
  });

  test('a journal older than the saved session is dropped, the saved one restored', async () => {
    const storage = memoryStorage();
    const journal = memoryJournal();
    const old = { ...sessionWith('Old'), savedAt: '2026-01-01T00:00:00.000Z' };
    const saved = { ...sessionWith('Saved'), savedAt: '2026-01-02T00:00:00.000Z' };
    journal.write(JSON.stringify(old));
    await storage.set(SESSION_KEY, saved);
    const store = createAppStore();
    expect(await restoreSession(store, storage, journal)).toBe(true);
    expect(store.getState().areas[0]?.name).toBe('Saved');
    expect(journal.text).toBeNull();
  });

  test('the journal is cleared once IndexedDB holds the latest state', async () => {
    vi.useFakeTimers();
    const storage = slowStorage({ held: true });
    const journal = memoryJournal();
    const page = new EventTarget();
    const store = storeWithAreas();
    const stop = startAutosave(store, storage, { page, journal });
    store.getState().selectArea('b');
    page.dispatchEvent(new Event('visibilitychange'));
    expect(journal.text).not.toBeNull();
    storage.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(journal.text).toBeNull();
    stop();
  });

  test('a journal over its quota leaves the IndexedDB write to do the work', async () => {
    vi.useFakeTimers();
    const storage = slowStorage();
    const page = new EventTarget();
    const store = storeWithAreas();
    const stop = startAutosave(store, storage, { page, journal: memoryJournal({ full: true }) });
    store.getState().selectArea('c');
    page.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(storage.writes.at(-1)?.selectedId).toBe('c');
    stop();
  });
});

/** A saved session with one area called `name`. */
function sessionWith(name: string) {
  return {
    version: SESSION_SCHEMA_VERSION,
    savedAt: new Date().toISOString(),
    areas: [{ ...areaOf('x'), name }],
    selectedId: 'x',
    scenario: DEFAULT_SCENARIO,
    settings: { language: 'nl', basemap: 'offline' },
  };
}

describe('autosave coalesces writes', () => {
  test('a burst of selections is one write, of the last selection, after the interval', async () => {
    vi.useFakeTimers();
    const storage = slowStorage();
    const store = storeWithAreas();
    const stop = startAutosave(store, storage);
    for (const id of ['b', 'c', 'a', 'b', 'c']) store.getState().selectArea(id);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS - 1);
    expect(storage.writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(storage.writes).toEqual([
      { selectedId: 'c', areaNames: ['Area a', 'Area b', 'Area c'] },
    ]);
    await vi.advanceTimersByTimeAsync(5 * AUTOSAVE_INTERVAL_MS);
    expect(storage.writes).toHaveLength(1);
    stop();
  });

  test('steady changes are written at most once per interval, and not postponed', async () => {
    vi.useFakeTimers();
    const storage = slowStorage();
    const store = storeWithAreas();
    const stop = startAutosave(store, storage);
    // A change every 100 ms for 3 s, e.g. a slider dragged: a debounce would never write.
    for (let step = 0; step < 30; step++) {
      store.getState().selectArea(['a', 'b', 'c'][step % 3] ?? null);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(storage.writes.length).toBeGreaterThanOrEqual(5);
    expect(storage.writes.length).toBeLessThanOrEqual(3000 / AUTOSAVE_INTERVAL_MS);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS);
    // The last change is not lost.
    expect(storage.writes.at(-1)?.selectedId).toBe('c');
    stop();
  });

  test('a change during a slow write waits for it and is written after, never alongside', async () => {
    vi.useFakeTimers();
    const storage = slowStorage({ held: true });
    const store = storeWithAreas();
    const stop = startAutosave(store, storage);
    store.getState().selectArea('b');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS);
    expect(storage.writes).toHaveLength(1);
    store.getState().updateArea('c', { name: 'Renamed' });
    await vi.advanceTimersByTimeAsync(3 * AUTOSAVE_INTERVAL_MS);
    expect(storage.writes).toHaveLength(1);
    storage.finish();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS);
    expect(storage.writes.at(-1)).toEqual({
      selectedId: 'b',
      areaNames: ['Area a', 'Area b', 'Renamed'],
    });
    storage.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(storage.mostInFlight()).toBe(1);
    expect((storage.data.get(SESSION_KEY) as { areas: { name: string }[] }).areas[2]?.name).toBe(
      'Renamed',
    );
    stop();
  });

  test('changes of state that is not saved write nothing', async () => {
    vi.useFakeTimers();
    const storage = slowStorage();
    const store = storeWithAreas();
    const stop = startAutosave(store, storage);
    store.getState().setLayerView('carbon-stock', { opacity: 0.4 });
    store.getState().setLayerOrder(['sealed', 'carbon-stock']);
    await vi.advanceTimersByTimeAsync(2 * AUTOSAVE_INTERVAL_MS);
    expect(storage.writes).toHaveLength(0);
    stop();
  });

  test('a change undone before the write is not written', async () => {
    vi.useFakeTimers();
    const storage = slowStorage();
    const store = storeWithAreas();
    const stop = startAutosave(store, storage);
    store.getState().selectArea('b');
    store.getState().selectArea('a');
    await vi.advanceTimersByTimeAsync(2 * AUTOSAVE_INTERVAL_MS);
    expect(storage.writes).toHaveLength(0);
    stop();
  });

  test.each(['pagehide', 'visibilitychange'])(
    'a pending change is written at once on %s',
    async (type) => {
      vi.useFakeTimers();
      const storage = slowStorage();
      const page = new EventTarget();
      const store = storeWithAreas();
      const stop = startAutosave(store, storage, { page });
      page.dispatchEvent(new Event(type));
      expect(storage.writes).toHaveLength(0);
      store.getState().selectArea('b');
      store.getState().updateArea('b', { name: 'Last' });
      page.dispatchEvent(new Event(type));
      expect(storage.writes).toEqual([
        { selectedId: 'b', areaNames: ['Area a', 'Last', 'Area c'] },
      ]);
      await vi.advanceTimersByTimeAsync(2 * AUTOSAVE_INTERVAL_MS);
      expect(storage.writes).toHaveLength(1);
      stop();
    },
  );

  test('a failed write is tried again with the next change', async () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    let fail = true;
    const flaky: SessionStorage = {
      get: storage.get,
      set: async (key, value) => {
        if (fail) throw new Error('QuotaExceededError');
        await storage.set(key, value);
      },
    };
    const store = storeWithAreas();
    const stop = startAutosave(store, flaky);
    store.getState().selectArea('b');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS);
    expect(storage.data.has(SESSION_KEY)).toBe(false);
    fail = false;
    store.getState().setLanguage('en');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS);
    const saved = storage.data.get(SESSION_KEY) as { selectedId: string };
    expect(saved.selectedId).toBe('b');
    stop();
  });
});

describe('autosave', () => {
  test('areas, scenario and settings survive a save and a restore into a new store', async () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const first = createAppStore();
    const stop = startAutosave(first, storage, { intervalMs: 100 });
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
