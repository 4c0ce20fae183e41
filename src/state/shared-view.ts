import { createStore } from 'zustand/vanilla';
import type { AppError } from '../core/result';
import type { SessionPackage } from '../core/session/types';
import type { WorkshopFile } from '../core/session/workshop-file';
import type { Area, AreasHistory } from './areas-slice';
import { applySession, persistState, type SavedSession, sessionOf } from './persist';
import type { RestoreReport } from './session-schema';
import type { AppStore } from './store';

/** A shared state on screen beside the user's own work (DESIGN.md 9). */
export interface SharedShown {
  /** Opened from a link or from a workshop file (the file's name). */
  source: 'link' | 'file';
  fileName: string | null;
  /** Id of the link's package when the recipient does not have it (the demo is shown). */
  missingPackage: string | null;
  /** Areas in the shared state. */
  areaCount: number;
  /** What the checks left out or repaired; null when it was read as it was. */
  report: RestoreReport | null;
}

export interface SharedViewState {
  shown: SharedShown | null;
  /** A link or file that could not be opened: nothing was changed. */
  error: AppError | null;
  /** A passing message: after "copy areas" (`share.copiedAreas`), or a scenario file loaded. */
  message: { code: string; params?: Record<string, string | number> } | null;
}

export const sharedView = createStore<SharedViewState>()(() => ({
  shown: null,
  error: null,
  message: null,
}));

/** The user's own work, kept in memory while a shared state is shown (storage keeps it too). */
let own: { session: SavedSession; history: AreasHistory } | null = null;
/** The shared state's areas as opened, for "copy areas". */
let sharedAreas: Area[] = [];

export interface OpenSharedOptions {
  source: 'link' | 'file';
  fileName?: string | null;
  /** Writes the own work's last change before the shared state replaces it on screen. */
  flush?: () => Promise<void>;
  /** Whether the recipient can open this package (a local file of the sender is not). */
  packageAvailable?: (value: SessionPackage) => boolean;
}

/**
 * Shows a checked workshop object (a link's or a file's) beside the user's own work: the own work
 * is written first, kept in memory, and nothing is saved until the user goes back. Opening another
 * shared state while one is shown replaces it; the own work stays the one kept.
 */
export async function openShared(
  store: AppStore,
  workshop: WorkshopFile,
  report: RestoreReport | null,
  { source, fileName = null, flush, packageAvailable = () => true }: OpenSharedOptions,
): Promise<void> {
  if (own === null) {
    await flush?.();
    const state = store.getState();
    own = { session: sessionOf(state), history: state.areasHistory };
  }
  persistState.setState({ shared: true });
  const pkg = workshop.package;
  const available = pkg === null || packageAvailable(pkg);
  const current = store.getState();
  applySession(store, {
    ...own.session,
    package: available ? pkg : null,
    view: workshop.view,
    layers: workshop.layers,
    areas: workshop.areas,
    selectedId: workshop.selectedId,
    scenario: workshop.scenario,
    scenes: workshop.scenes,
    language: workshop.language,
    userLayers: current.userLayers,
    basemap: current.basemap,
  });
  if (!available || pkg === null) store.setState({ package: null });
  store.setState({ areasHistory: { past: [], future: [] } });
  sharedAreas = workshop.areas;
  sharedView.setState({
    shown: {
      source,
      fileName,
      missingPackage: available ? null : (pkg?.id ?? null),
      areaCount: workshop.areas.length,
      report,
    },
    error: null,
    message: null,
  });
}

/** The own work's package, to switch the map back to (null: the demo). */
export function ownPackage(): SessionPackage | null {
  return own?.session.package ?? null;
}

/** Puts the user's own work back on screen, as it was; autosave writes again from then on. */
export function backToOwnWork(store: AppStore): void {
  if (own === null) return;
  const { session, history } = own;
  own = null;
  sharedAreas = [];
  applySession(store, session);
  if (session.package === null) store.setState({ package: null });
  if (session.view === null) store.setState({ view: null });
  store.setState({ areasHistory: history });
  persistState.setState({ shared: false });
  sharedView.setState({ shown: null, error: null });
}

/**
 * The link's areas with ids that do not clash with `taken`: a clashing id gets `-2`, `-3`, … (the
 * rule of a restore).
 */
export function withFreeIds(areas: readonly Area[], taken: Iterable<string>): Area[] {
  const used = new Set(taken);
  return areas.map((area) => {
    let id = area.id;
    if (used.has(id)) {
      let n = 2;
      while (used.has(`${area.id}-${n}`)) n += 1;
      id = `${area.id}-${n}`;
    }
    used.add(id);
    return id === area.id ? area : { ...area, id };
  });
}

/**
 * Copies the shared state's areas into the user's own work and goes back to it: the areas are
 * added in one undoable step, a clashing id renamed. Returns how many were added.
 */
export function copySharedAreas(store: AppStore): number {
  if (own === null) return 0;
  const areas = sharedAreas;
  backToOwnWork(store);
  if (areas.length === 0) {
    sharedView.setState({ message: { code: 'share.copiedAreas', params: { count: 0 } } });
    return 0;
  }
  const added = withFreeIds(
    areas,
    store.getState().areas.map((area) => area.id),
  );
  store.getState().addAreas(added);
  sharedView.setState({ message: { code: 'share.copiedAreas', params: { count: added.length } } });
  return added.length;
}

/** A link or file that could not be opened: said, and nothing changed. */
export function sharedFailed(error: AppError): void {
  sharedView.setState({ error, message: null });
}

/** A passing message in the share banner. */
export function sharedMessage(code: string, params?: Record<string, string | number>): void {
  sharedView.setState({ message: params ? { code, params } : { code }, error: null });
}

/** Closes the message of a failed link or of a copy. */
export function dismissSharedMessage(): void {
  sharedView.setState({ error: null, message: null });
}

/** True while a shared state is on screen. */
export function isSharedShown(): boolean {
  return own !== null;
}
