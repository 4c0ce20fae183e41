import { afterEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_SCENARIO } from '../core/estimate/scenario';
import {
  AUTOSAVE_INTERVAL_MS,
  newerSessionText,
  persistState,
  restoreSession,
  SESSION_KEY,
  SESSION_SCHEMA_VERSION,
  type SessionJournal,
  type SessionStorage,
  startAutosave,
  startOverNewerSession,
} from './persist';
import { readSession } from './session-schema';
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

const initialStatus = persistState.getState();
afterEach(() => {
  vi.useRealTimers();
  persistState.setState(initialStatus, true);
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
    version: 1,
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

  test('a map view set again unchanged writes nothing', async () => {
    vi.useFakeTimers();
    const storage = slowStorage();
    const store = storeWithAreas();
    store.getState().setView({ center: [5.1, 52.1], zoom: 11, bearing: 0, pitch: 0 });
    const stop = startAutosave(store, storage);
    store.getState().setView({ center: [5.1, 52.1], zoom: 11, bearing: 0, pitch: 0 });
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

describe('readSession', () => {
  test('missing scenario fields take their defaults and bad areas are dropped', () => {
    const read = readSession({
      version: 1,
      areas: [{ id: 'a', name: 'A', geometry: polygon }, { id: 'b' }, 'x'],
      scenario: { horizon_years: 10, measures: { rotation: { on: true } } },
    });
    if (read.kind !== 'ok') throw new Error(read.kind);
    const session = read.session;
    expect(session.areas.map((area) => area.id)).toEqual(['a']);
    expect(session.areas[0]?.visible).toBe(true);
    expect(session.scenario.horizon_years).toBe(10);
    expect(session.scenario.measures.rotation).toEqual({ on: true, level: 'central' });
    expect(session.scenario.measures['cover-crops']).toEqual(
      DEFAULT_SCENARIO.measures['cover-crops'],
    );
    expect(session.scenario.clay_target_pct).toEqual(DEFAULT_SCENARIO.clay_target_pct);
    expect(read.report.droppedAreas.map((area) => area.index)).toEqual([2, 3]);
  });

  test('a session of a newer version is not read; no session at all is invalid', () => {
    expect(readSession({ version: SESSION_SCHEMA_VERSION + 1, areas: [] }).kind).toBe('newer');
    expect(readSession('nonsense').kind).toBe('invalid');
    expect(readSession({ areas: [] }).kind).toBe('invalid');
  });
});

describe('schema version 2', () => {
  test('a version 1 session migrates: settings move up, the new fields are empty', () => {
    const read = readSession(sessionWith('Old'));
    if (read.kind !== 'ok') throw new Error(read.kind);
    const { savedAt: _, ...session } = read.session;
    expect(session).toEqual({
      version: 2,
      package: null,
      view: null,
      layers: {},
      userLayers: [],
      areas: [{ ...areaOf('x'), name: 'Old' }],
      selectedId: 'x',
      scenario: DEFAULT_SCENARIO,
      scenes: [],
      language: 'nl',
      basemap: 'offline',
    });
    expect(read.report).toEqual({
      droppedAreas: [],
      repairedAreas: [],
      renamedIds: 0,
      scenarioFields: [],
      otherFields: [],
    });
  });

  test('layers, view and package are saved and come back in a new store', async () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const first = storeWithAreas();
    const stop = startAutosave(first, storage);
    first.getState().setLayerOrder(['sealed', 'carbon-stock']);
    first.getState().setLayerView('carbon-stock', { visible: false, opacity: 0.3 });
    first.getState().setLayerView('sealed', { visible: true, opacity: 1 });
    first.getState().setView({ center: [5.2, 52.05], zoom: 12.5, bearing: 10, pitch: 0 });
    first.getState().setPackage({ id: 'demo-klaverwaard', url: null });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS);
    stop();
    const saved = storage.data.get(SESSION_KEY) as Record<string, unknown>;
    expect(saved.layers).toEqual({
      sealed: { visible: true, opacity: 1, order: 0 },
      'carbon-stock': { visible: false, opacity: 0.3, order: 1 },
    });
    expect(saved.userLayers).toEqual([]);
    expect(saved.scenes).toEqual([]);

    const second = createAppStore();
    expect(await restoreSession(second, storage, memoryJournal())).toBe(true);
    const state = second.getState();
    expect(state.layerOrder).toEqual(['sealed', 'carbon-stock']);
    expect(state.layerViews['carbon-stock']).toEqual({ visible: false, opacity: 0.3 });
    expect(state.view).toEqual({ center: [5.2, 52.05], zoom: 12.5, bearing: 10, pitch: 0 });
    expect(state.package).toEqual({ id: 'demo-klaverwaard', url: null });
  });
});

/** A version 2 session with the given parts over a valid one. */
function sessionV2(parts: Record<string, unknown> = {}) {
  return {
    version: 2,
    savedAt: '2026-06-01T00:00:00.000Z',
    package: { id: 'demo-klaverwaard', url: null },
    view: { center: [5.2, 52.05], zoom: 12, bearing: 0, pitch: 0 },
    layers: { 'carbon-stock': { visible: true, opacity: 0.8, order: 0 } },
    userLayers: [],
    areas: [areaOf('a'), areaOf('b')],
    selectedId: 'a',
    scenario: DEFAULT_SCENARIO,
    scenes: [],
    language: 'nl',
    basemap: 'offline',
    ...parts,
  };
}

const ring = (first: unknown) => ({
  ...areaOf('bad'),
  geometry: { type: 'Polygon', coordinates: [[first, [5.01, 52], [5.01, 52.01], first]] },
});

describe('restore checks what it restores', () => {
  test.each([
    ['a string coordinate', ring(['5', 52]), 'unreadable'],
    ['a null coordinate', ring([null, 52]), 'unreadable'],
    ['an infinite coordinate', ring([Number.POSITIVE_INFINITY, 52]), 'unreadable'],
    ['a coordinate outside the Netherlands', ring([-40, 52]), 'out-of-area'],
    ['no geometry', { id: 'bad', name: 'Area bad' }, 'no-polygons'],
    [
      'a point',
      { ...areaOf('bad'), geometry: { type: 'Point', coordinates: [5, 52] } },
      'no-polygons',
    ],
  ])('an area with %s is dropped, the others are kept and reported', async (_, bad, kind) => {
    const storage = memoryStorage();
    await storage.set(SESSION_KEY, sessionV2({ areas: [areaOf('a'), bad, areaOf('b')] }));
    const store = createAppStore();
    expect(await restoreSession(store, storage, memoryJournal())).toBe(true);
    expect(store.getState().areas.map((area) => area.id)).toEqual(['a', 'b']);
    expect(persistState.getState().restoreReport?.droppedAreas).toEqual([
      expect.objectContaining({ index: 2, name: 'Area bad', kind }),
    ]);
  });

  test('an unclosed ring is repaired and reported as repaired', async () => {
    const storage = memoryStorage();
    const open = {
      ...areaOf('o'),
      geometry: { type: 'Polygon', coordinates: [polygon.coordinates[0]?.slice(0, -1)] },
    };
    await storage.set(SESSION_KEY, sessionV2({ areas: [open] }));
    const store = createAppStore();
    await restoreSession(store, storage, memoryJournal());
    const ringOut = store.getState().areas[0]?.geometry.coordinates[0] as number[][];
    expect(ringOut.at(0)).toEqual(ringOut.at(-1));
    expect(persistState.getState().restoreReport?.repairedAreas).toEqual(['Area o']);
  });

  test.each([
    ['f_c', 'abc'],
    ['horizon_years', -5],
    ['peat_water_cm', Number.NaN],
    ['method', 'other'],
    ['sealed_share_plan', 2],
  ])(
    'a scenario field %s of %s falls back to its default, the others are kept',
    async (field, value) => {
      const storage = memoryStorage();
      await storage.set(
        SESSION_KEY,
        sessionV2({ scenario: { ...DEFAULT_SCENARIO, sealing_loss: 0.5, [field]: value } }),
      );
      const store = createAppStore();
      await restoreSession(store, storage, memoryJournal());
      const scenario = store.getState().scenario;
      expect(scenario[field as keyof typeof scenario]).toEqual(
        DEFAULT_SCENARIO[field as keyof typeof DEFAULT_SCENARIO],
      );
      expect(scenario.sealing_loss).toBe(0.5);
      expect(persistState.getState().restoreReport?.scenarioFields).toEqual([field]);
    },
  );

  test.each([
    ['view', { view: { center: ['x', 52], zoom: 12 } }, 'view'],
    [
      'a layer',
      { layers: { 'carbon-stock': { visible: 'yes', opacity: 2, order: 0 } } },
      'layers.carbon-stock',
    ],
    ['package', { package: 7 }, 'package'],
    ['userLayers', { userLayers: 'x' }, 'userLayers'],
    ['scenes', { scenes: [{ name: 'no id' }] }, 'scenes.1'],
  ])('an invalid %s is left out and reported', async (_, parts, field) => {
    const storage = memoryStorage();
    await storage.set(SESSION_KEY, sessionV2(parts));
    const store = createAppStore();
    expect(await restoreSession(store, storage, memoryJournal())).toBe(true);
    expect(store.getState().areas).toHaveLength(2);
    expect(persistState.getState().restoreReport?.otherFields).toEqual([field]);
  });

  test('a valid session has no report', async () => {
    const storage = memoryStorage();
    await storage.set(SESSION_KEY, sessionV2());
    const store = createAppStore();
    await restoreSession(store, storage, memoryJournal());
    expect(persistState.getState().restoreReport).toBeNull();
  });

  test('two areas with the same id get unique ids; deleting one keeps the other', async () => {
    const storage = memoryStorage();
    await storage.set(
      SESSION_KEY,
      sessionV2({ areas: [areaOf('a'), { ...areaOf('a'), name: 'Twin' }, areaOf('a-2')] }),
    );
    const store = createAppStore();
    await restoreSession(store, storage, memoryJournal());
    const ids = store.getState().areas.map((area) => area.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe('a');
    expect(persistState.getState().restoreReport?.renamedIds).toBe(1);
    store.getState().removeArea('a');
    expect(store.getState().areas.map((area) => area.name)).toEqual(['Twin', 'Area a-2']);
  });

  test('a newer journal holding invalid data does not replace a good IndexedDB session', async () => {
    const storage = memoryStorage();
    const journal = memoryJournal();
    await storage.set(SESSION_KEY, sessionV2());
    journal.write(
      JSON.stringify(
        sessionV2({
          savedAt: '2026-06-02T00:00:00.000Z',
          areas: [ring(['x', 52])],
          scenario: { f_c: 'abc' },
        }),
      ),
    );
    const store = createAppStore();
    expect(await restoreSession(store, storage, journal)).toBe(true);
    expect(store.getState().areas.map((area) => area.id)).toEqual(['a', 'b']);
    expect(store.getState().scenario).toEqual(DEFAULT_SCENARIO);
    expect((storage.data.get(SESSION_KEY) as { areas: unknown[] }).areas).toHaveLength(2);
    expect(persistState.getState().restoreReport?.ignoredJournal).toBe(true);
  });

  test('a journal that is not JSON leaves the IndexedDB session', async () => {
    const storage = memoryStorage();
    const journal = memoryJournal();
    await storage.set(SESSION_KEY, sessionV2());
    journal.write('{"version":2,"areas":[');
    const store = createAppStore();
    expect(await restoreSession(store, storage, journal)).toBe(true);
    expect(store.getState().areas).toHaveLength(2);
    expect(persistState.getState().restoreReport?.ignoredJournal).toBe(true);
  });
});

describe('autosave never says saved unless the write committed', () => {
  /** A storage whose writes fail with `error` while `failing.on`. */
  function failingStorage(error: unknown) {
    const storage = memoryStorage();
    const failing = { on: true };
    return {
      failing,
      storage,
      set: async (key: string, value: unknown) => {
        if (failing.on) throw error;
        await storage.set(key, value);
      },
      get: storage.get,
    };
  }

  test('a QuotaExceededError with an empty message is a failure, kept until a write commits', async () => {
    vi.useFakeTimers();
    const flaky = failingStorage(new DOMException('', 'QuotaExceededError'));
    const store = storeWithAreas();
    const stop = startAutosave(store, flaky);
    store.getState().selectArea('b');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS);
    const failed = persistState.getState();
    expect(failed.savedAt).toBeNull();
    expect(failed.failure).toEqual({
      reason: 'quota',
      detail: 'QuotaExceededError',
      areaCount: 3,
      lastSavedAt: null,
    });
    // Nothing changes: the alert stays.
    await vi.advanceTimersByTimeAsync(5 * AUTOSAVE_INTERVAL_MS);
    expect(persistState.getState().failure).not.toBeNull();
    flaky.failing.on = false;
    store.getState().selectArea('c');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS);
    expect(persistState.getState().failure).toBeNull();
    expect(persistState.getState().savedAt).not.toBeNull();
    expect(flaky.storage.data.has(SESSION_KEY)).toBe(true);
    stop();
  });

  test('any other failure, even a thrown string, is a failure too', async () => {
    vi.useFakeTimers();
    const store = storeWithAreas();
    const stop = startAutosave(store, failingStorage(''));
    store.getState().selectArea('b');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS);
    expect(persistState.getState().failure?.reason).toBe('other');
    expect(persistState.getState().savedAt).toBeNull();
    stop();
  });

  test('pending is true from a change until its write commits', async () => {
    vi.useFakeTimers();
    const storage = slowStorage({ held: true });
    const store = storeWithAreas();
    const stop = startAutosave(store, storage);
    store.getState().selectArea('b');
    expect(persistState.getState().pending).toBe(true);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS);
    expect(persistState.getState().pending).toBe(true);
    expect(persistState.getState().savedAt).toBeNull();
    storage.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(persistState.getState().pending).toBe(false);
    expect(persistState.getState().savedAt).not.toBeNull();
    stop();
  });
});

describe('a session saved by a newer version', () => {
  test('is kept untouched by changes until the user starts over', async () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const journal = memoryJournal();
    const newer = { version: SESSION_SCHEMA_VERSION + 1, savedAt: 'x', areas: 'future shape' };
    await storage.set(SESSION_KEY, newer);
    const store = createAppStore();
    expect(await restoreSession(store, storage, journal)).toBe(false);
    expect(persistState.getState().newer).toEqual({ version: 3, savedAt: 'x' });
    expect(JSON.parse(newerSessionText() ?? 'null')).toEqual(newer);
    const page = new EventTarget();
    const stop = startAutosave(store, storage, { page, journal });
    store.getState().addArea(areaOf('n'));
    await vi.advanceTimersByTimeAsync(3 * AUTOSAVE_INTERVAL_MS);
    page.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(storage.data.get(SESSION_KEY)).toEqual(newer);
    expect(journal.text).toBeNull();

    startOverNewerSession();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS);
    expect((storage.data.get(SESSION_KEY) as { version: number }).version).toBe(2);
    stop();
  });
});

describe('a second tab', () => {
  test('writes nothing while it is the reader, and its change once it becomes the writer', async () => {
    vi.useFakeTimers();
    const storage = slowStorage();
    const store = storeWithAreas();
    persistState.setState({ role: 'reader' });
    const stop = startAutosave(store, storage);
    store.getState().selectArea('c');
    await vi.advanceTimersByTimeAsync(3 * AUTOSAVE_INTERVAL_MS);
    expect(storage.writes).toHaveLength(0);
    persistState.setState({ role: 'writer' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS);
    expect(storage.writes.at(-1)?.selectedId).toBe('c');
    stop();
  });
});

describe('loading the catalogue after a restore', () => {
  test('is no change to save when the restored layers cover it', async () => {
    vi.useFakeTimers();
    const storage = slowStorage();
    const store = createAppStore();
    store.getState().restoreLayers({
      'carbon-stock': { visible: true, opacity: 0.5, order: 1 },
      sealed: { visible: false, opacity: 0.8, order: 0 },
    });
    const stop = startAutosave(store, storage);
    const catalogue = {
      layers: [{ id: 'carbon-stock' }, { id: 'sealed' }],
    } as unknown as Parameters<ReturnType<typeof store.getState>['setCatalogue']>[0];
    store.getState().setCatalogue(catalogue, 'http://127.0.0.1/data/demo/catalogue.json');
    expect(store.getState().layerOrder).toEqual(['sealed', 'carbon-stock']);
    await vi.advanceTimersByTimeAsync(2 * AUTOSAVE_INTERVAL_MS);
    expect(storage.writes).toHaveLength(0);
    stop();
  });
});
