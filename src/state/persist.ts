import { createStore as createKeyvalStore, get, set, type UseStore } from 'idb-keyval';
import { createStore } from 'zustand/vanilla';
import { layerSettingsOf } from './layers-slice';
import type { ReadSession, RestoreReport, SavedSession } from './session-schema';
import { SESSION_SCHEMA_VERSION } from './session-version';
import type { AppStore } from './store';

export type { SavedSession } from './session-schema';
export { SESSION_SCHEMA_VERSION } from './session-version';

/** The checks of a restore (the importer's geometry rules, proj4): loaded when a restore runs. */
const loadSchema = () => import('./session-schema');

/** IndexedDB key (idb-keyval's default database) of the saved session. */
export const SESSION_KEY = 'koolstofkaart.session';

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

/** Why a write did not commit: the storage is full, or anything else (with its detail). */
export interface SaveFailure {
  reason: 'quota' | 'other';
  /** The error's message or name, for the technical detail; may be empty text. */
  detail: string;
  /** Areas on screen that are not in the saved session (all of them: the write is whole). */
  areaCount: number;
  /** When the last write that did commit was made, ISO 8601; null when none in this visit. */
  lastSavedAt: string | null;
}

/** A session saved by a newer version of the app, kept untouched until the user chooses. */
export interface NewerSession {
  version: number;
  savedAt: string | null;
}

/** Whether this tab writes the session (`writer`) or another tab does (`reader`). */
export type TabRole = 'writer' | 'reader';

export interface PersistStatus {
  /** When the last write committed, ISO 8601. */
  savedAt: string | null;
  /** A change not yet committed (waiting for its write, or being written). */
  pending: boolean;
  /** The last write failed; cleared when a write commits. */
  failure: SaveFailure | null;
  restoreFailed: boolean;
  /** What the restore left out or repaired; null when it read the session as saved. */
  restoreReport: RestoreReport | null;
  /** A newer version's session: no write until the user exports it or starts over. */
  newer: NewerSession | null;
  role: TabRole;
  /** This tab was changed while it was not the writer: those changes are not saved. */
  changedWhileReader: boolean;
  /**
   * A shared state (a link or a workshop file) is on screen beside the user's own work: nothing is
   * written until the user goes back to their own work (src/state/shared-view.ts).
   */
  shared?: boolean;
}

/** Status of autosave, for the areas panel and the alerts. */
export const persistState = createStore<PersistStatus>()(() => ({
  savedAt: null,
  pending: false,
  failure: null,
  restoreFailed: false,
  restoreReport: null,
  newer: null,
  role: 'writer',
  changedWhileReader: false,
}));

/**
 * Whether autosave may write now: not over a newer version's session, not as a second tab, not
 * while a shared state is shown.
 */
export function mayWrite(status: PersistStatus = persistState.getState()): boolean {
  return status.newer === null && status.role === 'writer' && status.shared !== true;
}

/** The raw session of a newer version, as found, for its export. */
let heldNewerSession: unknown = null;

/** The newer version's session as JSON text, exactly as it was found; null when there is none. */
export function newerSessionText(): string | null {
  return heldNewerSession === null ? null : JSON.stringify(heldNewerSession, null, 1);
}

/**
 * The user chose to start over instead of keeping a newer version's session: the next write
 * replaces it with this tab's session.
 */
export function startOverNewerSession(): void {
  heldNewerSession = null;
  persistState.setState({ newer: null });
}

const isRecordValue = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** A failed write as a status: a DOMException's name counts even when its message is empty. */
export function failureOf(
  error: unknown,
  areaCount: number,
  lastSavedAt: string | null,
): SaveFailure {
  const name = isRecordValue(error) && typeof error.name === 'string' ? error.name : '';
  const message = isRecordValue(error) && typeof error.message === 'string' ? error.message : '';
  const text = message || (isRecordValue(error) ? '' : String(error ?? ''));
  const quota = name === 'QuotaExceededError' || /quota/i.test(`${name} ${text}`);
  return {
    reason: quota ? 'quota' : 'other',
    detail: text || name || 'unknown error',
    areaCount,
    lastSavedAt,
  };
}

/** The part of the state that is saved (schema version 2). */
export function sessionOf(state: ReturnType<AppStore['getState']>): SavedSession {
  return {
    version: SESSION_SCHEMA_VERSION,
    savedAt: new Date().toISOString(),
    package: state.package,
    view: state.view,
    layers: layerSettingsOf(state),
    userLayers: state.userLayers,
    areas: state.areas,
    selectedId: state.selectedId,
    scenario: state.scenario,
    scenes: state.scenes,
    language: state.language,
    basemap: state.basemap,
  };
}

/** The journal's session, read and checked; null when there is none or it is not JSON. */
function journalSession(
  journal: SessionJournal,
  readSession: (raw: unknown) => ReadSession,
): ReadSession | null {
  const text = journal.read();
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'invalid' };
  }
  return readSession(raw);
}

/** Puts a checked session into the store. */
export function applySession(store: AppStore, session: SavedSession): void {
  const state = store.getState();
  state.replaceAreas(session.areas, session.selectedId);
  state.setScenario(session.scenario);
  state.setLanguage(session.language);
  state.setBasemap(session.basemap);
  state.restoreLayers(session.layers);
  if (session.view) state.setView(session.view);
  if (session.package) state.setPackage(session.package);
  state.replaceSessionExtras({ userLayers: session.userLayers, scenes: session.scenes });
}

export interface RestoreOptions {
  /** Restore without telling the user what was left out (a second tab following the first). */
  quiet?: boolean;
}

/** Whether this tab may change what is stored (IndexedDB and the journal). */
const mayTouchStorage = () => persistState.getState().role === 'writer';

/**
 * Puts the saved session back into the store: the IndexedDB one, or the journal's when that is
 * newer and was read without findings (a journal with invalid data never replaces a good
 * session). Every part is checked as an import would check it; what is left out or repaired is in
 * `persistState.restoreReport`. A newer version's session is not read and not overwritten
 * (`persistState.newer`). A reader tab (another tab writes) changes nothing in storage. Returns
 * true when a session was read.
 */
export async function restoreSession(
  store: AppStore,
  storage: SessionStorage = indexedDbStorage,
  journal: SessionJournal = localStorageJournal,
  { quiet = false }: RestoreOptions = {},
): Promise<boolean> {
  let raw: unknown;
  let readFailed = false;
  try {
    raw = await storage.get(SESSION_KEY);
  } catch {
    readFailed = true;
  }
  // A first visit has nothing to check: the checks are not even loaded.
  if (!readFailed && raw === undefined && journal.read() === null) return false;
  const { readSession, reportHasFindings } = await loadSchema();
  const stored = raw === undefined || readFailed ? null : readSession(raw);
  if (stored?.kind === 'newer') {
    // Left exactly as it is: the journal, if any, stays too, until the user chooses.
    heldNewerSession = raw;
    persistState.setState({ newer: { version: stored.version, savedAt: stored.savedAt } });
    return false;
  }
  const pending = journalSession(journal, readSession);
  const good = stored?.kind === 'ok' ? stored : null;
  let chosen = good;
  if (pending?.kind === 'ok') {
    const clean = !reportHasFindings(pending.report);
    const newer = !good || pending.session.savedAt >= good.session.savedAt;
    // A journal with findings is used only when IndexedDB has nothing better.
    const better = newer && (clean || !good || reportHasFindings(good.report));
    if (better) {
      chosen = pending;
      try {
        if (mayTouchStorage()) {
          await storage.set(SESSION_KEY, pending.session);
          journal.clear();
        }
      } catch {
        // Kept in the journal until a write succeeds.
      }
    } else {
      // A newer journal with invalid data is set aside, and the user told so.
      if (newer && good) chosen = { ...good, report: { ...good.report, ignoredJournal: true } };
      if (mayTouchStorage()) journal.clear();
    }
  } else if (pending?.kind === 'newer') {
    // A newer version's journal is that version's to read.
  } else {
    if (pending?.kind === 'invalid' && good) {
      chosen = { ...good, report: { ...good.report, ignoredJournal: true } };
    }
    if (mayTouchStorage()) journal.clear();
  }
  if (!chosen) {
    if (!quiet && (readFailed || (raw !== undefined && stored?.kind === 'invalid'))) {
      persistState.setState({ restoreFailed: true });
    }
    return false;
  }
  applySession(store, chosen.session);
  if (!quiet) {
    persistState.setState({
      restoreReport: reportHasFindings(chosen.report) ? chosen.report : null,
    });
  }
  return true;
}

/** Shortest time between two autosave writes, ms. */
export const AUTOSAVE_INTERVAL_MS = 500;

type AppStateSnapshot = ReturnType<AppStore['getState']>;

/** Whether two states differ in what `sessionOf` saves (by identity: the store is immutable). */
export function savedPartChanged(state: AppStateSnapshot, other: AppStateSnapshot): boolean {
  return (
    state.areas !== other.areas ||
    state.selectedId !== other.selectedId ||
    state.scenario !== other.scenario ||
    state.language !== other.language ||
    state.basemap !== other.basemap ||
    state.layerViews !== other.layerViews ||
    state.layerOrder !== other.layerOrder ||
    state.view !== other.view ||
    state.package !== other.package ||
    state.userLayers !== other.userLayers ||
    state.scenes !== other.scenes
  );
}

export interface AutosaveOptions {
  /** Shortest time between two writes, ms. */
  intervalMs?: number;
  /** Where `pagehide` and `visibilitychange` arrive (the latter bubbles from the document). */
  page?: EventTarget;
  /** Where the session also goes, synchronously, when the page is hidden or left. */
  journal?: SessionJournal;
  /** Called after each write that committed (e.g. to tell other tabs). */
  onCommitted?: (savedAt: string) => void;
}

/** A running autosave: stop it, or write a pending change now and wait for it. */
export interface Autosave {
  (): void;
  stop: () => void;
  /** Writes the latest state when it is not saved yet; resolves once it committed or failed. */
  flush: () => Promise<void>;
}

/**
 * Saves the session when it changes. A write holds the whole session (10,000 areas are megabytes
 * to clone), so changes are coalesced: the first change after a write starts a timer of
 * `intervalMs`, and the write then takes the latest state; a change during a write waits for it.
 * When the page is hidden or left, a pending change is written at once, so a reload never loses
 * it. The status says saved only once a write committed; a failed write sets `failure` (kept until
 * a write commits) and is tried again with the next change. Nothing is written while `mayWrite()`
 * is false (a newer version's session, or another tab writes); the change waits until it may.
 */
export function startAutosave(
  store: AppStore,
  storage: SessionStorage = indexedDbStorage,
  {
    intervalMs = AUTOSAVE_INTERVAL_MS,
    page = globalThis.window,
    journal = localStorageJournal,
    onCommitted,
  }: AutosaveOptions = {},
): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Writes in flight: one, or two when a flush came during a write. */
  let writing = 0;
  /** A change not yet handed to a write. */
  let dirty = false;
  /** The state last handed to a write: a change back to it needs no new write. Null: write. */
  let written: AppStateSnapshot | null = store.getState();
  /** The write in flight, for `flush`. */
  let inFlight: Promise<void> = Promise.resolve();
  let stopped = false;
  /** True while the journal may hold a session that IndexedDB does not have yet. */
  let journaled = false;

  const setPending = () => {
    const pending = dirty || writing > 0;
    if (persistState.getState().pending !== pending) persistState.setState({ pending });
  };
  const schedule = () => {
    setPending();
    if (timer === null && writing === 0 && dirty && !stopped && mayWrite()) {
      timer = setTimeout(() => void save(), intervalMs);
    }
  };

  async function save(session?: SavedSession): Promise<void> {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!mayWrite()) return;
    dirty = false;
    const state = store.getState();
    if (written !== null && !savedPartChanged(state, written)) {
      setPending();
      return;
    }
    const previous = written;
    written = state;
    writing += 1;
    setPending();
    try {
      const saving = session ?? sessionOf(state);
      await storage.set(SESSION_KEY, saving);
      // Committed: only now does the status say so.
      persistState.setState({ savedAt: saving.savedAt, failure: null });
      onCommitted?.(saving.savedAt);
      // IndexedDB now holds the latest state: the journal is no longer needed.
      if (journaled && written === store.getState() && !dirty) {
        journal.clear();
        journaled = false;
      }
    } catch (error) {
      // Not saved: the next change (or flush) tries again from the last state that was.
      written = previous;
      const status = persistState.getState();
      persistState.setState({
        failure: failureOf(
          error,
          state.areas.length,
          status.failure?.lastSavedAt ?? status.savedAt,
        ),
      });
    } finally {
      writing -= 1;
      schedule();
    }
  }

  const start = (session?: SavedSession) => {
    inFlight = save(session);
    return inFlight;
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (!savedPartChanged(state, previous)) return;
    dirty = true;
    schedule();
  });
  // A change that waited (a newer session, a second tab) is written once writing is allowed; after
  // "start over" the newer session is replaced even without a change.
  const unsubscribeStatus = persistState.subscribe((status, previous) => {
    if (mayWrite(status) && !mayWrite(previous)) {
      if (previous.newer !== null && status.newer === null) written = null;
      dirty = true;
      schedule();
    }
  });
  // Leaving or hiding the page writes at once (even beside a write in flight: IndexedDB commits
  // transactions in the order they start, so the newer session wins).
  const flushOnLeave = (event: Event) => {
    if (event.type === 'visibilitychange' && globalThis.document?.visibilityState === 'visible') {
      return;
    }
    if ((!dirty && writing === 0) || !mayWrite()) return;
    // Also write it synchronously: the IndexedDB write may not land before the next page reads.
    const session = sessionOf(store.getState());
    try {
      journal.write(JSON.stringify(session));
      journaled = true;
    } catch {
      // Over the storage quota: IndexedDB alone has to do.
    }
    if (dirty) void start(session);
  };
  page?.addEventListener('pagehide', flushOnLeave);
  page?.addEventListener('visibilitychange', flushOnLeave);
  const stop = () => {
    stopped = true;
    unsubscribe();
    unsubscribeStatus();
    page?.removeEventListener('pagehide', flushOnLeave);
    page?.removeEventListener('visibilitychange', flushOnLeave);
    if (timer !== null) clearTimeout(timer);
  };
  const flush = async () => {
    await inFlight;
    if (dirty || timer !== null) await start();
  };
  return Object.assign(stop, { stop, flush });
}
