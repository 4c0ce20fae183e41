import { afterEach, describe, expect, test, vi } from 'vitest';
import { persistState } from './persist';
import { createAppStore } from './store';
import { SESSION_CHANNEL, startTabs, type TabCoordination, type TabLocks } from './tabs';

type Callback = (lock: unknown) => Promise<void> | void;

/** Web Locks for one lock name, as Chromium behaves: ifAvailable, waiting with a signal, steal. */
function fakeLocks() {
  let holder: { reject: (error: unknown) => void } | null = null;
  const queue: (() => void)[] = [];
  const grant = (
    callback: Callback,
    resolve: (v: unknown) => void,
    reject: (e: unknown) => void,
  ) => {
    const current = { reject };
    holder = current;
    Promise.resolve(callback({ name: 'lock' })).then((value) => {
      if (holder === current) {
        holder = null;
        queue.shift()?.();
      }
      resolve(value);
    }, reject);
  };
  const locks: TabLocks = {
    request: (_name, options, callback) =>
      new Promise((resolve, reject) => {
        if (options.steal) {
          holder?.reject(new DOMException('stolen', 'AbortError'));
          grant(callback, resolve, reject);
        } else if (!holder) grant(callback, resolve, reject);
        else if (options.ifAvailable) Promise.resolve(callback(null)).then(resolve, reject);
        else {
          const waiting = () => grant(callback, resolve, reject);
          queue.push(waiting);
          options.signal?.addEventListener('abort', () => {
            queue.splice(queue.indexOf(waiting), 1);
            reject(new DOMException('aborted', 'AbortError'));
          });
        }
      }),
  };
  return { locks, held: () => holder !== null };
}

/** Another tab that holds the writer lock until it is asked to hand over (or never). */
function otherWriter(locks: TabLocks, options: { answers: boolean }) {
  const channel = new BroadcastChannel(SESSION_CHANNEL);
  let release: () => void = () => {};
  const stolen = vi.fn();
  void locks
    .request(
      'koolstofkaart.session.writer',
      {},
      () => new Promise<void>((done) => (release = done)),
    )
    .catch(stolen);
  channel.onmessage = (event: MessageEvent<{ type: string }>) => {
    if (event.data.type === 'take-over' && options.answers) release();
  };
  return { channel, stolen, close: () => channel.close() };
}

const initialStatus = persistState.getState();
const started: TabCoordination[] = [];
const closers: (() => void)[] = [];
afterEach(() => {
  for (const tabs of started.splice(0)) tabs.stop();
  for (const close of closers.splice(0)) close();
  persistState.setState(initialStatus, true);
});

const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true));

describe('one writer among tabs', () => {
  test('the first tab becomes the writer', async () => {
    const { locks, held } = fakeLocks();
    const tabs = await startTabs(createAppStore(), { flush: async () => {} }, { locks });
    started.push(tabs);
    expect(persistState.getState().role).toBe('writer');
    expect(held()).toBe(true);
  });

  test('a second tab is the reader; taking over lets the writer hand over, then reloads', async () => {
    const { locks } = fakeLocks();
    const other = otherWriter(locks, { answers: true });
    closers.push(other.close);
    const reload = vi.fn(async () => {});
    const tabs = await startTabs(createAppStore(), { flush: async () => {} }, { locks, reload });
    started.push(tabs);
    expect(persistState.getState().role).toBe('reader');
    await tabs.takeOver();
    expect(reload).toHaveBeenCalledWith(expect.anything(), false);
    expect(persistState.getState().role).toBe('writer');
    expect(other.stolen).not.toHaveBeenCalled();
  });

  test('a writer that does not answer loses the lock after the wait', async () => {
    const { locks } = fakeLocks();
    const other = otherWriter(locks, { answers: false });
    closers.push(other.close);
    const tabs = await startTabs(
      createAppStore(),
      { flush: async () => {} },
      { locks, reload: async () => {}, waitMs: 50 },
    );
    started.push(tabs);
    await tabs.takeOver();
    expect(persistState.getState().role).toBe('writer');
    expect(other.stolen).toHaveBeenCalled();
  });

  test('the writer asked to hand over first saves its last change, then reads', async () => {
    const { locks, held } = fakeLocks();
    const flush = vi.fn(async () => {});
    const tabs = await startTabs(createAppStore(), { flush }, { locks });
    started.push(tabs);
    const asking = new BroadcastChannel(SESSION_CHANNEL);
    closers.push(() => asking.close());
    asking.postMessage({ type: 'take-over' });
    await until(() => persistState.getState().role === 'reader');
    expect(flush).toHaveBeenCalledOnce();
    expect(held()).toBe(false);
  });

  test("a reader follows the writer's saves until it has changes of its own", async () => {
    const { locks } = fakeLocks();
    const other = otherWriter(locks, { answers: true });
    closers.push(other.close);
    const reload = vi.fn(async () => {});
    const store = createAppStore();
    const tabs = await startTabs(store, { flush: async () => {} }, { locks, reload });
    started.push(tabs);
    other.channel.postMessage({ type: 'saved', savedAt: 'now' });
    await until(() => reload.mock.calls.length === 1);
    expect(reload).toHaveBeenLastCalledWith(store, true);
    // A change of the map view is not work; an area is.
    store.getState().setView({ center: [5, 52], zoom: 10, bearing: 0, pitch: 0 });
    expect(persistState.getState().changedWhileReader).toBe(false);
    store.getState().replaceAreas([]);
    store.getState().setScenario({ horizon_years: 30 });
    expect(persistState.getState().changedWhileReader).toBe(true);
    other.channel.postMessage({ type: 'saved', savedAt: 'later' });
    await new Promise((done) => setTimeout(done, 50));
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
