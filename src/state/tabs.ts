import { type Autosave, persistState, restoreSession } from './persist';
import type { AppState, AppStore } from './store';

/**
 * Whether the user's work changed (areas, scenario, scenes, own layers); view settings such as
 * the map view and the layers' looks change as the map loads and are not "work".
 */
function workChanged(state: AppState, previous: AppState): boolean {
  return (
    state.areas !== previous.areas ||
    state.scenario !== previous.scenario ||
    state.scenes !== previous.scenes ||
    state.userLayers !== previous.userLayers
  );
}

/** Web Lock held by the one tab that writes the session. */
export const WRITER_LOCK = 'koolstofkaart.session.writer';
/** BroadcastChannel on which the tabs of one browser profile talk about the session. */
export const SESSION_CHANNEL = 'koolstofkaart.session';
/** How long a takeover waits for the other tab to hand over before it takes the lock, ms. */
export const TAKEOVER_WAIT_MS = 5000;

type TabMessage = { type: 'take-over' } | { type: 'saved'; savedAt: string };

/** The parts of `navigator.locks` used here (a fake in tests). */
export interface TabLocks {
  request: (
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<void> | void,
  ) => Promise<unknown>;
}

export interface TabCoordination {
  /** Makes this tab the writer: the other tab saves and stops, this one loads what it saved. */
  takeOver: () => Promise<void>;
  /** Tells the other tabs that a write committed (autosave's `onCommitted`). */
  announceSaved: (savedAt: string) => void;
  stop: () => void;
}

/** The app's coordination, once started: the banner's "continue here" calls it. */
let active: TabCoordination | null = null;

/** Makes this tab the writer (the banner's action); nothing without coordination. */
export function takeOverHere(): Promise<void> {
  return active?.takeOver() ?? Promise.resolve();
}

export interface TabOptions {
  locks?: TabLocks | undefined;
  channel?: BroadcastChannel | undefined;
  /** Loads the saved session again (after a takeover, or to follow the writer). */
  reload?: (store: AppStore, quiet: boolean) => Promise<unknown>;
  waitMs?: number;
}

/**
 * One writer per browser profile (docs/reliability.md): the first tab holds a Web Lock and saves;
 * a tab opened next to it reads the session but writes nothing (`persistState.role` 'reader') and
 * says so, until the user takes over there. Then the writer flushes its last change, becomes the
 * reader and lets go of the lock; the new writer loads the saved session and saves from then on.
 * A reader without changes of its own follows each save of the writer. Without Web Locks (old
 * browsers) every tab writes, as before. Resolves once this tab's role is known.
 */
export async function startTabs(
  store: AppStore,
  autosave: Pick<Autosave, 'flush'>,
  {
    locks = globalThis.navigator?.locks as TabLocks | undefined,
    channel = typeof BroadcastChannel === 'function'
      ? new BroadcastChannel(SESSION_CHANNEL)
      : undefined,
    reload = (target, quiet) => restoreSession(target, undefined, undefined, { quiet }),
    waitMs = TAKEOVER_WAIT_MS,
  }: TabOptions = {},
): Promise<TabCoordination> {
  let release: (() => void) | null = null;
  /** Set while this tab puts another tab's session into the store: not a change of its own. */
  let following = false;

  const becomeReader = () => {
    release?.();
    release = null;
    persistState.setState({ role: 'reader', changedWhileReader: false });
  };

  /** Requests the lock; resolves true once held, false when not available (ifAvailable). */
  const acquire = (options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal }) =>
    new Promise<boolean>((resolve, reject) => {
      if (!locks) {
        resolve(true);
        return;
      }
      locks
        .request(WRITER_LOCK, options, (lock) => {
          if (!lock) {
            resolve(false);
            return;
          }
          resolve(true);
          return new Promise<void>((done) => {
            release = done;
          });
        })
        .catch((error: unknown) => {
          // Stolen by a tab that could not wait: this tab no longer writes.
          if (persistState.getState().role === 'writer' && release) becomeReader();
          reject(error);
        });
    });

  const unsubscribe = store.subscribe((state, previous) => {
    // A shared state on screen is not this tab's own work.
    const status = persistState.getState();
    if (following || status.role !== 'reader' || status.shared === true) return;
    if (workChanged(state, previous) && !persistState.getState().changedWhileReader) {
      persistState.setState({ changedWhileReader: true });
    }
  });

  const onMessage = async (event: MessageEvent<TabMessage>) => {
    const message = event.data;
    const status = persistState.getState();
    if (message.type === 'take-over' && status.role === 'writer' && release) {
      // Save the last change first, then hand over.
      await autosave.flush();
      becomeReader();
    } else if (
      message.type === 'saved' &&
      status.role === 'reader' &&
      !status.changedWhileReader &&
      status.shared !== true
    ) {
      following = true;
      try {
        await reload(store, true);
      } finally {
        following = false;
      }
    }
  };
  channel?.addEventListener('message', onMessage as (event: MessageEvent) => void);

  const first = await acquire({ ifAvailable: true }).catch(() => true);
  persistState.setState({ role: first ? 'writer' : 'reader', changedWhileReader: false });

  const takeOver = async () => {
    if (persistState.getState().role === 'writer') return;
    channel?.postMessage({ type: 'take-over' } satisfies TabMessage);
    const waiting = new AbortController();
    const timer = setTimeout(() => waiting.abort(), waitMs);
    try {
      await acquire({ signal: waiting.signal });
    } catch {
      // The other tab did not hand over in time (frozen or closing): take the lock from it.
      await acquire({ steal: true });
    } finally {
      clearTimeout(timer);
    }
    following = true;
    try {
      await reload(store, false);
    } finally {
      following = false;
    }
    persistState.setState({ role: 'writer', changedWhileReader: false });
  };

  active = {
    takeOver,
    announceSaved: (savedAt) =>
      channel?.postMessage({ type: 'saved', savedAt } satisfies TabMessage),
    stop: () => {
      unsubscribe();
      channel?.removeEventListener('message', onMessage as (event: MessageEvent) => void);
      channel?.close();
      release?.();
      active = null;
    },
  };
  return active;
}
