import { createStore as createKeyvalStore, get, set, type UseStore } from 'idb-keyval';
import { createStore } from 'zustand/vanilla';
import { DEFAULT_SCENARIO, MEASURE_IDS, type Scenario } from '../core/estimate/scenario';
import type { Area } from './areas-slice';
import type { BasemapChoice, Language } from './settings-slice';
import type { AppStore } from './store';

/** Version of the saved session; `migrateSession` upgrades older ones. */
export const SESSION_SCHEMA_VERSION = 1;
/** IndexedDB key (idb-keyval's default database) of the saved session. */
export const SESSION_KEY = 'koolstofkaart.session';

export interface SavedSession {
  version: typeof SESSION_SCHEMA_VERSION;
  savedAt: string;
  areas: Area[];
  selectedId: string | null;
  scenario: Scenario;
  settings: { language: Language; basemap: BasemapChoice };
}

/** Where sessions are kept: IndexedDB in the app, a Map in tests. */
export interface SessionStorage {
  get: (key: string) => Promise<unknown>;
  set: (key: string, value: unknown) => Promise<void>;
}

/** idb-keyval's default database and store, where sessions have always been kept. */
const keyvalStore = createKeyvalStore('keyval-store', 'keyval');

/**
 * The same store, but a write commits at once (`IDBTransaction.commit`). Without it Chromium drops
 * a write started in `pagehide` with the page, so a quick reload lost the last change.
 */
const committingStore: UseStore = (mode, callback) =>
  keyvalStore(mode, (objectStore) => {
    const result = callback(objectStore);
    if (mode === 'readwrite') objectStore.transaction.commit?.();
    return result;
  });

export const indexedDbStorage: SessionStorage = {
  get: (key) => get(key, keyvalStore),
  set: (key, value) => set(key, value, committingStore),
};

/** localStorage key of the session written synchronously when the page goes (see SessionJournal). */
export const JOURNAL_KEY = 'koolstofkaart.session.pending';

/**
 * A synchronous place for the session when the page is hidden or left. An IndexedDB write started
 * then may not have landed when the next page reads (a quick reload), so the same session also
 * goes here; the next start takes whichever of the two is newer, writes it to IndexedDB and only
 * then clears the journal. localStorage in the app; a session over its quota is simply not kept.
 */
export interface SessionJournal {
  read: () => string | null;
  write: (text: string) => void;
  clear: () => void;
}

export const localStorageJournal: SessionJournal = {
  read: () => {
    try {
      return globalThis.localStorage?.getItem(JOURNAL_KEY) ?? null;
    } catch {
      return null;
    }
  },
  write: (text) => globalThis.localStorage?.setItem(JOURNAL_KEY, text),
  clear: () => {
    try {
      globalThis.localStorage?.removeItem(JOURNAL_KEY);
    } catch {
      // Storage not available: nothing to clear.
    }
  },
};

/** Status of autosave, for the areas panel. */
export const persistState = createStore<{
  savedAt: string | null;
  error: string | null;
  restoreFailed: boolean;
}>()(() => ({ savedAt: null, error: null, restoreFailed: false }));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isArea(value: unknown): value is Area {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.name !== 'string')
    return false;
  const geometry = value.geometry;
  return (
    isRecord(geometry) &&
    (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') &&
    Array.isArray(geometry.coordinates)
  );
}

/** A saved scenario over the defaults: fields added in later versions get their default. */
function scenarioOf(value: unknown): Scenario {
  if (!isRecord(value)) return DEFAULT_SCENARIO;
  const saved = value as Partial<Scenario>;
  const measures = { ...DEFAULT_SCENARIO.measures };
  for (const id of MEASURE_IDS) {
    const choice = isRecord(saved.measures) ? saved.measures[id] : undefined;
    if (isRecord(choice)) measures[id] = { ...measures[id], ...choice };
  }
  return {
    ...DEFAULT_SCENARIO,
    ...saved,
    measures,
    clay_target_pct: { ...DEFAULT_SCENARIO.clay_target_pct, ...(saved.clay_target_pct ?? {}) },
  };
}

/**
 * Reads a saved session of any known version into the current shape; null when it is not a
 * session or comes from a newer version of the app (then it is left alone, not overwritten).
 */
export function migrateSession(raw: unknown): SavedSession | null {
  if (!isRecord(raw) || typeof raw.version !== 'number') return null;
  if (raw.version > SESSION_SCHEMA_VERSION || raw.version < 1) return null;
  const areas = Array.isArray(raw.areas) ? raw.areas.filter(isArea) : [];
  const settings = isRecord(raw.settings) ? raw.settings : {};
  return {
    version: SESSION_SCHEMA_VERSION,
    savedAt: typeof raw.savedAt === 'string' ? raw.savedAt : new Date(0).toISOString(),
    areas: areas.map((area) => ({
      ...area,
      color: typeof area.color === 'string' ? area.color : '#0072b2',
      visible: area.visible !== false,
    })),
    selectedId: typeof raw.selectedId === 'string' ? raw.selectedId : null,
    scenario: scenarioOf(raw.scenario),
    settings: {
      language: settings.language === 'en' ? 'en' : 'nl',
      basemap: settings.basemap === 'pdok' ? 'pdok' : 'offline',
    },
  };
}

/** The part of the state that is saved. */
export function sessionOf(state: ReturnType<AppStore['getState']>): SavedSession {
  return {
    version: SESSION_SCHEMA_VERSION,
    savedAt: new Date().toISOString(),
    areas: state.areas,
    selectedId: state.selectedId,
    scenario: state.scenario,
    settings: { language: state.language, basemap: state.basemap },
  };
}

/** The journal's session, when it holds a readable one. */
function journalSession(journal: SessionJournal): SavedSession | null {
  const text = journal.read();
  if (text === null) return null;
  try {
    return migrateSession(JSON.parse(text));
  } catch {
    return null;
  }
}

/**
 * Puts a saved session back into the store: the IndexedDB one, or the journal's when that is newer
 * (the last change before the page went). Returns true when one was found and read.
 */
export async function restoreSession(
  store: AppStore,
  storage: SessionStorage = indexedDbStorage,
  journal: SessionJournal = localStorageJournal,
): Promise<boolean> {
  let raw: unknown;
  let readFailed = false;
  try {
    raw = await storage.get(SESSION_KEY);
  } catch {
    readFailed = true;
  }
  const stored = raw === undefined ? null : migrateSession(raw);
  const pending = journalSession(journal);
  let session = stored;
  if (pending && (!stored || pending.savedAt >= stored.savedAt)) {
    session = pending;
    try {
      await storage.set(SESSION_KEY, pending);
      journal.clear();
    } catch {
      // Kept in the journal until a write succeeds.
    }
  } else {
    journal.clear();
  }
  if (!session) {
    if (readFailed || raw !== undefined) persistState.setState({ restoreFailed: true });
    return false;
  }
  const state = store.getState();
  state.replaceAreas(session.areas, session.selectedId);
  state.setScenario(session.scenario);
  state.setLanguage(session.settings.language);
  state.setBasemap(session.settings.basemap);
  return true;
}

/** Shortest time between two autosave writes, ms. */
export const AUTOSAVE_INTERVAL_MS = 500;

type AppStateSnapshot = ReturnType<AppStore['getState']>;

/** Whether two states differ in what `sessionOf` saves (by identity: the store is immutable). */
function savedPartChanged(state: AppStateSnapshot, other: AppStateSnapshot): boolean {
  return (
    state.areas !== other.areas ||
    state.selectedId !== other.selectedId ||
    state.scenario !== other.scenario ||
    state.language !== other.language ||
    state.basemap !== other.basemap
  );
}

export interface AutosaveOptions {
  /** Shortest time between two writes, ms. */
  intervalMs?: number;
  /** Where `pagehide` and `visibilitychange` arrive (the latter bubbles from the document). */
  page?: EventTarget;
  /** Where the session also goes, synchronously, when the page is hidden or left. */
  journal?: SessionJournal;
}

/**
 * Saves areas, scenario and settings when they change. A write holds the whole session (10,000
 * areas are megabytes to clone), so changes are coalesced: the first change after a write starts
 * a timer of `intervalMs`, and the write then takes the latest state; a change during a write waits
 * for it. When the page is hidden or left, a pending change is written at once, so a reload never
 * loses it. Changes of state that is not saved (layers, catalogue) write nothing. A session that
 * could not be read is not overwritten until the user changes something.
 */
export function startAutosave(
  store: AppStore,
  storage: SessionStorage = indexedDbStorage,
  {
    intervalMs = AUTOSAVE_INTERVAL_MS,
    page = globalThis.window,
    journal = localStorageJournal,
  }: AutosaveOptions = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Writes in flight: one, or two when a flush came during a write. */
  let writing = 0;
  /** A change not yet handed to a write. */
  let dirty = false;
  /** The state last handed to a write: a change back to it needs no new write. */
  let written: AppStateSnapshot = store.getState();
  let stopped = false;

  const schedule = () => {
    if (timer === null && writing === 0 && dirty && !stopped) timer = setTimeout(save, intervalMs);
  };
  /** True while the journal may hold a session that IndexedDB does not have yet. */
  let journaled = false;

  async function save(session?: SavedSession): Promise<void> {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    dirty = false;
    const state = store.getState();
    if (!savedPartChanged(state, written)) return;
    const previous = written;
    written = state;
    writing += 1;
    try {
      const saving = session ?? sessionOf(state);
      await storage.set(SESSION_KEY, saving);
      persistState.setState({ savedAt: saving.savedAt, error: null });
      // IndexedDB now holds the latest state: the journal is no longer needed.
      if (journaled && written === store.getState() && !dirty) {
        journal.clear();
        journaled = false;
      }
    } catch (error) {
      // Not saved: the next change (or flush) tries again from the last state that was.
      written = previous;
      persistState.setState({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      writing -= 1;
      schedule();
    }
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (!savedPartChanged(state, previous)) return;
    dirty = true;
    schedule();
  });
  // Leaving or hiding the page writes at once (even beside a write in flight: IndexedDB commits
  // transactions in the order they start, so the newer session wins).
  const flush = (event: Event) => {
    if (event.type === 'visibilitychange' && globalThis.document?.visibilityState === 'visible') {
      return;
    }
    if (!dirty && writing === 0) return;
    // Also write it synchronously: the IndexedDB write may not land before the next page reads.
    const session = sessionOf(store.getState());
    try {
      journal.write(JSON.stringify(session));
      journaled = true;
    } catch {
      // Over the storage quota: IndexedDB alone has to do.
    }
    if (dirty) void save(session);
  };
  page?.addEventListener('pagehide', flush);
  page?.addEventListener('visibilitychange', flush);
  return () => {
    stopped = true;
    unsubscribe();
    page?.removeEventListener('pagehide', flush);
    page?.removeEventListener('visibilitychange', flush);
    if (timer !== null) clearTimeout(timer);
  };
}
